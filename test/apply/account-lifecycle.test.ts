// Account creation, renaming and closure against FakeAwsPort (issue #15): real plans applied and planned
// again (converges), each executor run twice (idempotent), an interrupted creation resumed without a
// second account, FAILED creations reported in words, and AWS's refusals passed on.

import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { executeStep, type StepContext } from '../../src/apply/execute-step.js';
import { IdRegistry } from '../../src/apply/id-registry.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import type { PlanStep } from '../../src/model/plan.js';
import { ROOT_REF } from '../../src/model/refs.js';
import { planOrg } from '../../src/planner/index.js';
import { aDesiredOrg, FAKE_INPUTS } from '../support/builders.js';
import { FakeAwsPort } from '../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const noWait = async (): Promise<void> => {};

function organization(): FakeAwsPort {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  return fake;
}

const withMgmt = () => aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT, '/', { name: 'management' });

async function applyTo(fake: FakeAwsPort, desired: DesiredOrg) {
  const live = fake.liveOrg();
  const plan = planOrg(desired, live, FAKE_INPUTS);
  expect(plan.errors).toEqual([]);
  const run = await applyPlan(plan, { port: fake, live, managementAccountId: MGMT, sleep: noWait });
  return { plan, run, after: planOrg(desired, fake.liveOrg(), FAKE_INPUTS) };
}

const ops = (fake: FakeAwsPort, operation: string) => fake.calls.filter((c) => c.operation === operation);
const accountsWithEmail = (fake: FakeAwsPort, email: string) => fake.liveOrg().accounts.filter((a) => a.email === email);

const createStep = (email: string, name: string): PlanStep => ({
  kind: 'createAccount',
  address: `account:${email}`,
  reason: 'test',
  dependsOn: [],
  before: null,
  after: { name, email, parent: ROOT_REF },
});

function contextOf(fake: FakeAwsPort): StepContext {
  return { port: fake, ids: IdRegistry.fromLive(fake.liveOrg()), managementAccountId: MGMT, sleep: noWait };
}

describe('creating accounts', () => {
  it('creates accounts into nested new OUs, records their IDs for the moves, and then plans empty', async () => {
    const fake = organization();
    fake.accountLifecycle.pollsToComplete = 3;
    const desired = withMgmt()
      .withOu('/Workloads/Prod/Payments')
      .withAccountEntry({ name: 'team-x-prod', email: 'aws+team-x-prod@example.com', tags: { entries: [{ key: 'team', value: 'x' }] } }, '/Workloads/Prod/Payments')
      .withAccountEntry({ name: 'team-y', email: 'aws+team-y@example.com' }, '/')
      .build();
    const { run, after } = await applyTo(fake, desired);
    expect(run.allSucceeded).toBe(true);
    expect(after.steps).toEqual([]);
    const [created] = accountsWithEmail(fake, 'aws+team-x-prod@example.com');
    expect(fake.parentOf(created!.id)).toBe(fake.ouIdByPath('/Workloads/Prod/Payments'));
    expect(accountsWithEmail(fake, 'aws+team-y@example.com')).toHaveLength(1);
    expect(ops(fake, 'CreateAccount')).toHaveLength(2);
    // Polled until SUCCEEDED (3 describes each), never more.
    expect(ops(fake, 'DescribeCreateAccountStatus')).toHaveLength(6);
  });

  it('run twice, the step creates nothing the second time (the account is found by email in the root)', async () => {
    const fake = organization();
    const step = createStep('a@example.com', 'a');
    await executeStep(step, contextOf(fake));
    await executeStep(step, contextOf(fake));
    expect(ops(fake, 'CreateAccount')).toHaveLength(1);
    expect(accountsWithEmail(fake, 'a@example.com')).toHaveLength(1);
  });

  it('resumes: a creation request already IN_PROGRESS (an interrupted run) is waited for and adopted, not repeated', async () => {
    const fake = organization();
    fake.accountLifecycle.seedRequest('a@example.com', 'a');
    const ctx = contextOf(fake);
    await executeStep(createStep('a@example.com', 'a'), ctx);
    expect(ops(fake, 'CreateAccount')).toHaveLength(0);
    const [account] = accountsWithEmail(fake, 'a@example.com');
    expect(ctx.ids.resolveAfter({ type: 'account', email: 'a@example.com' })).toBe(account!.id);
  });

  it('a request that already SUCCEEDED (its account in the root) is adopted, not repeated', async () => {
    const fake = organization();
    // An earlier run started it; the account it made sits in the root.
    const first = fake.accountLifecycle.seedRequest('a@example.com', 'other name', 'SUCCEEDED');
    const ctx = contextOf(fake);

    await executeStep(createStep('a@example.com', 'a'), ctx);
    expect(ops(fake, 'CreateAccount')).toHaveLength(0);
    expect(ctx.ids.resolveAfter({ type: 'account', email: 'a@example.com' })).toBe(first.accountId);
  });

  it('a FAILED creation is reported with AWS\'s reason in words and what to do; a corrected org.yaml then succeeds', async () => {
    const fake = organization();
    fake.accountLifecycle.failNext.push('INVALID_EMAIL');
    const bad = withMgmt().withOu('/Sandbox').withAccountEntry({ name: 'sbx', email: 'bad@example.com' }, '/Sandbox').build();
    const first = await applyTo(fake, bad);
    expect(first.run.allSucceeded).toBe(false);
    const failed = first.run.results.find((r) => r.status === 'failed')!;
    expect(failed.step.kind).toBe('createAccount');
    expect(failed.message).toContain('AWS could not create account "sbx" (bad@example.com): INVALID_EMAIL: AWS rejected the email address; correct it in org.yaml');
    const corrected = withMgmt().withOu('/Sandbox').withAccountEntry({ name: 'sbx', email: 'good@example.com' }, '/Sandbox').build();
    const second = await applyTo(fake, corrected);
    expect(second.run.allSucceeded).toBe(true);
    expect(second.after.steps).toEqual([]);
  });

  it('EMAIL_ALREADY_EXISTS for an email outside the organization is reported, with what to do', async () => {
    const fake = organization();
    fake.accountLifecycle.failNext.push('EMAIL_ALREADY_EXISTS');
    await expect(executeStep(createStep('taken@example.com', 't'), contextOf(fake))).rejects.toThrow(
      /EMAIL_ALREADY_EXISTS: an AWS account already uses this email .*give the account another email in org\.yaml/,
    );
  });

  it('never more than 5 creations in progress, whatever the lane width', async () => {
    const fake = organization();
    fake.accountLifecycle.pollsToComplete = 2;
    const desired = withMgmt();
    for (let i = 0; i < 12; i++) desired.withAccountEntry({ name: `n${i}`, email: `n${i}@example.com` });
    const live = fake.liveOrg();
    const plan = planOrg(desired.build(), live, FAKE_INPUTS);
    let inProgress = 0;
    let most = 0;
    const run = await applyPlan(plan, {
      port: fake,
      live,
      managementAccountId: MGMT,
      laneWidth: 20,
      sleep: noWait,
      onStepStarted: () => (most = Math.max(most, ++inProgress)),
      onStepFinished: () => void inProgress--,
    });
    expect(run.allSucceeded).toBe(true);
    expect(most).toBe(5);
    expect(fake.liveOrg().accounts).toHaveLength(13);
  });

  it('a run of many creations lists the requests in progress once and never re-lists the root it has just read', async () => {
    const fake = organization();
    const desired = withMgmt();
    for (let i = 0; i < 8; i++) desired.withAccountEntry({ name: `m${i}`, email: `m${i}@example.com` });
    const { run, after } = await applyTo(fake, desired.build());
    expect(run.allSucceeded).toBe(true);
    expect(after.steps).toEqual([]);
    expect(ops(fake, 'CreateAccount')).toHaveLength(8);
    expect(ops(fake, 'ListCreateAccountStatus')).toHaveLength(1);
    expect(ops(fake, 'ListAccountsForParent')).toHaveLength(0);
  });
});

