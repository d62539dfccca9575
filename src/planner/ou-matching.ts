// Matches desired OUs to live OUs, top-down: by name under the matched parent, else by `renamedFrom`
// (the old name exists under the same parent and the new name does not). The result says which live
// OUs are renamed and the path every live OU will have once the renames are done, so that the
// document diff sees a renamed OU (and everything under it) as unchanged instead of deleted + created.

import type { DesiredNode, DesiredOrg } from '../model/desired.js';
import { childPath, parentPathOf, ROOT_PATH } from '../model/paths.js';
import type { LiveTree } from './live-tree.js';

export interface OuRename {
  readonly id: string;
  readonly oldName: string;
  readonly newName: string;
  /** Path when the rename runs (its parent already at its desired path). */
  readonly fromPath: string;
  /** Path in org.yaml. */
  readonly toPath: string;
}

export interface OuMatching {
  /** Parents before children. */
  readonly renames: readonly OuRename[];
  /** For the root and every live OU: its path after the renames. */
  readonly futurePathById: ReadonlyMap<string, string>;
}

export function matchOus(desired: DesiredOrg, tree: LiveTree): OuMatching {
  const renames: OuRename[] = [];
  const futurePathById = new Map<string, string>();
  if (tree.rootId === null) return { renames, futurePathById };
  futurePathById.set(tree.rootId, ROOT_PATH);

  const visit = (node: DesiredNode, liveParentPath: string | null): void => {
    const siblingNames = new Set(node.organizationalUnits.map((ou) => ou.name));
    for (const ou of node.organizationalUnits) {
      let livePath: string | null = null;
      if (liveParentPath !== null) {
        const direct = tree.ouByPath.get(childPath(liveParentPath, ou.name));
        const old =
          ou.renamedFrom !== undefined && !siblingNames.has(ou.renamedFrom)
            ? tree.ouByPath.get(childPath(liveParentPath, ou.renamedFrom))
            : undefined;
        const match = direct ?? old;
        if (match && !futurePathById.has(match.id)) {
          livePath = tree.pathById.get(match.id)!;
          futurePathById.set(match.id, ou.path);
          if (!direct) {
            const fromPath = childPath(parentPathOf(ou.path), match.name);
            renames.push({ id: match.id, oldName: match.name, newName: ou.name, fromPath, toPath: ou.path });
          }
        }
      }
      visit(ou, livePath);
    }
  };
  visit(desired.root, ROOT_PATH);

  // Unmatched OUs keep their name under their parent's future path.
  for (const ou of tree.ousTopDown) {
    if (!futurePathById.has(ou.id)) futurePathById.set(ou.id, childPath(futurePathById.get(ou.parentId)!, ou.name));
  }
  return { renames, futurePathById };
}
