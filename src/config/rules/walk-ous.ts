// Visits every OU of the tree, parents before children, with its parent node and depth (1 = under the root).

import type { DesiredNode, DesiredOrg, DesiredOu } from '../../model/desired.js';

export interface OuVisit {
  readonly ou: DesiredOu;
  readonly parent: DesiredNode;
  /** The parent's path ("/" for the root). */
  readonly parentPath: string;
  readonly depth: number;
}

export function* walkOus(org: DesiredOrg): Generator<OuVisit> {
  const stack: OuVisit[] = [];
  const pushChildren = (parent: DesiredNode, parentPath: string, depth: number): void => {
    for (const ou of [...parent.organizationalUnits].reverse()) stack.push({ ou, parent, parentPath, depth });
  };
  pushChildren(org.root, '/', 1);
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    yield visit;
    pushChildren(visit.ou, visit.ou.path, visit.depth + 1);
  }
}
