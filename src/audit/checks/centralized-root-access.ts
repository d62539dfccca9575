// Centralized root access (IAM ListOrganizationsFeatures): with RootCredentialsManagement on, the
// management account can delete member accounts' root credentials and AWS blocks their password
// recovery. A recommendation: AWS's guidance for organizations, not something org.yaml declares.

import type { AuditCheck } from '../../model/audit.js';
import type { OrganizationsFeatures } from '../../model/security.js';
import type { AuditInput, Observation } from '../audit-input.js';
import { cannotCheck, checkResult, type CheckIdentity } from './cannot-check.js';

const CENTRALIZED: CheckIdentity = { id: 'centralized-root-access', title: 'Centralized root access for member accounts', severity: 'recommended' };

const ENABLE =
  'In the management account: IAM console → Root access management → Enable (or `aws iam enable-organizations-root-credentials-management` and ' +
  '`aws iam enable-organizations-root-sessions`), then delete the root credentials of member accounts that do not need them.';

/** Whether RootCredentialsManagement is on: true, false, or undefined (could not tell, with why and what to do). */
export function centralizedRootAccessState(observed: Observation<OrganizationsFeatures>): { enabled: boolean | undefined; reason: string; remedy: string } {
  if (observed.ok) {
    const on = observed.value.enabledFeatures.includes('RootCredentialsManagement');
    return { enabled: on, reason: on ? 'RootCredentialsManagement is enabled' : 'RootCredentialsManagement is not enabled', remedy: ENABLE };
  }
  const { failure } = observed;
  switch (failure.code) {
    case 'ServiceAccessNotEnabledException':
      return {
        enabled: false,
        reason: 'trusted access for IAM is not enabled in AWS Organizations',
        remedy: `Enable trusted access for IAM (\`aws organizations enable-aws-service-access --service-principal iam.amazonaws.com\`). ${ENABLE}`,
      };
    case 'OrganizationNotInAllFeaturesModeException':
      return { enabled: false, reason: 'the organization does not have all features enabled, which centralized root access needs', remedy: `Enable all features in AWS Organizations. ${ENABLE}` };
    case 'OrganizationNotFoundException':
      return { enabled: false, reason: 'the account is not in an organization yet', remedy: `Once orgctl apply has created the organization: ${ENABLE}` };
    case 'AccountNotManagementOrDelegatedAdministratorException':
      return {
        enabled: undefined,
        reason: 'only the management account or the IAM delegated administrator may ask whether centralized root access is on',
        remedy: "Check in the management account's IAM console (Root access management) that centralized root access is on, or run orgctl audit with the management account's credentials.",
      };
    default:
      return {
        enabled: undefined,
        reason: failure.denied ? `AWS denied ${failure.operation} (the credentials lack ${failure.action})` : `${failure.operation} failed: ${failure.message}`,
        remedy: failure.denied
          ? `Allow ${failure.action} in the IAM policy of the role orgctl runs as, and run the audit from the management account.`
          : 'Run the audit from the management account (or the IAM delegated administrator).',
      };
  }
}

export function checkCentralizedRootAccess(input: AuditInput): AuditCheck {
  const state = centralizedRootAccessState(input.organizationsFeatures);
  if (state.enabled === undefined) {
    const observed = input.organizationsFeatures;
    if (!observed.ok && observed.failure.code !== 'AccountNotManagementOrDelegatedAdministratorException') return cannotCheck(CENTRALIZED, observed.failure);
    return checkResult(CENTRALIZED, 'cannot-check', `Could not tell: ${state.reason}.`, state.remedy);
  }
  if (state.enabled) {
    const features = input.organizationsFeatures.ok ? input.organizationsFeatures.value.enabledFeatures : [];
    const sessions = features.includes('RootSessions') ? ' and RootSessions (privileged root tasks without member root passwords)' : '; RootSessions is off, so privileged root tasks in member accounts still need their root credentials';
    return checkResult(CENTRALIZED, 'pass', `Centralized root access is on: RootCredentialsManagement${sessions}.`);
  }
  return checkResult(CENTRALIZED, 'fail', `Centralized root access is off: ${state.reason}. Every member account keeps root credentials of its own, each one a way in.`, state.remedy);
}
