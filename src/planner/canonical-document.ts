// The one document shape desired and live are both normalized into before diffing:
// OUs keyed by path, accounts by ID with their parent path, budgets by name, notifications by
// their four identifying fields, subscribers by type:address. Keys are inserted in sorted order,
// numbers are numbers, and absent ThresholdType means PERCENTAGE, so equal states give equal documents.

import type { DesiredBudget, DesiredOrg, FeatureSet, NotificationKey, Subscriber, ThresholdType } from '../model/desired.js';
import type { LiveBudget, LiveOrg } from '../model/live.js';
import { notificationKeyString, subscriberKeyString } from '../model/addresses.js';
import { type DesiredIndex, indexDesired } from './desired-index.js';
import { indexLiveTree, type LiveTree } from './live-tree.js';

export interface OrganizationDocument {
  readonly featureSet: FeatureSet;
  readonly managementAccountId: string;
}

export interface OuDocument {
  readonly name: string;
}

export interface AccountDocument {
  readonly parentPath: string;
}

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

export interface OrgDocument {
  /** null: no organization yet. */
  readonly organization: OrganizationDocument | null;
  /** By OU path ("/Workloads/Prod"); the root is implicit. */
  readonly ous: Readonly<Record<string, OuDocument>>;
  /** By 12-digit account ID. */
  readonly accounts: Readonly<Record<string, AccountDocument>>;
  /** By budget name. */
  readonly budgets: Readonly<Record<string, BudgetDocument>>;
}

/** org.yaml as a canonical document. */
export function canonicalDesiredDocument(desired: DesiredOrg, index: DesiredIndex = indexDesired(desired)): OrgDocument {
  return {
    organization: { featureSet: desired.featureSet, managementAccountId: desired.managementAccountId },
    ous: sortedRecord(index.ous.map((ou) => [ou.path, { name: ou.name }])),
    accounts: sortedRecord([...index.accounts].map(([id, placed]) => [id, { parentPath: placed.parentPath }])),
    budgets: sortedRecord(desired.budgets.map((budget) => [budget.name, desiredBudgetDocument(budget)])),
  };
}

/** The live organization as a canonical document, OUs at the paths they have now. */
export function canonicalLiveDocument(live: LiveOrg): OrgDocument {
  const tree = indexLiveTree(live);
  return buildLiveDocument(live, tree, tree.pathById);
}

/**
 * The live organization as a canonical document, with OU paths taken from `pathById`
 * (the planner passes the paths OUs will have after the plan's renames).
 */
export function buildLiveDocument(live: LiveOrg, tree: LiveTree, pathById: ReadonlyMap<string, string>): OrgDocument {
  const ous: [string, OuDocument][] = [];
  for (const ou of tree.ousTopDown) {
    const path = pathById.get(ou.id);
    if (path !== undefined) ous.push([path, { name: ou.name }]);
  }
  const accounts: [string, AccountDocument][] = [];
  for (const account of live.accounts) {
    const parentPath = pathById.get(account.parentId);
    if (parentPath !== undefined) accounts.push([account.id, { parentPath }]);
  }
  return {
    organization: live.organization
      ? { featureSet: live.organization.featureSet, managementAccountId: live.organization.managementAccountId }
      : null,
    ous: sortedRecord(ous),
    accounts: sortedRecord(accounts),
    budgets: sortedRecord(live.budgets.map((budget) => [budget.name, liveBudgetDocument(budget)])),
  };
}

function desiredBudgetDocument(budget: DesiredBudget): BudgetDocument {
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

/** A record with keys in code-unit order. Object.fromEntries defines own properties, so "__proto__" is just a key. */
export function sortedRecord<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => byCodeUnit(a, b)));
}

/** Locale-independent string order, so plans are the same on every machine. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
