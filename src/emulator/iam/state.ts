// IAM as the emulator holds it, per account: the root user's credential flags (what GetAccountSummary
// reports), IAM users with their MFA devices and access keys, and virtual MFA devices. Plus the
// organization-level switches behind ListOrganizationsFeatures (centralized root access).

export interface RootUserFlags {
  mfaEnabled: boolean;
  passwordPresent: boolean;
  accessKeysPresent: boolean;
  signingCertificatesPresent: boolean;
}

/** An account whose root user is locked down: MFA on, a password, no access keys, no certificates. */
export const DEFAULT_ROOT_USER: Readonly<RootUserFlags> = { mfaEnabled: true, passwordPresent: true, accessKeysPresent: false, signingCertificatesPresent: false };

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKeyRecord {
  readonly accessKeyId: string;
  status: AccessKeyStatus;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export interface MfaDeviceRecord {
  readonly serialNumber: string;
  /** Epoch milliseconds. */
  readonly enabledAt: number;
}

export interface IamUserRecord {
  readonly userName: string;
  readonly userId: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly mfaDevices: MfaDeviceRecord[];
  readonly accessKeys: AccessKeyRecord[];
  /** Tags given to CreateUser, by key (absent: none). */
  tags?: Record<string, string>;
  /** ARNs of the managed policies attached to the user (absent: none). */
  attachedPolicies?: string[];
}

export interface IamAccount {
  root: RootUserFlags;
  /** Keyed by lower-cased user name: IAM user names are unique without regard to case. */
  readonly users: Map<string, IamUserRecord>;
  /** Virtual MFA devices by serial number, and the user each is enabled for. */
  readonly virtualMfaDevices: Map<string, { userName: string | undefined }>;
}

export type OrganizationsFeature = 'RootCredentialsManagement' | 'RootSessions';
export const ORGANIZATIONS_FEATURES: readonly OrganizationsFeature[] = ['RootCredentialsManagement', 'RootSessions'];

export class IamState {
  private readonly accounts = new Map<string, IamAccount>();
  /** Trusted access for IAM in Organizations (iam.amazonaws.com); centralized root access needs it. */
  trustedAccess = false;
  readonly organizationsFeatures = new Set<OrganizationsFeature>();
  private nextId = 1;

  /** The account's IAM, created with a locked-down root user on first use. */
  account(accountId: string): IamAccount {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = { root: { ...DEFAULT_ROOT_USER }, users: new Map(), virtualMfaDevices: new Map() };
      this.accounts.set(accountId, account);
    }
    return account;
  }

  knownAccounts(): readonly [string, IamAccount][] {
    return [...this.accounts];
  }

  /** Deterministic IDs of AWS's shape: a 4-letter prefix and 16 (keys) or 17 (users) capitals and digits. */
  newId(prefix: 'AIDA' | 'AKIA', length: number): string {
    const n = this.nextId++;
    return `${prefix}${n.toString(36).toUpperCase().padStart(length, '0')}`;
  }
}
