// runApplyWorkflow against FakeAwsPort: what it refuses (stale or errored plans, no confirmation)
// without writing anything, what it applies, and the convergence check after the last step.

import { describe, expect, it } from 'vitest';
import type { DesiredOrg } from '../../src/model/desired.js';
import { StalePlanError, UserError } from '../../src/model/errors.js';
import type { Plan } from '../../src/model/plan.js';
import { parsePlanFile, serializePlan } from '../../src/render/plan-file.js';
import { ApplyCheckFailedError, runApplyWorkflow, type ApplyWorkflowOptions } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { aDesiredOrg } from '../support/builders.js';
import { endStateOfLive, expectedEndState, expectEndStateMatches } from '../support/end-state/index.js';
import { FakeAwsPort } from '../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const SHA = 'c'.repeat(64);
const OTHER_SHA = 'd'.repeat(64);

function world() {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  const dev = fake.seedAccount({ id: '222222222222', name: 'dev' });
  const prod = fake.seedAccount({ id: '333333333333', name: 'prod' });
  const desired = aDesiredOrg()
    .withManagementAccount(MGMT)
    .withAccount(MGMT)
    .withAccount(dev, '/Workloads/Dev')
    .withAccount(prod, '/Workloads/Prod')
    .withBudget({ name: 'monthly', amount: 20, notifications: [{ threshold: 80, emails: ['ops@example.com'] }] })
    .build();
  return { fake, desired, dev, prod };
}

const writeCount = (fake: FakeAwsPort) => fake.calls.filter((c) => /^(Create|Update|Delete|Move)/.test(c.operation)).length;

function options(fake: FakeAwsPort, desired: DesiredOrg, extra: Partial<ApplyWorkflowOptions> = {}): ApplyWorkflowOptions {
  return { port: fake, desired, orgYamlSha256: SHA, confirm: async () => true, ...extra };
}

