// The IAM Identity Center side of FakeAwsPort: the instances FakeSecurity holds per region, and who has
// which permission set on an account (over the one permission set store, fake-port/sso-admin-permission-sets.ts).

import type { SsoAdminPort } from '../../../src/aws/port.js';
import type { SsoAdminAdminAccessPort } from '../../../src/aws/ports/sso-admin-admin-access.js';
import type { FakeSecurity } from '../fake-security.js';
import type { FakeCaller } from './calls.js';
import { awsError } from './errors.js';

export function fakeSsoAdmin(security: FakeSecurity, call: FakeCaller<SsoAdminPort>): Pick<SsoAdminPort, 'listIdentityCenterInstances' | keyof SsoAdminAdminAccessPort> {
  const store = security.permissionSets;
  return {
    listIdentityCenterInstances: (region) => call('listIdentityCenterInstances', [region], () => (security.identityCenter.get(region) ?? []).map((i) => ({ ...i }))),

    listPermissionSetsProvisionedToAccount: (region, instanceArn, accountId) =>
      call('listPermissionSetsProvisionedToAccount', [region, instanceArn, accountId], () =>
        [...store.sets.values()].filter((s) => s.instanceArn === instanceArn && s.provisionedAccountIds.includes(accountId)).map((s) => s.arn),
      ),

    listAccountAssignmentsOfPermissionSet: (region, instanceArn, accountId, permissionSetArn) =>
      call('listAccountAssignmentsOfPermissionSet', [region, instanceArn, accountId, permissionSetArn], () => {
        const set = store.sets.get(permissionSetArn);
        if (!set || set.instanceArn !== instanceArn) throw awsError('ListAccountAssignments', 'notFound', 'ResourceNotFoundException', `Could not find PermissionSet with arn ${permissionSetArn}`);
        return store.assignments
          .filter((a) => a.instanceArn === instanceArn && a.accountId === accountId && a.permissionSetArn === permissionSetArn)
          .map((a) => ({ principalType: a.principal.type, principalId: a.principal.id }));
      }),
  };
}
