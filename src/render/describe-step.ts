// What every renderer says about a plan: step titles, detail lines, groups and the summary line.
// Plain strings with no markup; text and markdown renderers add symbols, color and escaping.

import type { NotificationKey, Subscriber } from '../model/desired.js';
import { actionOfStep, assertNever, type NotificationSpec, type Plan, type PlanStep, type StepAction } from '../model/plan.js';
import type { AlternateContactSpec } from '../model/security.js';
import { auditSummaryLine } from '../audit/summarize-audit.js';

export const STEP_GROUPS = ['Organization', 'Organizational units', 'Accounts', 'Budgets', 'Alternate contacts'] as const;
export type StepGroup = (typeof STEP_GROUPS)[number];

export interface StepDescription {
  readonly action: StepAction;
  /** The step's address, with the account name for accounts. */
  readonly title: string;
  readonly reason: string;
  /** Before → after details beyond what the reason says. */
  readonly details: readonly string[];
}

export function groupOf(step: PlanStep): StepGroup {
  switch (step.kind) {
    case 'createOrganization':
      return 'Organization';
    case 'createOrganizationalUnit':
    case 'renameOrganizationalUnit':
    case 'deleteOrganizationalUnit':
      return 'Organizational units';
    case 'moveAccount':
      return 'Accounts';
    case 'createBudget':
    case 'updateBudget':
    case 'deleteBudget':
    case 'createNotification':
    case 'updateNotification':
    case 'deleteNotification':
    case 'createSubscriber':
    case 'deleteSubscriber':
      return 'Budgets';
    case 'putAlternateContact':
      return 'Alternate contacts';
    default:
      return assertNever(step);
  }
}

/** Steps by group, groups in STEP_GROUPS order, steps in plan order within each. */
export function groupSteps(steps: readonly PlanStep[]): { group: StepGroup; steps: PlanStep[] }[] {
  return STEP_GROUPS.map((group) => ({ group, steps: steps.filter((s) => groupOf(s) === group) })).filter((g) => g.steps.length > 0);
}

export function describeStep(step: PlanStep): StepDescription {
  const base = { action: actionOfStep(step), title: step.address, reason: step.reason };
  switch (step.kind) {
    case 'createOrganization':
      return { ...base, details: [`featureSet: ${step.after.featureSet}`] };
    case 'createOrganizationalUnit':
      return { ...base, details: [] };
    case 'renameOrganizationalUnit':
      return { ...base, details: [`name: "${step.before.name}" → "${step.after.name}"`, `id: ${step.before.id}`] };
    case 'deleteOrganizationalUnit':
      return { ...base, details: [`id: ${step.before.id}`] };
    case 'moveAccount':
      return { ...base, title: step.before.accountName ? `${step.address} (${step.before.accountName})` : step.address, details: [] };
    case 'createBudget':
      return { ...base, details: [`limit: ${step.after.amount} ${step.after.unit} ${step.after.timeUnit}`, ...step.after.notifications.map(notificationLine)] };
    case 'updateBudget':
      return { ...base, details: [] };
    case 'deleteBudget': {
      const limit = step.before.amount === null ? 'no fixed limit' : `${step.before.amount} ${step.before.unit}`;
      return { ...base, details: [`limit: ${limit} ${step.before.timeUnit}`, ...step.before.notifications.map(notificationLine)] };
    }
    case 'createNotification':
      return { ...base, details: [notificationLine(step.after)] };
    case 'updateNotification':
      return { ...base, details: [`notify when ${condition(step.before)} → ${condition(step.after)}`] };
    case 'deleteNotification':
      return { ...base, details: [notificationLine(step.before)] };
    case 'createSubscriber':
    case 'deleteSubscriber':
      return { ...base, details: [] };
    case 'putAlternateContact':
      return { ...base, details: contactChanges(step.before, step.after) };
    default:
      return assertNever(step);
  }
}

const COMPARISON: Readonly<Record<NotificationKey['comparison'], string>> = { GREATER_THAN: '>', LESS_THAN: '<', EQUAL_TO: '=' };

/** "ACTUAL > 80%", "FORECASTED > 120 (absolute)". */
export function condition(n: NotificationKey): string {
  const threshold = n.thresholdType === 'PERCENTAGE' ? `${n.threshold}%` : `${n.threshold} (absolute)`;
  return `${n.type} ${COMPARISON[n.comparison]} ${threshold}`;
}

function notificationLine(n: NotificationSpec): string {
  return `notify when ${condition(n)}: ${n.subscribers.map(subscriberText).join(', ')}`;
}

function subscriberText(s: Subscriber): string {
  return `${s.type === 'EMAIL' ? 'email' : 'sns'} ${s.address}`;
}

const CONTACT_FIELDS = [
  ['email', 'email'],
  ['name', 'name'],
  ['title', 'title'],
  ['phone', 'phone'],
] as const satisfies readonly (readonly [keyof AlternateContactSpec, string])[];

/** One line per field: `email: "old" → "new"` when it changes, `name: "same"` when it stays. */
function contactChanges(before: AlternateContactSpec | null, after: AlternateContactSpec): string[] {
  return CONTACT_FIELDS.map(([field, label]) => {
    const old = before?.[field];
    return old === undefined || old === after[field] ? `${label}: "${after[field]}"` : `${label}: "${old}" → "${after[field]}"`;
  });
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
