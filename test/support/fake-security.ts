// The root-credential side of FakeAwsPort: the caller account's root-user flags, IAM users with MFA
// devices and access keys, centralized root access, Identity Center instances per region and the
// alternate contacts. FakeAwsPort exposes it as `fake.security` and answers the port's audit calls
// from it, with the errors AWS gives (NoSuchEntity, the ListOrganizationsFeatures refusals).
//
//   fake.security.root = { ...fake.security.root, mfaEnabled: false };
//   fake.security.addUser('break-glass', { mfaDevices: [{ serialNumber: 'arn:...', enabledAt: 0 }] });
//   fake.security.trustedAccessForIam = true; fake.security.features = ['RootCredentialsManagement'];
//   fake.security.addIdentityCenterInstance('eu-west-1');
//   fake.security.contacts.set('SECURITY', { type: 'SECURITY', name: 'Sec', title: 'CISO', email: 's@example.com', phone: '+1 555' });

import type {
  AccessKeyMetadata,
  AlternateContactSpec,
  AlternateContactType,
  IdentityCenterInstance,
  MfaDevice,
  OrganizationsFeature,
  RootCredentialSummary,
} from '../../src/model/security.js';
import { FakePermissionSetStore, type FakePermissionSet } from './fake-port/sso-admin-permission-sets.js';

export interface FakeIamUser {
  readonly mfaDevices: MfaDevice[];
  readonly accessKeys: AccessKeyMetadata[];
  /** Tag key → value (CreateUser's tags). */
  readonly tags: Record<string, string>;
  /** ARNs of the attached managed policies. */
  readonly attachedPolicies: string[];
}

/** A locked-down root: MFA on, a password, no access keys, no signing certificates. */
export const SECURE_ROOT: RootCredentialSummary = { mfaEnabled: true, accessKeysPresent: false, signingCertificatesPresent: false, passwordPresent: true };

export class FakeSecurity {
  root: RootCredentialSummary = SECURE_ROOT;
  /** Trusted access for IAM in Organizations; without it ListOrganizationsFeatures answers ServiceAccessNotEnabledException. */
  trustedAccessForIam = false;
  features: OrganizationsFeature[] = [];
  readonly users = new Map<string, FakeIamUser>();
  /** Region → instances visible there. */
  readonly identityCenter = new Map<string, IdentityCenterInstance[]>();
  readonly contacts = new Map<AlternateContactType, AlternateContactSpec>();
  /** Identity Center permission sets and their account assignments: the one store FakeAwsPort's SSO Admin methods read and change. */
  readonly permissionSets = new FakePermissionSetStore();
  /** Member accounts' contacts (GetAlternateContact/PutAlternateContact with AccountId), by account ID. */
  readonly memberContacts = new Map<string, Map<AlternateContactType, AlternateContactSpec>>();

  addUser(name: string, user: Partial<FakeIamUser> = {}): void {
    this.users.set(name, { mfaDevices: [...(user.mfaDevices ?? [])], accessKeys: [...(user.accessKeys ?? [])], tags: { ...user.tags }, attachedPolicies: [...(user.attachedPolicies ?? [])] });
  }

  addIdentityCenterInstance(region: string, ownerAccountId = '111111111111'): IdentityCenterInstance {
    const instance: IdentityCenterInstance = { instanceArn: `arn:aws:sso:::instance/ssoins-${region.replace(/\W/g, '')}0000000000`, ownerAccountId, status: 'ACTIVE', identityStoreId: `d-${region.replace(/\W/g, '')}00` };
    this.identityCenter.set(region, [...(this.identityCenter.get(region) ?? []), instance]);
    return instance;
  }

  /** A permission set of the first instance, assigned to `principalId` (a group) on `accountId` (so provisioned there). */
  addPermissionSet(name: string, policies: { managed?: readonly string[]; inline?: string }, accountId: string, principalId = 'group-1'): FakePermissionSet {
    const instanceArn = [...this.identityCenter.values()].flat()[0]?.instanceArn ?? 'arn:aws:sso:::instance/ssoins-fake';
    const set = this.permissionSets.seed(instanceArn, {
      name,
      managedPolicies: [...(policies.managed ?? [])],
      inlinePolicy: policies.inline,
      provisionedAccountIds: [accountId],
    });
    this.permissionSets.assignments.push({ instanceArn, accountId, permissionSetArn: set.arn, principal: { type: 'GROUP', id: principalId } });
    return set;
  }

}
