// executeStep against FakeAwsPort: every kind does its work, and every kind succeeds without doing
// it twice when AWS says it is already done (a crashed or dropped earlier attempt, another apply).

import { describe, expect, it } from 'vitest';
import { executeStep, type StepContext } from '../../src/apply/execute-step.js';
import { IdRegistry } from '../../src/apply/id-registry.js';
import { isAwsCallError } from '../../src/aws/errors.js';
import type { NotificationKey, Subscriber } from '../../src/model/desired.js';
import type { NotificationSpec, PlanStep } from '../../src/model/plan.js';
import { parentRef } from '../../src/model/refs.js';
import { MANAGED_TAGS } from '../support/builders.js';
import { FakeAwsPort } from '../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const KEY: NotificationKey = { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' };
const NEW_KEY: NotificationKey = { ...KEY, threshold: 90 };
const ALICE: Subscriber = { type: 'EMAIL', address: 'alice@example.com' };
const BOB: Subscriber = { type: 'EMAIL', address: 'bob@example.com' };
const TOPIC: Subscriber = { type: 'SNS', address: 'arn:aws:sns:us-east-1:111111111111:alerts' };
const base = { reason: 'test', dependsOn: [] as number[] };

function organization(): FakeAwsPort {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  return fake;
}

/** The context apply gives steps: IDs from the organization as it is now (when the plan was made). */
function contextOf(fake: FakeAwsPort): StepContext {
  return { port: fake, ids: IdRegistry.fromLive(fake.liveOrg()), managementAccountId: MGMT };
}

const writes = (fake: FakeAwsPort) => fake.calls.filter((c) => /^(Create|Update|Delete|Move)/.test(c.operation)).map((c) => c.operation);

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the step to fail');
}

const createOu = (path: string, parentPath: string, name: string): PlanStep => ({ ...base, kind: 'createOrganizationalUnit', address: `ou:${path}`, before: null, after: { path, name, parent: parentRef(parentPath) } });
const moveAccount = (accountId: string, from: string, to: string): PlanStep => ({
  ...base,
  kind: 'moveAccount',
  address: `account:${accountId}`,
  accountId,
  before: { parent: parentRef(from), accountName: 'x' },
  after: { parent: parentRef(to) },
});
const budgetSpec = (notifications: readonly NotificationSpec[]) => ({ name: 'monthly', amount: 50, unit: 'USD', timeUnit: 'MONTHLY' as const, notifications });

