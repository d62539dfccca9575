// What the step builders share while one plan is made.

import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import type { OrgDocument } from './canonical-document.js';
import type { DesiredIndex } from './desired-index.js';
import type { DocumentChanges } from './document-diff.js';
import type { LiveTree } from './live-tree.js';
import type { Notes } from './notes.js';
import type { OuMatching } from './ou-matching.js';
import type { StepGraph } from './step-graph.js';

export interface PlanContext {
  readonly desired: DesiredOrg;
  readonly live: LiveOrg;
  readonly tree: LiveTree;
  readonly desiredIndex: DesiredIndex;
  readonly matching: OuMatching;
  readonly desiredDocument: OrgDocument;
  /** The live document with OUs at the paths they will have after the plan's renames. */
  readonly liveDocument: OrgDocument;
  readonly changes: DocumentChanges;
  readonly graph: StepGraph;
  readonly notes: Notes;
}
