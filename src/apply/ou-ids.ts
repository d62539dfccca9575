// Resolves OU paths to IDs during apply. Two views:
// - `before` paths come from the live organization the plan was made from and never change;
// - `after` paths are desired paths, which appear as steps create and rename OUs.

import { childPath, ROOT_PATH } from '../model/paths.js';
import type { LiveOrg } from '../model/live.js';

export class OuIds {
  private readonly livePaths = new Map<string, string>();
  private readonly currentPaths = new Map<string, string>();

  static fromLive(live: LiveOrg): OuIds {
    const ids = new OuIds();
    if (!live.root) return ids;
    const pathById = new Map<string, string>([[live.root.id, ROOT_PATH]]);
    const childrenByParent = new Map<string, { id: string; name: string }[]>();
    for (const ou of live.ous) {
      const siblings = childrenByParent.get(ou.parentId) ?? [];
      siblings.push(ou);
      childrenByParent.set(ou.parentId, siblings);
    }
    const queue = [live.root.id];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const parentPath = pathById.get(next) ?? ROOT_PATH;
      for (const child of childrenByParent.get(next) ?? []) {
        pathById.set(child.id, childPath(parentPath, child.name));
        queue.push(child.id);
      }
    }
    for (const [id, path] of pathById) {
      ids.livePaths.set(path, id);
      ids.currentPaths.set(path, id);
    }
    return ids;
  }

  /** The ID of an OU (or the root, "/") as it was when the plan was made. */
  beforeId(path: string): string | undefined {
    return this.livePaths.get(path);
  }

  /** The ID of an OU at its desired path, once it exists. */
  afterId(path: string): string | undefined {
    return this.currentPaths.get(path);
  }

  /** The organization was just created: its root becomes "/". */
  setRoot(rootId: string): void {
    this.livePaths.set(ROOT_PATH, rootId);
    this.currentPaths.set(ROOT_PATH, rootId);
  }

  created(path: string, id: string): void {
    this.currentPaths.set(path, id);
  }

  /** Moves the renamed OU and everything below it to the new path. */
  renamed(oldPath: string, newPath: string): void {
    for (const [path, id] of [...this.currentPaths]) {
      if (path === oldPath || path.startsWith(`${oldPath}/`)) {
        this.currentPaths.delete(path);
        this.currentPaths.set(newPath + path.slice(oldPath.length), id);
      }
    }
  }

  deleted(path: string): void {
    this.currentPaths.delete(path);
  }
}
