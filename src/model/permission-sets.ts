// IAM Identity Center permission sets as orgctl reads and writes them (SSO Admin), shared by the port,
// the identity center kind and the emulator's snapshot.

/** Where the Identity Center instance is: SSO Admin is regional, and every call names the instance. */
export interface IdentityCenterInstanceRef {
  readonly region: string;
  readonly instanceArn: string;
}

/** A customer managed policy reference: the IAM policy of that name and path in each account. */
export interface CustomerManagedPolicyRef {
  readonly name: string;
  /** "/" unless the policy sits under a path. */
  readonly path: string;
}

/** A permissions boundary: an AWS managed policy by ARN, or a customer managed policy by name and path. */
export type PermissionsBoundary = { readonly managedPolicyArn: string } | { readonly customerManagedPolicy: CustomerManagedPolicyRef };

/** DescribePermissionSet's fields orgctl manages. */
export interface PermissionSetAttributes {
  readonly name: string;
  /** undefined: none. */
  readonly description: string | undefined;
  /** ISO 8601 as AWS reports it, e.g. PT1H. */
  readonly sessionDuration: string;
}

/** One permission set as read: its attributes, policies, boundary, tags and where it is provisioned. */
export interface LivePermissionSet extends PermissionSetAttributes {
  readonly arn: string;
  /** AWS managed policy ARNs, sorted. */
  readonly managedPolicies: readonly string[];
  /** Sorted by path, then name. */
  readonly customerManagedPolicies: readonly CustomerManagedPolicyRef[];
  /** The inline policy's JSON text as AWS returns it; undefined: none. */
  readonly inlinePolicy: string | undefined;
  /**
   * null: none. Absent: not read: plan reads it only for sets whose org.yaml entry has `permissionsBoundary`
   * (without the key the boundary is left alone); import reads it always.
   */
  readonly permissionsBoundary?: PermissionsBoundary | null;
  /**
   * Absent: not read: plan reads them only for sets whose entry has `tags:`, and for the sets prune may
   * delete (to see managed-by: orgctl); import reads them always.
   */
  readonly tags?: Readonly<Record<string, string>>;
  /** Account IDs the set is provisioned to (ListAccountsForProvisionedPermissionSet), sorted. */
  readonly provisionedAccountIds: readonly string[];
}

/** What orgctl found in Identity Center: its instance (null: none in the region) and the permission sets there. */
export interface LiveIdentityCenterPermissionSets {
  readonly region: string;
  readonly instance: IdentityCenterInstanceRef | null;
  /** Sorted by name. */
  readonly permissionSets: readonly LivePermissionSet[];
}

export type ProvisioningStatus =
  | { readonly status: 'IN_PROGRESS' }
  | { readonly status: 'SUCCEEDED' }
  | { readonly status: 'FAILED'; readonly failureReason: string | undefined };

/** orgctl tags the permission sets it creates, so prunePermissionSets deletes only those. */
export const PERMISSION_SET_MANAGED_BY_TAG = { key: 'managed-by', value: 'orgctl' } as const;
