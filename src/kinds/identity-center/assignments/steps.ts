// The steps of Identity Center access: groups of Identity Center's own directory, and account assignments.

import type { StepBase } from '../../../model/plan.js';
import type { AccountEmailRef, AccountIdRef } from '../../../model/refs.js';

/** The Identity Center instance a step acts in (known at plan time: the plan refuses to assign without one). */
export interface IdentityCenterInstanceSpec {
  readonly region: string;
  readonly instanceArn: string;
  readonly identityStoreId: string;
}

/** identitystore CreateGroup: a group `identityCenter.groups` declares that the directory does not have. */
export interface CreateGroupStep extends StepBase {
  readonly kind: 'createGroup';
  readonly before: null;
  readonly after: IdentityCenterInstanceSpec & { readonly displayName: string; readonly description?: string };
}

export interface AssignmentSpec extends IdentityCenterInstanceSpec {
  /** By name; `arn` absent: the permission set is created by this plan and found by name at apply. */
  readonly permissionSet: { readonly name: string; readonly arn?: string };
  /** By name; `id` absent: the group is created by this plan and found by name at apply. */
  readonly principal: { readonly type: 'GROUP' | 'USER'; readonly name: string; readonly id?: string };
  /** The account: by ID, or by email when this plan creates it (the creation records its ID). */
  readonly account: AccountIdRef | AccountEmailRef;
  /** The OUs of org.yaml whose accounts brought this one in (for the reviewer: "under /Workloads"); absent: listed by ID. */
  readonly viaOrganizationalUnits?: readonly string[];
  /** The permission set grants administrator access (AdministratorAccess or an Allow of "*" on "*"): called out. */
  readonly administrator?: true;
}

/** SSO Admin CreateAccountAssignment, polled until it succeeds or fails. */
export interface CreateAccountAssignmentStep extends StepBase {
  readonly kind: 'createAccountAssignment';
  readonly before: null;
  readonly after: AssignmentSpec;
}

/** SSO Admin DeleteAccountAssignment (only with options.pruneAssignments), polled until it ends. */
export interface DeleteAccountAssignmentStep extends StepBase {
  readonly kind: 'deleteAccountAssignment';
  readonly before: AssignmentSpec & { readonly permissionSet: { readonly arn: string }; readonly principal: { readonly id: string } };
  readonly after: null;
}

export type IdentityCenterAccessStep = CreateGroupStep | CreateAccountAssignmentStep | DeleteAccountAssignmentStep;
