// IAM Identity Center (SSO Admin ListInstances in its region): day-to-day admin access through
// single sign-on instead of IAM users. `security.identityCenter: required` makes a missing instance a
// failure; otherwise (the default) it is a recommendation.

import type { AuditCheck } from '../../model/audit.js';
import type { AuditInput } from '../audit-input.js';
import { cannotCheck, checkResult, type CheckIdentity } from './cannot-check.js';

export function checkIdentityCenter(input: AuditInput): AuditCheck {
  const required = input.security?.identityCenter === 'required';
  const source = input.security?.identityCenterAt ?? input.security?.at;
  const identity: CheckIdentity = { id: 'identity-center', title: 'IAM Identity Center has an instance', severity: required ? 'required' : 'recommended', ...(source && { source }) };
  if (input.scope === 'member' && required) {
    return checkResult(
      identity,
      'cannot-check',
      `org.yaml requires IAM Identity Center in the management account ${input.managementAccountId}; these credentials are for member account ${input.accountId}.`,
      "Run orgctl audit with the management account's credentials.",
    );
  }
  const observed = input.identityCenter;
  if (observed.region === undefined) {
    return checkResult(
      identity,
      'cannot-check',
      'IAM Identity Center is regional and no region is known: org.yaml sets no security.identityCenterRegion and AWS_REGION is not set.',
      'Set security.identityCenterRegion in org.yaml (or AWS_REGION) to the region Identity Center lives in.',
    );
  }
  if (!observed.instances.ok) return cannotCheck(identity, observed.instances.failure);
  const instances = observed.instances.value;
  const active = instances.find((i) => i.status === undefined || i.status === 'ACTIVE');
  if (active) {
    return checkResult(identity, 'pass', `IAM Identity Center instance ${active.instanceArn} (owner ${active.ownerAccountId || 'unknown'}) is active in ${observed.region}.`);
  }
  const enable =
    'Enable IAM Identity Center (organization instance) in the management account, give people permission sets for daily work, and keep root and break-glass users for emergencies.';
  if (instances.length > 0) {
    return checkResult(identity, 'fail', `The IAM Identity Center instance in ${observed.region} is not active (${instances.map((i) => i.status).join(', ')}).`, enable);
  }
  return checkResult(
    identity,
    'fail',
    `No IAM Identity Center instance in ${observed.region}. Identity Center is regional: if it lives in another region, this finds nothing there.`,
    `${enable} If it already exists in another region, set security.identityCenterRegion in org.yaml.`,
  );
}
