// What every resource kind's planner gets while one plan is made: both sides, the tree (OU paths,
// account placement, renames) every kind may place or target things in, and where to put steps and notes.
// A kind's own collections are not here: it builds and diffs their canonical form itself.

import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import type { DesiredIndex } from './desired-index.js';
import type { LiveTree } from './live-tree.js';
import type { Notes } from './notes.js';
import type { OuMatching } from './ou-matching.js';
import type { KindStepGraph } from './step-graph.js';
import type { TreeDocument } from './tree-document.js';

export interface PlanContext {
  readonly desired: DesiredOrg;
  readonly live: LiveOrg;
  readonly tree: LiveTree;
  readonly desiredIndex: DesiredIndex;
  readonly matching: OuMatching;
  /** org.yaml's tree: the organization, OUs by path, accounts by ID with their parent path. */
  readonly desiredDocument: TreeDocument;
  /** The live tree, with OUs at the paths they will have after the plan's renames. */
  readonly liveDocument: TreeDocument;
  /** Where the kind being planned adds its steps. */
  readonly graph: KindStepGraph;
  readonly notes: Notes;
}
