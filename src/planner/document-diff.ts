// Diffs two canonical documents with fast-json-patch and sorts the patch operations into the
// entities they touch. The step builders read the values from the documents themselves.

import jsonPatch from 'fast-json-patch';
import { byCodeUnit, type OrgDocument } from './canonical-document.js';

export interface NotificationChanges {
  /** Notification keys in org.yaml, not live. */
  readonly added: readonly string[];
  /** Notification keys live, not in org.yaml. */
  readonly removed: readonly string[];
  /** Keys of notifications on both sides whose subscribers differ. */
  readonly subscribersChanged: readonly string[];
}

export interface DocumentChanges {
  readonly organizationChanged: boolean;
  readonly addedOus: readonly string[];
  readonly removedOus: readonly string[];
  /** Declared, not in the organization. */
  readonly addedAccounts: readonly string[];
  /** In the organization, not declared. */
  readonly removedAccounts: readonly string[];
  readonly movedAccounts: readonly string[];
  readonly addedBudgets: readonly string[];
  readonly removedBudgets: readonly string[];
  /** Budgets on both sides whose amount, unit, time unit or type differ. */
  readonly changedBudgetLimits: readonly string[];
  /** By budget name, for budgets on both sides. */
  readonly notifications: ReadonlyMap<string, NotificationChanges>;
}

export function diffDocuments(live: OrgDocument, desired: OrgDocument): DocumentChanges {
  const sets = {
    addedOus: new Set<string>(),
    removedOus: new Set<string>(),
    addedAccounts: new Set<string>(),
    removedAccounts: new Set<string>(),
    movedAccounts: new Set<string>(),
    addedBudgets: new Set<string>(),
    removedBudgets: new Set<string>(),
    changedBudgetLimits: new Set<string>(),
  };
  const notifications = new Map<string, { added: Set<string>; removed: Set<string>; subscribersChanged: Set<string> }>();
  const notificationsOf = (budget: string) => {
    let entry = notifications.get(budget);
    if (!entry) notifications.set(budget, (entry = { added: new Set(), removed: new Set(), subscribersChanged: new Set() }));
    return entry;
  };
  let organizationChanged = false;

  for (const op of jsonPatch.compare(live, desired)) {
    const [collection, key, ...rest] = op.path.split('/').slice(1).map(jsonPatch.unescapePathComponent);
    if (key === undefined) {
      if (collection === 'organization') organizationChanged = true;
      continue;
    }
    const added = op.op === 'add';
    const removed = op.op === 'remove';
    switch (collection) {
      case 'organization':
        organizationChanged = true;
        break;
      case 'ous':
        if (rest.length === 0 && added) sets.addedOus.add(key);
        if (rest.length === 0 && removed) sets.removedOus.add(key);
        break;
      case 'accounts':
        if (rest.length === 0 && added) sets.addedAccounts.add(key);
        else if (rest.length === 0 && removed) sets.removedAccounts.add(key);
        else if (rest[0] === 'parentPath') sets.movedAccounts.add(key);
        break;
      case 'budgets': {
        const [field, notificationKey, member] = rest;
        if (field === undefined) (added ? sets.addedBudgets : sets.removedBudgets).add(key);
        else if (field !== 'notifications') sets.changedBudgetLimits.add(key);
        else if (notificationKey !== undefined && member === undefined) {
          if (added) notificationsOf(key).added.add(notificationKey);
          if (removed) notificationsOf(key).removed.add(notificationKey);
        } else if (notificationKey !== undefined && member === 'subscribers') {
          notificationsOf(key).subscribersChanged.add(notificationKey);
        }
        break;
      }
    }
  }

  const sorted = (set: ReadonlySet<string>): string[] => [...set].sort(byCodeUnit);
  return {
    organizationChanged,
    addedOus: sorted(sets.addedOus),
    removedOus: sorted(sets.removedOus),
    addedAccounts: sorted(sets.addedAccounts),
    removedAccounts: sorted(sets.removedAccounts),
    movedAccounts: sorted(sets.movedAccounts),
    addedBudgets: sorted(sets.addedBudgets),
    removedBudgets: sorted(sets.removedBudgets),
    changedBudgetLimits: sorted(sets.changedBudgetLimits),
    notifications: new Map(
      [...notifications].sort(([a], [b]) => byCodeUnit(a, b)).map(([budget, n]) => [
        budget,
        { added: sorted(n.added), removed: sorted(n.removed), subscribersChanged: sorted(n.subscribersChanged) },
      ]),
    ),
  };
}
