// OU targets → accounts, from org.yaml's tree (the accounts org.yaml places under the OU, recursively),
// so the plan shows and assigns exactly what the reviewer sees in the file.

import type { DesiredAssignment } from '../../model/desired.js';
import { ROOT_PATH } from '../../model/paths.js';
import type { TreeDocument } from '../../planner/tree-document.js';
import { visibleText } from '../../text/visible-text.js';

export interface ExpandedAssignment {
  readonly assignment: DesiredAssignment;
  /** Every target account, sorted: the listed ones and those under the OUs. */
  readonly accountIds: readonly string[];
}

export function expandAssignment(assignment: DesiredAssignment, tree: TreeDocument): ExpandedAssignment {
  const ids = new Set(assignment.accounts.map((account) => account.value));
  for (const ou of assignment.organizationalUnits) for (const id of accountsUnder(ou.value, tree)) ids.add(id);
  return { assignment, accountIds: [...ids].sort() };
}

/** The accounts org.yaml places under the OU at `path` or any OU below it; every placed account for the root. */
export function accountsUnder(path: string, tree: TreeDocument): string[] {
  return Object.entries(tree.accounts)
    .filter(([, account]) => path === ROOT_PATH || account.parentPath === path || account.parentPath.startsWith(`${path}/`))
    .map(([id]) => id);
}

/** "AdministratorAccess → group PlatformAdmins on 14 accounts (2 listed, under /Workloads)": the expansion a reviewer checks. */
export function describeExpansion({ assignment, accountIds }: ExpandedAssignment): string {
  const who = assignment.principal ? `${assignment.principal.type === 'GROUP' ? 'group' : 'user'} ${visibleText(assignment.principal.name)}` : 'no principal';
  const where: string[] = [];
  if (assignment.accounts.length > 0) where.push(`${assignment.accounts.length} listed`);
  if (assignment.organizationalUnits.length > 0) where.push(`under ${assignment.organizationalUnits.map((ou) => visibleText(ou.value)).join(', ')}`);
  const count = accountIds.length === 1 ? '1 account' : `${accountIds.length} accounts`;
  return `${visibleText(assignment.permissionSet.value)} → ${who} on ${count}${where.length > 0 ? ` (${where.join('; ')})` : ''}`;
}
