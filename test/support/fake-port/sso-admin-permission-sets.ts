// Permission sets in FakeAwsPort's Identity Center instances, with AWS's rules orgctl meets: names are
// unique per instance (ConflictException), a missing set is ResourceNotFoundException, a set still
// provisioned to accounts cannot be deleted (ConflictException), and provisioning succeeds at once
// unless the test says otherwise (`provisioningFailure`).

import type { SsoAdminPermissionSetsPort } from '../../../src/aws/ports/sso-admin-permission-sets.js';
import type { AccountAssignment } from '../../../src/aws/ports/sso-admin.js';
import type { CustomerManagedPolicyRef, PermissionsBoundary, ProvisioningStatus } from '../../../src/model/permission-sets.js';
import type { FakeCaller } from './calls.js';
import { awsError } from './errors.js';

export interface FakePermissionSet {
  readonly arn: string;
  readonly instanceArn: string;
  name: string;
  description: string | undefined;
  sessionDuration: string;
  managedPolicies: string[];
  customerManagedPolicies: CustomerManagedPolicyRef[];
  inlinePolicy: string | undefined;
  permissionsBoundary: PermissionsBoundary | undefined;
  tags: Record<string, string>;
  provisionedAccountIds: string[];
  /** Changed since its last provisioning (AWS: the accounts run the old version until it is provisioned). */
  outdated: boolean;
}

/** One account assignment of an instance: the principal has the set on the account. */
export type FakeAccountAssignment = AccountAssignment & { readonly instanceArn: string };

export class FakePermissionSetStore {
  readonly sets = new Map<string, FakePermissionSet>();
  /** Who has which set on which account: read by the audit's calls and changed by the assignment calls (identity-center-access.ts). */
  readonly assignments: FakeAccountAssignment[] = [];
  readonly provisioning = new Map<string, ProvisioningStatus>();
  /** When set, ProvisionPermissionSet requests end FAILED with this reason. */
  provisioningFailure: string | undefined;
  private sequence = 0;

  seed(instanceArn: string, set: Partial<Omit<FakePermissionSet, 'arn' | 'instanceArn'>> & { readonly name: string }): FakePermissionSet {
    const id = (++this.sequence).toString(16).padStart(16, '0');
    const record: FakePermissionSet = {
      arn: `${instanceArn.replace(':instance/', ':permissionSet/')}/ps-${id}`,
      instanceArn,
      description: undefined,
      sessionDuration: 'PT1H',
      managedPolicies: [],
      customerManagedPolicies: [],
      inlinePolicy: undefined,
      permissionsBoundary: undefined,
      tags: {},
      provisionedAccountIds: [],
      outdated: false,
      ...set,
    };
    this.sets.set(record.arn, record);
    return record;
  }

  byName(instanceArn: string, name: string): FakePermissionSet | undefined {
    return [...this.sets.values()].find((s) => s.instanceArn === instanceArn && s.name === name);
  }

  nextRequestId(): string {
    return `req-${++this.sequence}`;
  }
}

