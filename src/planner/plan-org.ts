// The planner: desired org + live org → plan. Pure: no SDK, no fs, no process, no clock.
//
// 1. Match desired OUs to live OUs (renames) and give every live OU the path it will have.
// 2. Normalize both sides' trees into one canonical document each (tree-document.ts).
// 3. Let every resource kind (src/kinds/registry.ts) diff its collections (keyed-diff.ts) and turn the
//    differences into typed steps (ordered, with dependsOn) and notes (warnings, errors).

import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import { type Plan, PLAN_FORMAT_VERSION, type PlanInputs } from '../model/plan.js';
import { indexDesired } from './desired-index.js';
import { indexLiveTree } from './live-tree.js';
import { Notes } from './notes.js';
import { matchOus } from './ou-matching.js';
import { StepGraph } from './step-graph.js';
import { desiredTreeDocument, liveTreeDocument, withBootstrapManagementAccount } from './tree-document.js';
import { RESOURCE_KINDS } from '../kinds/registry.js';

export function planOrg(desired: DesiredOrg, live: LiveOrg, inputs: PlanInputs): Plan {
  const tree = indexLiveTree(live);
  const matching = matchOus(desired, tree);
  const desiredIndex = indexDesired(desired, live.accounts);
  const desiredDocument = desiredTreeDocument(desired, desiredIndex);
  const liveDocument = withBootstrapManagementAccount(liveTreeDocument(live, tree, matching.futurePathById), desired);
  const graph = new StepGraph();
  const notes = new Notes();
  const shared = { desired, live, tree, desiredIndex, matching, desiredDocument, liveDocument, notes };
  RESOURCE_KINDS.forEach((kind, rank) => kind.plan({ ...shared, graph: graph.forKind(rank) }));
  return {
    version: PLAN_FORMAT_VERSION,
    steps: graph.build(),
    warnings: notes.warnings,
    errors: notes.errors,
    inputs: { orgYamlSha256: inputs.orgYamlSha256, liveStateSha256: inputs.liveStateSha256 },
  };
}
