// What every renderer says about a plan: step titles, detail lines, groups and the summary line.
// Plain strings with no markup; text and markdown renderers add symbols, color and escaping.
// What each step says comes from its resource kind's handler (src/kinds/registry.ts).

import type { Plan, PlanStep, StepAction } from '../model/plan.js';
import { actionOfStep, describeStepDetails, groupOf, STEP_GROUPS } from '../kinds/registry.js';
import { auditSummaryLine } from '../audit/summarize-audit.js';

export { STEP_GROUPS } from '../kinds/registry.js';
export type StepGroup = string;

export interface StepDescription {
  readonly action: StepAction;
  /** The step's address, with the account name for accounts. */
  readonly title: string;
  readonly reason: string;
  /** Before → after details beyond what the reason says. */
  readonly details: readonly string[];
}

export { groupOf };

/** Steps by group, groups in STEP_GROUPS order, steps in plan order within each. */
export function groupSteps(steps: readonly PlanStep[]): { group: StepGroup; steps: PlanStep[] }[] {
  return STEP_GROUPS.map((group) => ({ group, steps: steps.filter((s) => groupOf(s) === group) })).filter((g) => g.steps.length > 0);
}

export function describeStep(step: PlanStep): StepDescription {
  const { title, details } = describeStepDetails(step);
  return { action: actionOfStep(step), title: title ?? step.address, reason: step.reason, details };
}

export interface ActionCounts {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
}

export function countActions(plan: Plan): ActionCounts {
  const counts = { create: 0, update: 0, delete: 0 };
  for (const step of plan.steps) counts[actionOfStep(step)] += 1;
  return counts;
}

/** "Plan: 4 to create, 1 to update, 0 to delete." or "No changes. The organization matches org.yaml." */
export function planSummaryLine(plan: Plan): string {
  if (plan.steps.length === 0 && plan.errors.length === 0) return 'No changes. The organization matches org.yaml.';
  const c = countActions(plan);
  return `Plan: ${c.create} to create, ${c.update} to update, ${c.delete} to delete.`;
}

/**
 * The summary line the renderers print: planSummaryLine, then the audit's count when the plan has one,
 * so a failed root-credential check shows in the one line everyone reads.
 */
export function renderedSummaryLine(plan: Plan): string {
  return plan.audit ? `${planSummaryLine(plan)} ${auditSummaryLine(plan.audit)}` : planSummaryLine(plan);
}

/** The line after the summary when the plan cannot be applied, else undefined. */
export function planErrorLine(plan: Plan): string | undefined {
  const n = plan.errors.length;
  return n === 0 ? undefined : `This plan has ${n} ${n === 1 ? 'error' : 'errors'} and cannot be applied.`;
}

/** 3000 → "3,000", the same on every machine. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
