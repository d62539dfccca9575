// The scheduler (applyPlan) against FakeAwsPort: dependsOn, parallelism, lanes, stopping after a
// failure, and what it reports for every step.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPlan, type StepResult } from '../../src/apply/apply-plan.js';
import type { PlanStep } from '../../src/model/plan.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { ControlledPort } from './support/controlled-port.js';
import { budgetNameOf, createBudgetStep, planOf } from './support/steps.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;

function world(): { fake: FakeAwsPort; control: ControlledPort } {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  return { fake, control: new ControlledPort(fake) };
}

function run(control: ControlledPort, fake: FakeAwsPort, steps: readonly PlanStep[], options: { laneWidth?: number; onStepFinished?: (r: StepResult) => void } = {}) {
  return applyPlan(planOf(steps), { port: control.port, live: fake.liveOrg(), managementAccountId: MGMT, ...options });
}

const named = (name: string) => (args: readonly unknown[]) => budgetNameOf(args) === name;

/** Steps that move accounts 2000000000xx from the root into /Target (which exists). */
function moveSteps(fake: FakeAwsPort, count: number): PlanStep[] {
  fake.seedOu(fake.rootId, 'Target');
  return Array.from({ length: count }, (_, i) => {
    const id = fake.seedAccount({ name: `acct${i}` });
    return {
      kind: 'moveAccount',
      address: `account:${id}`,
      accountId: id,
      reason: 'test',
      dependsOn: [],
      before: { parent: { type: 'root' }, accountName: `acct${i}` },
      after: { parent: { type: 'ou', path: '/Target' } },
    } satisfies PlanStep;
  });
}

describe('applyPlan: order', () => {
  it('starts a step only after every step it depends on has finished, whatever the timing', async () => {
    // Random DAGs over budget steps, with random call latency so every interleaving is possible.
    const dags = fc.integer({ min: 1, max: 16 }).chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) => fc.uniqueArray(fc.nat({ max: Math.max(0, i - 1) }), { maxLength: i === 0 ? 0 : 3 }).map((d) => d.filter((x) => x < i).sort((a, b) => a - b))),
      ),
    );
    await fc.assert(
      fc.asyncProperty(dags, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 16, maxLength: 16 }), async (deps, latencies) => {
        const { fake, control } = world();
        const steps = deps.map((dependsOn, i) => createBudgetStep(`b${i}`, dependsOn));
        const order: string[] = [];
        control.delay = (method, args) => (method === 'createBudget' ? latencies[Number(budgetNameOf(args).slice(1))]! : 0);
        control.onEvent = (e) => e.type === 'start' && e.method === 'createBudget' && order.push(`start ${budgetNameOf(e.args)}`);
        const result = await run(control, fake, steps, { onStepFinished: (r) => order.push(`end b${r.index}`) });
        expect(result.allSucceeded).toBe(true);
        steps.forEach((step, i) => {
          for (const d of step.dependsOn) expect(order.indexOf(`start b${i}`)).toBeGreaterThan(order.indexOf(`end b${d}`));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses, before any call, a plan whose step depends on a step that does not come before it', async () => {
    for (const bad of [1, 2, 7, -1]) {
      const { fake, control } = world();
      const plan = planOf([createBudgetStep('b0'), createBudgetStep('b1', [0, bad])]);
      await expect(applyPlan(plan, { port: control.port, live: fake.liveOrg(), managementAccountId: MGMT })).rejects.toThrow(
        `step 1 depends on step ${bad}, which does not come before it`,
      );
      expect(fake.calls).toEqual([]);
    }
  });

  it('runs a step once even when it lists a dependency twice', async () => {
    const { fake, control } = world();
    const result = await run(control, fake, [createBudgetStep('b0'), createBudgetStep('b1', [0, 0])]);
    expect(result.allSucceeded).toBe(true);
    expect(fake.calls.filter((c) => c.operation === 'CreateBudget').map((c) => budgetNameOf(c.args))).toEqual(['b0', 'b1']);
  });

  it('reports results in plan order, and each step once, as it finishes', async () => {
    const { fake, control } = world();
    const slow = control.hold('createBudget', named('b0'));
    const finished: number[] = [];
    const running = run(control, fake, [createBudgetStep('b0'), createBudgetStep('b1')], {
      onStepFinished: (r) => {
        finished.push(r.index);
        if (r.index === 1) slow.release();
      },
    });
    const result = await running;
    expect(finished).toEqual([1, 0]);
    expect(result.results.map((r) => [r.index, r.step.address, r.status])).toEqual([
      [0, 'budget:b0', 'ok'],
      [1, 'budget:b1', 'ok'],
    ]);
  });

  it('measures each step with the injected clock; an empty plan succeeds at once', async () => {
    const { fake, control } = world();
    let t = 0;
    const result = await applyPlan(planOf([createBudgetStep('b0')]), { port: control.port, live: fake.liveOrg(), managementAccountId: MGMT, now: () => (t += 250) });
    expect(result.results[0]!.durationMs).toBe(250);
    const empty = await applyPlan(planOf([]), { port: control.port, live: fake.liveOrg(), managementAccountId: MGMT });
    expect(empty).toEqual({ results: [], allSucceeded: true });
  });
});

