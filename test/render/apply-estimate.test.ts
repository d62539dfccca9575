// The estimated apply time: each operation's calls beyond its burst, at its published rate.

import { describe, expect, it } from 'vitest';
import { planOrg } from '../../src/planner/index.js';
import { estimateApply, renderApplyEstimate } from '../../src/render/apply-estimate.js';
import { aDesiredOrg, aLiveOrg, FAKE_INPUTS, MANAGEMENT_ACCOUNT_ID } from '../support/builders.js';

const accountIds = (n: number): string[] => Array.from({ length: n }, (_, i) => String(200000000000 + i));

describe('estimateApply', () => {
  it('paces 40 MoveAccount calls at 2/s after a burst of 3: about 19 s', () => {
    const desired = aDesiredOrg().withAccount(MANAGEMENT_ACCOUNT_ID).withOu('/Prod');
    const live = aLiveOrg().withAccount(MANAGEMENT_ACCOUNT_ID).withOu('/Prod');
    for (const id of accountIds(40)) {
      desired.withAccount(id, '/Prod');
      live.withAccount(id);
    }
    const plan = planOrg(desired.build(), live.build(), FAKE_INPUTS);
    expect(plan.steps).toHaveLength(40);

    const estimate = estimateApply(plan.steps);

    expect(estimate).toEqual({ seconds: 18.5, assumedRates: false, slowest: { operation: 'MoveAccount', calls: 40, rate: 2 } });
    expect(renderApplyEstimate(estimate)).toBe("Estimated apply time: about 19 s (slowest: 40 MoveAccount calls at 2/s), from AWS's published rates.");
  });

  it('adds up the operations, and says when Budgets rates (unpublished) took part', () => {
    const desired = aDesiredOrg().withAccount(MANAGEMENT_ACCOUNT_ID);
    // 5 OUs at 1/s after a burst of 2: 3 s. 30 budgets at the assumed 5/s after 10: 4 s.
    for (let i = 0; i < 5; i += 1) desired.withOu(`/OU${i}`);
    for (let i = 0; i < 30; i += 1) desired.withBudget({ name: `b${i}`, amount: 10 });
    const plan = planOrg(desired.build(), aLiveOrg().withAccount(MANAGEMENT_ACCOUNT_ID).build(), FAKE_INPUTS);

    const estimate = estimateApply(plan.steps);

    expect(estimate.seconds).toBe(7);
    expect(estimate.assumedRates).toBe(true);
    expect(renderApplyEstimate(estimate)).toContain('Budgets publishes none');
  });

  it('is under a second when every operation fits in its burst', () => {
    const desired = aDesiredOrg().withAccount(MANAGEMENT_ACCOUNT_ID).withAccount(accountIds(1)[0]!, '/Prod').build();
    const plan = planOrg(desired, aLiveOrg().withAccount(MANAGEMENT_ACCOUNT_ID).withAccount(accountIds(1)[0]!).build(), FAKE_INPUTS);
    expect(estimateApply(plan.steps).seconds).toBe(0);
    expect(renderApplyEstimate(estimateApply(plan.steps))).toBe("Estimated apply time: under a second of pacing, from AWS's published rates.");
  });
});