describe('executeStep: organization and OUs', () => {
  it('createOrganization creates it and makes "/" resolvable; an organization an earlier run created is adopted', async () => {
    const fresh = new FakeAwsPort();
    const ctx = contextOf(fresh);
    await executeStep({ ...base, kind: 'createOrganization', address: 'organization', before: null, after: { featureSet: 'ALL' } }, ctx);
    expect(fresh.organizationOrNull?.managementAccountId).toBe(MGMT);
    expect(ctx.ids.findAfter(parentRef('/'))).toBe(fresh.rootId);

    // The plan was made before the organization existed; by the time the step runs, it does.
    const raced = new FakeAwsPort();
    const stale = contextOf(raced);
    raced.seedOrganization();
    await executeStep({ ...base, kind: 'createOrganization', address: 'organization', before: null, after: { featureSet: 'ALL' } }, stale);
    expect(stale.ids.findBefore(parentRef('/'))).toBe(raced.rootId);
    expect(writes(raced)).toEqual([]);
  });

  it('createOrganization refuses an organization managed by another account', async () => {
    const fake = new FakeAwsPort();
    const ctx = contextOf(fake);
    fake.seedOrganization({ managementAccountId: '999999999999' });
    const error = await failureOf(executeStep({ ...base, kind: 'createOrganization', address: 'organization', before: null, after: { featureSet: 'ALL' } }, ctx));
    expect(String(error)).toContain('management account is 999999999999, not 111111111111');
  });

  it('createOrganizationalUnit: an OU that now exists (same name, same parent) is used, not created twice', async () => {
    const fake = organization();
    const ctx = contextOf(fake);
    const existing = fake.seedOu(fake.rootId, 'Prod'); // appeared after the plan was made
    const account = fake.seedAccount({ name: 'app' });
    await executeStep(createOu('/Prod', '/', 'Prod'), ctx);
    await executeStep(moveAccount(account, '/', '/Prod'), ctx);
    expect(ctx.ids.findAfter(parentRef('/Prod'))).toBe(existing);
    expect(fake.liveOrg().ous).toHaveLength(1);
    expect(fake.parentOf(account)).toBe(existing);
  });

  it('createOrganizationalUnit: when AWS says a name differing only in case is taken, the error says how to rename it', async () => {
    const fake = organization();
    fake.seedOu(fake.rootId, 'prod');
    fake.failNext('CreateOrganizationalUnit', 'alreadyExists', 1, { code: 'DuplicateOrganizationalUnitException' });
    const error = await failureOf(executeStep(createOu('/Prod', '/', 'Prod'), contextOf(fake)));
    expect(String(error)).toContain('AWS refuses "Prod" because an OU named "prod" exists under / (it compares OU names without regard to case)');
    expect(String(error)).toContain('renamedFrom: "prod"');
  });

  it('createOrganizationalUnit resolves a parent created earlier in the run, and fails clearly when it was not', async () => {
    const fake = organization();
    const ctx = contextOf(fake);
    await executeStep(createOu('/A', '/', 'A'), ctx);
    await executeStep(createOu('/A/B', '/A', 'B'), ctx);
    await executeStep(createOu('/A/B/C', '/A/B', 'C'), ctx);
    expect(fake.ouIdByPath('/A/B/C')).toBe(ctx.ids.findAfter(parentRef('/A/B/C')));
    const error = await failureOf(executeStep(createOu('/X/Y', '/X', 'Y'), ctx));
    expect(String(error)).toContain('the OU /X does not exist');
    expect(writes(fake)).toEqual(['CreateOrganizationalUnit', 'CreateOrganizationalUnit', 'CreateOrganizationalUnit']);
  });

  it('renameOrganizationalUnit: already renamed is fine; the name held by another OU is an error; paths below follow', async () => {
    const fake = organization();
    const old = fake.seedOu(fake.rootId, 'Old');
    const child = fake.seedOu(old, 'Child');
    const ctx = contextOf(fake);
    const rename: PlanStep = { ...base, kind: 'renameOrganizationalUnit', address: 'ou:/New', before: { path: '/Old', name: 'Old', id: old }, after: { path: '/New', name: 'New' } };
    await executeStep(rename, ctx);
    await executeStep(rename, ctx); // a second attempt after a lost reply
    expect(fake.pathOf(old)).toBe('/New');
    expect(ctx.ids.findAfter(parentRef('/New/Child'))).toBe(child);
    expect(ctx.ids.findAfter(parentRef('/Old/Child'))).toBeUndefined();
    expect(ctx.ids.findBefore(parentRef('/Old/Child'))).toBe(child);

    const other = organization();
    const a = other.seedOu(other.rootId, 'A');
    other.seedOu(other.rootId, 'B');
    const error = await failureOf(
      executeStep({ ...base, kind: 'renameOrganizationalUnit', address: 'ou:/B', before: { path: '/A', name: 'A', id: a }, after: { path: '/B', name: 'B' } }, contextOf(other)),
    );
    expect(isAwsCallError(error, 'alreadyExists')).toBe(true);
  });

  it('deleteOrganizationalUnit: an OU already gone is fine; a non-empty one is an error', async () => {
    const fake = organization();
    const gone = fake.seedOu(fake.rootId, 'Gone');
    const full = fake.seedOu(fake.rootId, 'Full');
    fake.seedAccount({ name: 'in-full', parentId: full });
    const ctx = contextOf(fake);
    const del = (id: string, path: string): PlanStep => ({ ...base, kind: 'deleteOrganizationalUnit', address: `ou:${path}`, before: { path, name: path.slice(1), id }, after: null });
    await executeStep(del(gone, '/Gone'), ctx);
    await executeStep(del(gone, '/Gone'), ctx);
    expect(ctx.ids.findAfter(parentRef('/Gone'))).toBeUndefined();
    const error = await failureOf(executeStep(del(full, '/Full'), ctx));
    expect(isAwsCallError(error, 'constraint')).toBe(true);
  });

  it('moveAccount: an account already in its destination is fine (one call); one moved elsewhere out of band is an error', async () => {
    const fake = organization();
    const target = fake.seedOu(fake.rootId, 'Target');
    const elsewhere = fake.seedOu(fake.rootId, 'Elsewhere');
    const done = fake.seedAccount({ name: 'done' });
    const strayed = fake.seedAccount({ name: 'strayed' });
    const ctx = contextOf(fake);
    await fake.moveAccount(done, fake.rootId, target); // an earlier attempt got through
    await fake.moveAccount(strayed, fake.rootId, elsewhere); // someone else moved it
    fake.resetCalls();
    await executeStep(moveAccount(done, '/', '/Target'), ctx);
    expect(fake.calls.map((c) => [c.operation, c.failedWith])).toEqual([['MoveAccount', 'alreadyExists']]);
    const error = await failureOf(executeStep(moveAccount(strayed, '/', '/Target'), ctx));
    expect(isAwsCallError(error, 'notFound')).toBe(true);
    expect(fake.parentOf(strayed)).toBe(elsewhere);
  });

  it('moveAccount: whichever error AWS gives a move that already happened, it looks, and an account in its destination is done', async () => {
    // AWS does not document which check answers a retried move first: "not in the source" gives AccountNotFound.
    const setUp = () => {
      const fake = organization();
      const target = fake.seedOu(fake.rootId, 'Target');
      const account = fake.seedAccount({ name: 'moved' });
      const ctx = contextOf(fake); // planned while the account was in the root
      return { fake, target, account, ctx };
    };
    const notInSource = { code: 'AccountNotFoundException' };

    const retried = setUp();
    await retried.fake.moveAccount(retried.account, retried.fake.rootId, retried.target); // the attempt whose reply was lost
    retried.fake.resetCalls();
    retried.fake.failNext('MoveAccount', 'notFound', 1, notInSource);
    await executeStep(moveAccount(retried.account, '/', '/Target'), retried.ctx);
    expect(retried.fake.calls.map((c) => [c.operation, c.args[0], c.failedWith])).toEqual([
      ['MoveAccount', retried.account, 'notFound'],
      ['ListAccountsForParent', retried.target, undefined],
    ]);

    // Every retry lost to 500s, yet the move went through: done.
    const unlucky = setUp();
    await unlucky.fake.moveAccount(unlucky.account, unlucky.fake.rootId, unlucky.target);
    unlucky.fake.failNext('MoveAccount', 'transient', 100);
    await executeStep(moveAccount(unlucky.account, '/', '/Target'), unlucky.ctx);

    // Not in the destination: the move's own error stands, also when the look fails.
    const stuck = setUp();
    stuck.fake.failNext('MoveAccount', 'notFound', 1, notInSource);
    expect(isAwsCallError(await failureOf(executeStep(moveAccount(stuck.account, '/', '/Target'), stuck.ctx)), 'notFound')).toBe(true);
    const blind = setUp();
    await blind.fake.moveAccount(blind.account, blind.fake.rootId, blind.target);
    blind.fake.failNext('MoveAccount', 'notFound', 1, notInSource).failNext('ListAccountsForParent', 'accessDenied');
    const error = await failureOf(executeStep(moveAccount(blind.account, '/', '/Target'), blind.ctx));
    expect(isAwsCallError(error) && [error.operation, error.code]).toEqual(['MoveAccount', 'AccountNotFoundException']);
  });
});