export function fakeSsoAdminPermissionSets(store: FakePermissionSetStore, call: FakeCaller<SsoAdminPermissionSetsPort>): SsoAdminPermissionSetsPort {
  const find = (op: string, instanceArn: string, arn: string): FakePermissionSet => {
    const set = store.sets.get(arn);
    if (!set || set.instanceArn !== instanceArn) throw awsError(op, 'notFound', 'ResourceNotFoundException', `Could not find PermissionSet with arn ${arn}`);
    return set;
  };
  const changed = (set: FakePermissionSet): void => {
    set.outdated = true;
  };
  return {
    listPermissionSets: (instance) => call('listPermissionSets', [instance], () => [...store.sets.values()].filter((s) => s.instanceArn === instance.instanceArn).map((s) => s.arn)),
    describePermissionSet: (instance, arn) =>
      call('describePermissionSet', [instance, arn], () => {
        const set = find('DescribePermissionSet', instance.instanceArn, arn);
        return { name: set.name, description: set.description, sessionDuration: set.sessionDuration };
      }),
    listManagedPoliciesInPermissionSet: (instance, arn) =>
      call('listManagedPoliciesInPermissionSet', [instance, arn], () => [...find('ListManagedPoliciesInPermissionSet', instance.instanceArn, arn).managedPolicies]),
    listCustomerManagedPolicyReferencesInPermissionSet: (instance, arn) =>
      call('listCustomerManagedPolicyReferencesInPermissionSet', [instance, arn], () =>
        find('ListCustomerManagedPolicyReferencesInPermissionSet', instance.instanceArn, arn).customerManagedPolicies.map((p) => ({ ...p })),
      ),
    getInlinePolicyForPermissionSet: (instance, arn) =>
      call('getInlinePolicyForPermissionSet', [instance, arn], () => find('GetInlinePolicyForPermissionSet', instance.instanceArn, arn).inlinePolicy),
    getPermissionsBoundaryForPermissionSet: (instance, arn) =>
      call('getPermissionsBoundaryForPermissionSet', [instance, arn], () => find('GetPermissionsBoundaryForPermissionSet', instance.instanceArn, arn).permissionsBoundary),
    listPermissionSetTags: (instance, arn) => call('listPermissionSetTags', [instance, arn], () => ({ ...find('ListTagsForResource', instance.instanceArn, arn).tags })),
    listAccountsForProvisionedPermissionSet: (instance, arn) =>
      call('listAccountsForProvisionedPermissionSet', [instance, arn], () => [...find('ListAccountsForProvisionedPermissionSet', instance.instanceArn, arn).provisionedAccountIds]),
    createPermissionSet: (instance, attributes, tags) =>
      call('createPermissionSet', [instance, attributes, tags], () => {
        if (store.byName(instance.instanceArn, attributes.name)) {
          throw awsError('CreatePermissionSet', 'other', 'ConflictException', `PermissionSet with name ${attributes.name} already exists.`);
        }
        return store.seed(instance.instanceArn, { ...attributes, tags: { ...tags } }).arn;
      }),
    updatePermissionSet: (instance, arn, changes) =>
      call('updatePermissionSet', [instance, arn, changes], () => {
        const set = find('UpdatePermissionSet', instance.instanceArn, arn);
        if (changes.description !== undefined) set.description = changes.description;
        if (changes.sessionDuration !== undefined) set.sessionDuration = changes.sessionDuration;
        changed(set);
      }),
    deletePermissionSet: (instance, arn) =>
      call('deletePermissionSet', [instance, arn], () => {
        const set = find('DeletePermissionSet', instance.instanceArn, arn);
        if (set.provisionedAccountIds.length > 0) throw awsError('DeletePermissionSet', 'other', 'ConflictException', 'The permission set is provisioned to accounts.');
        store.sets.delete(arn);
      }),
    attachManagedPolicyToPermissionSet: (instance, arn, policyArn) =>
      call('attachManagedPolicyToPermissionSet', [instance, arn, policyArn], () => {
        const set = find('AttachManagedPolicyToPermissionSet', instance.instanceArn, arn);
        if (set.managedPolicies.includes(policyArn)) throw awsError('AttachManagedPolicyToPermissionSet', 'other', 'ConflictException', 'The policy is already attached.');
        set.managedPolicies.push(policyArn);
        changed(set);
      }),
    detachManagedPolicyFromPermissionSet: (instance, arn, policyArn) =>
      call('detachManagedPolicyFromPermissionSet', [instance, arn, policyArn], () => {
        const set = find('DetachManagedPolicyFromPermissionSet', instance.instanceArn, arn);
        if (!set.managedPolicies.includes(policyArn)) throw awsError('DetachManagedPolicyFromPermissionSet', 'notFound', 'ResourceNotFoundException', 'The policy is not attached.');
        set.managedPolicies = set.managedPolicies.filter((p) => p !== policyArn);
        changed(set);
      }),
    attachCustomerManagedPolicyReferenceToPermissionSet: (instance, arn, policy) =>
      call('attachCustomerManagedPolicyReferenceToPermissionSet', [instance, arn, policy], () => {
        const set = find('AttachCustomerManagedPolicyReferenceToPermissionSet', instance.instanceArn, arn);
        if (set.customerManagedPolicies.some((p) => p.name === policy.name && p.path === policy.path)) {
          throw awsError('AttachCustomerManagedPolicyReferenceToPermissionSet', 'other', 'ConflictException', 'The policy reference is already attached.');
        }
        set.customerManagedPolicies.push({ ...policy });
        changed(set);
      }),
    detachCustomerManagedPolicyReferenceFromPermissionSet: (instance, arn, policy) =>
      call('detachCustomerManagedPolicyReferenceFromPermissionSet', [instance, arn, policy], () => {
        const set = find('DetachCustomerManagedPolicyReferenceFromPermissionSet', instance.instanceArn, arn);
        const kept = set.customerManagedPolicies.filter((p) => !(p.name === policy.name && p.path === policy.path));
        if (kept.length === set.customerManagedPolicies.length) {
          throw awsError('DetachCustomerManagedPolicyReferenceFromPermissionSet', 'notFound', 'ResourceNotFoundException', 'The policy reference is not attached.');
        }
        set.customerManagedPolicies = kept;
        changed(set);
      }),
    putInlinePolicyToPermissionSet: (instance, arn, policy) =>
      call('putInlinePolicyToPermissionSet', [instance, arn, policy], () => {
        const set = find('PutInlinePolicyToPermissionSet', instance.instanceArn, arn);
        set.inlinePolicy = policy;
        changed(set);
      }),
    deleteInlinePolicyFromPermissionSet: (instance, arn) =>
      call('deleteInlinePolicyFromPermissionSet', [instance, arn], () => {
        const set = find('DeleteInlinePolicyFromPermissionSet', instance.instanceArn, arn);
        set.inlinePolicy = undefined;
        changed(set);
      }),
    putPermissionsBoundaryToPermissionSet: (instance, arn, boundary) =>
      call('putPermissionsBoundaryToPermissionSet', [instance, arn, boundary], () => {
        const set = find('PutPermissionsBoundaryToPermissionSet', instance.instanceArn, arn);
        set.permissionsBoundary = boundary;
        changed(set);
      }),
    deletePermissionsBoundaryFromPermissionSet: (instance, arn) =>
      call('deletePermissionsBoundaryFromPermissionSet', [instance, arn], () => {
        const set = find('DeletePermissionsBoundaryFromPermissionSet', instance.instanceArn, arn);
        if (set.permissionsBoundary === undefined) throw awsError('DeletePermissionsBoundaryFromPermissionSet', 'notFound', 'ResourceNotFoundException', 'The permission set has no permissions boundary.');
        set.permissionsBoundary = undefined;
        changed(set);
      }),
    tagPermissionSet: (instance, arn, tags) =>
      call('tagPermissionSet', [instance, arn, tags], () => {
        const set = find('TagResource', instance.instanceArn, arn);
        Object.assign(set.tags, tags);
      }),
    untagPermissionSet: (instance, arn, keys) =>
      call('untagPermissionSet', [instance, arn, keys], () => {
        const set = find('UntagResource', instance.instanceArn, arn);
        for (const key of keys) delete set.tags[key];
      }),
    provisionPermissionSet: (instance, arn) =>
      call('provisionPermissionSet', [instance, arn], () => {
        const set = find('ProvisionPermissionSet', instance.instanceArn, arn);
        const requestId = store.nextRequestId();
        if (store.provisioningFailure !== undefined) {
          store.provisioning.set(requestId, { status: 'FAILED', failureReason: store.provisioningFailure });
        } else {
          set.outdated = false;
          store.provisioning.set(requestId, { status: 'SUCCEEDED' });
        }
        return requestId;
      }),
    describePermissionSetProvisioningStatus: (instance, requestId) =>
      call('describePermissionSetProvisioningStatus', [instance, requestId], () => {
        const status = store.provisioning.get(requestId);
        if (!status) throw awsError('DescribePermissionSetProvisioningStatus', 'notFound', 'ResourceNotFoundException', `No provisioning request ${requestId}.`);
        return status;
      }),
  };
}
