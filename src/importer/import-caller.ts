// The guard for `orgctl import`. There is no org.yaml yet to name the management account, so the
// caller must be the management account of the organization it belongs to. Decided from what the
// reader's guard already asked (GetCallerIdentity, DescribeOrganization): no extra calls.

import type { LiveOrganization } from '../model/live.js';
import { UserError } from '../model/errors.js';

export function checkImportCaller(callerAccountId: string, organization: LiveOrganization | null): string {
  if (organization === null) {
    throw new UserError(`account ${callerAccountId} is not in an organization, so there is nothing to import.`, [
      'To create the organization with orgctl, write org.yaml by hand (docs/org-yaml.md) and run `orgctl plan`: it shows the bootstrap.',
      'If this is the wrong account, run orgctl import with the management account\'s credentials (AWS_PROFILE, or the role you assume).',
    ]);
  }
  if (organization.managementAccountId !== callerAccountId) {
    throw new UserError(
      `these credentials belong to account ${callerAccountId}, a member of organization ${organization.id}; ` +
        `orgctl import must run as its management account, ${organization.managementAccountId}.`,
      ['Use credentials of the management account (AWS_PROFILE, or the role you assume), then run orgctl import again.'],
    );
  }
  return callerAccountId;
}
