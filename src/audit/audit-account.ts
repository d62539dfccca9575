// `orgctl audit` end to end, without rendering: who is calling (the guard), then every read, then the checks.
// The management account gets the whole audit. A member of org.yaml's organization gets the checks
// of its own root user (so each account can be audited with its own credentials); anything else is refused.

import type { AwsPort } from '../aws/port.js';
import type { AuditReport } from '../model/audit.js';
import type { DesiredOrg } from '../model/desired.js';
import { UserError } from '../model/errors.js';
import type { LiveOrganization } from '../model/live.js';
import type { AuditInput } from './audit-input.js';
import { buildAuditReport } from './build-audit-report.js';
import { readAuditInput } from './read-audit-input.js';

export interface AuditAccountOptions {
  /** The environment, for AWS_REGION (Identity Center's region when org.yaml names none). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Epoch milliseconds. */
  readonly now: number;
}

export async function auditAccount(port: AwsPort, desired: DesiredOrg, options: AuditAccountOptions): Promise<AuditReport> {
  const callerAccountId = await port.getCallerAccountId();
  const organization = await port.describeOrganization();
  const scope = auditScope(callerAccountId, organization, desired.managementAccountId);
  const input = await readAuditInput(port, {
    accountId: callerAccountId,
    scope,
    managementAccountId: desired.managementAccountId,
    security: desired.security,
    identityCenterRegion: identityCenterRegion(desired, options.env),
    now: options.now,
  });
  return buildAuditReport(input);
}

/** Identity Center's region: org.yaml's security.identityCenterRegion, else AWS_REGION, else AWS_DEFAULT_REGION. */
export function identityCenterRegion(desired: DesiredOrg, env: Readonly<Record<string, string | undefined>>): string | undefined {
  // identityCenter.region (the section that declares permission sets) names it too: either keeps working.
  return desired.security?.identityCenterRegion ?? desired.identityCenter?.region ?? (env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || undefined);
}

/** management, member, or a UserError for credentials outside org.yaml's organization. */
export function auditScope(callerAccountId: string, organization: LiveOrganization | null, managementAccountId: string): AuditInput['scope'] {
  if (callerAccountId === managementAccountId) {
    if (organization === null || organization.managementAccountId === managementAccountId) return 'management';
    throw new UserError(
      `these credentials belong to account ${callerAccountId}, a member of organization ${organization.id} whose management account is ${organization.managementAccountId}, not the organization org.yaml manages.`,
      [`If ${organization.managementAccountId} is the right management account, correct organization.managementAccountId in org.yaml.`],
    );
  }
  if (organization !== null && organization.managementAccountId === managementAccountId) return 'member';
  throw new UserError(
    `these credentials belong to account ${callerAccountId}, which is not in the organization of ${managementAccountId} that org.yaml manages; audit with the management account's credentials (or a member account's, for its own root user).`,
    ['The management account comes from organization.managementAccountId in org.yaml. Check AWS_PROFILE or the role the workflow assumes.'],
  );
}
