// Resolves OU paths to IDs during apply. Two views:
// - `before` paths come from the live organization the plan was made from and never change;
// - `after` paths are desired paths, which appear as steps create and rename OUs.

import type { LiveOrg } from '../model/live.js';
import { ROOT_PATH } from '../model/paths.js';
import { indexLiveTree } from '../planner/live-tree.js';

export class OuIds {
  private readonly livePaths = new Map<string, string>();
  private readonly currentPaths = new Map<string, string>();

  static fromLive(live: LiveOrg): OuIds {
    const ids = new OuIds();
    for (const [id, path] of indexLiveTree(live).pathById) {
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
