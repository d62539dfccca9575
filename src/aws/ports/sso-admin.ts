// IAM Identity Center (SSO Admin): whether an instance exists, region by region.

import type { IdentityCenterInstance } from '../../model/security.js';
import type { SsoAdminAdminAccessPort } from './sso-admin-admin-access.js';
import type { SsoAdminPermissionSetsPort } from './sso-admin-permission-sets.js';

export interface SsoAdminPort extends SsoAdminAdminAccessPort, SsoAdminPermissionSetsPort, SsoAdminAssignmentsPort {
  /** SSO Admin ListInstances in `region` (Identity Center is regional). */
  listIdentityCenterInstances(region: string): Promise<readonly IdentityCenterInstance[]>;
}

/** A group or a user of the identity store, by its ID there. */
export interface AssignmentPrincipal {
  readonly type: 'GROUP' | 'USER';
  readonly id: string;
}

/** One account assignment: the principal gets the permission set on the account. */
export interface AccountAssignment {
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principal: AssignmentPrincipal;
}

/** Where an asynchronous CreateAccountAssignment / DeleteAccountAssignment request stands. */
export interface AssignmentRequestStatus {
  readonly requestId: string;
  readonly status: 'IN_PROGRESS' | 'FAILED' | 'SUCCEEDED';
  /** AWS's FailureReason, when it failed. */
  readonly failureReason?: string;
}

/** Account assignments (IAM Identity Center's SSO Admin API); every call names the instance's region. Permission sets are read through SsoAdminPermissionSetsPort. */
export interface SsoAdminAssignmentsPort {
  /** ListAccountAssignmentsForPrincipal: every account assignment of one group or user. */
  listAccountAssignmentsForPrincipal(region: string, instanceArn: string, principal: AssignmentPrincipal): Promise<readonly AccountAssignment[]>;
  createAccountAssignment(region: string, instanceArn: string, assignment: AccountAssignment): Promise<AssignmentRequestStatus>;
  deleteAccountAssignment(region: string, instanceArn: string, assignment: AccountAssignment): Promise<AssignmentRequestStatus>;
  describeAccountAssignmentCreationStatus(region: string, instanceArn: string, requestId: string): Promise<AssignmentRequestStatus>;
  describeAccountAssignmentDeletionStatus(region: string, instanceArn: string, requestId: string): Promise<AssignmentRequestStatus>;
}
