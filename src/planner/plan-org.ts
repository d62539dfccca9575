// The planner: desired org + live org → plan. Pure: no SDK, no fs, no process, no clock.
//
// 1. Match desired OUs to live OUs (renames) and give every live OU the path it will have.
// 2. Normalize both sides into one canonical document and diff each keyed collection (keyed-diff.ts).
// 3. Turn the differences into typed steps (ordered, with dependsOn) and notes (warnings, errors).

import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import { type Plan, PLAN_FORMAT_VERSION, type PlanInputs } from '../model/plan.js';
import { planAlternateContactSteps } from './alternate-contact-steps.js';
import { planBudgetSteps } from './budget-steps.js';
import { buildLiveDocument, canonicalDesiredDocument, type OrgDocument } from './canonical-document.js';
import { indexDesired } from './desired-index.js';
import { diffDocuments } from './document-diff.js';
import { indexLiveTree } from './live-tree.js';
import { Notes } from './notes.js';
import { matchOus } from './ou-matching.js';
import { planOrganizationSteps } from './organization-steps.js';
import type { PlanContext } from './plan-context.js';
import { StepGraph } from './step-graph.js';
import { ROOT_PATH } from '../model/paths.js';

export function planOrg(desired: DesiredOrg, live: LiveOrg, inputs: PlanInputs): Plan {
  const tree = indexLiveTree(live);
  const matching = matchOus(desired, tree);
  const desiredIndex = indexDesired(desired);
  const desiredDocument = canonicalDesiredDocument(desired, desiredIndex);
  const liveDocument = withBootstrapManagementAccount(buildLiveDocument(live, tree, matching.futurePathById), desired);
  const ctx: PlanContext = {
    desired,
    live,
    tree,
    desiredIndex,
    matching,
    desiredDocument,
    liveDocument,
    changes: diffDocuments(liveDocument, desiredDocument),
    graph: new StepGraph(),
    notes: new Notes(),
  };
  planOrganizationSteps(ctx);
  planBudgetSteps(ctx);
  planAlternateContactSteps(ctx);
  return {
    version: PLAN_FORMAT_VERSION,
    steps: ctx.graph.build(),
    warnings: ctx.notes.warnings,
    errors: ctx.notes.errors,
    inputs: { orgYamlSha256: inputs.orgYamlSha256, liveStateSha256: inputs.liveStateSha256 },
  };
}

/** Once CreateOrganization has run, the management account sits in the root: plan from there. */
function withBootstrapManagementAccount(document: OrgDocument, desired: DesiredOrg): OrgDocument {
  if (document.organization !== null) return document;
  return { ...document, accounts: { ...document.accounts, [desired.managementAccountId]: { parentPath: ROOT_PATH } } };
}
