// Executors of the access steps. Account assignments are asynchronous in AWS: each request is polled with
// backoff until it SUCCEEDED or FAILED, and a failure carries AWS's reason. What a step names by name
// (a permission set or group created earlier in the run) is looked up then.

import type { StepContext } from '../../../apply/step-context.js';
import { StepPreconditionError } from '../../../apply/step-context.js';
import type { AccountAssignment, AssignmentRequestStatus } from '../../../aws/port.js';
import { isAwsCallError } from '../../../aws/errors.js';
import { visibleText } from '../../../text/visible-text.js';
import type { AssignmentSpec, CreateAccountAssignmentStep, CreateGroupStep, DeleteAccountAssignmentStep } from './steps.js';

/** First wait between status polls, doubled each poll up to the cap; AWS usually finishes within seconds. */
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 5_000;
/** Past this a request still IN_PROGRESS stops the step (a re-run plans again from what AWS then has). */
const REQUEST_DEADLINE_MS = 5 * 60_000;
/** AWS allows 10 CreateAccountAssignment requests in progress at once ([SSO-QUOTAS]); deletions share the budget here. */
export const MAX_ASSIGNMENTS_IN_FLIGHT = 5;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function createGroup(step: CreateGroupStep, { port }: StepContext): Promise<void> {
  const { region, identityStoreId, displayName, description } = step.after;
  try {
    await port.createGroup(region, identityStoreId, { displayName, ...(description !== undefined && { description }) });
  } catch (error) {
    // ConflictException: a group with this DisplayName exists (an earlier, interrupted run made it).
    if (isAwsCallError(error) && error.code === 'ConflictException' && (await port.getGroupId(region, identityStoreId, displayName)) !== null) return;
    throw error;
  }
}

export async function createAccountAssignment(step: CreateAccountAssignmentStep, ctx: StepContext): Promise<void> {
  const spec = step.after;
  const assignment = await resolve(spec, ctx);
  const started = await ctx.port.createAccountAssignment(spec.region, spec.instanceArn, assignment);
  const ended = await waitFor(started, (id) => ctx.port.describeAccountAssignmentCreationStatus(spec.region, spec.instanceArn, id), ctx, describeGrant(spec, assignment.accountId));
  if (ended.status === 'FAILED') throw new StepPreconditionError(`AWS could not ${describeGrant(spec, assignment.accountId)}: ${visibleText(ended.failureReason ?? 'no reason given')}`);
}

export async function deleteAccountAssignment(step: DeleteAccountAssignmentStep, ctx: StepContext): Promise<void> {
  const spec = step.before;
  const assignment: AccountAssignment = { accountId: ctx.ids.resolveBefore(spec.account), permissionSetArn: spec.permissionSet.arn, principal: { type: spec.principal.type, id: spec.principal.id } };
  let started: AssignmentRequestStatus;
  try {
    started = await ctx.port.deleteAccountAssignment(spec.region, spec.instanceArn, assignment);
  } catch (error) {
    // Already gone (removed by hand, or by an interrupted run).
    if (isAwsCallError(error, 'notFound')) return;
    throw error;
  }
  const what = `remove ${spec.permissionSet.name} from ${spec.principal.type === 'GROUP' ? 'group' : 'user'} ${spec.principal.name} on account ${assignment.accountId}`;
  const ended = await waitFor(started, (id) => ctx.port.describeAccountAssignmentDeletionStatus(spec.region, spec.instanceArn, id), ctx, what);
  if (ended.status === 'FAILED') throw new StepPreconditionError(`AWS could not ${visibleText(what)}: ${visibleText(ended.failureReason ?? 'no reason given')}`);
}

function describeGrant(spec: AssignmentSpec, accountId: string): string {
  return `give ${spec.principal.type === 'GROUP' ? 'group' : 'user'} ${visibleText(spec.principal.name)} ${visibleText(spec.permissionSet.name)} on account ${accountId}`;
}

/** The IDs the step names by name or by reference, as they are now. */
async function resolve(spec: AssignmentSpec, ctx: StepContext): Promise<AccountAssignment> {
  const accountId = ctx.ids.resolveAfter(spec.account);
  const permissionSetArn = spec.permissionSet.arn ?? (await findPermissionSet(spec, ctx));
  const principalId = spec.principal.id ?? (await findPrincipal(spec, ctx));
  return { accountId, permissionSetArn, principal: { type: spec.principal.type, id: principalId } };
}

async function findPermissionSet(spec: AssignmentSpec, { port }: StepContext): Promise<string> {
  const instance = { region: spec.region, instanceArn: spec.instanceArn };
  for (const arn of await port.listPermissionSets(instance)) {
    if ((await port.describePermissionSet(instance, arn)).name === spec.permissionSet.name) return arn;
  }
  throw new StepPreconditionError(`the permission set ${visibleText(spec.permissionSet.name)} does not exist in ${spec.instanceArn} (a step that creates it failed or was skipped)`);
}

async function findPrincipal(spec: AssignmentSpec, { port }: StepContext): Promise<string> {
  const id =
    spec.principal.type === 'GROUP'
      ? await port.getGroupId(spec.region, spec.identityStoreId, spec.principal.name)
      : await port.getUserId(spec.region, spec.identityStoreId, spec.principal.name);
  if (id === null) throw new StepPreconditionError(`the ${spec.principal.type === 'GROUP' ? 'group' : 'user'} ${visibleText(spec.principal.name)} is not in the identity store (a step that creates it failed or was skipped)`);
  return id;
}

/** Polls with backoff until the request is no longer IN_PROGRESS. */
async function waitFor(
  status: AssignmentRequestStatus,
  describe: (requestId: string) => Promise<AssignmentRequestStatus>,
  ctx: StepContext,
  what: string,
): Promise<AssignmentRequestStatus> {
  const sleep = ctx.sleep ?? defaultSleep;
  let waited = 0;
  let delay = FIRST_POLL_MS;
  while (status.status === 'IN_PROGRESS') {
    if (waited >= REQUEST_DEADLINE_MS) {
      throw new StepPreconditionError(`the request to ${what} (${status.requestId}) is still IN_PROGRESS after ${REQUEST_DEADLINE_MS / 60_000} minutes; check it in IAM Identity Center, then plan again.`);
    }
    await sleep(delay);
    waited += delay;
    delay = Math.min(MAX_POLL_MS, delay * 2);
    status = await describe(status.requestId);
  }
  return status;
}
