// The live OU tree indexed by ID and by path, built once per plan so every lookup is O(1).

import type { LiveOrg, LiveOu } from '../model/live.js';
import { childPath, ROOT_PATH } from '../model/paths.js';

export interface LiveTree {
  readonly rootId: string | null;
  /** Path of the root ("/") and of every OU reachable from it, by ID. */
  readonly pathById: ReadonlyMap<string, string>;
  readonly ouByPath: ReadonlyMap<string, LiveOu>;
  /** Reachable OUs, breadth-first from the root: every parent before its children. */
  readonly ousTopDown: readonly LiveOu[];
}

export function indexLiveTree(live: Pick<LiveOrg, 'root' | 'ous'>): LiveTree {
  const pathById = new Map<string, string>();
  const ouByPath = new Map<string, LiveOu>();
  const ousTopDown: LiveOu[] = [];
  if (!live.root) return { rootId: null, pathById, ouByPath, ousTopDown };

  const childrenByParent = new Map<string, LiveOu[]>();
  for (const ou of live.ous) {
    const siblings = childrenByParent.get(ou.parentId);
    if (siblings) siblings.push(ou);
    else childrenByParent.set(ou.parentId, [ou]);
  }
  pathById.set(live.root.id, ROOT_PATH);
  const queue = [live.root.id];
  for (let next = 0; next < queue.length; next++) {
    const parentId = queue[next]!;
    const parentPath = pathById.get(parentId)!;
    for (const ou of childrenByParent.get(parentId) ?? []) {
      const path = childPath(parentPath, ou.name);
      pathById.set(ou.id, path);
      ouByPath.set(path, ou);
      ousTopDown.push(ou);
      queue.push(ou.id);
    }
  }
  return { rootId: live.root.id, pathById, ouByPath, ousTopDown };
}
