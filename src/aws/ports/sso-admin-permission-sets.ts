// IAM Identity Center permission sets (SSO Admin): read, change and provision them. Every method names
// the instance (region and ARN): SSO Admin is regional, and each call is about one instance.

import type {
  CustomerManagedPolicyRef,
  IdentityCenterInstanceRef,
  PermissionSetAttributes,
  PermissionsBoundary,
  ProvisioningStatus,
} from '../../model/permission-sets.js';

export interface SsoAdminPermissionSetsPort {
  /** ListPermissionSets: every permission set ARN of the instance. */
  listPermissionSets(instance: IdentityCenterInstanceRef): Promise<readonly string[]>;
  /** DescribePermissionSet. */
  describePermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<PermissionSetAttributes>;
  /** ListManagedPoliciesInPermissionSet: AWS managed policy ARNs. */
  listManagedPoliciesInPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<readonly string[]>;
  listCustomerManagedPolicyReferencesInPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<readonly CustomerManagedPolicyRef[]>;
  /** GetInlinePolicyForPermissionSet: the JSON text; undefined when the set has none. */
  getInlinePolicyForPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<string | undefined>;
  /** GetPermissionsBoundaryForPermissionSet; undefined when the set has none (AWS: ResourceNotFoundException). */
  getPermissionsBoundaryForPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<PermissionsBoundary | undefined>;
  /** SSO Admin ListTagsForResource on a permission set. */
  listPermissionSetTags(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<Readonly<Record<string, string>>>;
  /** ListAccountsForProvisionedPermissionSet: the accounts the set is provisioned to. */
  listAccountsForProvisionedPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<readonly string[]>;

  /** CreatePermissionSet (with its tags); returns the new set's ARN. */
  createPermissionSet(
    instance: IdentityCenterInstanceRef,
    attributes: PermissionSetAttributes,
    tags: Readonly<Record<string, string>>,
  ): Promise<string>;
  /** UpdatePermissionSet: description and session duration. */
  updatePermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string, changes: { readonly description?: string; readonly sessionDuration?: string }): Promise<void>;
  deletePermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<void>;
  attachManagedPolicyToPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string, managedPolicyArn: string): Promise<void>;
  detachManagedPolicyFromPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string, managedPolicyArn: string): Promise<void>;
  attachCustomerManagedPolicyReferenceToPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string, policy: CustomerManagedPolicyRef): Promise<void>;
  detachCustomerManagedPolicyReferenceFromPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string, policy: CustomerManagedPolicyRef): Promise<void>;
  putInlinePolicyToPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string, inlinePolicy: string): Promise<void>;
  deleteInlinePolicyFromPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<void>;
  putPermissionsBoundaryToPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string, boundary: PermissionsBoundary): Promise<void>;
  deletePermissionsBoundaryFromPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<void>;
  /** SSO Admin TagResource on a permission set. */
  tagPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string, tags: Readonly<Record<string, string>>): Promise<void>;
  /** SSO Admin UntagResource on a permission set. */
  untagPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string, tagKeys: readonly string[]): Promise<void>;
  /** ProvisionPermissionSet to ALL_PROVISIONED_ACCOUNTS; returns the request ID to poll. */
  provisionPermissionSet(instance: IdentityCenterInstanceRef, permissionSetArn: string): Promise<string>;
  describePermissionSetProvisioningStatus(instance: IdentityCenterInstanceRef, requestId: string): Promise<ProvisioningStatus>;
}
