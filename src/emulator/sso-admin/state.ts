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

/** A permission set with its policies and account assignments (what the audit's admin-access check reads). */
export interface PermissionSetRecord {
  readonly instanceArn: string;
  readonly permissionSetArn: string;
  readonly name: string;
  readonly managedPolicyArns: string[];
  /** "" when it has none. */
  inlinePolicy: string;
  /** Each assignment on an account; an account with one has the set provisioned. */
  readonly assignments: { accountId: string; principalType: 'GROUP' | 'USER'; principalId: string }[];
}

export class IdentityCenterState {
  readonly instances: IdentityCenterInstanceRecord[] = [];
  /** Seeded by tests (emulator.world or snapshot code); served by admin-access.ts. */
  readonly permissionSets: PermissionSetRecord[] = [];
}
