// The calls plan's root-credential audit makes (src/audit/read-audit-input.ts, management scope): one
// each of GetAccountSummary and ListOrganizationsFeatures, ListMFADevices, ListAccessKeys and GetUser per
// break-glass user, ListInstances when an Identity Center region is known, GetAlternateContact per
// declared contact. Each is one page for what the benchmark declares (nothing, or a few users). The
// admin-access reads (ListPermissionSetsProvisionedToAccount, ...) need an active Identity Center
// instance, which the benchmark's world has none of.
// Part of the plan's lower bound: nothing returns these in fewer calls.

import type { DesiredOrg } from '../src/model/desired.js';
import type { ServiceCounts } from './bounds.js';

export function expectedAuditCalls(desired: DesiredOrg, identityCenterRegion: string | undefined): ServiceCounts {
  const users = desired.security?.breakGlassUsers.length ?? 0;
  const contacts = desired.security?.alternateContacts.length ?? 0;
  const region = desired.security?.identityCenterRegion ?? desired.identityCenter?.region ?? identityCenterRegion;
  const counts: Record<string, number> = { 'iam:GetAccountSummary': 1, 'iam:ListOrganizationsFeatures': 1 };
  if (users > 0) {
    counts['iam:ListMFADevices'] = users;
    counts['iam:ListAccessKeys'] = users;
    counts['iam:GetUser'] = users;
  }
  if (region !== undefined) counts['sso-admin:ListInstances'] = 1;
  if (contacts > 0) counts['account:GetAlternateContact'] = contacts;
  return counts;
}
