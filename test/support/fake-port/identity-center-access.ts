// The Identity Center assignments side of FakeAwsPort: identity store groups and users, account
// assignments and their asynchronous requests (finished by the first status poll, or failed with
// `failNextAssignment`'s reason). Instances come from FakeSecurity; permission sets and the assignments
// themselves live in the one FakePermissionSetStore (sso-admin-permission-sets.ts), which the audit's
// reads and the permission set calls use too.

import type { AccountAssignment, AssignmentRequestStatus, IdentityStorePort, SsoAdminAssignmentsPort } from '../../../src/aws/port.js';
import type { AwsPort } from '../../../src/aws/port.js';
import { AwsCallError } from '../../../src/aws/errors.js';
import type { FakeCaller } from './calls.js';
import type { FakeAccountAssignment, FakePermissionSetStore } from './sso-admin-permission-sets.js';

interface Entry {
  readonly id: string;
  readonly name: string;
  readonly external: boolean;
}

export class FakeIdentityCenterAccess {
  constructor(private readonly store: FakePermissionSetStore) {}
  /** Identity store ID → groups, users. */
  readonly groups = new Map<string, Entry[]>();
  readonly users = new Map<string, Entry[]>();
  get assignments(): FakeAccountAssignment[] {
    return this.store.assignments;
  }
  /** The reason the next create/delete request fails with, when set. */
  failNextAssignment: string | undefined;
  private readonly requests = new Map<string, AssignmentRequestStatus>();
  private counter = 0;

  /** A permission set in the one store; its ARN. */
  seedPermissionSet(instanceArn: string, name: string): string {
    return this.store.seed(instanceArn, { name }).arn;
  }

  seedGroup(identityStoreId: string, name: string, external = false): string {
    const id = `9067${(++this.counter).toString(16).padStart(6, '0')}-0000-0000-0000-000000000000`;
    this.groups.set(identityStoreId, [...(this.groups.get(identityStoreId) ?? []), { id, name, external }]);
    return id;
  }

  seedUser(identityStoreId: string, name: string, external = false): string {
    const id = `9068${(++this.counter).toString(16).padStart(6, '0')}-0000-0000-0000-000000000000`;
    this.users.set(identityStoreId, [...(this.users.get(identityStoreId) ?? []), { id, name, external }]);
    return id;
  }

  provisioned(permissionSetArn: string, accountId: string): void {
    const set = this.store.sets.get(permissionSetArn);
    if (set && !set.provisionedAccountIds.includes(accountId)) set.provisionedAccountIds.push(accountId);
  }

  request(): AssignmentRequestStatus {
    const requestId = `req-${++this.counter}`;
    const failureReason = this.failNextAssignment;
    this.failNextAssignment = undefined;
    const final: AssignmentRequestStatus = failureReason === undefined ? { requestId, status: 'SUCCEEDED' } : { requestId, status: 'FAILED', failureReason };
    this.requests.set(requestId, final);
    return { requestId, status: 'IN_PROGRESS' };
  }

  status(requestId: string): AssignmentRequestStatus {
    const status = this.requests.get(requestId);
    if (!status) throw new AwsCallError('DescribeAccountAssignmentCreationStatus', 'notFound', 'ResourceNotFoundException', `no request ${requestId}`);
    return status;
  }
}

const same = (a: AccountAssignment, b: AccountAssignment): boolean =>
  a.accountId === b.accountId && a.permissionSetArn === b.permissionSetArn && a.principal.type === b.principal.type && a.principal.id === b.principal.id;

export function fakeIdentityCenterAccess(state: FakeIdentityCenterAccess, call: FakeCaller<AwsPort>): SsoAdminAssignmentsPort & IdentityStorePort {
  const find = (entries: Entry[] | undefined, name: string): string | null => entries?.find((e) => e.name === name)?.id ?? null;
  return {
    listAccountAssignmentsForPrincipal: (region, instanceArn, principal) =>
      call('listAccountAssignmentsForPrincipal', [region, instanceArn, principal], () =>
        state.assignments.filter((a) => a.instanceArn === instanceArn && a.principal.type === principal.type && a.principal.id === principal.id).map(({ instanceArn: _, ...a }) => a),
      ),
    createAccountAssignment: (region, instanceArn, assignment) =>
      call('createAccountAssignment', [region, instanceArn, assignment], () => {
        const failing = state.failNextAssignment !== undefined;
        const status = state.request();
        if (!failing && !state.assignments.some((a) => a.instanceArn === instanceArn && same(a, assignment))) {
          state.assignments.push({ ...assignment, instanceArn });
          // An assignment provisions its set to the account, as AWS does.
          state.provisioned(assignment.permissionSetArn, assignment.accountId);
        }
        return status;
      }),
    deleteAccountAssignment: (region, instanceArn, assignment) =>
      call('deleteAccountAssignment', [region, instanceArn, assignment], () => {
        const failing = state.failNextAssignment !== undefined;
        const status = state.request();
        const index = state.assignments.findIndex((a) => a.instanceArn === instanceArn && same(a, assignment));
        if (!failing && index >= 0) state.assignments.splice(index, 1);
        return status;
      }),
    describeAccountAssignmentCreationStatus: (region, instanceArn, requestId) => call('describeAccountAssignmentCreationStatus', [region, instanceArn, requestId], () => state.status(requestId)),
    describeAccountAssignmentDeletionStatus: (region, instanceArn, requestId) => call('describeAccountAssignmentDeletionStatus', [region, instanceArn, requestId], () => state.status(requestId)),
    getGroupId: (region, storeId, name) => call('getGroupId', [region, storeId, name], () => find(state.groups.get(storeId), name)),
    getUserId: (region, storeId, name) => call('getUserId', [region, storeId, name], () => find(state.users.get(storeId), name)),
    createGroup: (region, storeId, group) =>
      call('createGroup', [region, storeId, group], () => {
        if (find(state.groups.get(storeId), group.displayName) !== null) throw new AwsCallError('CreateGroup', 'other', 'ConflictException', 'Duplicate GroupDisplayName');
        return state.seedGroup(storeId, group.displayName);
      }),
    listGroups: (region, storeId) => call('listGroups', [region, storeId], () => (state.groups.get(storeId) ?? []).map((e) => ({ ...e }))),
    listUsers: (region, storeId) => call('listUsers', [region, storeId], () => (state.users.get(storeId) ?? []).map((e) => ({ ...e }))),
  };
}
