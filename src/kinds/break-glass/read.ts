// The break-glass kind's read: GetUser for each user org.yaml asks orgctl to create, and, for a user
// orgctl created (tagged), its attached policies. Nothing when no user has `create: true`, so plans of
// other files make no such call and hash as before.

import { observe } from '../../audit/read-audit-input.js';
import type { ReadFailure } from '../../audit/audit-input.js';
import { isOrgctlBreakGlassUser } from '../../model/break-glass.js';
import type { DesiredBreakGlassUser } from '../../model/desired.js';
import type { LiveBreakGlassUser, LiveOrg } from '../../model/live.js';
import type { AwsPort } from '../../aws/port.js';
import type { KindReadContext } from '../kind.js';

export async function readBreakGlassUsers(ctx: KindReadContext): Promise<Pick<LiveOrg, 'breakGlassUsers'>> {
  const wanted = (ctx.desired.security?.breakGlassUsers ?? []).filter((user) => user.create);
  if (wanted.length === 0) return {};
  return { breakGlassUsers: await Promise.all(wanted.map((user) => readUser(ctx.port, user))) };
}

async function readUser(port: AwsPort, desired: DesiredBreakGlassUser): Promise<LiveBreakGlassUser> {
  const name = desired.name;
  const got = await observe('getIamUser', () => port.getIamUser(name));
  if (!got.ok) return got.failure.notFound ? { name, user: null } : { name, user: null, readError: describeFailure(got.failure) };
  const tags = got.value.tags;
  if (!isOrgctlBreakGlassUser(tags)) return { name, user: { tags, attachedPolicies: undefined } };
  const policies = await observe('listAttachedUserPolicies', () => port.listAttachedUserPolicies(name));
  if (!policies.ok) return { name, user: null, readError: describeFailure(policies.failure) };
  return { name, user: { tags, attachedPolicies: policies.value } };
}

function describeFailure(failure: ReadFailure): string {
  return failure.denied ? `AWS denied ${failure.operation}: the credentials lack ${failure.action}` : `${failure.operation} failed: ${failure.message}`;
}
