// What a plan's digest is made of: its steps as canonical JSON, without their `reason` (wording for
// humans, which may change between releases without changing what apply does). Two plans with equal
// texts make the same calls to AWS. Hashing is the shell's (src/workflow/plan-digest.ts): this stays pure.

import type { Plan, PlanStep } from '../model/plan.js';
import { canonicalJson } from './live-state.js';

/** The plan's steps, in order, with their dependencies: the text its digest hashes. */
export function planDigestText(plan: Pick<Plan, 'steps'>): string {
  return canonicalJson({ format: 1, steps: plan.steps.map(withoutWording) });
}

/**
 * One step without its wording and without its dependencies (indexes, which shift when another step is
 * added): the text that tells whether two plans share the step.
 */
export function stepIdentityText(step: PlanStep): string {
  const { dependsOn: _dependsOn, ...rest } = withoutWording(step);
  return canonicalJson(rest);
}

function withoutWording(step: PlanStep): Omit<PlanStep, 'reason'> {
  const { reason: _reason, ...rest } = step;
  return rest;
}
