// The audit: AuditInput → AuditReport. Pure; every check is its own function in checks/.

import { ROOT_CREDENTIALS_RUNBOOK, type AuditReport } from '../model/audit.js';
import type { AuditInput } from './audit-input.js';
import { checkAlternateContacts } from './checks/alternate-contacts.js';
import { checkBreakGlassUsers } from './checks/break-glass.js';
import { checkCentralizedRootAccess } from './checks/centralized-root-access.js';
import { checkIdentityCenter } from './checks/identity-center.js';
import { checkIdentityCenterAdminAccess } from './checks/identity-center-admin-access.js';
import { checkRootUser } from './checks/root-user.js';

export function buildAuditReport(input: AuditInput): AuditReport {
  return {
    accountId: input.accountId,
    checks: [
      ...checkRootUser(input),
      ...checkBreakGlassUsers(input),
      checkIdentityCenter(input),
      ...checkIdentityCenterAdminAccess(input),
      ...checkAlternateContacts(input),
      checkCentralizedRootAccess(input),
    ],
    runbook: ROOT_CREDENTIALS_RUNBOOK,
  };
}
