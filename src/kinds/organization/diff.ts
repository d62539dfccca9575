// The organization kind's differences: the tree documents (src/planner/tree-document.ts) of both sides,
// one keyed diff per collection (src/planner/keyed-diff.ts). The step builders read the values from the
// documents themselves.

import { diffKeyed, jsonEqual } from '../../planner/keyed-diff.js';
import type { TreeDocument } from '../../planner/tree-document.js';

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

export function diffOrganization(live: TreeDocument, desired: TreeDocument): OrganizationChanges {
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
