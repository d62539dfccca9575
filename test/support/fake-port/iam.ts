// The IAM side of FakeAwsPort (the root-credential audit): answered from FakeSecurity, with the
// refusals AWS gives (NoSuchEntity, ListOrganizationsFeatures outside an all-features organization).

import type { IamPort } from '../../../src/aws/port.js';
import type { FakeIamUser, FakeSecurity } from '../fake-security.js';
import type { FakeCaller } from './calls.js';
import { awsError } from './errors.js';
import type { FakeOrgTree } from './org-tree.js';

export function fakeIam(tree: FakeOrgTree, security: FakeSecurity, call: FakeCaller<IamPort>): IamPort {
  const requireUser = (op: string, userName: string): FakeIamUser => {
    const user = security.users.get(userName);
    if (!user) throw awsError(op, 'notFound', 'NoSuchEntity', `The user with name ${userName} cannot be found.`);
    return user;
  };
  return {
    getRootCredentialSummary: () => call('getRootCredentialSummary', [], () => ({ ...security.root })),

    listOrganizationsFeatures: () =>
      call('listOrganizationsFeatures', [], () => {
        const op = 'ListOrganizationsFeatures';
        const organization = tree.organization;
        if (!organization) throw awsError(op, 'notFound', 'OrganizationNotFoundException', 'The request failed because your account is not a member of an organization.');
        if (organization.managementAccountId !== tree.callerAccountId) {
          throw awsError(op, 'other', 'AccountNotManagementOrDelegatedAdministratorException', 'The request was rejected because the account is not the management account or delegated administrator.');
        }
        if (organization.featureSet !== 'ALL') throw awsError(op, 'other', 'OrganizationNotInAllFeaturesModeException', 'The organization does not have all features enabled.');
        if (!security.trustedAccessForIam) throw awsError(op, 'other', 'ServiceAccessNotEnabledException', 'Trusted access is not enabled for IAM in AWS Organizations.');
        return { organizationId: organization.id, enabledFeatures: [...security.features] };
      }),

    listMfaDevices: (userName) => call('listMfaDevices', [userName], () => requireUser('ListMFADevices', userName).mfaDevices.map((d) => ({ ...d }))),

    listAccessKeys: (userName) => call('listAccessKeys', [userName], () => requireUser('ListAccessKeys', userName).accessKeys.map((k) => ({ ...k }))),

    getIamUser: (userName) =>
      call('getIamUser', [userName], () => {
        const user = requireUser('GetUser', userName);
        return { userName, arn: `arn:aws:iam::${tree.callerAccountId}:user/${userName}`, tags: { ...user.tags } };
      }),

    createIamUser: (userName, tags) =>
      call('createIamUser', [userName, tags], () => {
        if (security.users.has(userName)) throw awsError('CreateUser', 'alreadyExists', 'EntityAlreadyExists', `User with name ${userName} already exists.`);
        security.addUser(userName, { tags: { ...tags } });
      }),

    attachUserPolicy: (userName, policyArn) =>
      call('attachUserPolicy', [userName, policyArn], () => {
        const user = requireUser('AttachUserPolicy', userName);
        if (!user.attachedPolicies.includes(policyArn)) user.attachedPolicies.push(policyArn);
      }),

    listAttachedUserPolicies: (userName) => call('listAttachedUserPolicies', [userName], () => [...requireUser('ListAttachedUserPolicies', userName).attachedPolicies]),
  };
}
