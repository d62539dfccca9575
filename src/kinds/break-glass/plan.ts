// Steps for the break-glass users org.yaml asks orgctl to create (security.breakGlassUsers with
// `create: true`): a user that does not exist is created with AdministratorAccess. A user that exists is
// never changed, but for one orgctl created (tagged) that lacks the policy (an apply stopped between
// CreateUser and AttachUserPolicy): that creation is finished.

import { ADMINISTRATOR_ACCESS_POLICY_ARN, BREAK_GLASS_USER_TAGS, breakGlassUserAddress } from '../../model/break-glass.js';
import type { DesiredBreakGlassUser } from '../../model/desired.js';
import type { LiveBreakGlassUser } from '../../model/live.js';
import { NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';

export function planBreakGlassUsers(ctx: PlanContext): void {
  const wanted = (ctx.desired.security?.breakGlassUsers ?? []).filter((user) => user.create);
  if (wanted.length === 0) return;
  const live = new Map((ctx.live.breakGlassUsers ?? []).map((user) => [user.name.toLowerCase(), user]));
  for (const desired of wanted) planUser(ctx, desired, live.get(desired.name.toLowerCase()));
}

function planUser(ctx: PlanContext, desired: DesiredBreakGlassUser, live: LiveBreakGlassUser | undefined): void {
  const address = breakGlassUserAddress(desired.name);
  if (live === undefined || live.readError !== undefined) {
    const why = live?.readError ?? 'it was not read';
    ctx.notes.error(NoteCode.breakGlassUserUnreadable, `could not read the IAM user ${desired.name} (${why}), so the plan cannot tell whether to create it.`, {
      address,
      source: desired.at,
    });
    return;
  }
  const user = live.user;
  const after = { userName: desired.name, tags: { ...BREAK_GLASS_USER_TAGS }, policyArn: ADMINISTRATOR_ACCESS_POLICY_ARN };
  if (user === null) {
    ctx.graph.add(0, { kind: 'createBreakGlassUser', address, reason: 'no such IAM user', before: null, after });
    return;
  }
  // A user orgctl did not create (attachedPolicies not read) is left as it is; the audit checks it.
  if (user.attachedPolicies === undefined || user.attachedPolicies.includes(ADMINISTRATOR_ACCESS_POLICY_ARN)) return;
  ctx.graph.add(0, {
    kind: 'createBreakGlassUser',
    address,
    reason: 'orgctl created this IAM user, but AdministratorAccess is not attached yet',
    before: { attachedPolicies: user.attachedPolicies },
    after,
  });
}
