// Hand-made plan steps for scheduler tests. Budget steps are handy: they need no OU IDs, so any
// dependsOn graph over them can run against a FakeAwsPort.

import type { CreateBudgetStep, Plan, PlanStep } from '../../../src/model/plan.js';
import { FAKE_INPUTS } from '../../support/builders.js';

export function createBudgetStep(name: string, dependsOn: readonly number[] = []): CreateBudgetStep {
  return {
    kind: 'createBudget',
    address: `budget:${name}`,
    reason: 'test',
    dependsOn,
    before: null,
    after: { name, amount: 10, unit: 'USD', timeUnit: 'MONTHLY', notifications: [] },
  };
}

export function planOf(steps: readonly PlanStep[]): Plan {
  return { version: 2, steps, warnings: [], errors: [], inputs: FAKE_INPUTS };
}

/** The budget name a CreateBudget call was made for. */
export function budgetNameOf(args: readonly unknown[]): string {
  return (args[1] as { name: string }).name;
}
