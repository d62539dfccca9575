// SSO Admin account assignments, over the one model of permission sets (PermissionSetState, state.ts):
// ListAccountAssignmentsForPrincipal, ListAccountAssignments, ListPermissionSetsProvisionedToAccount,
// Create/DeleteAccountAssignment and their asynchronous status. A request starts IN_PROGRESS; its effect is
// made at once (a created assignment provisions its set to the account, as AWS does), and the first status
// read still says IN_PROGRESS (callers must poll), later ones SUCCEEDED or FAILED with AWS's kind of reason
// (a principal that is not in the identity store, an account that is not in the organization).

import { ApiError } from '../api-error.js';
import { InputReader } from '../input.js';
import type { JsonObject } from '../json.js';
import { instanceOf, page, setOf } from './permission-sets.js';
import type { SsoAdminContext } from './service.js';
import type { AccountAssignmentRecord, AssignmentRequest } from './state.js';

const validation = (message: string): ApiError => new ApiError('ValidationException', message, 400);
const notFound = (message: string): ApiError => new ApiError('ResourceNotFoundException', message, 404);
const reader = (input: JsonObject): InputReader => new InputReader(input, (failure) => validation(failure.message));

function assignmentInput(input: JsonObject, ctx: SsoAdminContext): AccountAssignmentRecord {
  const r = reader(input);
  if (r.string('TargetType') !== 'AWS_ACCOUNT') throw validation('TargetType must be AWS_ACCOUNT.');
  const accountId = r.string('TargetId', { pattern: /^\d{12}$/ });
  const set = setOf(r, ctx);
  return { instanceArn: set.instanceArn, accountId, permissionSetArn: set.arn, principalType: r.enumValue('PrincipalType', ['GROUP', 'USER']), principalId: r.string('PrincipalId') };
}

const same = (a: AccountAssignmentRecord, b: AccountAssignmentRecord): boolean =>
  a.instanceArn === b.instanceArn && a.accountId === b.accountId && a.permissionSetArn === b.permissionSetArn && a.principalType === b.principalType && a.principalId === b.principalId;

function statusJson(requestId: string, request: AssignmentRequest, status: string): JsonObject {
  return {
    Status: status,
    RequestId: requestId,
    ...(status === 'FAILED' && request.failureReason !== undefined && { FailureReason: request.failureReason }),
    TargetId: request.assignment.accountId,
    TargetType: 'AWS_ACCOUNT',
    PermissionSetArn: request.assignment.permissionSetArn,
    PrincipalType: request.assignment.principalType,
    PrincipalId: request.assignment.principalId,
    CreatedDate: request.createdAt / 1000,
  };
}

function startRequest(kind: 'creation' | 'deletion', assignment: AccountAssignmentRecord, ctx: SsoAdminContext): JsonObject {
  const state = ctx.identityCenter.permissionSets;
  const failureReason = !ctx.identityStore.principalExists(assignment.principalType, assignment.principalId)
    ? `Received a 404 status error: The ${assignment.principalType === 'GROUP' ? 'group' : 'user'} ${assignment.principalId} does not exist in the identity store.`
    : kind === 'creation' && !ctx.organizations.accounts.has(assignment.accountId)
      ? `Received a 404 status error: Account ${assignment.accountId} is not a member of the organization.`
      : undefined;
  if (failureReason === undefined) {
    const index = state.assignments.findIndex((a) => same(a, assignment));
    if (kind === 'creation' && index < 0) {
      state.assignments.push(assignment);
      state.sets.get(assignment.permissionSetArn)?.provisionedAccountIds.add(assignment.accountId);
    }
    if (kind === 'deletion' && index >= 0) state.assignments.splice(index, 1);
  }
  const requestId = `${state.nextId().slice(0, 8)}-0000-4000-8000-${state.nextId().slice(4)}`;
  const request: AssignmentRequest = { kind, assignment, final: failureReason === undefined ? 'SUCCEEDED' : 'FAILED', failureReason, createdAt: ctx.call.now, reads: 0 };
  state.assignmentRequests.set(requestId, request);
  return statusJson(requestId, request, 'IN_PROGRESS');
}

function readStatus(kind: 'creation' | 'deletion', input: JsonObject, ctx: SsoAdminContext): JsonObject {
  const r = reader(input);
  instanceOf(r, ctx);
  const requestId = r.string(kind === 'creation' ? 'AccountAssignmentCreationRequestId' : 'AccountAssignmentDeletionRequestId');
  const request = ctx.identityCenter.permissionSets.assignmentRequests.get(requestId);
  if (!request || request.kind !== kind) throw notFound(`Request ${requestId} does not exist.`);
  request.reads += 1;
  return statusJson(requestId, request, request.reads === 1 ? 'IN_PROGRESS' : request.final);
}

const assignmentJson = (a: AccountAssignmentRecord): JsonObject => ({ AccountId: a.accountId, PermissionSetArn: a.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId });

export const ASSIGNMENT_HANDLERS: Readonly<Record<string, (input: JsonObject, ctx: SsoAdminContext) => JsonObject>> = {
  ListAccountAssignmentsForPrincipal: (input, ctx) => {
    const r = reader(input);
    const instanceArn = instanceOf(r, ctx);
    const principalId = r.string('PrincipalId');
    const principalType = r.enumValue('PrincipalType', ['GROUP', 'USER']);
    const mine = ctx.identityCenter.permissionSets.assignments.filter((a) => a.instanceArn === instanceArn && a.principalId === principalId && a.principalType === principalType);
    const listed = page(r, mine, `${instanceArn}:${principalType}:${principalId}:ListAccountAssignmentsForPrincipal`);
    return { AccountAssignments: listed.items.map(assignmentJson), ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },
  ListAccountAssignments: (input, ctx) => {
    const r = reader(input);
    const accountId = r.string('AccountId');
    const set = setOf(r, ctx);
    const on = ctx.identityCenter.permissionSets.assignments.filter((a) => a.instanceArn === set.instanceArn && a.accountId === accountId && a.permissionSetArn === set.arn);
    const listed = page(r, on, `${set.instanceArn}:${accountId}:${set.arn}:ListAccountAssignments`);
    return { AccountAssignments: listed.items.map(assignmentJson), ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },
  // For the audit's "everyday admin access goes through Identity Center".
  ListPermissionSetsProvisionedToAccount: (input, ctx) => {
    const r = reader(input);
    const instanceArn = instanceOf(r, ctx);
    const accountId = r.string('AccountId');
    const arns = [...ctx.identityCenter.permissionSets.sets.values()].filter((s) => s.instanceArn === instanceArn && s.provisionedAccountIds.has(accountId)).map((s) => s.arn);
    const listed = page(r, arns, `${ctx.call.caller.accountId}:ListPermissionSetsProvisionedToAccount:${accountId}`);
    return { PermissionSets: [...listed.items], ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },
  CreateAccountAssignment: (input, ctx) => ({ AccountAssignmentCreationStatus: startRequest('creation', assignmentInput(input, ctx), ctx) }),
  DeleteAccountAssignment: (input, ctx) => ({ AccountAssignmentDeletionStatus: startRequest('deletion', assignmentInput(input, ctx), ctx) }),
  DescribeAccountAssignmentCreationStatus: (input, ctx) => ({ AccountAssignmentCreationStatus: readStatus('creation', input, ctx) }),
  DescribeAccountAssignmentDeletionStatus: (input, ctx) => ({ AccountAssignmentDeletionStatus: readStatus('deletion', input, ctx) }),
};
