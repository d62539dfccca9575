// The tree document every kind plans against: the organization's settings, OUs by path and accounts by
// ID with their parent path, keys in sorted order, so equal trees give equal documents on both sides.
// Shared (not one kind's): the organization kind diffs it, and any kind that places or targets things in
// the tree (an account, an OU) finds their paths here. A kind's own collections are its own business:
// it builds and diffs their canonical form in its plan (src/kinds/<kind>/document.ts).

import type { DesiredOrg, FeatureSet } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import { ROOT_PATH } from '../model/paths.js';
import type { DesiredIndex } from './desired-index.js';
import { indexDesired } from './desired-index.js';
import type { LiveTree } from './live-tree.js';
import { sortedRecord } from './sorted-record.js';

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

export interface TreeDocument {
  /** null: no organization yet. */
  readonly organization: OrganizationDocument | null;
  /** By OU path ("/Workloads/Prod"); the root is implicit. */
  readonly ous: Readonly<Record<string, OuDocument>>;
  /** By 12-digit account ID. */
  readonly accounts: Readonly<Record<string, AccountDocument>>;
}

/** org.yaml's tree as a canonical document. */
export function desiredTreeDocument(desired: DesiredOrg, index: DesiredIndex = indexDesired(desired)): TreeDocument {
  return {
    organization: { featureSet: desired.featureSet, managementAccountId: desired.managementAccountId },
    ous: sortedRecord(index.ous.map((ou) => [ou.path, { name: ou.name }])),
    accounts: sortedRecord([...index.accounts].map(([id, placed]) => [id, { parentPath: placed.parentPath }])),
  };
}

/**
 * The live tree as a canonical document, with OU paths taken from `pathById` (the planner passes the
 * paths OUs will have after the plan's renames).
 */
export function liveTreeDocument(live: LiveOrg, tree: LiveTree, pathById: ReadonlyMap<string, string>): TreeDocument {
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
  };
}

/** Once CreateOrganization has run, the management account sits in the root: plan from there. */
export function withBootstrapManagementAccount(document: TreeDocument, desired: DesiredOrg): TreeDocument {
  if (document.organization !== null) return document;
  return { ...document, accounts: { ...document.accounts, [desired.managementAccountId]: { parentPath: ROOT_PATH } } };
}
