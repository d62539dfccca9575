// The emulator's state as a JSON file: load it with `orgctl emulator --state file`, write it with
// `--save file`, GET /_emulator/snapshot or Emulator.snapshot(). Field names are camelCase, except the
// budget parts, which are AWS's own wire shapes (Budget, Notification, Subscriber) so they can be
// copied from `aws budgets describe-budget` output.

import type { SnapshotPermissionSet } from './snapshot-permission-sets.js';
import type { JsonObject } from './json.js';
import type { AccountState, FeatureSet, JoinedMethod, PolicyType } from './organizations/model.js';

export const SNAPSHOT_FORMAT_VERSION = 1;

export type SnapshotTags = Readonly<Record<string, string>>;

export interface EmulatorQuotas {
  /** Accounts per organization, closed ones included. AWS's default is 10; raise it as AWS Support would. */
  readonly maxAccounts: number;
  /** OUs per organization (AWS: 2,000). */
  readonly maxOrganizationalUnits: number;
  /** Budgets per account (AWS: 20,000). */
  readonly maxBudgetsPerAccount: number;
}

export interface EmulatorSnapshot {
  readonly formatVersion: 1;
  /** The account callers act as unless their access key names another. Default: the management account, else 123456789012. */
  readonly accountId?: string;
  /** Name and email of that account, used when it creates an organization. */
  readonly accountName?: string;
  readonly accountEmail?: string;
  /** null or absent: a standalone account, not in an organization. */
  readonly organization?: SnapshotOrganization | null;
  readonly budgets?: readonly SnapshotBudget[];
  readonly quotas?: Partial<EmulatorQuotas>;
  /** Root users, IAM users and centralized root access (the root-credential audit's world). */
  readonly iam?: SnapshotIam;
  readonly alternateContacts?: readonly SnapshotAlternateContact[];
  readonly identityCenterInstances?: readonly SnapshotIdentityCenterInstance[];
  /** Permission sets of those instances (snapshot-permission-sets.ts). */
  readonly identityCenterPermissionSets?: readonly SnapshotPermissionSet[];
}

export interface SnapshotRootUser {
  /** Each default: the locked-down root (MFA on, a password, no access keys, no certificates). */
  readonly mfaEnabled?: boolean;
  readonly passwordPresent?: boolean;
  readonly accessKeysPresent?: boolean;
  readonly signingCertificatesPresent?: boolean;
}

export interface SnapshotIam {
  /** Root user flags by account ID; an account not listed has the locked-down defaults. */
  readonly rootUsers?: Readonly<Record<string, SnapshotRootUser>>;
  readonly users?: readonly SnapshotIamUser[];
  /** Trusted access for IAM in Organizations. Default: true when organizationsFeatures lists any, else false. */
  readonly trustedAccess?: boolean;
  /** Centralized root access: RootCredentialsManagement, RootSessions. Default none. */
  readonly organizationsFeatures?: readonly ('RootCredentialsManagement' | 'RootSessions')[];
}

export interface SnapshotIamUser {
  /** The account the user is in (12 digits). */
  readonly accountId: string;
  readonly userName: string;
  /** Epoch seconds. Default: load time. */
  readonly createDate?: number;
  readonly mfaDevices?: readonly { readonly serialNumber: string; /** Epoch seconds. */ readonly enableDate?: number }[];
  readonly accessKeys?: readonly {
    readonly accessKeyId: string;
    /** Default Active. */
    readonly status?: 'Active' | 'Inactive';
    /** Epoch seconds. Default: load time. */
    readonly createDate?: number;
  }[];
  /** Tag key → value. Default none. */
  readonly tags?: Readonly<Record<string, string>>;
  /** ARNs of attached AWS managed policies. Default none. */
  readonly attachedPolicies?: readonly string[];
}

export interface SnapshotAlternateContact {
  readonly accountId: string;
  readonly type: 'BILLING' | 'OPERATIONS' | 'SECURITY';
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
}