describe('executeStep: budgets', () => {
  it('createBudget creates the budget with its notifications, subscribers and the managed-by tag', async () => {
    const fake = organization();
    const spec = budgetSpec([{ ...KEY, subscribers: [ALICE, TOPIC] }]);
    await executeStep({ ...base, kind: 'createBudget', address: 'budget:monthly', before: null, after: spec }, contextOf(fake));
    expect(fake.budget(MGMT, 'monthly')).toEqual({ ...spec, budgetType: 'COST', notifications: [{ ...KEY, subscribers: [ALICE, TOPIC] }], tags: MANAGED_TAGS });
    expect(writes(fake)).toEqual(['CreateBudget']);
  });

  it('createBudget finishes a budget created half-way: limit, missing notification, missing subscribers', async () => {
    const fake = organization();
    fake.seedBudget(MGMT, { name: 'monthly', amount: 10, notifications: [{ ...KEY, subscribers: [ALICE] }], tags: MANAGED_TAGS });
    const spec = budgetSpec([{ ...KEY, subscribers: [ALICE, BOB] }, { ...NEW_KEY, subscribers: [TOPIC] }]);
    await executeStep({ ...base, kind: 'createBudget', address: 'budget:monthly', before: null, after: spec }, contextOf(fake));
    expect(fake.budget(MGMT, 'monthly')).toMatchObject({
      amount: 50,
      notifications: [
        { ...KEY, subscribers: [ALICE, BOB] },
        { ...NEW_KEY, subscribers: [TOPIC] },
      ],
    });
  });

  it('updateBudget is safe to repeat', async () => {
    const fake = organization();
    fake.seedBudget(MGMT, { name: 'monthly', amount: 10 });
    const step: PlanStep = {
      ...base,
      kind: 'updateBudget',
      address: 'budget:monthly',
      before: { amount: 10, unit: 'USD', timeUnit: 'MONTHLY', budgetType: 'COST' },
      after: { name: 'monthly', amount: 75, unit: 'USD', timeUnit: 'QUARTERLY' },
    };
    await executeStep(step, contextOf(fake));
    await executeStep(step, contextOf(fake));
    expect(fake.budget(MGMT, 'monthly')).toMatchObject({ amount: 75, timeUnit: 'QUARTERLY' });
  });

  it('deleteBudget, deleteNotification, deleteSubscriber: already gone is fine', async () => {
    const fake = organization();
    fake.seedBudget(MGMT, { name: 'keep', notifications: [{ ...KEY, subscribers: [ALICE] }] });
    const ctx = contextOf(fake);
    const steps: PlanStep[] = [
      { ...base, kind: 'deleteBudget', address: 'budget:gone', before: { name: 'gone', budgetType: 'COST', amount: 1, unit: 'USD', timeUnit: 'MONTHLY', notifications: [] }, after: null },
      { ...base, kind: 'deleteNotification', address: 'n', budgetName: 'keep', before: { ...NEW_KEY, subscribers: [ALICE] }, after: null },
      { ...base, kind: 'deleteNotification', address: 'n', budgetName: 'gone', before: { ...KEY, subscribers: [ALICE] }, after: null },
      { ...base, kind: 'deleteSubscriber', address: 's', budgetName: 'keep', notification: KEY, before: BOB, after: null },
      { ...base, kind: 'deleteSubscriber', address: 's', budgetName: 'keep', notification: NEW_KEY, before: ALICE, after: null },
    ];
    for (const step of steps) await executeStep(step, ctx);
    expect(fake.budget(MGMT, 'keep')?.notifications).toEqual([{ ...KEY, subscribers: [ALICE] }]);
  });

  it('createNotification: one already present gets its missing subscribers, and no second copy', async () => {
    const fake = organization();
    fake.seedBudget(MGMT, { name: 'monthly', notifications: [{ ...KEY, subscribers: [ALICE] }] });
    await executeStep({ ...base, kind: 'createNotification', address: 'n', budgetName: 'monthly', before: null, after: { ...KEY, subscribers: [ALICE, BOB] } }, contextOf(fake));
    expect(fake.budget(MGMT, 'monthly')?.notifications).toEqual([{ ...KEY, subscribers: [ALICE, BOB] }]);
  });

  it('createSubscriber: one already present is fine', async () => {
    const fake = organization();
    fake.seedBudget(MGMT, { name: 'monthly', notifications: [{ ...KEY, subscribers: [ALICE] }] });
    const step: PlanStep = { ...base, kind: 'createSubscriber', address: 's', budgetName: 'monthly', notification: KEY, before: null, after: BOB };
    await executeStep(step, contextOf(fake));
    await executeStep(step, contextOf(fake));
    expect(fake.budget(MGMT, 'monthly')?.notifications[0]?.subscribers).toEqual([ALICE, BOB]);
  });

  it('updateNotification: already done is fine, whichever error AWS reports first; a missing notification is an error', async () => {
    const step: PlanStep = { ...base, kind: 'updateNotification', address: 'n', budgetName: 'monthly', before: KEY, after: NEW_KEY };
    const fake = organization();
    fake.seedBudget(MGMT, { name: 'monthly', notifications: [{ ...KEY, subscribers: [ALICE] }] });
    await executeStep(step, contextOf(fake));
    await executeStep(step, contextOf(fake)); // old key gone: NotFound
    expect(fake.budget(MGMT, 'monthly')?.notifications).toEqual([{ ...NEW_KEY, subscribers: [ALICE] }]);

    // AWS does not document whether it checks the old key or the new one first: DuplicateRecord is "done" too.
    fake.failNext('UpdateNotification', 'alreadyExists', 1, { code: 'DuplicateRecordException' });
    await executeStep(step, contextOf(fake));

    // ... unless the old notification is still there: then two notifications really clash.
    const clash = organization();
    clash.seedBudget(MGMT, { name: 'monthly', notifications: [{ ...KEY, subscribers: [ALICE] }, { ...NEW_KEY, subscribers: [BOB] }] });
    expect(isAwsCallError(await failureOf(executeStep(step, contextOf(clash))), 'alreadyExists')).toBe(true);

    const missing = organization();
    missing.seedBudget(MGMT, { name: 'monthly', notifications: [{ ...NEW_KEY, threshold: 5, subscribers: [ALICE] }] });
    expect(isAwsCallError(await failureOf(executeStep(step, contextOf(missing))), 'notFound')).toBe(true);
  });
});

describe('executeStep: account settings', () => {
  it('putAlternateContact sets the contact; running it again (a lost reply) leaves the same contact', async () => {
    const fake = organization();
    const contact = { type: 'SECURITY' as const, name: 'Security team', title: 'On call', email: 'security@example.com', phone: '+1 555 0100' };
    const step: PlanStep = { ...base, kind: 'putAlternateContact', address: 'alternate-contact:SECURITY', before: null, after: contact };
    await executeStep(step, contextOf(fake));
    await executeStep(step, contextOf(fake));
    expect(await fake.getAlternateContact('SECURITY')).toEqual(contact);
  });
});
