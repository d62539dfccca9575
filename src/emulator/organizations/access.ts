// Who may call what (aws-facts §2.3): outside an organization everything but CreateOrganization says
// AWSOrganizationsNotInUseException; members may only DescribeOrganization; the rest is for the
// management account.

import type { OrgContext } from './context.js';
import { orgError } from './errors.js';
import type { OrganizationRecord, RootRecord } from './model.js';

export interface InOrganization {
  readonly organization: OrganizationRecord;
  readonly root: RootRecord;
}

/** The caller's organization; AWSOrganizationsNotInUseException when the caller is in none. */
export function requireMember(ctx: OrgContext): InOrganization {
  const { organization, root } = ctx.state;
  if (!organization || !root || !ctx.state.accounts.has(ctx.call.caller.accountId)) {
    throw orgError('AWSOrganizationsNotInUseException');
  }
  return { organization, root };
}

/** As requireMember, and AccessDeniedException unless the caller is the management account. */
export function requireManagement(ctx: OrgContext): InOrganization {
  const member = requireMember(ctx);
  if (member.organization.managementAccountId !== ctx.call.caller.accountId) {
    throw orgError('AccessDeniedException');
  }
  return member;
}
