// SSO Admin account assignments and the minimal permission sets they need (name, ARN, description):
// CreatePermissionSet, ListPermissionSets, DescribePermissionSet, ListAccountAssignmentsForPrincipal,
// ListAccountAssignments, Create/DeleteAccountAssignment and their asynchronous status. A request starts
// IN_PROGRESS; its effect is made at once, and the first status read still says IN_PROGRESS (callers must
// poll), later ones SUCCEEDED or FAILED with AWS's kind of reason (a principal that is not in the identity
// store, an account that is not in the organization).

import { ApiError } from '../api-error.js';
import { InputReader } from '../input.js';
import type { JsonObject } from '../json.js';
import type { OrganizationsState } from '../organizations/state.js';
import type { IdentityStoreState } from '../identity-store/state.js';
import { paginate } from '../pagination.js';
import type { IdentityCenterInstanceRecord } from './state.js';

export interface PermissionSetRecord {
  readonly arn: string;
  readonly name: string;
  readonly description: string | undefined;
  readonly sessionDuration: string;
  readonly createdAt: number;
}

export interface AssignmentRecord {
  readonly instanceArn: string;
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: 'GROUP' | 'USER';
  readonly principalId: string;
}

interface RequestRecord {
  readonly kind: 'creation' | 'deletion';
  readonly assignment: AssignmentRecord;
  readonly final: 'SUCCEEDED' | 'FAILED';
  readonly failureReason: string | undefined;
  readonly createdAt: number;
  /** Status reads so far: the first one answers IN_PROGRESS. */
  reads: number;
}

export class AssignmentsState {
  readonly permissionSets: PermissionSetRecord[] = [];
  readonly assignments: AssignmentRecord[] = [];
  readonly requests = new Map<string, RequestRecord>();
  private counter = 0;

  next(): string {
    return (++this.counter).toString(16).padStart(16, '0');
  }
}

export interface AssignmentsContext {
  readonly instances: readonly IdentityCenterInstanceRecord[];
  readonly assignments: AssignmentsState;
  readonly identityStore: IdentityStoreState;
  readonly organizations: OrganizationsState;
  readonly caller: string;
  readonly now: number;
}

const validation = (message: string): ApiError => new ApiError('ValidationException', message, 400);
const notFound = (message: string): ApiError => new ApiError('ResourceNotFoundException', message, 404);
const reader = (input: JsonObject): InputReader => new InputReader(input, (failure) => validation(failure.message));

function instanceOf(r: InputReader, ctx: AssignmentsContext): IdentityCenterInstanceRecord {
  const arn = r.string('InstanceArn');
  const instance = ctx.instances.find((i) => i.instanceArn === arn && i.ownerAccountId === ctx.caller);
  if (!instance) throw notFound(`Instance ${arn} does not exist.`);
  return instance;
}

function permissionSetOf(arn: string, instance: IdentityCenterInstanceRecord, ctx: AssignmentsContext): PermissionSetRecord {
  const set = ctx.assignments.permissionSets.find((p) => p.arn === arn && p.arn.startsWith(instance.instanceArn.replace(':instance/', ':permissionSet/')));
  if (!set) throw notFound(`Could not find PermissionSet with ARN ${arn}.`);
  return set;
}

function assignmentInput(input: JsonObject, ctx: AssignmentsContext): AssignmentRecord {
  const r = reader(input);
  const instance = instanceOf(r, ctx);
  if (r.string('TargetType') !== 'AWS_ACCOUNT') throw validation('TargetType must be AWS_ACCOUNT.');
  const accountId = r.string('TargetId', { pattern: /^\d{12}$/ });
  const permissionSet = permissionSetOf(r.string('PermissionSetArn'), instance, ctx);
  return { instanceArn: instance.instanceArn, accountId, permissionSetArn: permissionSet.arn, principalType: r.enumValue('PrincipalType', ['GROUP', 'USER']), principalId: r.string('PrincipalId') };
}

const same = (a: AssignmentRecord, b: AssignmentRecord): boolean =>
  a.instanceArn === b.instanceArn && a.accountId === b.accountId && a.permissionSetArn === b.permissionSetArn && a.principalType === b.principalType && a.principalId === b.principalId;

