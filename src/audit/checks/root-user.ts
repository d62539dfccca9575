// The root user of the audited account: an MFA device, no access keys, no signing certificates
// (IAM GetAccountSummary). A member account whose root user has no credentials at all is secure when
// the organization has centralized root access (RootCredentialsManagement): the management account
// then owns that root user and AWS blocks its password recovery. The management account's own root
// user always needs MFA: centralized root access does not cover it, and its email can recover a password.

import type { AuditCheck } from '../../model/audit.js';
import type { RootCredentialSummary } from '../../model/security.js';
import type { AuditInput } from '../audit-input.js';
import { cannotCheck, checkResult, type CheckIdentity } from './cannot-check.js';
import { centralizedRootAccessState } from './centralized-root-access.js';

const MFA: CheckIdentity = { id: 'root-mfa', title: 'Root user has an MFA device', severity: 'required' };
const ACCESS_KEYS: CheckIdentity = { id: 'root-access-keys', title: 'Root user has no access keys', severity: 'required' };
const CERTIFICATES: CheckIdentity = { id: 'root-signing-certificates', title: 'Root user has no signing certificates', severity: 'required' };

export function checkRootUser(input: AuditInput): AuditCheck[] {
  const observed = input.rootCredentials;
  if (!observed.ok) return [MFA, ACCESS_KEYS, CERTIFICATES].map((identity) => cannotCheck(identity, observed.failure));
  const root = observed.value;
  return [checkRootMfa(input, root), checkAccessKeys(root), checkCertificates(root)];
}

function checkRootMfa(input: AuditInput, root: RootCredentialSummary): AuditCheck {
  if (root.mfaEnabled) return checkResult(MFA, 'pass', 'The root user has an MFA device.');
  const addMfa =
    'Sign in as the root user and add an MFA device (a hardware key or passkey, kept offline: see docs/root-credentials.md); keep a second device in a separate safe place.';
  const noOtherCredentials = !root.accessKeysPresent && !root.signingCertificatesPresent;

  if (input.scope === 'member' && noOtherCredentials) {
    const central = centralizedRootAccessState(input.organizationsFeatures);
    if (central.enabled === true) {
      if (root.passwordPresent === false) {
        return checkResult(
          MFA,
          'pass',
          'The root user has no credentials at all (no password, MFA device, access keys or certificates), and centralized root access is on: the management account manages it and AWS blocks its password recovery.',
        );
      }
      if (root.passwordPresent === undefined) {
        return checkResult(
          MFA,
          'cannot-check',
          'The root user has no MFA device, and AWS did not report whether it has a password: with centralized root access a root user without any credentials is secure, one with a password is not.',
          'Check in the IAM console (Root access management) that this account\'s root user has no password, or delete its root credentials there.',
        );
      }
      return checkResult(
        MFA,
        'fail',
        'The root user has a password but no MFA device. Centralized root access is on, so its credentials can be deleted centrally.',
        'Delete this member account\'s root credentials from the management account (IAM console, Root access management), or add an MFA device.',
      );
    }
    if (central.enabled === undefined && root.passwordPresent !== true) {
      return checkResult(
        MFA,
        'cannot-check',
        `The root user has no MFA device${root.passwordPresent === false ? ' and no password' : ''}; that is only secure with centralized root access, and whether it is on could not be read (${central.reason}).`,
        central.remedy,
      );
    }
  }

  if (input.scope === 'management' && root.passwordPresent === false) {
    return checkResult(
      MFA,
      'fail',
      'The root user has no MFA device and no password: anyone who controls the root email address can set a password through password recovery and sign in.',
      addMfa,
    );
  }
  const centralHint = input.scope === 'member' ? ' Or enable centralized root access in the management account and delete this account\'s root credentials.' : '';
  return checkResult(MFA, 'fail', 'The root user has no MFA device.', `${addMfa}${centralHint}`);
}

function checkAccessKeys(root: RootCredentialSummary): AuditCheck {
  if (!root.accessKeysPresent) return checkResult(ACCESS_KEYS, 'pass', 'The root user has no access keys.');
  return checkResult(
    ACCESS_KEYS,
    'fail',
    'The root user has access keys: a long-lived secret with full control of the account that no policy can restrict.',
    'Sign in as the root user, open Security credentials and delete its access keys; give automation an IAM role instead.',
  );
}

function checkCertificates(root: RootCredentialSummary): AuditCheck {
  if (!root.signingCertificatesPresent) return checkResult(CERTIFICATES, 'pass', 'The root user has no X.509 signing certificates.');
  return checkResult(
    CERTIFICATES,
    'fail',
    'The root user has X.509 signing certificates, which can sign requests as the root user.',
    'Sign in as the root user, open Security credentials and delete its signing certificates.',
  );
}
