// Sorts the differences of two canonical documents into the entities they touch, one keyed diff per
// collection (planner/keyed-diff.ts). The step builders read the values from the documents themselves.

import type { BudgetDocument, OrgDocument } from './canonical-document.js';
import { diffKeyed, jsonEqual } from './keyed-diff.js';

export interface NotificationChanges {
  /** Notification keys in org.yaml, not live. */
  readonly added: readonly string[];
  /** Notification keys live, not in org.yaml. */
  readonly removed: readonly string[];
  /** Keys of notifications on both sides whose subscribers differ. */
  readonly subscribersChanged: readonly string[];
}

export interface OrganizationChanges {
  readonly organizationChanged: boolean;
  readonly addedOus: readonly string[];
  readonly removedOus: readonly string[];
  /** Declared, not in the organization. */
  readonly addedAccounts: readonly string[];
  /** In the organization, not declared. */
  readonly removedAccounts: readonly string[];
  readonly movedAccounts: readonly string[];
}

export interface BudgetChanges {
  readonly addedBudgets: readonly string[];
  readonly removedBudgets: readonly string[];
  /** Budgets on both sides whose amount, unit, time unit or type differ. */
  readonly changedBudgetLimits: readonly string[];
  /** By budget name, for budgets on both sides whose notifications differ. */
  readonly notifications: ReadonlyMap<string, NotificationChanges>;
}

export type DocumentChanges = OrganizationChanges & BudgetChanges;

export function diffOrganization(live: OrgDocument, desired: OrgDocument): OrganizationChanges {
  const ous = diffKeyed(live.ous, desired.ous);
  // An account's only field is its parent path: a changed account is a moved one.
  const accounts = diffKeyed(live.accounts, desired.accounts);
  return {
    organizationChanged: !jsonEqual(live.organization, desired.organization),
    addedOus: ous.added,
    removedOus: ous.removed,
    addedAccounts: accounts.added,
    removedAccounts: accounts.removed,
    movedAccounts: accounts.changed,
  };
}

export function diffBudgets(live: OrgDocument, desired: OrgDocument): BudgetChanges {
  const budgets = diffKeyed(live.budgets, desired.budgets);
  const notifications = new Map<string, NotificationChanges>();
  const changedBudgetLimits: string[] = [];
  for (const name of budgets.changed) {
    const [before, after] = [live.budgets[name]!, desired.budgets[name]!];
    if (!jsonEqual(limitOf(before), limitOf(after))) changedBudgetLimits.push(name);
    // A notification's other fields are its key: a changed one differs in its subscribers.
    const changes = diffKeyed(before.notifications, after.notifications);
    if (changes.added.length + changes.removed.length + changes.changed.length > 0) {
      notifications.set(name, { added: changes.added, removed: changes.removed, subscribersChanged: changes.changed });
    }
  }
  return { addedBudgets: budgets.added, removedBudgets: budgets.removed, changedBudgetLimits, notifications };
}

export function diffDocuments(live: OrgDocument, desired: OrgDocument): DocumentChanges {
  return { ...diffOrganization(live, desired), ...diffBudgets(live, desired) };
}

function limitOf(budget: BudgetDocument): Omit<BudgetDocument, 'notifications'> {
  const { notifications: _notifications, ...limit } = budget;
  return limit;
}
