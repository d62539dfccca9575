// SSO Admin's permission set operations: create, describe, change and delete permission sets of the
// caller's instance in the request's region, their managed and customer managed policies, inline
// policy, permissions boundary and tags, and asynchronous provisioning (IN_PROGRESS for
// PermissionSetState.provisioningMs, then SUCCEEDED or FAILED with a reason). Errors as AWS answers
// them [M-SSO]: ResourceNotFoundException, ConflictException, ValidationException.

import { ApiError } from '../api-error.js';
import { InputReader } from '../input.js';
import type { JsonObject } from '../json.js';
import { paginate } from '../pagination.js';
import type { SsoAdminContext } from './service.js';
import type { PermissionSetRecord } from './state.js';

const DEFAULT_REGION = 'us-east-1';
const NAME = /^[\w+=,.@-]+$/;
const DURATION = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/;
/** AWS's quotas [SSO-QUOTAS]: 1 inline policy of at most 32,768 bytes; 20 managed + customer managed policies. */
const MAX_INLINE_POLICY_BYTES = 32768;
const MAX_POLICIES = 20;

const validation = (message: string): ApiError => new ApiError('ValidationException', message, 400);
const notFound = (message: string): ApiError => new ApiError('ResourceNotFoundException', message, 404);
const conflict = (message: string): ApiError => new ApiError('ConflictException', message, 409);

function reader(input: JsonObject): InputReader {
  return new InputReader(input, (failure) => validation(failure.message));
}

/** The caller's instance named by InstanceArn, in the request's region. */
export function instanceOf(r: InputReader, ctx: SsoAdminContext): string {
  const arn = r.string('InstanceArn');
  const region = ctx.call.region ?? DEFAULT_REGION;
  const instance = ctx.identityCenter.instances.find((i) => i.instanceArn === arn && i.region === region && i.ownerAccountId === ctx.call.caller.accountId);
  if (!instance) throw notFound(`Instance ${arn} not found.`);
  return arn;
}

export function setOf(r: InputReader, ctx: SsoAdminContext, field = 'PermissionSetArn'): PermissionSetRecord {
  const instanceArn = instanceOf(r, ctx);
  const arn = r.string(field);
  const set = ctx.identityCenter.permissionSets.sets.get(arn);
  if (!set || set.instanceArn !== instanceArn) throw notFound(`Could not find PermissionSet with arn ${arn}`);
  return set;
}

function sessionDuration(r: InputReader): string | undefined {
  const value = r.optionalString('SessionDuration', { min: 1, max: 100 });
  if (value === undefined) return undefined;
  const match = DURATION.exec(value);
  const seconds = match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : NaN;
  if (!(seconds >= 3600 && seconds <= 12 * 3600)) throw validation('SessionDuration must be an ISO-8601 duration between PT1H and PT12H.');
  return value;
}

export function page<T>(r: InputReader, items: readonly T[], scope: string): { items: readonly T[]; nextToken: string | undefined } {
  return paginate(items, { maxResults: r.optionalInteger('MaxResults', { min: 1, max: 100 }), nextToken: r.optionalString('NextToken') }, {
    scope,
    defaultSize: 100,
    serverMax: 100,
    invalidToken: () => validation('The NextToken is not valid.'),
  });
}

function describe(set: PermissionSetRecord): JsonObject {
  return {
    Name: set.name,
    PermissionSetArn: set.arn,
    ...(set.description !== undefined && { Description: set.description }),
    CreatedDate: set.createdAt / 1000,
    SessionDuration: set.sessionDuration,
  };
}

function tagList(r: InputReader): [string, string][] {
  return (r.optionalObjectList('Tags', { max: 75 }) ?? []).map((tag) => [tag.string('Key', { min: 1, max: 128 }), tag.string('Value', { max: 256 })]);
}

function policyCount(set: PermissionSetRecord): number {
  return set.managedPolicies.length + set.customerManagedPolicies.length;
}

function customerPolicy(r: InputReader, field: string): { name: string; path: string } {
  const ref = r.object(field);
  return { name: ref.string('Name', { min: 1, max: 128 }), path: ref.optionalString('Path', { min: 1, max: 512 }) ?? '/' };
}

function provisionedNowhere(set: PermissionSetRecord, ctx: SsoAdminContext): boolean {
  return set.provisionedAccountIds.size === 0 && ![...ctx.identityCenter.permissionSets.provisioning.values()].some((p) => p.permissionSetArn === set.arn && p.completesAt > ctx.call.now);
}

function provisioningStatus(request: { requestId: string; permissionSetArn: string; createdAt: number; completesAt: number; failureReason: string | undefined }, now: number): JsonObject {
  const status = request.completesAt > now ? 'IN_PROGRESS' : request.failureReason !== undefined ? 'FAILED' : 'SUCCEEDED';
  return {
    Status: status,
    RequestId: request.requestId,
    PermissionSetArn: request.permissionSetArn,
    CreatedDate: request.createdAt / 1000,
    ...(status === 'FAILED' && { FailureReason: request.failureReason }),
  };
}

