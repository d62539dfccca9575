// The planner: desired org + live org → plan. Pure: no SDK, no fs, no process, no clock.
//
// 1. Match desired OUs to live OUs (renames) and give every live OU the path it will have.
// 2. Normalize both sides into one canonical document and diff each keyed collection (keyed-diff.ts).
// 3. Let every resource kind (src/kinds/registry.ts) turn its differences into typed steps (ordered,
//    with dependsOn) and notes (warnings, errors).

import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import { type Plan, PLAN_FORMAT_VERSION, type PlanInputs } from '../model/plan.js';
import { buildLiveDocument, canonicalDesiredDocument, type OrgDocument } from './canonical-document.js';
import { indexDesired } from './desired-index.js';
import { indexLiveTree } from './live-tree.js';
import { Notes } from './notes.js';
import { matchOus } from './ou-matching.js';
import { StepGraph } from './step-graph.js';
import { ROOT_PATH } from '../model/paths.js';
import { RESOURCE_KINDS } from '../kinds/registry.js';

export function planOrg(desired: DesiredOrg, live: LiveOrg, inputs: PlanInputs): Plan {
  const tree = indexLiveTree(live);
  const matching = matchOus(desired, tree);
  const desiredIndex = indexDesired(desired, live.accounts);
  const desiredDocument = canonicalDesiredDocument(desired, desiredIndex);
  const liveDocument = withBootstrapManagementAccount(buildLiveDocument(live, tree, matching.futurePathById), desired);
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

/** Once CreateOrganization has run, the management account sits in the root: plan from there. */
function withBootstrapManagementAccount(document: OrgDocument, desired: DesiredOrg): OrgDocument {
  if (document.organization !== null) return document;
  return { ...document, accounts: { ...document.accounts, [desired.managementAccountId]: { parentPath: ROOT_PATH } } };
}
