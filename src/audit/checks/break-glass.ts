// Break-glass IAM users (org.yaml security.breakGlassUsers): the way in when single sign-on fails.
// Each must exist and have an MFA device. Its access keys: a break-glass user signs in to the console
// with its password and MFA, so any *active* access key fails (a long-lived secret that skips MFA), and
// so does any key older than MAX_ACCESS_KEY_AGE_DAYS even if inactive (it should have been deleted,
// and anyone allowed iam:UpdateAccessKey can switch it back on). A recent inactive key only gets a note.

import type { AuditCheck } from '../../model/audit.js';
import type { AccessKeyMetadata } from '../../model/security.js';
import type { AuditInput, BreakGlassObservation } from '../audit-input.js';
import { cannotCheck, checkResult, type CheckIdentity } from './cannot-check.js';
import { orgctlUserAwaitingMfa } from './break-glass-enrolment.js';

/** The usual rotation bound (CIS AWS Foundations 1.14); past it a key is stale whatever its status. */
export const MAX_ACCESS_KEY_AGE_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

const DECLARED: CheckIdentity = { id: 'break-glass-users', title: 'Break-glass users are declared', severity: 'recommended' };

export function checkBreakGlassUsers(input: AuditInput): AuditCheck[] {
  const declared = input.security?.breakGlassUsers ?? [];
  if (input.scope === 'member') {
    return declared.map((user) =>
      checkResult(
        identityOf(user.name, user.at),
        'cannot-check',
        `org.yaml declares break-glass users for the management account ${input.managementAccountId}; these credentials are for member account ${input.accountId}.`,
        "Run orgctl audit with the management account's credentials.",
      ),
    );
  }
  if (declared.length === 0) {
    return [
      checkResult(
        { ...DECLARED, ...(input.security?.at && { source: input.security.at }) },
        'fail',
        'org.yaml declares no break-glass user, so nothing checks that a way in exists when single sign-on fails.',
        'Create an IAM user with a console password and an MFA device (no access keys), keep its credentials offline (docs/root-credentials.md), and list it in security.breakGlassUsers.',
      ),
    ];
  }
  return input.breakGlassUsers.map((user) => checkUser(user, input.now, input.accountId));
}

function identityOf(name: string, at: BreakGlassObservation['at']): CheckIdentity {
  return { id: `break-glass-user:${name}`, title: `Break-glass user ${name} exists, has MFA and no usable access key`, severity: 'required', ...(at && { source: at }) };
}

function checkUser(user: BreakGlassObservation, now: number, accountId: string): AuditCheck {
  const identity = identityOf(user.name, user.at);
  for (const observed of [user.mfaDevices, user.accessKeys]) {
    if (!observed.ok && observed.failure.notFound) {
      return checkResult(
        identity,
        'fail',
        `IAM user ${user.name} does not exist in this account.`,
        `Create the IAM user ${user.name} with a console password and an MFA device, or correct security.breakGlassUsers in org.yaml.`,
      );
    }
  }
  if (!user.mfaDevices.ok) return cannotCheck(identity, user.mfaDevices.failure);
  if (!user.accessKeys.ok) return cannotCheck(identity, user.accessKeys.failure);
  // orgctl's own user, as it left it (no keys) and awaiting its MFA device: say exactly what to do.
  const enrolment = user.accessKeys.value.length === 0 ? orgctlUserAwaitingMfa(user, identity, accountId) : undefined;
  if (enrolment) return enrolment;

  const problems: string[] = [];
  const remedies: string[] = [];
  if (user.mfaDevices.value.length === 0) {
    problems.push('has no MFA device');
    remedies.push(`assign an MFA device to ${user.name} (a hardware key kept with its password)`);
  }
  const keys = user.accessKeys.value;
  const active = keys.filter((k) => k.status === 'Active');
  const stale = keys.filter((k) => k.status !== 'Active' && ageDays(k, now) > MAX_ACCESS_KEY_AGE_DAYS);
  if (active.length > 0) problems.push(`has ${active.length === 1 ? 'an active access key' : `${active.length} active access keys`} (${active.map((k) => describeKey(k, now)).join(', ')})`);
  if (stale.length > 0) {
    problems.push(`has ${stale.length === 1 ? 'an inactive access key' : `${stale.length} inactive access keys`} older than ${MAX_ACCESS_KEY_AGE_DAYS} days (${stale.map((k) => describeKey(k, now)).join(', ')})`);
  }
  if (active.length > 0 || stale.length > 0) remedies.push(`delete the access keys of ${user.name}: a break-glass user signs in to the console with its password and MFA`);

  if (problems.length > 0) return checkResult(identity, 'fail', `IAM user ${user.name} ${problems.join('; ')}.`, `${capitalize(remedies.join('; and '))}.`);

  const devices = user.mfaDevices.value.length;
  const recent = keys.length > 0 ? ` Its ${keys.length === 1 ? 'inactive key' : `${keys.length} inactive keys`} (${keys.map((k) => describeKey(k, now)).join(', ')}) can be deleted.` : '';
  return checkResult(identity, 'pass', `IAM user ${user.name} exists with ${devices === 1 ? 'an MFA device' : `${devices} MFA devices`} and no active access key.${recent}`);
}

function ageDays(key: AccessKeyMetadata, now: number): number {
  return Math.floor((now - key.createdAt) / DAY_MS);
}

/** "AKIA…WXYZ, 120 days old": enough to find the key, never the whole ID in a PR comment. */
function describeKey(key: AccessKeyMetadata, now: number): string {
  const id = key.accessKeyId.length > 8 ? `${key.accessKeyId.slice(0, 4)}…${key.accessKeyId.slice(-4)}` : key.accessKeyId;
  const days = ageDays(key, now);
  return `${id}, ${days === 1 ? '1 day' : `${days} days`} old`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