export const PERMISSION_SET_HANDLERS: Readonly<Record<string, (input: JsonObject, ctx: SsoAdminContext) => JsonObject>> = {
  CreatePermissionSet: (input, ctx) => {
    const r = reader(input);
    const instanceArn = instanceOf(r, ctx);
    const name = r.string('Name', { min: 1, max: 32, pattern: NAME });
    const description = r.optionalString('Description', { min: 1, max: 700 });
    const duration = sessionDuration(r) ?? 'PT1H';
    const tags = tagList(r);
    const state = ctx.identityCenter.permissionSets;
    if ([...state.sets.values()].some((s) => s.instanceArn === instanceArn && s.name === name)) throw conflict(`PermissionSet with name ${name} already exists.`);
    const instanceId = instanceArn.split('/').pop() ?? 'ssoins-0000000000000000';
    // Sets loaded from a snapshot keep their ARNs: a new one never takes theirs.
    let arn: string;
    do arn = `arn:aws:sso:::permissionSet/${instanceId}/ps-${state.nextId()}`;
    while (state.sets.has(arn));
    const set: PermissionSetRecord = {
      arn,
      instanceArn,
      name,
      description,
      sessionDuration: duration,
      createdAt: ctx.call.now,
      managedPolicies: [],
      customerManagedPolicies: [],
      inlinePolicy: undefined,
      permissionsBoundary: undefined,
      tags: new Map(tags),
      provisionedAccountIds: new Set(),
    };
    state.sets.set(set.arn, set);
    return { PermissionSet: describe(set) };
  },
  DescribePermissionSet: (input, ctx) => ({ PermissionSet: describe(setOf(reader(input), ctx)) }),
  ListPermissionSets: (input, ctx) => {
    const r = reader(input);
    const instanceArn = instanceOf(r, ctx);
    const arns = [...ctx.identityCenter.permissionSets.sets.values()].filter((s) => s.instanceArn === instanceArn).map((s) => s.arn);
    const listed = page(r, arns, `${instanceArn}:ListPermissionSets`);
    return { PermissionSets: [...listed.items], ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },
  UpdatePermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const description = r.optionalString('Description', { min: 1, max: 700 });
    const duration = sessionDuration(r);
    if (description !== undefined) set.description = description;
    if (duration !== undefined) set.sessionDuration = duration;
    return {};
  },
  DeletePermissionSet: (input, ctx) => {
    const set = setOf(reader(input), ctx);
    if (!provisionedNowhere(set, ctx)) throw conflict(`PermissionSet ${set.arn} is provisioned to accounts; remove its account assignments first.`);
    ctx.identityCenter.permissionSets.sets.delete(set.arn);
    return {};
  },
  AttachManagedPolicyToPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const arn = r.string('ManagedPolicyArn', { min: 20, max: 2048 });
    if (set.managedPolicies.includes(arn)) throw conflict(`Managed policy ${arn} is already attached to the permission set.`);
    if (policyCount(set) >= MAX_POLICIES) throw new ApiError('ServiceQuotaExceededException', 'The permission set has the maximum number of managed policies.', 402);
    set.managedPolicies.push(arn);
    return {};
  },
  DetachManagedPolicyFromPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const arn = r.string('ManagedPolicyArn', { min: 20, max: 2048 });
    if (!set.managedPolicies.includes(arn)) throw notFound(`Managed policy ${arn} is not attached to the permission set.`);
    set.managedPolicies = set.managedPolicies.filter((p) => p !== arn);
    return {};
  },
  ListManagedPoliciesInPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const listed = page(r, set.managedPolicies, `${set.arn}:ListManagedPoliciesInPermissionSet`);
    return {
      AttachedManagedPolicies: listed.items.map((arn) => ({ Arn: arn, Name: arn.split('/').pop() ?? arn })),
      ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }),
    };
  },
  AttachCustomerManagedPolicyReferenceToPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const ref = customerPolicy(r, 'CustomerManagedPolicyReference');
    if (set.customerManagedPolicies.some((p) => p.name === ref.name && p.path === ref.path)) throw conflict(`Customer managed policy ${ref.path}${ref.name} is already attached.`);
    if (policyCount(set) >= MAX_POLICIES) throw new ApiError('ServiceQuotaExceededException', 'The permission set has the maximum number of managed policies.', 402);
    set.customerManagedPolicies.push(ref);
    return {};
  },
  DetachCustomerManagedPolicyReferenceFromPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const ref = customerPolicy(r, 'CustomerManagedPolicyReference');
    const kept = set.customerManagedPolicies.filter((p) => !(p.name === ref.name && p.path === ref.path));
    if (kept.length === set.customerManagedPolicies.length) throw notFound(`Customer managed policy ${ref.path}${ref.name} is not attached.`);
    set.customerManagedPolicies = kept;
    return {};
  },
  ListCustomerManagedPolicyReferencesInPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const listed = page(r, set.customerManagedPolicies, `${set.arn}:ListCustomerManagedPolicyReferencesInPermissionSet`);
    return {
      CustomerManagedPolicyReferences: listed.items.map((p) => ({ Name: p.name, Path: p.path })),
      ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }),
    };
  },
  PutInlinePolicyToPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const policy = r.string('InlinePolicy', { min: 1 });
    if (Buffer.byteLength(policy, 'utf8') > MAX_INLINE_POLICY_BYTES) throw validation(`InlinePolicy must be at most ${MAX_INLINE_POLICY_BYTES} bytes.`);
    try {
      JSON.parse(policy);
    } catch {
      throw validation('InlinePolicy is not a valid JSON policy document.');
    }
    set.inlinePolicy = policy;
    return {};
  },
  GetInlinePolicyForPermissionSet: (input, ctx) => ({ InlinePolicy: setOf(reader(input), ctx).inlinePolicy ?? '' }),
  DeleteInlinePolicyFromPermissionSet: (input, ctx) => {
    setOf(reader(input), ctx).inlinePolicy = undefined;
    return {};
  },
  PutPermissionsBoundaryToPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const boundary = r.object('PermissionsBoundary');
    const managedPolicyArn = boundary.optionalString('ManagedPolicyArn', { min: 20, max: 2048 });
    const customer = boundary.has('CustomerManagedPolicyReference') ? customerPolicy(boundary, 'CustomerManagedPolicyReference') : undefined;
    if ((managedPolicyArn === undefined) === (customer === undefined)) throw validation('PermissionsBoundary needs exactly one of ManagedPolicyArn and CustomerManagedPolicyReference.');
    set.permissionsBoundary = managedPolicyArn !== undefined ? { managedPolicyArn } : { customerManagedPolicy: customer! };
    return {};
  },
  GetPermissionsBoundaryForPermissionSet: (input, ctx) => {
    const set = setOf(reader(input), ctx);
    const boundary = set.permissionsBoundary;
    if (!boundary) throw notFound(`Permissions boundary not found for permission set ${set.arn}.`);
    return {
      PermissionsBoundary: boundary.managedPolicyArn !== undefined
        ? { ManagedPolicyArn: boundary.managedPolicyArn }
        : { CustomerManagedPolicyReference: { Name: boundary.customerManagedPolicy?.name ?? '', Path: boundary.customerManagedPolicy?.path ?? '/' } },
    };
  },
  DeletePermissionsBoundaryFromPermissionSet: (input, ctx) => {
    const set = setOf(reader(input), ctx);
    if (!set.permissionsBoundary) throw notFound(`Permissions boundary not found for permission set ${set.arn}.`);
    set.permissionsBoundary = undefined;
    return {};
  },
  ListTagsForResource: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx, 'ResourceArn');
    const listed = page(r, [...set.tags], `${set.arn}:ListTagsForResource`);
    return { Tags: listed.items.map(([Key, Value]) => ({ Key, Value })), ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },
  TagResource: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx, 'ResourceArn');
    for (const [key, value] of tagList(r)) set.tags.set(key, value);
    if (set.tags.size > 50) throw validation('A permission set has at most 50 tags.');
    return {};
  },
  UntagResource: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx, 'ResourceArn');
    for (const key of r.stringList('TagKeys', { min: 1, max: 50 })) set.tags.delete(key);
    return {};
  },
  ProvisionPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const targetType = r.enumValue('TargetType', ['AWS_ACCOUNT', 'ALL_PROVISIONED_ACCOUNTS'] as const);
    const targetId = r.optionalString('TargetId', { pattern: /^\d{12}$/ });
    if (targetType === 'AWS_ACCOUNT' && targetId === undefined) throw validation('TargetId is required when TargetType is AWS_ACCOUNT.');
    const state = ctx.identityCenter.permissionSets;
    const accountIds = targetType === 'AWS_ACCOUNT' ? [targetId!] : [...set.provisionedAccountIds];
    const request = {
      requestId: `${state.nextId().slice(8)}-0000-4000-8000-${state.nextId().slice(4)}`,
      instanceArn: set.instanceArn,
      permissionSetArn: set.arn,
      accountIds,
      createdAt: ctx.call.now,
      completesAt: ctx.call.now + state.provisioningMs,
      failureReason: state.provisioningFailure,
    };
    state.provisioning.set(request.requestId, request);
    return { PermissionSetProvisioningStatus: provisioningStatus(request, ctx.call.now) };
  },
  DescribePermissionSetProvisioningStatus: (input, ctx) => {
    const r = reader(input);
    instanceOf(r, ctx);
    const id = r.string('ProvisionPermissionSetRequestId');
    const request = ctx.identityCenter.permissionSets.provisioning.get(id);
    if (!request) throw notFound(`Provisioning request ${id} not found.`);
    return { PermissionSetProvisioningStatus: provisioningStatus(request, ctx.call.now) };
  },
  ListAccountsForProvisionedPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = setOf(r, ctx);
    const listed = page(r, [...set.provisionedAccountIds].sort(), `${set.arn}:ListAccountsForProvisionedPermissionSet`);
    return { AccountIds: [...listed.items], ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },
};
