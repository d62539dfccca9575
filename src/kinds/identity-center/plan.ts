// The identity center kind's plan: permission sets are read and changed (permission-sets/plan.ts);
// assignments are validated and their OU targets expanded to accounts from the desired tree, but not
// applied yet, so the plan says so in a warning listing the expansions instead of silently planning nothing.

import { NoteCode, listSome } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import { describeExpansion, expandAssignment } from './expand.js';
import { planPermissionSets } from './permission-sets/plan.js';

export function planIdentityCenter(ctx: PlanContext): void {
  const section = ctx.desired.identityCenter;
  if (section === undefined) return;
  planPermissionSets(ctx);
  if (section.assignments.length === 0) return;
  const expansions = section.assignments.map((assignment) => describeExpansion(expandAssignment(assignment, ctx.desiredDocument)));
  ctx.notes.warn(
    NoteCode.identityCenterNotApplied,
    `identityCenter.assignments are checked but not applied yet: this version of orgctl manages permission sets but neither reads nor changes account assignments. org.yaml declares these assignments: ${listSome(expansions)}.`,
    { source: section.at },
  );
}
