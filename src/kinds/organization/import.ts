// How import writes the organization back: the management account, the feature set and the OU tree
// with every ACTIVE account in its place ({ id, name, email }), OUs by name and accounts by name then ID (whatever order
// AWS lists them in). Accounts that are not ACTIVE cannot be placed in org.yaml; they are left out.

import type { DesiredAccount, DesiredNode, DesiredOu } from '../../model/desired.js';
import type { LiveAccount, LiveOu } from '../../model/live.js';
import { childPath, ROOT_PATH } from '../../model/paths.js';
import { indexLiveTree } from '../../planner/live-tree.js';
import { byNaturalOrder } from '../../importer/natural-order.js';
import type { ImportReading, KindImport } from '../kind-import.js';
import { importedTags } from '../tags/import.js';

export function importOrganization({ live, organization, root, resourceTags }: ImportReading): KindImport {
  // With --include-tags, each resource's tags as its `tags:` key (the tags kind decides which).
  const tagsOf = (id: string) => importedTags(resourceTags?.get(id));
  const ousByParent = groupBy(live.ous, (ou) => ou.parentId);
  const active = live.accounts.filter((a) => a.state === 'ACTIVE');
  const accountsByParent = groupBy(active, (a) => a.parentId);
  const { pathById } = indexLiveTree(live);

  const buildNode = (parentId: string, path: string): DesiredNode => ({
    accounts: sortAccounts(accountsByParent.get(parentId) ?? []).map(
      (a): DesiredAccount => ({ id: a.id, name: a.name, ...(a.email !== '' && { email: a.email }), ...tagsOf(a.id) }),
    ),
    organizationalUnits: sortOus(ousByParent.get(parentId) ?? []).map((ou): DesiredOu => {
      const ouPath = childPath(path, ou.name);
      return { name: ou.name, path: ouPath, ...buildNode(ou.id, ouPath) };
    }),
    ...tagsOf(parentId),
  });

  return {
    desired: { managementAccountId: organization.managementAccountId, featureSet: organization.featureSet, root: buildNode(root.id, ROOT_PATH) },
    leftOut: {
      inactiveAccounts: sortAccounts(live.accounts.filter((a) => a.state !== 'ACTIVE')).map((a) => ({
        id: a.id,
        name: a.name,
        state: a.state,
        parentPath: pathById.get(a.parentId) ?? a.parentId,
      })),
    },
    counts: { ous: live.ous.length, accountsPlaced: active.filter((a) => pathById.has(a.parentId)).length },
  };
}

function sortOus(ous: readonly LiveOu[]): LiveOu[] {
  return [...ous].sort((a, b) => byNaturalOrder(a.name, b.name) || byNaturalOrder(a.id, b.id));
}

function sortAccounts(accounts: readonly LiveAccount[]): LiveAccount[] {
  return [...accounts].sort((a, b) => byNaturalOrder(a.name, b.name) || byNaturalOrder(a.id, b.id));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
