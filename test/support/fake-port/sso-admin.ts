// The IAM Identity Center side of FakeAwsPort: the instances FakeSecurity holds per region.

import type { SsoAdminPort } from '../../../src/aws/port.js';
import type { SsoAdminAdminAccessPort } from '../../../src/aws/ports/sso-admin-admin-access.js';
import type { FakePermissionSet, FakeSecurity } from '../fake-security.js';
import type { FakeCaller } from './calls.js';
import { awsError } from './errors.js';

export function fakeSsoAdmin(security: FakeSecurity, call: FakeCaller<SsoAdminPort>): Pick<SsoAdminPort, 'listIdentityCenterInstances' | keyof SsoAdminAdminAccessPort> {
  const setOf = (op: string, arn: string): FakePermissionSet => {
    const set = security.permissionSets.find((s) => s.arn === arn);
    if (!set) throw awsError(op, 'notFound', 'ResourceNotFoundException', `Could not find PermissionSet with PermissionSetArn ${arn}`);
    return set;
  };
  return {
    listIdentityCenterInstances: (region) => call('listIdentityCenterInstances', [region], () => (security.identityCenter.get(region) ?? []).map((i) => ({ ...i }))),

    listPermissionSetsProvisionedToAccount: (region, instanceArn, accountId) =>
      call('listPermissionSetsProvisionedToAccount', [region, instanceArn, accountId], () => security.permissionSets.filter((s) => s.assignments.has(accountId)).map((s) => s.arn)),

    listAccountAssignmentsOfPermissionSet: (region, instanceArn, accountId, permissionSetArn) =>
      call('listAccountAssignmentsOfPermissionSet', [region, instanceArn, accountId, permissionSetArn], () => [...(setOf('ListAccountAssignments', permissionSetArn).assignments.get(accountId) ?? [])]),

    describePermissionSetName: (region, instanceArn, permissionSetArn) =>
      call('describePermissionSetName', [region, instanceArn, permissionSetArn], () => setOf('DescribePermissionSet', permissionSetArn).name),

    listManagedPolicyArnsInPermissionSet: (region, instanceArn, permissionSetArn) =>
      call('listManagedPolicyArnsInPermissionSet', [region, instanceArn, permissionSetArn], () => [...setOf('ListManagedPoliciesInPermissionSet', permissionSetArn).managedPolicies]),

    getPermissionSetInlinePolicy: (region, instanceArn, permissionSetArn) =>
      call('getPermissionSetInlinePolicy', [region, instanceArn, permissionSetArn], () => setOf('GetInlinePolicyForPermissionSet', permissionSetArn).inlinePolicy),
  };
}