function statusJson(requestId: string, request: RequestRecord, status: string): JsonObject {
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

function startRequest(kind: 'creation' | 'deletion', assignment: AssignmentRecord, ctx: AssignmentsContext): JsonObject {
  const failureReason = !ctx.identityStore.principalExists(assignment.principalType, assignment.principalId)
    ? `Received a 404 status error: The ${assignment.principalType === 'GROUP' ? 'group' : 'user'} ${assignment.principalId} does not exist in the identity store.`
    : kind === 'creation' && !ctx.organizations.accounts.has(assignment.accountId)
      ? `Received a 404 status error: Account ${assignment.accountId} is not a member of the organization.`
      : undefined;
  if (failureReason === undefined) {
    const index = ctx.assignments.assignments.findIndex((a) => same(a, assignment));
    if (kind === 'creation' && index < 0) ctx.assignments.assignments.push(assignment);
    if (kind === 'deletion' && index >= 0) ctx.assignments.assignments.splice(index, 1);
  }
  const requestId = `${ctx.assignments.next().slice(0, 8)}-0000-4000-8000-${ctx.assignments.next().slice(4)}`;
  const request: RequestRecord = { kind, assignment, final: failureReason === undefined ? 'SUCCEEDED' : 'FAILED', failureReason, createdAt: ctx.now, reads: 0 };
  ctx.assignments.requests.set(requestId, request);
  return statusJson(requestId, request, 'IN_PROGRESS');
}

function readStatus(kind: 'creation' | 'deletion', input: JsonObject, ctx: AssignmentsContext): JsonObject {
  const r = reader(input);
  instanceOf(r, ctx);
  const requestId = r.string(kind === 'creation' ? 'AccountAssignmentCreationRequestId' : 'AccountAssignmentDeletionRequestId');
  const request = ctx.assignments.requests.get(requestId);
  if (!request || request.kind !== kind) throw notFound(`Request ${requestId} does not exist.`);
  request.reads += 1;
  return statusJson(requestId, request, request.reads === 1 ? 'IN_PROGRESS' : request.final);
}

function page<T>(items: readonly T[], r: InputReader, scope: string): { items: readonly T[]; nextToken: string | undefined } {
  return paginate(items, { maxResults: r.optionalInteger('MaxResults', { min: 1, max: 100 }), nextToken: r.optionalString('NextToken') }, {
    scope,
    defaultSize: 100,
    serverMax: 100,
    invalidToken: () => validation('The NextToken is not valid.'),
  });
}

const assignmentJson = (a: AssignmentRecord): JsonObject => ({ AccountId: a.accountId, PermissionSetArn: a.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId });

export const ASSIGNMENT_HANDLERS: Readonly<Record<string, (input: JsonObject, ctx: AssignmentsContext) => JsonObject>> = {
  CreatePermissionSet: (input, ctx) => {
    const r = reader(input);
    const instance = instanceOf(r, ctx);
    const name = r.string('Name', { min: 1, max: 32, pattern: /^[\w+=,.@-]+$/ });
    const prefix = instance.instanceArn.replace(':instance/', ':permissionSet/');
    if (ctx.assignments.permissionSets.some((p) => p.arn.startsWith(prefix) && p.name === name)) {
      throw new ApiError('ConflictException', `PermissionSet with name ${name} already exists.`, 409);
    }
    const set: PermissionSetRecord = {
      arn: `${prefix}/ps-${ctx.assignments.next()}`,
      name,
      description: r.optionalString('Description'),
      sessionDuration: r.optionalString('SessionDuration') ?? 'PT1H',
      createdAt: ctx.now,
    };
    ctx.assignments.permissionSets.push(set);
    return { PermissionSet: { Name: set.name, PermissionSetArn: set.arn, ...(set.description !== undefined && { Description: set.description }), SessionDuration: set.sessionDuration, CreatedDate: set.createdAt / 1000 } };
  },
  ListPermissionSets: (input, ctx) => {
    const r = reader(input);
    const instance = instanceOf(r, ctx);
    const prefix = instance.instanceArn.replace(':instance/', ':permissionSet/');
    const listed = page(ctx.assignments.permissionSets.filter((p) => p.arn.startsWith(prefix)).map((p) => p.arn), r, `${instance.instanceArn}:ListPermissionSets`);
    return { PermissionSets: [...listed.items], ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },
  DescribePermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = permissionSetOf(r.string('PermissionSetArn'), instanceOf(r, ctx), ctx);
    return { PermissionSet: { Name: set.name, PermissionSetArn: set.arn, ...(set.description !== undefined && { Description: set.description }), SessionDuration: set.sessionDuration, CreatedDate: set.createdAt / 1000 } };
  },
  ListAccountAssignmentsForPrincipal: (input, ctx) => {
    const r = reader(input);
    const instance = instanceOf(r, ctx);
    const principalId = r.string('PrincipalId');
    const principalType = r.enumValue('PrincipalType', ['GROUP', 'USER']);
    const mine = ctx.assignments.assignments.filter((a) => a.instanceArn === instance.instanceArn && a.principalId === principalId && a.principalType === principalType);
    const listed = page(mine, r, `${instance.instanceArn}:${principalType}:${principalId}:ListAccountAssignmentsForPrincipal`);
    return { AccountAssignments: listed.items.map(assignmentJson), ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },
  ListAccountAssignments: (input, ctx) => {
    const r = reader(input);
    const instance = instanceOf(r, ctx);
    const accountId = r.string('AccountId');
    const set = permissionSetOf(r.string('PermissionSetArn'), instance, ctx);
    const on = ctx.assignments.assignments.filter((a) => a.instanceArn === instance.instanceArn && a.accountId === accountId && a.permissionSetArn === set.arn);
    const listed = page(on, r, `${instance.instanceArn}:${accountId}:${set.arn}:ListAccountAssignments`);
    return { AccountAssignments: listed.items.map(assignmentJson), ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },
  CreateAccountAssignment: (input, ctx) => ({ AccountAssignmentCreationStatus: startRequest('creation', assignmentInput(input, ctx), ctx) }),
  DeleteAccountAssignment: (input, ctx) => ({ AccountAssignmentDeletionStatus: startRequest('deletion', assignmentInput(input, ctx), ctx) }),
  DescribeAccountAssignmentCreationStatus: (input, ctx) => ({ AccountAssignmentCreationStatus: readStatus('creation', input, ctx) }),
  DescribeAccountAssignmentDeletionStatus: (input, ctx) => ({ AccountAssignmentDeletionStatus: readStatus('deletion', input, ctx) }),
};