describe('renaming and closing', () => {
  it('renames a member (with AccountId) and the management account (without), twice harmlessly, then plans empty', async () => {
    const fake = organization();
    const id = fake.seedAccount({ name: 'payments' });
    const desired = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT, '/', { name: 'mgmt' }).withAccount(id, '/', { name: 'payments-prod' }).build();
    const { plan, run, after } = await applyTo(fake, desired);
    expect(run.allSucceeded).toBe(true);
    expect(after.steps).toEqual([]);
    expect(ops(fake, 'PutAccountName').map((c) => c.args)).toEqual([[undefined, 'mgmt'], [id, 'payments-prod']]);
    for (const step of plan.steps) await executeStep(step, contextOf(fake));
    expect(planOrg(desired, fake.liveOrg(), FAKE_INPUTS).steps).toEqual([]);
  });

  it('without trusted access for account.amazonaws.com, the rename says what to enable', async () => {
    const fake = organization();
    const id = fake.seedAccount({ name: 'payments' });
    fake.accountLifecycle.accountManagementTrusted = false;
    const step: PlanStep = { kind: 'renameAccount', address: `account:${id}`, accountId: id, reason: 't', dependsOn: [], before: { name: 'payments' }, after: { name: 'p' } };
    await expect(executeStep(step, contextOf(fake))).rejects.toThrow(/needs trusted access for account\.amazonaws\.com/);
  });

  it('closes an account after moving it to closedAccountsOu; run twice, the second closure counts as done; then plans empty', async () => {
    const fake = organization();
    const { rootId } = { rootId: fake.rootId };
    const sandbox = fake.seedOu(rootId, 'Sandbox');
    fake.seedOu(rootId, 'Suspended');
    const id = fake.seedAccount({ name: 'old-sandbox', parentId: sandbox });
    const desired = withMgmt()
      .withOu('/Suspended')
      .withAccountEntry({ id, name: 'old-sandbox', closed: true }, '/Sandbox')
      .withOptions({ closedAccountsOu: '/Suspended' })
      .build();
    const { plan, run, after } = await applyTo(fake, desired);
    expect(run.allSucceeded).toBe(true);
    expect(after.steps).toEqual([]);
    expect(fake.liveOrg().accounts.find((a) => a.id === id)).toMatchObject({ state: 'PENDING_CLOSURE' });
    expect(fake.parentOf(id)).toBe(fake.ouIdByPath('/Suspended'));
    const close = plan.steps.find((s) => s.kind === 'closeAccount')!;
    await executeStep(close, contextOf(fake));
    expect(ops(fake, 'CloseAccount')).toHaveLength(2);
  });

  it('AWS\'s closure-quota refusal is reported in words', async () => {
    const fake = organization();
    const id = fake.seedAccount({ name: 'x' });
    fake.accountLifecycle.closureQuotaLeft = 0;
    const step: PlanStep = { kind: 'closeAccount', address: `account:${id}`, accountId: id, reason: 't', dependsOn: [], before: { name: 'x', state: 'ACTIVE' }, after: null };
    await expect(executeStep(step, contextOf(fake))).rejects.toThrow(/the closure quota for the last 30 days is used up \(CLOSE_ACCOUNT_QUOTA_EXCEEDED/);
  });
});
