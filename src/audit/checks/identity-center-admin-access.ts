// "Everyday admin access goes through IAM Identity Center": at least one permission set with
// administrator rights (AdministratorAccess, or an inline policy allowing * on *) is assigned to someone
// on the management account. Otherwise a recommendation showing the org.yaml that declares one. No
// instance, no region, or a denied read: it says it could not check, and why.

import type { AuditCheck } from '../../model/audit.js';
import type { AuditInput } from '../audit-input.js';
import { cannotCheck, checkResult, type CheckIdentity } from './cannot-check.js';

export function checkIdentityCenterAdminAccess(input: AuditInput): AuditCheck[] {
  const observed = input.adminAccess;
  // Not read: a member account's credentials (the check is about the management account).
  if (observed === undefined) return [];
  const source = input.security?.identityCenterAt ?? input.security?.at;
  const identity: CheckIdentity = {
    id: 'identity-center-admin-access',
    title: 'Everyday admin access goes through IAM Identity Center',
    severity: 'recommended',
    ...(source && { source }),
  };
  const account = input.accountId;
  if (!observed.read) {
    const region = input.identityCenter.region;
    // ListInstances itself failed (denied, ...): say so, naming its action, as the instance check does.
    if (input.identityCenter.region !== undefined && !input.identityCenter.instances.ok) return [cannotCheck(identity, input.identityCenter.instances.failure)];
    return [
      checkResult(
        identity,
        'cannot-check',
        region === undefined
          ? 'IAM Identity Center is regional and no region is known, so its permission sets were not read.'
          : `No active IAM Identity Center instance was found in ${region} (see the check "IAM Identity Center has an instance"), so there are no permission sets to read.`,
        'Enable IAM Identity Center (or name its region in security.identityCenterRegion), then run the audit again.',
      ),
    ];
  }
  if (!observed.adminSets.ok) return [cannotCheck(identity, observed.adminSets.failure)];
  const assigned = observed.adminSets.value.filter((s) => s.principals > 0);
  if (assigned.length > 0) {
    const sets = assigned.map((s) => `${s.permissionSetName} (${s.grantedBy}; ${s.principals === 1 ? '1 group or user' : `${s.principals} groups or users`})`);
    return [checkResult(identity, 'pass', `On the management account ${account}, administrator access is assigned through Identity Center: ${sets.join(', ')}.`)];
  }
  const unassigned = observed.adminSets.value.map((s) => s.permissionSetName);
  return [
    checkResult(
      identity,
      'fail',
      `No permission set with administrator rights (the AdministratorAccess managed policy, or an inline policy allowing * on *) is assigned to anyone on the management account ${account} in the Identity Center instance in ${observed.region}${unassigned.length > 0 ? ` (${unassigned.join(', ')} ${unassigned.length === 1 ? 'is' : 'are'} provisioned there with no one assigned)` : ''}. Everyday admin work then needs IAM users or root.`,
      `Declare it in org.yaml and apply: identityCenter: { region: ${observed.region}, permissionSets: { AdministratorAccess: { managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] } }, assignments: [{ group: <your admin group>, permissionSet: AdministratorAccess, accounts: ["${account}"] }] } (README, "The access chain"). Keep the break-glass user and root for when single sign-on fails.`,
    ),
  ];
}
