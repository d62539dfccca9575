// SSO Admin reads of who has which permission set on an account (the audit's "everyday admin access
// goes through Identity Center"): ListPermissionSetsProvisionedToAccount and ListAccountAssignments,
// over the one model of permission sets and assignments (PermissionSetState, state.ts). Each call
// names an instance of the caller in the request's region, as AWS requires.

import { ApiError } from '../api-error.js';
import { InputReader } from '../input.js';
import type { JsonObject } from '../json.js';
import { instanceOf, page, setOf } from './permission-sets.js';
import type { SsoAdminContext } from './service.js';

function reader(input: JsonObject): InputReader {
  return new InputReader(input, (failure) => new ApiError('ValidationException', failure.message, 400));
}

export const ADMIN_ACCESS_HANDLERS: Readonly<Record<string, (input: JsonObject, ctx: SsoAdminContext) => JsonObject>> = {
  ListPermissionSetsProvisionedToAccount: (input, ctx) => {
    const r = reader(input);
    const instanceArn = instanceOf(r, ctx);
    const accountId = r.string('AccountId');
    const arns = [...ctx.identityCenter.permissionSets.sets.values()].filter((s) => s.instanceArn === instanceArn && s.provisionedAccountIds.has(accountId)).map((s) => s.arn);
    const listed = page(r, arns, `${ctx.call.caller.accountId}:ListPermissionSetsProvisionedToAccount:${accountId}`);
    return { PermissionSets: [...listed.items], ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }) };
  },

  ListAccountAssignments: (input, ctx) => {
    const r = reader(input);
    const accountId = r.string('AccountId');
    const set = setOf(r, ctx);
    const on = ctx.identityCenter.permissionSets.assignments.filter((a) => a.instanceArn === set.instanceArn && a.accountId === accountId && a.permissionSetArn === set.arn);
    const listed = page(r, on, `${ctx.call.caller.accountId}:ListAccountAssignments:${accountId}:${set.arn}`);
    return {
      AccountAssignments: listed.items.map((a) => ({ AccountId: a.accountId, PermissionSetArn: a.permissionSetArn, PrincipalType: a.principalType, PrincipalId: a.principalId })),
      ...(listed.nextToken !== undefined && { NextToken: listed.nextToken }),
    };
  },
};
