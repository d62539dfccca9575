// The organization kind's canonical form: the organization's settings, OUs by path and accounts by ID
// with their parent path, keys in sorted order, so equal trees give equal documents on both sides.

import type { DesiredOrg, FeatureSet } from '../../model/desired.js';
import type { LiveOrg } from '../../model/live.js';
import type { DesiredIndex } from '../../planner/desired-index.js';
import type { LiveTree } from '../../planner/live-tree.js';
import { sortedRecord } from '../../planner/sorted-record.js';

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

/** The organization kind's part of the canonical document. */
export interface OrganizationKindDocument {
  /** null: no organization yet. */
  readonly organization: OrganizationDocument | null;
  /** By OU path ("/Workloads/Prod"); the root is implicit. */
  readonly ous: Readonly<Record<string, OuDocument>>;
  /** By 12-digit account ID. */
  readonly accounts: Readonly<Record<string, AccountDocument>>;
}

export function desiredOrganizationDocument(desired: DesiredOrg, index: DesiredIndex): OrganizationKindDocument {
  return {
    organization: { featureSet: desired.featureSet, managementAccountId: desired.managementAccountId },
    ous: sortedRecord(index.ous.map((ou) => [ou.path, { name: ou.name }])),
    accounts: sortedRecord([...index.accounts].map(([id, placed]) => [id, { parentPath: placed.parentPath }])),
  };
}

/**
 * The live organization's part, with OU paths taken from `pathById` (the planner passes the paths OUs
 * will have after the plan's renames).
 */
export function liveOrganizationDocument(live: LiveOrg, tree: LiveTree, pathById: ReadonlyMap<string, string>): OrganizationKindDocument {
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
