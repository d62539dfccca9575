// IAM Identity Center instances (SSO Admin), each in its home region and owned by one account.


export type InstanceStatus = 'CREATE_IN_PROGRESS' | 'CREATE_FAILED' | 'DELETE_IN_PROGRESS' | 'ACTIVE';
export const INSTANCE_STATUSES: readonly InstanceStatus[] = ['CREATE_IN_PROGRESS', 'CREATE_FAILED', 'DELETE_IN_PROGRESS', 'ACTIVE'];

export interface IdentityCenterInstanceRecord {
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly ownerAccountId: string;
  readonly region: string;
  readonly name: string | undefined;
  readonly status: InstanceStatus;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export class IdentityCenterState {
  readonly instances: IdentityCenterInstanceRecord[] = [];
  readonly permissionSets = new PermissionSetState();
}

/** A permission set of an instance, as SSO Admin keeps it. */
export interface PermissionSetRecord {
  readonly arn: string;
  readonly instanceArn: string;
  readonly name: string;
  description: string | undefined;
  sessionDuration: string;
  readonly createdAt: number;
  /** AWS managed policy ARNs, in attachment order. */
  managedPolicies: string[];
  customerManagedPolicies: { name: string; path: string }[];
  /** The JSON text as put. */
  inlinePolicy: string | undefined;
  permissionsBoundary: { managedPolicyArn?: string; customerManagedPolicy?: { name: string; path: string } } | undefined;
  tags: Map<string, string>;
  /** Accounts the set is provisioned to (AWS creates its role there). */
  provisionedAccountIds: Set<string>;
}

/** One account assignment: the principal has the permission set on the account. */
export interface AccountAssignmentRecord {
  readonly instanceArn: string;
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: 'GROUP' | 'USER';
  readonly principalId: string;
}

/** One Create/DeleteAccountAssignment request: its effect is made at once; the first status read says IN_PROGRESS. */
export interface AssignmentRequest {
  readonly kind: 'creation' | 'deletion';
  readonly assignment: AccountAssignmentRecord;
  readonly final: 'SUCCEEDED' | 'FAILED';
  readonly failureReason: string | undefined;
  readonly createdAt: number;
  /** Status reads so far. */
  reads: number;
}

/** One ProvisionPermissionSet request: IN_PROGRESS until `completesAt`, then SUCCEEDED (or FAILED with a reason). */
export interface ProvisioningRequest {
  readonly requestId: string;
  readonly instanceArn: string;
  readonly permissionSetArn: string;
  readonly accountIds: readonly string[];
  readonly createdAt: number;
  readonly completesAt: number;
  readonly failureReason: string | undefined;
}

/** Permission sets of every instance, by ARN, their provisioning requests and account assignments. */
export class PermissionSetState {
  readonly sets = new Map<string, PermissionSetRecord>();
  readonly provisioning = new Map<string, ProvisioningRequest>();
  /** Account assignments of every instance: who has which set on which account. */
  readonly assignments: AccountAssignmentRecord[] = [];
  /** Create/DeleteAccountAssignment requests, by request ID (assignments.ts). */
  readonly assignmentRequests = new Map<string, AssignmentRequest>();
  /** Milliseconds a provisioning request stays IN_PROGRESS, so callers must poll. */
  provisioningMs = 100;
  /** When set, provisioning requests end FAILED with this reason (a test of how failures are reported). */
  provisioningFailure: string | undefined;
  private sequence = 0;

  nextId(): string {
    this.sequence += 1;
    return this.sequence.toString(16).padStart(16, '0');
  }

  /** Completes the requests whose time has come. */
  advance(now: number): void {
    for (const request of this.provisioning.values()) {
      if (request.completesAt > now || request.failureReason !== undefined) continue;
      const set = this.sets.get(request.permissionSetArn);
      if (set) for (const id of request.accountIds) set.provisionedAccountIds.add(id);
    }
  }
}
