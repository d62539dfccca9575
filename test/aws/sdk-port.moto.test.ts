// createSdkPort + readLiveOrg against moto_server, an independent AWS emulator. The organization is
// built with the SDK directly, so the adapter is checked against state it did not create itself.
// Not covered here because moto lacks the operations (UpdateBudget, DescribeSubscribersForNotification,
// DescribeBudgetNotificationsForAccount, CreateSubscriber, DeleteSubscriber, UpdateNotification,
// Budgets ListTagsForResource): those are covered over real HTTP in sdk-port.scripted.test.ts and
// against our own emulator by the plan/apply suites.

import { BudgetsClient, DescribeNotificationsForBudgetCommand } from '@aws-sdk/client-budgets';
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import { UserError } from '../../src/model/errors.js';
import { expectedReadCalls } from '../../src/reader/read-call-bound.js';
import { readLiveOrg } from '../../src/reader/read-live-org.js';
import { describeWithMoto, MOTO_ACCOUNT, useMoto } from '../support/moto.js';

describeWithMoto('SDK port against moto', () => {
  // Time scale 200: the published rates still shape the calls, without making the suite slow.
  const moto = useMoto({ port: { rateScale: 200 }, clients: (config) => ({ orgs: new OrganizationsClient(config), budgets: new BudgetsClient(config) }) });

  async function createOu(parentId: string, name: string): Promise<string> {
    const out = await moto.clients.orgs.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name }));
    return out.OrganizationalUnit!.Id!;
  }

  async function createAccount(name: string, parentId: string, rootId: string): Promise<string> {
    const out = await moto.clients.orgs.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
    const id = out.CreateAccountStatus!.AccountId!;
    if (parentId !== rootId) await moto.clients.orgs.send(new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: parentId }));
    return id;
  }

  it('reads an organization with more than a page of children at several levels, with exactly the expected calls', async () => {
    await moto.clients.orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const rootId = (await moto.clients.orgs.send(new ListRootsCommand({}))).Roots![0]!.Id!;
    // Root: 23 OUs (2 pages). /A00: 21 OUs (2 pages). /A00/B00: 25 accounts (2 pages). Root: 21 accounts + management (2 pages).
    const top: string[] = [];
    for (let i = 0; i < 23; i++) top.push(await createOu(rootId, `A${String(i).padStart(2, '0')}`));
    const second: string[] = [];
    for (let i = 0; i < 21; i++) second.push(await createOu(top[0]!, `B${String(i).padStart(2, '0')}`));
    let deepest = second[0]!;
    for (const name of ['C', 'D', 'E']) deepest = await createOu(deepest, name); // depth 5: /A00/B00/C/D/E
    const placed = new Map<string, string>();
    for (let i = 0; i < 25; i++) placed.set(await createAccount(`b00-${i}`, second[0]!, rootId), second[0]!);
    for (let i = 0; i < 21; i++) placed.set(await createAccount(`root-${i}`, rootId, rootId), rootId);
    placed.set(await createAccount('deep', deepest, rootId), deepest);

    const live = await readLiveOrg(moto.port, { managementAccountId: MOTO_ACCOUNT });

    expect(live.organization?.managementAccountId).toBe(MOTO_ACCOUNT);
    expect(live.root?.id).toBe(rootId);
    expect(live.ous).toHaveLength(23 + 21 + 3);
    expect(new Set(live.ous.filter((o) => o.parentId === rootId).map((o) => o.id))).toEqual(new Set(top));
    expect(new Set(live.ous.filter((o) => o.parentId === top[0]).map((o) => o.id))).toEqual(new Set(second));
    expect(live.ous.find((o) => o.id === deepest)).toMatchObject({ name: 'E' });
    const parentOf = new Map(live.accounts.map((a) => [a.id, a.parentId]));
    for (const [id, parent] of placed) expect(parentOf.get(id)).toBe(parent);
    expect(parentOf.get(MOTO_ACCOUNT)).toBe(rootId);
    expect(live.accounts).toHaveLength(placed.size + 1);
    expect(live.accounts.find((a) => a.id === MOTO_ACCOUNT)).toMatchObject({ name: 'master', email: 'master@example.com', state: 'ACTIVE' });
    expect(live.budgets).toEqual([]);

    // The call-count contract: one page per parent, plus a page per extra 20 children.
    const parents = 1 + live.ous.length; // 48
    const calls = moto.port.stats().calls;
    expect(calls).toEqual({
      GetCallerIdentity: 1,
      DescribeOrganization: 1,
      ListRoots: 1,
      ListOrganizationalUnitsForParent: parents + 1 + 1, // root and /A00 need a second page
      ListAccountsForParent: parents + 1 + 1, // root (22) and /A00/B00 (25) need a second page
      DescribeBudgets: 1,
    });
    expect(calls).toEqual(expectedReadCalls(live));
    expect(moto.port.stats().throttled).toEqual({});
  });

  it('guards: other credentials are refused; no organization reads budgets only', async () => {
    await expect(readLiveOrg(moto.port, { managementAccountId: '999999999999' })).rejects.toThrow(UserError);
    expect(moto.port.stats().calls).toEqual({ GetCallerIdentity: 1 });
    moto.port.resetStats();
    const live = await readLiveOrg(moto.port, { managementAccountId: MOTO_ACCOUNT });
    expect(live).toEqual({ callerAccountId: MOTO_ACCOUNT, organization: null, root: null, ous: [], accounts: [], budgets: [] });
    expect(moto.port.stats().calls).toEqual({ GetCallerIdentity: 1, DescribeOrganization: 1, DescribeBudgets: 1 });
  });

  it('creates the organization and changes OUs and accounts through the port', async () => {
    const organization = await moto.port.createOrganization('ALL');
    expect(organization).toMatchObject({ featureSet: 'ALL', managementAccountId: MOTO_ACCOUNT });
    const [root] = await moto.port.listRoots();
    const prod = await moto.port.createOrganizationalUnit(root!.id, 'Prod');
    const dev = await moto.port.createOrganizationalUnit(root!.id, 'Dev');
    const nested = await moto.port.createOrganizationalUnit(prod.id, 'Web');
    expect(prod.name).toBe('Prod');
    await moto.port.renameOrganizationalUnit(dev.id, 'Development');
    const member = await createAccount('member', root!.id, root!.id);
    await moto.port.moveAccount(member, root!.id, nested.id);
    await moto.port.deleteOrganizationalUnit(dev.id);

    const live = await readLiveOrg(moto.port, { managementAccountId: MOTO_ACCOUNT });
    expect(live.ous.map((o) => [o.name, o.parentId])).toEqual([
      ['Prod', root!.id],
      ['Web', prod.id],
    ]);
    expect(live.accounts.find((a) => a.id === member)?.parentId).toBe(nested.id);

    // (moto does not refuse deleting a non-empty OU; FakeAwsPort and our emulator do.)
    const missing = (await moto.port.renameOrganizationalUnit('ou-zzzz-zzzzzzzz', 'X').catch((e: unknown) => e)) as AwsCallError;
    expect(missing).toBeInstanceOf(AwsCallError);
    expect([missing.kind, missing.code]).toEqual(['notFound', 'OrganizationalUnitNotFoundException']);
    const noParent = (await moto.port.listAccountsForParent('ou-zzzz-zzzzzzzz').catch((e: unknown) => e)) as AwsCallError;
    expect(noParent.describe()).toMatch(/^ListAccountsForParent failed: ParentNotFoundException/);
  });

  it('creates, reads and deletes budgets and notifications through the port', async () => {
    const alert = { type: 'ACTUAL' as const, comparison: 'GREATER_THAN' as const, threshold: 80, thresholdType: 'PERCENTAGE' as const };
    const forecast = { type: 'FORECASTED' as const, comparison: 'GREATER_THAN' as const, threshold: 120.5, thresholdType: 'ABSOLUTE_VALUE' as const };
    const subscribers = [{ type: 'EMAIL' as const, address: 'finops@example.com' }];
    await moto.port.createBudget(MOTO_ACCOUNT, { name: 'monthly', amount: 1234.5, unit: 'USD', timeUnit: 'MONTHLY', notifications: [{ ...alert, subscribers }] }, { 'managed-by': 'orgctl' });
    expect(await moto.port.describeBudgets(MOTO_ACCOUNT)).toEqual([{ name: 'monthly', budgetType: 'COST', amount: 1234.5, unit: 'USD', timeUnit: 'MONTHLY' }]);

    await moto.port.createNotification(MOTO_ACCOUNT, 'monthly', forecast, subscribers);
    const notifications = async () =>
      (await moto.clients.budgets.send(new DescribeNotificationsForBudgetCommand({ AccountId: MOTO_ACCOUNT, BudgetName: 'monthly' }))).Notifications?.map((n) => [n.NotificationType, n.Threshold, n.ThresholdType ?? 'PERCENTAGE']);
    expect(await notifications()).toEqual([
      ['ACTUAL', 80, 'PERCENTAGE'],
      ['FORECASTED', 120.5, 'ABSOLUTE_VALUE'],
    ]);
    await moto.port.deleteNotification(MOTO_ACCOUNT, 'monthly', alert);
    expect(await notifications()).toEqual([['FORECASTED', 120.5, 'ABSOLUTE_VALUE']]);

    const duplicate = (await moto.port.createBudget(MOTO_ACCOUNT, { name: 'monthly', amount: 1, unit: 'USD', timeUnit: 'MONTHLY', notifications: [] }, {}).catch((e: unknown) => e)) as AwsCallError;
    expect([duplicate.kind, duplicate.code]).toEqual(['alreadyExists', 'DuplicateRecordException']);
    await moto.port.deleteBudget(MOTO_ACCOUNT, 'monthly');
    expect(await moto.port.describeBudgets(MOTO_ACCOUNT)).toEqual([]);
    const gone = (await moto.port.deleteBudget(MOTO_ACCOUNT, 'monthly').catch((e: unknown) => e)) as AwsCallError;
    expect([gone.kind, gone.code]).toEqual(['notFound', 'NotFoundException']);
  });
});