/** What `plan --out` writes and `apply --plan` reads back. */
async function savedPlan(fake: FakeAwsPort, desired: DesiredOrg, sha = SHA): Promise<Plan> {
  const parsed = parsePlanFile(serializePlan((await makePlan(fake, desired, sha)).plan), 'plan.json');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('runApplyWorkflow', () => {
  it('applies after confirmation, then plans again: converged', async () => {
    const { fake, desired } = world();
    const before = endStateOfLive(fake.liveOrg());
    const shown: Plan[] = [];
    const outcome = await runApplyWorkflow(options(fake, desired, { confirm: async (plan) => (shown.push(plan), true) }));
    expect(outcome.kind).toBe('applied');
    if (outcome.kind !== 'applied') return;
    expect(shown).toEqual([outcome.plan]);
    expect(outcome.run.allSucceeded).toBe(true);
    expect(outcome.after.steps).toEqual([]);
    expect(outcome.converged).toBe(true);
    expect((await makePlan(fake, desired, SHA)).plan.steps).toEqual([]);
    // The fake's own state (not read through the port), against org.yaml: test/support/end-state.
    expectEndStateMatches(endStateOfLive(fake.liveOrg()), expectedEndState(desired, before));
  });

  it('nothing to do: no question asked, no write', async () => {
    const { fake, desired } = world();
    await runApplyWorkflow(options(fake, desired));
    fake.resetCalls();
    let asked = false;
    const outcome = await runApplyWorkflow(options(fake, desired, { confirm: async () => (asked = true) }));
    expect(outcome.kind).toBe('no-changes');
    expect(asked).toBe(false);
    expect(writeCount(fake)).toBe(0);
  });

  it('declined: nothing is written', async () => {
    const { fake, desired } = world();
    const outcome = await runApplyWorkflow(options(fake, desired, { confirm: async () => false }));
    expect(outcome.kind).toBe('declined');
    expect(writeCount(fake)).toBe(0);
  });

  it('a plan with errors is refused before the question, with the errors listed; nothing is written', async () => {
    const { fake } = world();
    const withUnknownAccount = aDesiredOrg().withManagementAccount(MGMT).withAccount('444444444444', '/X').build();
    let asked = false;
    const error = await rejection(runApplyWorkflow(options(fake, withUnknownAccount, { confirm: async () => (asked = true) })));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain('the plan has 1 error; nothing was changed');
    expect((error as UserError).details.join('\n')).toContain('444444444444');
    expect(asked).toBe(false);
    expect(writeCount(fake)).toBe(0);
  });

  it('a saved plan is applied exactly: its steps and nothing else', async () => {
    const { fake, desired } = world();
    const saved = await savedPlan(fake, desired);
    const outcome = await runApplyWorkflow(options(fake, desired, { savedPlan: saved }));
    expect(outcome.kind).toBe('applied');
    if (outcome.kind !== 'applied') return;
    expect(outcome.plan).toBe(saved);
    expect(outcome.run.results.map((r) => r.step)).toEqual(saved.steps);
    expect(writeCount(fake)).toBe(saved.steps.length);
    expect(outcome.converged).toBe(true);
  });

  it('a saved plan is stale when org.yaml changed: refused, nothing written', async () => {
    const { fake, desired } = world();
    const saved = await savedPlan(fake, desired, OTHER_SHA);
    const error = await rejection(runApplyWorkflow(options(fake, desired, { savedPlan: saved })));
    expect(error).toBeInstanceOf(StalePlanError);
    expect(error.message).toContain('plan is stale, run plan again');
    expect((error as UserError).details).toEqual(['org.yaml changed since the plan was made']);
    expect(writeCount(fake)).toBe(0);
  });

  it('a saved plan is stale when the organization changed out of band: refused, nothing written', async () => {
    const { fake, desired, prod } = world();
    const saved = await savedPlan(fake, desired);
    const sandbox = fake.seedOu(fake.rootId, 'Sandbox');
    await fake.moveAccount(prod, fake.rootId, sandbox);
    fake.resetCalls();
    const error = await rejection(runApplyWorkflow(options(fake, desired, { savedPlan: saved })));
    expect(error).toBeInstanceOf(StalePlanError);
    expect((error as UserError).details).toEqual(['the live organization changed since the plan was made']);
    expect(writeCount(fake)).toBe(0);
  });

  it('a saved plan whose steps were edited (its inputs still match) is refused, nothing written', async () => {
    const { fake, desired } = world();
    const saved = await savedPlan(fake, desired);
    const edited: Plan = { ...saved, steps: saved.steps.filter((s) => s.kind !== 'createBudget') };
    const error = await rejection(runApplyWorkflow(options(fake, desired, { savedPlan: edited })));
    expect(error).toBeInstanceOf(StalePlanError);
    expect(error.message).toContain('plan is stale, run plan again');
    expect((error as UserError).details).toEqual([expect.stringContaining('steps are not the ones orgctl plans from these inputs')]);
    expect(writeCount(fake)).toBe(0);
  });

  it('not converged when the organization changes during the apply; the run itself succeeded', async () => {
    const { fake, desired } = world();
    const sandbox = fake.seedOu(fake.rootId, 'Sandbox');
    let once = true;
    fake.onCall('CreateBudget', () => {
      // Someone moves the management account (declared in the root) while orgctl applies.
      if (once) void fake.moveAccount(MGMT, fake.rootId, sandbox);
      once = false;
    });
    const outcome = await runApplyWorkflow(options(fake, desired));
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect(outcome.run.allSucceeded).toBe(true);
    expect(outcome.converged).toBe(false);
    expect(outcome.after.steps.map((s) => `${s.kind} ${s.address}`)).toEqual([`moveAccount account:${MGMT}`]);
  });

  it('a failed step: not converged; running it again converges', async () => {
    const { fake, desired } = world();
    fake.failNext('CreateBudget', 'accessDenied');
    const first = await runApplyWorkflow(options(fake, desired));
    if (first.kind !== 'applied') throw new Error(first.kind);
    expect(first.run.allSucceeded).toBe(false);
    expect(first.converged).toBe(false);
    expect(first.after.steps.map((s) => s.kind)).toContain('createBudget');
    const second = await runApplyWorkflow(options(fake, desired));
    if (second.kind !== 'applied') throw new Error(second.kind);
    expect(second.converged).toBe(true);
  });

  it('the check after the last step cannot read the organization: the run is still reported, not converged', async () => {
    const { fake, desired } = world();
    let applied = false;
    fake.onCall('CreateBudget', () => {
      applied = true;
    });
    // The first ListRoots after the steps ran (the check's read) is refused.
    fake.failNext('ListRoots', 'accessDenied', 1, { when: () => applied });
    const error = await rejection(runApplyWorkflow(options(fake, desired)));
    expect(error).toBeInstanceOf(ApplyCheckFailedError);
    const failed = error as ApplyCheckFailedError;
    expect(failed.message).toContain('the steps ran, but the check afterwards could not read the organization');
    expect(failed.details.join('\n')).toContain('ListRoots failed: AccessDeniedException');
    expect(failed.run.allSucceeded).toBe(true);
    expect(failed.run.results).toHaveLength(failed.plan.steps.length);
  });
});
