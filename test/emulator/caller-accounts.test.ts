// Who is calling: the access key picks the account (AKIA + 12 digits acts as that account), STS
// GetCallerIdentity says which, and Organizations answers members and outsiders as AWS does.

import { DescribeOrganizationCommand, ListAccountsCommand, ListRootsCommand, CreateOrganizationCommand, CreateOrganizationalUnitCommand } from '@aws-sdk/client-organizations';
import { DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, budgets, createAccount, createOrganization, orgs } from './helpers.js';

describe('caller accounts', () => {
  const emulator = useEmulator({ createAccountDelayMs: 0 });

  it('STS GetCallerIdentity (query protocol, XML) names the default account, or the account in the access key', async () => {
    const me = await new STSClient(emulator().clientConfig).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: MANAGEMENT, Arn: `arn:aws:iam::${MANAGEMENT}:user/orgctl-emulator` });
    const other = await new STSClient(emulator().clientConfigAs('210987654321')).send(new GetCallerIdentityCommand({}));
    expect(other.Account).toBe('210987654321');
  });

  it('a member account may DescribeOrganization but gets AccessDeniedException (403) for management-only calls', async () => {
    await createOrganization(orgs(emulator().clientConfig));
    const member = await createAccount(orgs(emulator().clientConfig), 'Member');
    const asMember = orgs(emulator().clientConfigAs(member));
    const org = await asMember.send(new DescribeOrganizationCommand({}));
    expect(org.Organization?.MasterAccountId).toBe(MANAGEMENT);
    const denied = { name: 'AccessDeniedException', status: 403 };
    expect(await awsError(asMember.send(new ListRootsCommand({})))).toMatchObject(denied);
    expect(await awsError(asMember.send(new ListAccountsCommand({})))).toMatchObject(denied);
    expect(await awsError(asMember.send(new CreateOrganizationalUnitCommand({ ParentId: 'r-abcd', Name: 'x' })))).toMatchObject(denied);
    expect(await awsError(asMember.send(new CreateOrganizationCommand({})))).toMatchObject({ name: 'AlreadyInOrganizationException' });
  });

  it('an account outside the organization gets AWSOrganizationsNotInUseException', async () => {
    await createOrganization(orgs(emulator().clientConfig));
    const outsider = orgs(emulator().clientConfigAs('555555555555'));
    expect(await awsError(outsider.send(new DescribeOrganizationCommand({})))).toMatchObject({ name: 'AWSOrganizationsNotInUseException', status: 404 });
  });

  it("Budgets refuses another account's AccountId with AccessDeniedException", async () => {
    const error = await awsError(budgets(emulator().clientConfigAs('555555555555')).send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT })));
    expect(error).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    const own = await budgets(emulator().clientConfigAs('555555555555')).send(new DescribeBudgetsCommand({ AccountId: '555555555555' }));
    expect(own.Budgets).toEqual([]);
  });

  it('an emulator started with accountId acts as that account by default', async () => {
    const { startTestEmulator } = await import('../support/emulator.js');
    const other = await startTestEmulator({ accountId: '111122223333' });
    try {
      const me = await new STSClient(other.clientConfig).send(new GetCallerIdentityCommand({}));
      expect(me.Account).toBe('111122223333');
      const created = await orgs(other.clientConfig).send(new CreateOrganizationCommand({}));
      expect(created.Organization?.MasterAccountId).toBe('111122223333');
    } finally {
      await other.stop();
    }
  });
});
