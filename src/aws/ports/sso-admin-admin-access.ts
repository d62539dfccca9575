// IAM Identity Center (SSO Admin) reads for the audit's "everyday admin access goes through Identity
// Center": which permission sets are provisioned to an account and who is assigned them there (what
// they allow is read through SsoAdminPermissionSetsPort). Every method names the instance's region
// (SSO Admin is regional) and the instance.

/** One principal assigned a permission set on an account (ListAccountAssignments). */
export interface AccountAssignmentOfSet {
  readonly principalType: 'GROUP' | 'USER';
  readonly principalId: string;
}

export interface SsoAdminAdminAccessPort {
  /** ListPermissionSetsProvisionedToAccount: the ARNs of the sets provisioned to the account. */
  listPermissionSetsProvisionedToAccount(region: string, instanceArn: string, accountId: string): Promise<readonly string[]>;
  /** ListAccountAssignments: who has the permission set on the account. */
  listAccountAssignmentsOfPermissionSet(region: string, instanceArn: string, accountId: string, permissionSetArn: string): Promise<readonly AccountAssignmentOfSet[]>;
}
