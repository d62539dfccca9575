// The identity center kind's plan. This first part validates org.yaml's `identityCenter:` section and
// expands its OU targets to accounts from the desired tree; reading Identity Center and the steps that
// change it are not built yet, so the plan says so in a warning listing what org.yaml declares,
// instead of silently planning nothing.

import { NoteCode, listSome } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import { describeExpansion, expandAssignment } from './expand.js';

export function planIdentityCenter(ctx: PlanContext): void {
  const section = ctx.desired.identityCenter;
  if (section === undefined) return;
  const expansions = section.assignments.map((assignment) => describeExpansion(expandAssignment(assignment, ctx.desiredDocument)));
  const declared = `${section.permissionSets.length === 1 ? '1 permission set' : `${section.permissionSets.length} permission sets`}`;
  ctx.notes.warn(
    NoteCode.identityCenterNotApplied,
    `identityCenter is checked but not applied yet: this version of orgctl neither reads nor changes IAM Identity Center. org.yaml declares ${declared}` +
      (expansions.length > 0 ? ` and these assignments: ${listSome(expansions)}.` : ' and no assignments.'),
    { source: section.at },
  );
}
