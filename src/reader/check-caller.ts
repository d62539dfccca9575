// The guard: orgctl only ever talks to the organization org.yaml names, with its management
// account's credentials. Checked before any other call, so a wrong profile fails in two requests.

import type { LiveOrganization } from '../model/live.js';
import { UserError } from '../model/errors.js';

const WHERE = 'organization.managementAccountId in org.yaml';

export function checkCallerAccount(callerAccountId: string, managementAccountId: string): void {
  if (callerAccountId === managementAccountId) return;
  throw new UserError(
    `these credentials belong to account ${callerAccountId}; org.yaml manages the organization of ${managementAccountId}; use the management account's credentials.`,
    [`The management account comes from ${WHERE}. Check AWS_PROFILE or the role the workflow assumes.`],
  );
}

export function checkOrganizationOwner(organization: LiveOrganization | null, callerAccountId: string, managementAccountId: string): void {
  if (organization === null || organization.managementAccountId === managementAccountId) return;
  throw new UserError(
    `these credentials belong to account ${callerAccountId}, a member of organization ${organization.id} whose management account is ${organization.managementAccountId}; org.yaml manages the organization of ${managementAccountId}; use the management account's credentials.`,
    [`If ${organization.managementAccountId} is the right management account, correct ${WHERE}.`],
  );
}