describe('applyPlan: parallelism', () => {
  it('runs independent steps of one kind in parallel, up to the lane width', async () => {
    for (const laneWidth of [1, 2, 4]) {
      const { fake, control } = world();
      const gate = control.hold('createBudget');
      const running = run(control, fake, Array.from({ length: 8 }, (_, i) => createBudgetStep(`b${i}`)), { laneWidth });
      await gate.whenWaiting(laneWidth);
      await new Promise((r) => setTimeout(r, 20));
      expect(gate.waiting).toBe(laneWidth);
      gate.release();
      expect((await running).allSucceeded).toBe(true);
      expect(control.maxInFlight('createBudget')).toBe(laneWidth);
      expect(fake.callCount('CreateBudget')).toBe(8);
    }
  });

  it('one slow lane (MoveAccount held) does not hold up steps of another kind', async () => {
    const { fake, control } = world();
    const moves = moveSteps(fake, 10);
    const budgets = [createBudgetStep('b0'), createBudgetStep('b1'), createBudgetStep('b2')];
    const gate = control.hold('moveAccount');
    const finished: StepResult[] = [];
    const running = run(control, fake, [...moves, ...budgets], { onStepFinished: (r) => finished.push(r) });
    await gate.whenWaiting(4);
    await new Promise((r) => setTimeout(r, 20));
    // Every budget is done while all four move slots are still blocked.
    expect(finished.map((r) => r.step.kind)).toEqual(['createBudget', 'createBudget', 'createBudget']);
    expect(gate.waiting).toBe(4);
    gate.release();
    const result = await running;
    expect(result.allSucceeded).toBe(true);
    expect(fake.liveOrg().accounts.filter((a) => a.parentId === fake.ouIdByPath('/Target'))).toHaveLength(10);
  });
});

describe('applyPlan: failures', () => {
  it('retries throttling and ConcurrentModification inside the step; the step succeeds', async () => {
    const { fake, control } = world();
    fake.failNext('CreateBudget', 'throttled', 2).failNext('CreateBudget', 'concurrentModification', 1);
    const result = await run(control, fake, [createBudgetStep('b0')]);
    expect(result.results[0]!.status).toBe('ok');
    expect(fake.callCount('CreateBudget')).toBe(4);
  });

  it('after an error retries cannot cure, starts nothing new; steps in flight finish; the rest are skipped with reasons', async () => {
    const { fake, control } = world();
    fake.failNext('CreateBudget', 'accessDenied', 1, { when: named('b0') });
    const inFlight = control.hold('createBudget', named('b1'));
    const steps = [
      createBudgetStep('b0'),
      createBudgetStep('b1'),
      createBudgetStep('b2'),
      createBudgetStep('b3'),
      createBudgetStep('b4', [0]),
      createBudgetStep('b5', [4]),
      createBudgetStep('b6', [1]),
    ];
    const finished: StepResult[] = [];
    const running = run(control, fake, steps, {
      laneWidth: 2,
      onStepFinished: (r) => {
        finished.push(r);
        if (r.index === 0) inFlight.release(); // b1 was in flight when b0 failed
      },
    });
    const result = await running;
    expect(result.allSucceeded).toBe(false);
    const byName = Object.fromEntries(result.results.map((r) => [r.step.address, r]));
    expect(byName['budget:b0']).toMatchObject({ status: 'failed', message: expect.stringContaining('CreateBudget failed: AccessDeniedException') });
    expect(byName['budget:b1']!.status).toBe('ok');
    for (const name of ['b2', 'b3', 'b6']) {
      expect(byName[`budget:${name}`]).toMatchObject({ status: 'skipped', durationMs: 0, message: expect.stringMatching(/stopped after a failure/) });
    }
    expect(byName['budget:b4']).toMatchObject({ status: 'skipped', message: 'not started: it depends on step 0 (createBudget budget:b0), which failed' });
    expect(byName['budget:b5']).toMatchObject({ status: 'skipped', message: 'not started: it depends on step 4 (createBudget budget:b4), which was not run' });
    // Nothing started after the failure: only b0 and b1 reached AWS, and b2..b6 do not exist.
    expect(fake.calls.filter((c) => c.operation === 'CreateBudget').map((c) => budgetNameOf(c.args))).toEqual(['b0', 'b1']);
    expect(fake.liveOrg().budgets.map((b) => b.name)).toEqual(['b1']);
    // Every step is reported once: the two that ran as they finished, the skipped ones after.
    expect(finished.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('an exception in onStepFinished does not leave the run hanging or skip the report', async () => {
    const { fake, control } = world();
    let calls = 0;
    const result = await run(control, fake, [createBudgetStep('b0'), createBudgetStep('b1', [0])], {
      onStepFinished: () => {
        calls += 1;
        throw new Error('progress writer broke');
      },
    });
    expect(calls).toBe(2);
    expect(result.results.map((r) => r.status)).toEqual(['ok', 'ok']);
  });
});
