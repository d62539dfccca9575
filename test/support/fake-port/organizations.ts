// The Organizations side of FakeAwsPort: reads and writes on the fake's tree (org-tree.ts).

import type { OrganizationsPort } from '../../../src/aws/port.js';
import type { FakeAccountLifecycle } from './account-lifecycle.js';
import type { FakeCaller } from './calls.js';
import { awsError } from './errors.js';
import { checkOuName, FULL_AWS_ACCESS, type FakeOrgTree } from './org-tree.js';
import { fakePolicyWrites } from './policies.js';
import type { ServiceAccessMethods } from './service-access.js';

export function fakeOrganizations(tree: FakeOrgTree, call: FakeCaller<OrganizationsPort>, lifecycle: FakeAccountLifecycle): Omit<OrganizationsPort, keyof ServiceAccessMethods> {
  return {
    describeOrganization: () => call('describeOrganization', [], () => tree.organization),

    listRoots: () =>
      call('listRoots', [], () => {
        tree.requireOrganization('ListRoots');
        return tree.root ? [{ ...tree.root, policyTypes: [...tree.enabledPolicyTypes].map((type) => ({ type, status: 'ENABLED' })) }] : [];
      }),

    listOrganizationalUnitsForParent: (parentId) =>
      call('listOrganizationalUnitsForParent', [parentId], () => {
        tree.requireParent('ListOrganizationalUnitsForParent', parentId, 'ParentNotFoundException');
        return [...tree.ous.values()].filter((ou) => ou.parentId === parentId).map((ou) => ({ id: ou.id, name: ou.name }));
      }),

    listAccountsForParent: (parentId) =>
      call('listAccountsForParent', [parentId], () => {
        tree.requireParent('ListAccountsForParent', parentId, 'ParentNotFoundException');
        return [...tree.accounts.values()].filter((a) => a.parentId === parentId).map((a) => ({ id: a.id, name: a.name, email: a.email, state: a.state }));
      }),

    listPolicies: (policyType) =>
      call('listPolicies', [policyType], () => {
        tree.requireManagementCaller('ListPolicies');
        const managed = tree.managedPolicies().filter((p) => p.type === policyType);
        return [...managed, ...[...tree.policies.values()].filter((p) => p.type === policyType)].map((p) => ({ ...p }));
      }),

    listTargetsForPolicy: (policyId) =>
      call('listTargetsForPolicy', [policyId], () => {
        const op = 'ListTargetsForPolicy';
        tree.requireManagementCaller(op);
        const targets = tree.targetsOfPolicy(policyId);
        if (!targets) throw awsError(op, 'notFound', 'PolicyNotFoundException', `We can't find a policy with the PolicyId ${policyId}.`);
        return targets.map((id) => tree.targetOf(id));
      }),

    listResourceTags: (resourceId) =>
      call('listResourceTags', [resourceId], () => {
        const op = 'ListTagsForResource';
        tree.requireManagementCaller(op);
        if (!tree.targetExists(resourceId) && !tree.policies.has(resourceId)) throw awsError(op, 'notFound', 'TargetNotFoundException', `We can't find a resource with the ResourceId ${resourceId}.`);
        return { ...(tree.resourceTags.get(resourceId) ?? {}) };
      }),

    createOrganization: (featureSet) =>
      call('createOrganization', [featureSet], () => {
        if (tree.organization) throw awsError('CreateOrganization', 'alreadyExists', 'AlreadyInOrganizationException', 'This account is already a member of an organization.');
        return tree.seedOrganization({ featureSet }).organization;
      }),

    createOrganizationalUnit: (parentId, name, tags) =>
      call('createOrganizationalUnit', tags && Object.keys(tags).length > 0 ? [parentId, name, tags] : [parentId, name], () => {
        tree.requireManagementCaller('CreateOrganizationalUnit');
        if (tags) checkTagCount('CreateOrganizationalUnit', {}, tags);
        const ou = tree.createOu(parentId, name);
        if (tags && Object.keys(tags).length > 0) tree.resourceTags.set(ou.id, { ...tags });
        return { id: ou.id, name: ou.name };
      }),

    renameOrganizationalUnit: (ouId, name) =>
      call('renameOrganizationalUnit', [ouId, name], () => {
        tree.requireManagementCaller('UpdateOrganizationalUnit');
        const ou = tree.requireOu('UpdateOrganizationalUnit', ouId);
        checkOuName('UpdateOrganizationalUnit', name);
        if (tree.siblingNamed(ou.parentId, name, ou.id)) throw awsError('UpdateOrganizationalUnit', 'alreadyExists', 'DuplicateOrganizationalUnitException', 'An OU with the same name already exists.');
        ou.name = name;
      }),

    deleteOrganizationalUnit: (ouId) =>
      call('deleteOrganizationalUnit', [ouId], () => {
        tree.requireManagementCaller('DeleteOrganizationalUnit');
        tree.requireOu('DeleteOrganizationalUnit', ouId);
        const hasChildren = [...tree.ous.values()].some((o) => o.parentId === ouId) || [...tree.accounts.values()].some((a) => a.parentId === ouId);
        if (hasChildren) throw awsError('DeleteOrganizationalUnit', 'constraint', 'OrganizationalUnitNotEmptyException', 'The specified OU is not empty. Move all accounts to another root or OU and delete all child OUs, then try the operation again.');
        tree.ous.delete(ouId);
      }),

    moveAccount: (accountId, sourceParentId, destinationParentId) =>
      call('moveAccount', [accountId, sourceParentId, destinationParentId], () => {
        const op = 'MoveAccount';
        tree.requireManagementCaller(op);
        const account = tree.accounts.get(accountId);
        if (!account) throw awsError(op, 'notFound', 'AccountNotFoundException', `We can't find an account with the AccountId ${accountId}.`);
        if (!tree.parentExists(sourceParentId)) throw awsError(op, 'notFound', 'SourceParentNotFoundException', `We can't find a source root or OU with the ParentId ${sourceParentId}.`);
        if (!tree.parentExists(destinationParentId)) throw awsError(op, 'notFound', 'DestinationParentNotFoundException', `We can't find a destination root or OU with the ParentId ${destinationParentId}.`);
        if (account.parentId === destinationParentId) throw awsError(op, 'alreadyExists', 'DuplicateAccountException', 'That account is already present in the specified destination.');
        if (account.parentId !== sourceParentId) throw awsError(op, 'notFound', 'AccountNotFoundException', `Account ${accountId} is not in ${sourceParentId}.`);
        account.parentId = destinationParentId;
      }),

    tagResource: (resourceId, tags) =>
      call('tagResource', [resourceId, tags], () => {
        const op = 'TagResource';
        tree.requireManagementCaller(op);
        requireTaggable(op, resourceId);
        const stored = tree.resourceTags.get(resourceId) ?? {};
        checkTagCount(op, stored, tags);
        tree.resourceTags.set(resourceId, { ...stored, ...tags });
      }),

    untagResource: (resourceId, keys) =>
      call('untagResource', [resourceId, keys], () => {
        const op = 'UntagResource';
        tree.requireManagementCaller(op);
        requireTaggable(op, resourceId);
        const stored = { ...(tree.resourceTags.get(resourceId) ?? {}) };
        for (const key of keys) delete stored[key];
        tree.resourceTags.set(resourceId, stored);
      }),
    createAccount: (request) => call('createAccount', [request], () => lifecycle.create(request)),
    describeCreateAccountStatus: (requestId) =>
      call('describeCreateAccountStatus', [requestId], () => {
        tree.requireManagementCaller('DescribeCreateAccountStatus');
        return lifecycle.describe(requestId);
      }),
    listCreateAccountStatus: (states) =>
      call('listCreateAccountStatus', [states], () => {
        tree.requireManagementCaller('ListCreateAccountStatus');
        return lifecycle.list(states);
      }),
    closeAccount: (accountId) => call('closeAccount', [accountId], () => lifecycle.close(accountId)),
    ...fakePolicyWrites(tree, call),
    describeAccount: (accountId) =>
      call('describeAccount', [accountId], () => {
        tree.requireManagementCaller('DescribeAccount');
        const a = tree.accounts.get(accountId);
        if (!a) throw awsError('DescribeAccount', 'notFound', 'AccountNotFoundException', `You specified an account that doesn't exist.`);
        return { id: a.id, name: a.name, email: a.email, state: a.state };
      }),
    listParents: (childId) =>
      call('listParents', [childId], () => {
        tree.requireManagementCaller('ListParents');
        const parentId = tree.parentOf(childId);
        if (parentId === undefined) throw awsError('ListParents', 'notFound', 'ChildNotFoundException', `We can't find an organizational unit (OU) or AWS account with the ChildId ${childId}.`);
        return [{ id: parentId, type: parentId === tree.root?.id ? ('ROOT' as const) : ('ORGANIZATIONAL_UNIT' as const) }];
      }),
    describeOrganizationalUnit: (ouId) =>
      call('describeOrganizationalUnit', [ouId], () => {
        const ou = tree.requireOu('DescribeOrganizationalUnit', ouId);
        return { id: ou.id, name: ou.name };
      }),
    listPoliciesForTarget: (targetId, policyType) =>
      call('listPoliciesForTarget', [targetId, policyType], () => {
        tree.requireManagementCaller('ListPoliciesForTarget');
        if (!tree.targetExists(targetId)) throw awsError('ListPoliciesForTarget', 'notFound', 'TargetNotFoundException', `We can't find a root, OU, account, or email with the TargetId ${targetId}.`);
        const all = [...tree.managedPolicies(), ...tree.policies.values()].filter((p) => p.type === policyType);
        return all.filter((p) => tree.targetsOfPolicy(p.id)?.includes(targetId)).map((p) => ({ ...p }));
      }),
  };

  function requireTaggable(op: string, resourceId: string): void {
    if (!tree.targetExists(resourceId) && !tree.policies.has(resourceId)) throw awsError(op, 'notFound', 'TargetNotFoundException', `We can't find a resource with the ResourceId ${resourceId}.`);
  }
}

/** AWS: at most 50 tags per root, OU, account or policy (ConstraintViolationException MAX_TAG_LIMIT_EXCEEDED). */
function checkTagCount(op: string, stored: Readonly<Record<string, string>>, added: Readonly<Record<string, string>>): void {
  if (new Set([...Object.keys(stored), ...Object.keys(added)]).size > 50) {
    throw awsError(op, 'constraint', 'ConstraintViolationException', 'You have exceeded the allowed number of tags for a resource. (MAX_TAG_LIMIT_EXCEEDED)');
  }
}