export interface SnapshotIdentityCenterInstance {
  /** The account that owns it (the management account for an organization instance). */
  readonly ownerAccountId: string;
  /** Its home region, e.g. eu-west-1: ListInstances finds it only there. */
  readonly region: string;
  /** Default arn:aws:sso:::instance/ssoins-<16 hex> derived from owner and region. */
  readonly instanceArn?: string;
  /** Default d-<10 hex>. */
  readonly identityStoreId?: string;
  readonly name?: string;
  /** Default ACTIVE. */
  readonly status?: 'CREATE_IN_PROGRESS' | 'CREATE_FAILED' | 'DELETE_IN_PROGRESS' | 'ACTIVE';
  /** Epoch seconds. Default: load time. */
  readonly createdDate?: number;
  /** Groups of the instance's identity store (Identity Center's own directory). Default none. */
  readonly groups?: readonly { readonly groupId: string; readonly displayName: string; readonly description?: string }[];
  /** Users of the identity store. Default none. */
  readonly users?: readonly { readonly userId: string; readonly userName: string }[];
}

export interface SnapshotOrganization {
  /** o- followed by 10–32 lowercase letters or digits. */
  readonly id: string;
  /** Default ALL. */
  readonly featureSet?: FeatureSet;
  /** Must be one of `accounts`. */
  readonly managementAccountId: string;
  readonly root: SnapshotRoot;
  /** In any order; each parentId is the root or another OU. */
  readonly organizationalUnits?: readonly SnapshotOu[];
  readonly accounts: readonly SnapshotAccount[];
  /** Customer-managed policies (the AWS-managed FullAWSAccess and RCPFullAWSAccess always exist). */
  readonly policies?: readonly SnapshotPolicy[];
  /**
   * Policy IDs attached to a root, OU or account. A target not listed has the defaults: the AWS-managed
   * policy of each enabled type (p-FullAWSAccess where SCPs are enabled).
   */
  readonly policyAttachments?: Readonly<Record<string, readonly string[]>>;
  readonly createAccountRequests?: readonly SnapshotCreateAccountRequest[];
  /** Service principals with trusted access (EnableAWSServiceAccess), e.g. sso.amazonaws.com. */
  readonly trustedServices?: readonly string[];
  /** Delegated administrators: account ID (one of `accounts`) → the service principals it administers. */
  readonly delegatedAdministrators?: Readonly<Record<string, readonly string[]>>;
}

export interface SnapshotRoot {
  /** r- followed by 4–32 lowercase letters or digits. */
  readonly id: string;
  /** Default "Root". */
  readonly name?: string;
  /** Enabled policy types. Default: [SERVICE_CONTROL_POLICY] when featureSet is ALL. */
  readonly policyTypes?: readonly PolicyType[];
  readonly tags?: SnapshotTags;
}

export interface SnapshotOu {
  /** ou-<root ID without "r-">-<8–32 lowercase letters or digits>. */
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
  readonly tags?: SnapshotTags;
}

export interface SnapshotAccount {
  /** 12 digits. */
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly parentId: string;
  /** Default ACTIVE. */
  readonly state?: AccountState;
  /** Default CREATED (INVITED for the management account). */
  readonly joinedMethod?: JoinedMethod;
  /** Epoch seconds. Default: load time. */
  readonly joinedTimestamp?: number;
  readonly tags?: SnapshotTags;
}

export interface SnapshotPolicy {
  /** p- followed by 8–128 letters, digits or underscores. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly type: PolicyType;
  /** The policy document, as a JSON string. */
  readonly content: string;
  readonly tags?: SnapshotTags;
}

export interface SnapshotCreateAccountRequest {
  /** car- followed by 8–32 lowercase letters or digits. */
  readonly id: string;
  readonly accountName: string;
  readonly email: string;
  readonly accountId: string;
  /** IN_PROGRESS requests complete createAccountDelayMs after loading. */
  readonly state: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  /** Epoch seconds. */
  readonly requestedTimestamp: number;
  readonly failureReason?: string;
}

export interface SnapshotBudget {
  /** The account that owns the budget (12 digits). */
  readonly accountId: string;
  /** AWS's Budget shape: BudgetName, BudgetType, TimeUnit, BudgetLimit{Amount, Unit}, ... */
  readonly budget: JsonObject;
  /** AWS's NotificationWithSubscribers shape: { Notification, Subscribers }. */
  readonly notifications?: readonly JsonObject[];
  readonly tags?: SnapshotTags;
}

/** An organization-free, budget-free snapshot. */
export function emptySnapshot(): EmulatorSnapshot {
  return { formatVersion: SNAPSHOT_FORMAT_VERSION, organization: null, budgets: [] };
}
