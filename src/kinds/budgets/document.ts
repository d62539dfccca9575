// The budgets kind's canonical form: a budget by name with its notifications by their four identifying
// fields and subscribers by type:address, numbers as numbers and an absent ThresholdType as PERCENTAGE,
// so equal budgets give equal documents on both sides.

import { notificationKeyString, subscriberKeyString } from '../../model/addresses.js';
import type { DesiredBudget, NotificationKey, Subscriber, ThresholdType } from '../../model/desired.js';
import type { LiveBudget } from '../../model/live.js';
import { sortedRecord } from '../../planner/sorted-record.js';

export type SubscriberDocument = Subscriber;

export interface NotificationDocument extends NotificationKey {
  /** By subscriberKeyString ("EMAIL:ops@example.com"). */
  readonly subscribers: Readonly<Record<string, SubscriberDocument>>;
}

export interface BudgetDocument {
  readonly budgetType: string;
  readonly amount: number | null;
  readonly unit: string;
  readonly timeUnit: string;
  /** By notificationKeyString ("ACTUAL:GREATER_THAN:80:PERCENTAGE"). */
  readonly notifications: Readonly<Record<string, NotificationDocument>>;
}

/** Budgets by name. */
export type BudgetDocuments = Readonly<Record<string, BudgetDocument>>;

/** org.yaml's budgets as canonical documents. */
export function desiredBudgetDocuments(budgets: readonly DesiredBudget[]): BudgetDocuments {
  return sortedRecord(budgets.map((budget) => [budget.name, desiredBudgetDocument(budget)]));
}

/** The live budgets as canonical documents. */
export function liveBudgetDocuments(budgets: readonly LiveBudget[]): BudgetDocuments {
  return sortedRecord(budgets.map((budget) => [budget.name, liveBudgetDocument(budget)]));
}

export function desiredBudgetDocument(budget: DesiredBudget): BudgetDocument {
  return {
    budgetType: 'COST',
    amount: canonicalNumber(budget.amount),
    unit: budget.unit,
    timeUnit: budget.timeUnit,
    notifications: sortedRecord(budget.notifications.map((n) => notificationEntry(n, n.subscribers))),
  };
}

export function liveBudgetDocument(budget: LiveBudget): BudgetDocument {
  return {
    budgetType: budget.budgetType,
    amount: budget.amount === null ? null : canonicalNumber(budget.amount),
    unit: budget.unit,
    timeUnit: budget.timeUnit,
    notifications: sortedRecord(budget.notifications.map((n) => notificationEntry(n, n.subscribers))),
  };
}

function notificationEntry(n: NotificationKey, subscribers: readonly Subscriber[]): [string, NotificationDocument] {
  const key = canonicalNotificationKey(n);
  return [
    notificationKeyString(key),
    { ...key, subscribers: sortedRecord(subscribers.map((s) => [subscriberKeyString(s), { type: s.type, address: s.address }])) },
  ];
}

/** The four identifying fields, with Budgets' omitted ThresholdType read as PERCENTAGE. */
export function canonicalNotificationKey(n: NotificationKey): NotificationKey {
  const thresholdType: ThresholdType = (n.thresholdType as ThresholdType | undefined) ?? 'PERCENTAGE';
  return { type: n.type, comparison: n.comparison, threshold: canonicalNumber(n.threshold), thresholdType };
}

/** -0 and 0 are the same amount; JSON cannot tell them apart either. */
function canonicalNumber(value: number): number {
  return value === 0 ? 0 : value;
}

