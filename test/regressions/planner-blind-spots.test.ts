// Planner regressions that every convergence check once missed (issue #19): a canonical document that
// ignores a budget's timeUnit, or the live budget's type, makes the planner blind to the difference
// before the apply and after it, so "the next plan has no steps" passed with nothing applied. Here the
// end-state oracle (test/support/end-state) reads the result without the planner and must see the
// declared timeUnit and type: in the planner's simulated world, and against the emulator through apply.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesiredOrg } from '../../src/model/desired.js';
import type { LiveOrg } from '../../src/model/live.js';
import { planOrg } from '../../src/planner/index.js';
import { simulatePlan } from '../planner/simulate-plan.js';
import { aDesiredOrg, aLiveOrg, FAKE_INPUTS, MANAGED_TAGS } from '../support/builders.js';
import { endStateOfLive, expectedEndState, expectEndStateMatches } from '../support/end-state/index.js';
import { applyUntilConverged, startWatchedEmulator, type WatchedEmulator } from '../workflow/support/converge.js';
import { MGMT, type LiveWorld, type WorldBudget } from '../workflow/support/emulator-world.js';

const NOTIFICATION = { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' } as const;
const SUBSCRIBERS = [{ type: 'EMAIL', address: 'ops@example.com' }] as const;

/** org.yaml: budget "ops", 10 USD, with `timeUnit`; its type is COST, as every budget org.yaml declares. */
function declaring(timeUnit: 'MONTHLY' | 'QUARTERLY'): DesiredOrg {
  return aDesiredOrg()
    .withManagementAccount(MGMT)
    .withAccount(MGMT)
    .withBudget({ name: 'ops', amount: 10, timeUnit, notifications: [{ ...NOTIFICATION, subscribers: SUBSCRIBERS }] })
    .build();
}

/** The live budget "ops": as declared but for `change`. */
const liveBudget = (change: Partial<Pick<WorldBudget, 'timeUnit' | 'budgetType'>>): WorldBudget => ({
  name: 'ops',
  amount: 10,
  timeUnit: 'QUARTERLY',
  budgetType: 'COST',
  notifications: [{ ...NOTIFICATION, subscribers: SUBSCRIBERS }],
  tags: MANAGED_TAGS,
  ...change,
});

const CASES = [
  { name: 'a timeUnit-only change (live MONTHLY, org.yaml QUARTERLY)', budget: liveBudget({ timeUnit: 'MONTHLY' }), desired: declaring('QUARTERLY') },
  { name: 'a USAGE→COST type change (live USAGE, org.yaml declares cost budgets)', budget: liveBudget({ budgetType: 'USAGE' }), desired: declaring('QUARTERLY') },
];

function liveOrgWith(budget: WorldBudget): LiveOrg {
  return aLiveOrg()
    .withAccount(MGMT)
    .withBudget({ ...budget, notifications: budget.notifications.map((n) => ({ ...n })), tags: 'managed' })
    .build();
}

describe('planner blind spots the end-state oracle catches', () => {
  describe("in the planner's simulated world: plan, carry out, compare", () => {
    for (const c of CASES) {
      it(c.name, () => {
        const live = liveOrgWith(c.budget);
        const after = simulatePlan(live, planOrg(c.desired, live, FAKE_INPUTS), 1);
        expectEndStateMatches(endStateOfLive(after), expectedEndState(c.desired, endStateOfLive(live)));
      });
    }
  });

  describe('against the emulator: plan, apply, read back with the oracle', () => {
    let watched: WatchedEmulator;
    beforeAll(async () => {
      watched = await startWatchedEmulator();
    });
    afterAll(async () => {
      await watched.emulator.stop();
    });

    for (const c of CASES) {
      it(c.name, async () => {
        const world: LiveWorld = { hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }], budgets: [c.budget] };
        // applyUntilConverged ends with the oracle; the one step it must have taken is an updateBudget.
        const result = await applyUntilConverged(watched, { world, desired: c.desired }, { maxRuns: 1 });
        expect(result).toMatchObject({ kind: 'converged', steps: 1 });
      });
    }
  });
});
