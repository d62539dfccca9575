// The identity center kind's plan. Assignments and groups are planned in assignments/plan.ts; permission
// sets are validated but not yet created or changed, so the plan says so in a warning naming them,
// instead of silently planning nothing.

import { listSome, NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import { visibleText } from '../../text/visible-text.js';
import { planAssignments } from './assignments/plan.js';

export function planIdentityCenter(ctx: PlanContext): void {
  const section = ctx.desired.identityCenter;
  if (section === undefined) return;
  planAssignments(ctx);
  if (section.permissionSets.length === 0) return;
  const names = section.permissionSets.map((s) => visibleText(s.name));
  ctx.notes.warn(
    NoteCode.identityCenterNotApplied,
    `identityCenter.permissionSets are checked but not applied yet: this version of orgctl neither creates nor changes permission sets (${listSome(names)}); assignments of them are applied.`,
    { source: section.at },
  );
}
