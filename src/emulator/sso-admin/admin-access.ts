// SSO Admin reads of permission sets and account assignments, for the audit's "everyday admin access
// goes through Identity Center": ListPermissionSetsProvisionedToAccount, ListAccountAssignments,
// DescribePermissionSet, ListManagedPoliciesInPermissionSet, GetInlinePolicyForPermissionSet, over the
// permission sets a test seeds in IdentityCenterState. Each call names an instance of the caller in the
// request's region, as AWS requires.

import { ApiError } from '../api-error.js';
import { InputReader } from '../input.js';
import type { JsonObject } from '../json.js';
import { paginate } from '../pagination.js';
import type { AdminAccessPermissionSetRecord } from './state.js';
import type { SsoAdminContext } from './service.js';

const DEFAULT_REGION = 'us-east-1';

function reader(input: JsonObject): InputReader {
  return new InputReader(input, (failure) => new ApiError('ValidationException', failure.message, 400));
}

/** The caller's instance in the request's region named by InstanceArn. */
function instanceArnOf(r: InputReader, ctx: SsoAdminContext): string {
  const arn = r.string('InstanceArn');
  const region = ctx.call.region ?? DEFAULT_REGION;
  const known = ctx.identityCenter.instances.some((i) => i.instanceArn === arn && i.region === region && i.ownerAccountId === ctx.call.caller.accountId);
  if (!known) throw new ApiError('ResourceNotFoundException', `Could not find Instance with InstanceArn ${arn}`, 404);
  return arn;
}

function permissionSetOf(r: InputReader, ctx: SsoAdminContext, instanceArn: string): AdminAccessPermissionSetRecord {
  const arn = r.string('PermissionSetArn');
  const set = ctx.identityCenter.adminAccessPermissionSets.find((s) => s.instanceArn === instanceArn && s.permissionSetArn === arn);
  if (!set) throw new ApiError('ResourceNotFoundException', `Could not find PermissionSet with PermissionSetArn ${arn}`, 404);
  return set;
}

function paged<T>(r: InputReader, ctx: SsoAdminContext, scope: string, items: readonly T[]): { items: readonly T[]; nextToken?: string } {
  const maxResults = r.optionalInteger('MaxResults', { min: 1, max: 100 });
  const page = paginate(items, { maxResults, nextToken: r.optionalString('NextToken') }, {
    scope: `${ctx.call.caller.accountId}:${scope}`,
    defaultSize: 100,
    serverMax: 100,
    invalidToken: () => new ApiError('ValidationException', 'The NextToken is not valid.', 400),
  });
  return { items: page.items, ...(page.nextToken !== undefined && { nextToken: page.nextToken }) };
}

export const ADMIN_ACCESS_HANDLERS: Readonly<Record<string, (input: JsonObject, ctx: SsoAdminContext) => JsonObject>> = {
  ListPermissionSetsProvisionedToAccount: (input, ctx) => {
    const r = reader(input);
    const instanceArn = instanceArnOf(r, ctx);
    const accountId = r.string('AccountId');
    const arns = ctx.identityCenter.adminAccessPermissionSets.filter((s) => s.instanceArn === instanceArn && s.assignments.some((a) => a.accountId === accountId)).map((s) => s.permissionSetArn);
    const page = paged(r, ctx, `ListPermissionSetsProvisionedToAccount:${accountId}`, arns);
    return { PermissionSets: [...page.items], ...(page.nextToken !== undefined && { NextToken: page.nextToken }) };
  },

  ListAccountAssignments: (input, ctx) => {
    const r = reader(input);
    const instanceArn = instanceArnOf(r, ctx);
    const accountId = r.string('AccountId');
    const set = permissionSetOf(r, ctx, instanceArn);
    const assignments = set.assignments.filter((a) => a.accountId === accountId);
    const page = paged(r, ctx, `ListAccountAssignments:${accountId}:${set.permissionSetArn}`, assignments);
    return {
      AccountAssignments: page.items.map((a) => ({ AccountId: a.accountId, PermissionSetArn: set.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId })),
      ...(page.nextToken !== undefined && { NextToken: page.nextToken }),
    };
  },

  DescribePermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = permissionSetOf(r, ctx, instanceArnOf(r, ctx));
    return { PermissionSet: { Name: set.name, PermissionSetArn: set.permissionSetArn, SessionDuration: 'PT1H' } };
  },

  ListManagedPoliciesInPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = permissionSetOf(r, ctx, instanceArnOf(r, ctx));
    const page = paged(r, ctx, `ListManagedPoliciesInPermissionSet:${set.permissionSetArn}`, set.managedPolicyArns);
    return {
      AttachedManagedPolicies: page.items.map((arn) => ({ Arn: arn, Name: arn.slice(arn.lastIndexOf('/') + 1) })),
      ...(page.nextToken !== undefined && { NextToken: page.nextToken }),
    };
  },

  GetInlinePolicyForPermissionSet: (input, ctx) => {
    const r = reader(input);
    const set = permissionSetOf(r, ctx, instanceArnOf(r, ctx));
    return { InlinePolicy: set.inlinePolicy };
  },
};
