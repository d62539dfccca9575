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

export interface FakeIamUser {
  readonly mfaDevices: MfaDevice[];
  readonly accessKeys: AccessKeyMetadata[];
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

  addUser(name: string, user: Partial<FakeIamUser> = {}): void {
    this.users.set(name, { mfaDevices: [...(user.mfaDevices ?? [])], accessKeys: [...(user.accessKeys ?? [])] });
  }

  addIdentityCenterInstance(region: string, ownerAccountId = '111111111111'): IdentityCenterInstance {
    const instance: IdentityCenterInstance = { instanceArn: `arn:aws:sso:::instance/ssoins-${region.replace(/\W/g, '')}0000000000`, ownerAccountId, status: 'ACTIVE', identityStoreId: `d-${region.replace(/\W/g, '')}00` };
    this.identityCenter.set(region, [...(this.identityCenter.get(region) ?? []), instance]);
    return instance;
  }
}
