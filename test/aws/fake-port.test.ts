// The fake port is what apply and reader tests trust, so its AWS rules are tested here.
import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import type { NotificationKey } from '../../src/model/desired.js';
import { FakeAwsPort } from '../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const key: NotificationKey = { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' };

async function rejection(promise: Promise<unknown>): Promise<AwsCallError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AwsCallError);
  return error as AwsCallError;
}

describe('FakeAwsPort organization rules', () => {
  it('reports no organization until one is created, then lists the management account in the root', async () => {
    const fake = new FakeAwsPort();
    expect(await fake.describeOrganization()).toBeNull();
    expect((await rejection(fake.listRoots())).kind).toBe('notInUse');
    const org = await fake.createOrganization('ALL');
    expect(org.managementAccountId).toBe(MGMT);
    const [root] = await fake.listRoots();
    expect(root?.id).toBe(fake.rootId);
    expect((await fake.listAccountsForParent(fake.rootId)).map((a) => a.id)).toEqual([MGMT]);
    expect((await rejection(fake.createOrganization('ALL'))).code).toBe('AlreadyInOrganizationException');
  });

  it('keeps OU names unique among siblings only and limits depth to five', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const a = await fake.createOrganizationalUnit(rootId, 'A');
    expect((await rejection(fake.createOrganizationalUnit(rootId, 'A'))).code).toBe('DuplicateOrganizationalUnitException');
    await fake.createOrganizationalUnit(a.id, 'A'); // same name, other parent: fine
    let parent = a.id;
    for (let depth = 2; depth <= 5; depth++) parent = (await fake.createOrganizationalUnit(parent, `L${depth}`)).id;
    const tooDeep = await rejection(fake.createOrganizationalUnit(parent, 'L6'));
    expect([tooDeep.kind, tooDeep.reason]).toEqual(['constraint', 'OU_DEPTH_LIMIT_EXCEEDED']);
    expect(fake.pathOf(parent)).toBe('/A/L2/L3/L4/L5');
  });

  it('renames in place, refuses a sibling name clash, and refuses to delete a non-empty OU', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const a = fake.seedOu(rootId, 'A');
    fake.seedOu(rootId, 'B');
    const account = fake.seedAccount({ name: 'app', parentId: a });
    expect((await rejection(fake.renameOrganizationalUnit(a, 'B'))).code).toBe('DuplicateOrganizationalUnitException');
    await fake.renameOrganizationalUnit(a, 'Apps');
    expect(fake.ouIdByPath('/Apps')).toBe(a);
    const notEmpty = await rejection(fake.deleteOrganizationalUnit(a));
    expect([notEmpty.kind, notEmpty.code]).toEqual(['constraint', 'OrganizationalUnitNotEmptyException']);
    await fake.moveAccount(account, a, rootId);
    await fake.deleteOrganizationalUnit(a);
    expect(fake.ouIdByPath('/Apps')).toBeUndefined();
    expect((await rejection(fake.deleteOrganizationalUnit(a))).code).toBe('OrganizationalUnitNotFoundException');
  });

  it('checks MoveAccount like AWS', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const a = fake.seedOu(rootId, 'A');
    const b = fake.seedOu(rootId, 'B');
    const acct = fake.seedAccount({ name: 'x' });
    const codeOf = async (p: Promise<unknown>) => (await rejection(p)).code;
    expect(await codeOf(fake.moveAccount('999999999999', rootId, a))).toBe('AccountNotFoundException');
    expect(await codeOf(fake.moveAccount(acct, 'ou-none-00000000', a))).toBe('SourceParentNotFoundException');
    expect(await codeOf(fake.moveAccount(acct, rootId, 'ou-none-00000000'))).toBe('DestinationParentNotFoundException');
    expect(await codeOf(fake.moveAccount(acct, rootId, rootId))).toBe('DuplicateAccountException');
    expect(await codeOf(fake.moveAccount(acct, a, b))).toBe('AccountNotFoundException');
    await fake.moveAccount(acct, rootId, a);
    expect(fake.parentOf(acct)).toBe(a);
  });

  it('lets only the management account write', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    fake.callerAccountId = '333333333333';
    const denied = await rejection(fake.createOrganizationalUnit(rootId, 'A'));
    expect(denied.kind).toBe('accessDenied');
    expect(denied.describe()).toContain('organizations:CreateOrganizationalUnit');
  });
});

