// The permission set steps of the identity center kind. Each names the instance (region and ARN, known
// at plan time: orgctl never creates the instance) and the set by name; sets that exist also by ARN.

import type { StepBase } from '../../../model/plan.js';
import type { CustomerManagedPolicyRef, IdentityCenterInstanceRef, PermissionsBoundary } from '../../../model/permission-sets.js';

/** A permission set as orgctl compares and writes it. */
export interface PermissionSetSpec {
  readonly name: string;
  /** Absent: not managed (AWS cannot clear a description). */
  readonly description?: string;
  /** ISO 8601, e.g. PT4H. */
  readonly sessionDuration: string;
  /** Sorted. */
  readonly managedPolicies: readonly string[];
  /** Sorted by path, then name. */
  readonly customerManagedPolicies: readonly CustomerManagedPolicyRef[];
  /** Canonical JSON text (keys sorted); absent: none. */
  readonly inlinePolicy?: string;
  /** Absent: not managed (org.yaml has no `permissionsBoundary`, so the set keeps what it has). */
  readonly permissionsBoundary?: PermissionsBoundary;
  /** The set's tags orgctl manages (`managed-by` and `aws:` keys excluded); absent: tags are not managed. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** SSO Admin CreatePermissionSet (tagged managed-by: orgctl) with its policies, boundary and inline policy. */
export interface CreatePermissionSetStep extends StepBase {
  readonly kind: 'createPermissionSet';
  readonly instance: IdentityCenterInstanceRef;
  readonly before: null;
  readonly after: PermissionSetSpec;
}

/** What differs, changed call by call (UpdatePermissionSet, attach/detach, put/delete, tag/untag). */
export interface UpdatePermissionSetStep extends StepBase {
  readonly kind: 'updatePermissionSet';
  readonly instance: IdentityCenterInstanceRef;
  readonly permissionSetArn: string;
  readonly before: PermissionSetSpec;
  readonly after: PermissionSetSpec;
}

/** SSO Admin DeletePermissionSet: only with options.prunePermissionSets, only sets orgctl created, provisioned nowhere. */
export interface DeletePermissionSetStep extends StepBase {
  readonly kind: 'deletePermissionSet';
  readonly instance: IdentityCenterInstanceRef;
  readonly permissionSetArn: string;
  readonly before: { readonly name: string };
  readonly after: null;
}

/** ProvisionPermissionSet to ALL_PROVISIONED_ACCOUNTS after a change, polled until SUCCEEDED or FAILED. */
export interface ProvisionPermissionSetStep extends StepBase {
  readonly kind: 'provisionPermissionSet';
  readonly instance: IdentityCenterInstanceRef;
  readonly permissionSetArn: string;
  readonly before: null;
  readonly after: { readonly name: string; readonly accountIds: readonly string[] };
}

export type PermissionSetStep = CreatePermissionSetStep | UpdatePermissionSetStep | DeletePermissionSetStep | ProvisionPermissionSetStep;
