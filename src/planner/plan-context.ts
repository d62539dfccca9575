// What every resource kind's planner gets while one plan is made: both sides, the documents both are
// normalized into, and where to put steps and notes.

import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import type { OrgDocument } from './canonical-document.js';
import type { DesiredIndex } from './desired-index.js';
import type { LiveTree } from './live-tree.js';
import type { Notes } from './notes.js';
import type { OuMatching } from './ou-matching.js';
import type { KindStepGraph } from './step-graph.js';

export interface PlanContext {
  readonly desired: DesiredOrg;
  readonly live: LiveOrg;
  readonly tree: LiveTree;
  readonly desiredIndex: DesiredIndex;
  readonly matching: OuMatching;
  readonly desiredDocument: OrgDocument;
  /** The live document with OUs at the paths they will have after the plan's renames. */
  readonly liveDocument: OrgDocument;
  /** Where the kind being planned adds its steps. */
  readonly graph: KindStepGraph;
  readonly notes: Notes;
}
