// The identity center kind's plan: permission sets first (permission-sets/plan.ts: create, update,
// provision after a change, delete with prunePermissionSets), then groups and account assignments
// (assignments/plan.ts), so an assignment of a set this plan creates waits for its createPermissionSet.

import type { PlanContext } from '../../planner/plan-context.js';
import { planAssignments } from './assignments/plan.js';
import { planPermissionSets } from './permission-sets/plan.js';

export function planIdentityCenter(ctx: PlanContext): void {
  if (ctx.desired.identityCenter === undefined) return;
  planPermissionSets(ctx);
  planAssignments(ctx);
}
