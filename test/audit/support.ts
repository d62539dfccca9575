// Builders for the audit's tests: an AuditInput with every read succeeding and a locked-down world,
// to be changed one field at a time; read failures as AWS gives them.

import type { AuditInput, Observation, ReadFailure } from '../../src/audit/audit-input.js';
import type { DesiredSecurity } from '../../src/model/desired.js';
import type { AuditCheck, AuditReport } from '../../src/model/audit.js';
import type { RootCredentialSummary } from '../../src/model/security.js';

export const ACCOUNT = '111111111111';
export const NOW = Date.UTC(2025, 5, 1);
export const DAY = 24 * 60 * 60 * 1000;

export const ok = <T>(value: T): Observation<T> => ({ ok: true, value });
export const failed = <T>(failure: ReadFailure): Observation<T> => ({ ok: false, failure });

export function denied(operation: string, action: string): ReadFailure {
  return { operation, action, code: 'AccessDeniedException', denied: true, notFound: false, message: `the credentials lack ${action}` };
}

export function awsFailure(operation: string, action: string, code: string, extra: Partial<ReadFailure> = {}): ReadFailure {
  return { operation, action, code, denied: false, notFound: false, message: `${code}: something`, ...extra };
}

export const noSuchUser = (operation: string, action: string): ReadFailure => awsFailure(operation, action, 'NoSuchEntity', { notFound: true });

export const SECURE_ROOT: RootCredentialSummary = { mfaEnabled: true, accessKeysPresent: false, signingCertificatesPresent: false, passwordPresent: true };
export const NO_ROOT_CREDENTIALS: RootCredentialSummary = { mfaEnabled: false, accessKeysPresent: false, signingCertificatesPresent: false, passwordPresent: false };

export function aSecurity(overrides: Partial<DesiredSecurity> = {}): DesiredSecurity {
  return {
    breakGlassUsers: [{ name: 'break-glass', at: { line: 7, column: 21 } }],
    identityCenter: 'required',
    alternateContacts: [{ type: 'SECURITY', email: 'security@example.com', at: { line: 10, column: 5 } }],
    at: { line: 6, column: 1 },
    ...overrides,
  };
}

/** Everything fine: root locked down, break-glass user with MFA and no keys, an active instance, contacts matching, centralized root access on. */
export function anAuditInput(overrides: Partial<AuditInput> = {}): AuditInput {
  const security = overrides.security === undefined && 'security' in overrides ? undefined : (overrides.security ?? aSecurity());
  return {
    accountId: ACCOUNT,
    scope: 'management',
    managementAccountId: ACCOUNT,
    security,
    rootCredentials: ok(SECURE_ROOT),
    organizationsFeatures: ok({ organizationId: 'o-abcdefghij', enabledFeatures: ['RootCredentialsManagement', 'RootSessions'] }),
    breakGlassUsers: (security?.breakGlassUsers ?? []).map((u) => ({
      name: u.name,
      ...(u.at && { at: u.at }),
      mfaDevices: ok([{ serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${u.name}`, enabledAt: NOW - 10 * DAY }]),
      accessKeys: ok([]),
    })),
    identityCenter: { region: 'eu-west-1', instances: ok([{ instanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef', ownerAccountId: ACCOUNT, status: 'ACTIVE' }]) },
    alternateContacts: (security?.alternateContacts ?? []).map((c) => ({
      type: c.type,
      contact: ok({ type: c.type, email: c.email, name: c.name ?? 'Someone', title: c.title ?? 'Role', phone: c.phone ?? '+1 555 0100' }),
    })),
    now: NOW,
    ...overrides,
  };
}

export function checkById(report: AuditReport, id: string): AuditCheck {
  const check = report.checks.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id} in ${report.checks.map((c) => c.id).join(', ')}`);
  return check;
}
