// Member accounts' alternate contacts end to end (issue #15), against our emulator and against moto:
// plan, apply and plan again converge, each member's contact read and written with its AccountId (the
// org-wide default from security.alternateContacts, one type overridden on the account entry).

import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import type { DesiredAlternateContact, DesiredOrg } from '../../src/model/desired.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { aSecurity } from '../audit/support.js';
import { aDesiredOrg } from '../support/builders.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { describeWithMoto, useMoto } from '../support/moto.js';
import { emulatorPort, FAST_RETRIES, MGMT, snapshotOf } from './support/emulator-world.js';

const SHA = '8'.repeat(64);
const SEC: DesiredAlternateContact = { type: 'SECURITY', email: 'security@example.com', name: 'Sec', title: 'CISO', phone: '+1 555 0100' };
const OWN_SEC: DesiredAlternateContact = { type: 'SECURITY', email: 'team-security@example.com', name: 'Team Sec', title: 'Lead', phone: '+1 555 0200' };

function desired(managementName: string | undefined, members: readonly { id: string; name: string; own?: boolean }[]): DesiredOrg {
  const org = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT, '/', managementName === undefined ? {} : { name: managementName });
  for (const m of members) org.withAccountEntry({ id: m.id, name: m.name, ...(m.own && { alternateContacts: [OWN_SEC] }) });
  return { ...org.build(), security: aSecurity({ breakGlassUsers: [], identityCenter: 'optional', alternateContacts: [SEC], memberAlternateContacts: true }) };
}

describe('member alternate contacts against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('sets every member\'s contacts with its AccountId; the plan after is empty', async () => {
    emulator.seed(snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }, { id: '200000000001', parentPath: '/' }, { id: '200000000002', parentPath: '/' }], budgets: [] }));
    const port = emulatorPort(emulator.url);
    try {
      const names = (await makePlan(port, desired(undefined, []), SHA)).live.accounts;
      const members = [
        { id: '200000000001', name: names.find((a) => a.id === '200000000001')!.name },
        { id: '200000000002', name: names.find((a) => a.id === '200000000002')!.name, own: true },
      ];
      const wanted = desired(names.find((a) => a.id === MGMT)!.name, members);
      const outcome = await runApplyWorkflow({ port, desired: wanted, orgYamlSha256: SHA, confirm: async () => true });
      if (outcome.kind !== 'applied') throw new Error(outcome.kind);
      expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
      expect(outcome.converged).toBe(true);
      expect((await makePlan(port, wanted, SHA)).plan.steps).toEqual([]);
      const puts = emulator.requestLog().filter((e) => e.operation === 'PutAlternateContact');
      expect(puts.map((e) => (e.input as { AccountId?: string }).AccountId ?? 'caller').sort()).toEqual(['200000000001', '200000000002', 'caller']);
    } finally {
      port.destroy();
    }
  });
});

describeWithMoto('member alternate contacts against moto', () => {
  const moto = useMoto({
    port: { rateScale: 1000, retryPolicy: FAST_RETRIES },
    clients: (config) => ({ orgs: new OrganizationsClient(config), account: new AccountClient(config) }),
  });

  it('sets every member\'s contacts with its AccountId; the plan after is empty', async () => {
    await moto.clients.orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const member = (await moto.clients.orgs.send(new CreateAccountCommand({ AccountName: 'team', Email: 'team@example.com' }))).CreateAccountStatus!.AccountId!;
    const other = (await moto.clients.orgs.send(new CreateAccountCommand({ AccountName: 'other', Email: 'other@example.com' }))).CreateAccountStatus!.AccountId!;
    const wanted = desired('master', [
      { id: member, name: 'team' },
      { id: other, name: 'other', own: true },
    ]);
    const outcome = await runApplyWorkflow({ port: moto.port, desired: wanted, orgYamlSha256: SHA, confirm: async () => true });
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
    expect(outcome.converged).toBe(true);
    expect((await makePlan(moto.port, wanted, SHA)).plan.steps).toEqual([]);
    // Read back without orgctl.
    const read = async (accountId: string) =>
      (await moto.clients.account.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY', AccountId: accountId }))).AlternateContact?.EmailAddress;
    expect(await read(member)).toBe('security@example.com');
    expect(await read(other)).toBe('team-security@example.com');
  });
});
