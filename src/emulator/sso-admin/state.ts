// IAM Identity Center instances (SSO Admin), each in its home region and owned by one account.

import { AssignmentsState } from './assignments.js';

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
  /** Permission sets and account assignments (assignments.ts). */
  readonly access = new AssignmentsState();
}
