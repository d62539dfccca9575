// The IAM side of FakeAwsPort (the root-credential audit): answered from FakeSecurity, with the
// refusals AWS gives (NoSuchEntity, ListOrganizationsFeatures outside an all-features organization).

import type { IamPort } from '../../../src/aws/port.js';
import type { AccessKeyMetadata, MfaDevice } from '../../../src/model/security.js';
import type { FakeSecurity } from '../fake-security.js';
import type { FakeCaller } from './calls.js';
import { awsError } from './errors.js';
import type { FakeOrgTree } from './org-tree.js';

export function fakeIam(tree: FakeOrgTree, security: FakeSecurity, call: FakeCaller<IamPort>): IamPort {
  const requireUser = (op: string, userName: string): { mfaDevices: MfaDevice[]; accessKeys: AccessKeyMetadata[] } => {
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
  };
}