describe('FakeAwsPort budget rules', () => {
  const spec = { name: 'monthly', amount: 100, unit: 'USD', timeUnit: 'MONTHLY' as const, notifications: [{ ...key, subscribers: [{ type: 'EMAIL' as const, address: 'a@example.com' }] }] };

  it('creates, updates and deletes budgets, refusing duplicates and missing ones', async () => {
    const fake = new FakeAwsPort();
    await fake.createBudget(MGMT, spec, { 'managed-by': 'orgctl' });
    expect((await rejection(fake.createBudget(MGMT, spec, {}))).code).toBe('DuplicateRecordException');
    await fake.updateBudget(MGMT, { name: 'monthly', amount: 250.5, unit: 'USD', timeUnit: 'QUARTERLY' });
    expect(await fake.describeBudgets(MGMT)).toEqual([{ name: 'monthly', budgetType: 'COST', amount: 250.5, unit: 'USD', timeUnit: 'QUARTERLY' }]);
    expect(await fake.listBudgetTags(MGMT, 'monthly')).toEqual({ 'managed-by': 'orgctl' });
    expect(await fake.describeBudgetNotificationsForAccount(MGMT)).toEqual([{ budgetName: 'monthly', notifications: [key] }]);
    await fake.deleteBudget(MGMT, 'monthly');
    expect((await rejection(fake.updateBudget(MGMT, { name: 'monthly', amount: 1, unit: 'USD', timeUnit: 'MONTHLY' }))).kind).toBe('notFound');
  });

  it('enforces notification and subscriber limits and cascades the last subscriber', async () => {
    const fake = new FakeAwsPort();
    await fake.createBudget(MGMT, spec, {});
    const sns = { type: 'SNS' as const, address: 'arn:aws:sns:us-east-1:111111111111:alerts' };
    await fake.createSubscriber(MGMT, 'monthly', key, sns);
    const second = await rejection(fake.createSubscriber(MGMT, 'monthly', key, { type: 'SNS', address: 'arn:aws:sns:us-east-1:111111111111:other' }));
    expect(second.code).toBe('CreationLimitExceededException');
    expect((await rejection(fake.createNotification(MGMT, 'monthly', key, [sns]))).code).toBe('DuplicateRecordException');
    const moved = { ...key, threshold: 90 };
    await fake.updateNotification(MGMT, 'monthly', key, moved);
    expect(await fake.describeSubscribersForNotification(MGMT, 'monthly', moved)).toHaveLength(2);
    await fake.deleteSubscriber(MGMT, 'monthly', moved, sns);
    await fake.deleteSubscriber(MGMT, 'monthly', moved, { type: 'EMAIL', address: 'a@example.com' });
    expect(fake.budget(MGMT, 'monthly')?.notifications).toEqual([]);
    for (let i = 0; i < 10; i++) await fake.createNotification(MGMT, 'monthly', { ...key, threshold: i }, [sns]);
    expect((await rejection(fake.createNotification(MGMT, 'monthly', { ...key, threshold: 99 }, [sns]))).code).toBe('CreationLimitExceededException');
  });
});

describe('FakeAwsPort fault injection', () => {
  it('retries injected throttling and ConcurrentModification, counting every attempt', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    fake.failNext('CreateOrganizationalUnit', 'throttled', 3).failNext('CreateOrganizationalUnit', 'concurrentModification', 2);
    await fake.createOrganizationalUnit(rootId, 'A');
    expect(fake.callCount('CreateOrganizationalUnit')).toBe(6);
    expect(fake.stats()).toEqual({ calls: { CreateOrganizationalUnit: 6 }, throttled: { CreateOrganizationalUnit: 3 }, retried: { CreateOrganizationalUnit: 2 } });
    expect(fake.ouIdByPath('/A')).toBeDefined();
  });

  it('fails at once for a non-retryable kind and leaves state untouched', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    fake.failNext('CreateOrganizationalUnit', 'accessDenied');
    const error = await rejection(fake.createOrganizationalUnit(rootId, 'A'));
    expect(error.describe()).toMatch(/^CreateOrganizationalUnit failed: AccessDeniedException: the credentials lack organizations:CreateOrganizationalUnit/);
    expect(fake.callCount()).toBe(1);
    expect(fake.ouIdByPath('/A')).toBeUndefined();
  });

  it('gives up after the policy allows, and `when` targets matching arguments only', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const a = fake.seedOu(rootId, 'A');
    fake.failNext('ListAccountsForParent', 'throttled', 50, { when: ([parent]) => parent === a });
    expect(await fake.listAccountsForParent(rootId)).toHaveLength(1);
    const error = await rejection(fake.listAccountsForParent(a));
    expect(error.message).toContain('gave up after 10 attempts');
    expect(fake.callCount('ListAccountsForParent')).toBe(11);
  });

  it('runs onCall listeners before the call acts', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    fake.onCall('ListOrganizationalUnitsForParent', () => fake.seedOu(rootId, `late-${fake.callCount()}`));
    expect((await fake.listOrganizationalUnitsForParent(rootId)).map((o) => o.name)).toEqual(['late-0']);
  });
});
