// What orgctl reads about the management account's root user, break-glass users, IAM Identity
// Center and alternate contacts, in our own types (the SDK adapter maps AWS's shapes to these).

export const ALTERNATE_CONTACT_TYPES = ['SECURITY', 'BILLING', 'OPERATIONS'] as const;
export type AlternateContactType = (typeof ALTERNATE_CONTACT_TYPES)[number];

/** An alternate contact as AWS stores it: PutAlternateContact needs all four fields. */
export interface AlternateContactSpec {
  readonly type: AlternateContactType;
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
}

/** IAM GetAccountSummary's flags for the root user of the calling account. */
export interface RootCredentialSummary {
  /** AccountMFAEnabled = 1. */
  readonly mfaEnabled: boolean;
  /** AccountAccessKeysPresent = 1. */
  readonly accessKeysPresent: boolean;
  /** AccountSigningCertificatesPresent = 1. */
  readonly signingCertificatesPresent: boolean;
  /** AccountPasswordPresent = 1; undefined when AWS (or an emulator) did not report it. */
  readonly passwordPresent: boolean | undefined;
}

export const ORGANIZATIONS_FEATURES = ['RootCredentialsManagement', 'RootSessions'] as const;
export type OrganizationsFeature = (typeof ORGANIZATIONS_FEATURES)[number];

/** IAM ListOrganizationsFeatures: centralized root access for member accounts. */
export interface OrganizationsFeatures {
  readonly organizationId: string;
  /** Unknown feature names AWS may add later are dropped. */
  readonly enabledFeatures: readonly OrganizationsFeature[];
}

export interface MfaDevice {
  readonly serialNumber: string;
  /** Epoch milliseconds. */
  readonly enabledAt: number;
}

export type AccessKeyStatus = 'Active' | 'Inactive' | 'Expired';

export interface AccessKeyMetadata {
  readonly accessKeyId: string;
  readonly status: AccessKeyStatus;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export type IdentityCenterInstanceStatus = 'CREATE_IN_PROGRESS' | 'CREATE_FAILED' | 'DELETE_IN_PROGRESS' | 'ACTIVE';

/** SSO Admin ListInstances: one IAM Identity Center instance. */
export interface IdentityCenterInstance {
  readonly instanceArn: string;
  readonly ownerAccountId: string;
  /** undefined when AWS did not report a status (older instances, emulators). */
  readonly status: IdentityCenterInstanceStatus | undefined;
  /** The instance's identity store (groups and users); absent when AWS did not say. */
  readonly identityStoreId?: string;
}

/** IAM GetUser: one IAM user of the calling account, with its tags. */
export interface IamUser {
  readonly userName: string;
  readonly arn: string;
  /** Tag key → value (GetUser returns the user's tags). */
  readonly tags: Readonly<Record<string, string>>;
}
