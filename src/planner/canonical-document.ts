// The one document desired and live are both normalized into before diffing, composed from each kind's
// canonical form: the organization kind's (src/kinds/organization/document.ts: OUs by path, accounts by
// ID with their parent path) and the budgets kind's (src/kinds/budgets/document.ts: budgets by name).
// Keys are inserted in sorted order, so equal states give equal documents.

import { type BudgetDocument, desiredBudgetDocument, liveBudgetDocument } from '../kinds/budgets/document.js';
import { desiredOrganizationDocument, liveOrganizationDocument, type OrganizationKindDocument } from '../kinds/organization/document.js';
import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import { type DesiredIndex, indexDesired } from './desired-index.js';
import { indexLiveTree, type LiveTree } from './live-tree.js';
import { sortedRecord } from './sorted-record.js';

// Each kind's canonical form lives in its folder; re-exported for the planner and the importer.
export { type BudgetDocument, canonicalNotificationKey, liveBudgetDocument, type NotificationDocument, type SubscriberDocument } from '../kinds/budgets/document.js';
export { type AccountDocument, type OrganizationDocument, type OuDocument } from '../kinds/organization/document.js';
export { byCodeUnit, sortedRecord } from './sorted-record.js';

export interface OrgDocument extends OrganizationKindDocument {
  /** By budget name. */
  readonly budgets: Readonly<Record<string, BudgetDocument>>;
}

/** org.yaml as a canonical document. */
export function canonicalDesiredDocument(desired: DesiredOrg, index: DesiredIndex = indexDesired(desired)): OrgDocument {
  return {
    ...desiredOrganizationDocument(desired, index),
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
  return {
    ...liveOrganizationDocument(live, tree, pathById),
    budgets: sortedRecord(live.budgets.map((budget) => [budget.name, liveBudgetDocument(budget)])),
  };
}

