// A plan's digest stands for what apply would do: its steps, not their wording, not the plan's inputs.

import { describe, expect, it } from 'vitest';
import type { Plan, PlanStep } from '../../src/model/plan.js';
import { planOrg } from '../../src/planner/index.js';
import { planDigest, stepKeys } from '../../src/workflow/plan-digest.js';
import { aLiveOrg, FAKE_INPUTS, theRepositoryOrg } from '../support/builders.js';

const bootstrap = (): Plan => planOrg(theRepositoryOrg().build(), aLiveOrg().withoutOrganization().build(), FAKE_INPUTS);
const withSteps = (plan: Plan, steps: readonly PlanStep[]): Plan => ({ ...plan, steps });

describe('planDigest', () => {
  it('is 64 hex characters, the same for equal plans', () => {
    expect(planDigest(bootstrap())).toMatch(/^[0-9a-f]{64}$/);
    expect(planDigest(bootstrap())).toBe(planDigest(bootstrap()));
  });

  it('ignores the steps\' wording, the inputs, the warnings and the key order', () => {
    const plan = bootstrap();
    const reworded = withSteps(plan, plan.steps.map((s) => ({ ...s, reason: `${s.reason}, as a later release puts it` })));
    expect(planDigest(reworded)).toBe(planDigest(plan));
    const reordered = withSteps(plan, plan.steps.map((s) => Object.fromEntries(Object.entries(s).reverse()) as unknown as PlanStep));
    expect(planDigest(reordered)).toBe(planDigest(plan));
    const otherInputs: Plan = { ...plan, inputs: { orgYamlSha256: 'x', liveStateSha256: 'y' }, warnings: [{ code: 'c', message: 'm' }] };
    expect(planDigest(otherInputs)).toBe(planDigest(plan));
  });

  it('changes when a step is added, removed, reordered or changes what it does', () => {
    const plan = bootstrap();
    const digest = planDigest(plan);
    const [first, ...rest] = plan.steps;
    expect(planDigest(withSteps(plan, rest))).not.toBe(digest);
    expect(planDigest(withSteps(plan, [...rest, first!]))).not.toBe(digest);
    const renamed = plan.steps.map((s) => (s.kind === 'createOrganizationalUnit' && s.address === 'ou:/Sandbox' ? { ...s, after: { ...s.after, name: 'Playground' } } : s));
    expect(planDigest(withSteps(plan, renamed))).not.toBe(digest);
    expect(planDigest(withSteps(plan, []))).not.toBe(digest);
  });
});

describe('stepKeys', () => {
  it('gives each step a key that ignores its wording and its dependencies (indexes shift when a step is added)', () => {
    const plan = bootstrap();
    const keys = stepKeys(plan);
    expect(keys).toHaveLength(plan.steps.length);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{12}$/);
    const shifted = withSteps(plan, plan.steps.map((s) => ({ ...s, reason: 'other words', dependsOn: [] })));
    expect(stepKeys(shifted)).toEqual(keys);
  });
});
