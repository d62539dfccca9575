// The one document shape desired and live are both normalized into before diffing:
// OUs keyed by path, accounts by ID with their parent path, budgets by name (the budgets kind's
// canonical form, src/kinds/budgets/document.ts). Keys are inserted in sorted order, so equal states
// give equal documents.

import { type BudgetDocument, desiredBudgetDocument, liveBudgetDocument } from '../kinds/budgets/document.js';
import type { DesiredOrg, FeatureSet } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import { type DesiredIndex, indexDesired } from './desired-index.js';
import { indexLiveTree, type LiveTree } from './live-tree.js';
import { sortedRecord } from './sorted-record.js';

// Each kind's canonical form lives in its folder; re-exported for the planner and the importer.
export { type BudgetDocument, canonicalNotificationKey, liveBudgetDocument, type NotificationDocument, type SubscriberDocument } from '../kinds/budgets/document.js';
export { byCodeUnit, sortedRecord } from './sorted-record.js';

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

