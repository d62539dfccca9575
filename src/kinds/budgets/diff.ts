// The budgets kind's differences: its canonical documents (document.ts) of both sides, budgets by name
// and, inside each, notifications by key (src/planner/keyed-diff.ts). The step builders read the values
// from the documents themselves.

import { diffKeyed, jsonEqual } from '../../planner/keyed-diff.js';
import type { BudgetDocument, BudgetDocuments } from './document.js';

export interface NotificationChanges {
  /** Notification keys in org.yaml, not live. */
  readonly added: readonly string[];
  /** Notification keys live, not in org.yaml. */
  readonly removed: readonly string[];
  /** Keys of notifications on both sides whose subscribers differ. */
  readonly subscribersChanged: readonly string[];
}

export interface BudgetChanges {
  readonly addedBudgets: readonly string[];
  readonly removedBudgets: readonly string[];
  /** Budgets on both sides whose amount, unit, time unit or type differ. */
  readonly changedBudgetLimits: readonly string[];
  /** By budget name, for budgets on both sides whose notifications differ. */
  readonly notifications: ReadonlyMap<string, NotificationChanges>;
}

export function diffBudgets(live: BudgetDocuments, desired: BudgetDocuments): BudgetChanges {
  const budgets = diffKeyed(live, desired);
  const notifications = new Map<string, NotificationChanges>();
  const changedBudgetLimits: string[] = [];
  for (const name of budgets.changed) {
    const [before, after] = [live[name]!, desired[name]!];
    if (!jsonEqual(limitOf(before), limitOf(after))) changedBudgetLimits.push(name);
    // A notification's other fields are its key: a changed one differs in its subscribers.
    const changes = diffKeyed(before.notifications, after.notifications);
    if (changes.added.length + changes.removed.length + changes.changed.length > 0) {
      notifications.set(name, { added: changes.added, removed: changes.removed, subscribersChanged: changes.changed });
    }
  }
  return { addedBudgets: budgets.added, removedBudgets: budgets.removed, changedBudgetLimits, notifications };
}

function limitOf(budget: BudgetDocument): Omit<BudgetDocument, 'notifications'> {
  const { notifications: _notifications, ...limit } = budget;
  return limit;
}
