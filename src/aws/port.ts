// The one port through which orgctl talks to AWS. Our types only; the SDK adapter
// (src/aws/sdk/) is the only implementation that imports @aws-sdk/*.
//
// Contract for every implementation:
// - List/Describe methods return every item, following NextToken across empty pages.
// - Failures throw AwsCallError (src/aws/errors.ts) with a classified kind.
// - Throttling and ConcurrentModificationException are retried inside the implementation.

import type { FeatureSet, NotificationKey, Subscriber } from '../model/desired.js';
import type { AccountState, LiveOrganization, LiveRoot } from '../model/live.js';
import type { BudgetLimitSpec, BudgetSpec } from '../model/plan.js';
import type {
  AccessKeyMetadata,
  AlternateContactSpec,
  AlternateContactType,
  IdentityCenterInstance,
  MfaDevice,
  OrganizationsFeatures,
  RootCredentialSummary,
} from '../model/security.js';

export interface OuSummary {
  readonly id: string;
  readonly name: string;
}

export interface AccountSummary {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly state: AccountState;
}

export interface BudgetSummary {
  readonly name: string;
  readonly budgetType: string;
  readonly amount: number | null;
  readonly unit: string;
  readonly timeUnit: string;
}

/** AWS Organizations policy types (ListPolicies' Filter). */
export type PolicyType =
  | 'SERVICE_CONTROL_POLICY'
  | 'RESOURCE_CONTROL_POLICY'
  | 'TAG_POLICY'
  | 'BACKUP_POLICY'
  | 'AISERVICES_OPT_OUT_POLICY'
  | 'CHATBOT_POLICY'
  | 'DECLARATIVE_POLICY_EC2'
  | 'SECURITYHUB_POLICY'
  | 'INSPECTOR_POLICY'
  | 'UPGRADE_ROLLOUT_POLICY'
  | 'BEDROCK_POLICY'
  | 'S3_POLICY'
  | 'NETWORK_SECURITY_DIRECTOR_POLICY'
  | 'GUARDDUTY_POLICY';

export interface PolicySummary {
  readonly id: string;
  readonly name: string;
  readonly type: PolicyType;
  /** true for the policies AWS provides, e.g. FullAWSAccess. */
  readonly awsManaged: boolean;
}

export type PolicyTargetType = 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

export interface PolicyTarget {
  /** Root, OU or account ID. */
  readonly id: string;
  readonly type: PolicyTargetType;
  readonly name: string;
}

export interface BudgetNotifications {
  readonly budgetName: string;
  readonly notifications: readonly NotificationKey[];
}

export interface AwsPort {
  // --- identity and reads ---
  /** STS GetCallerIdentity. */
  getCallerAccountId(): Promise<string>;
  /** null when the caller is not in an organization (AWSOrganizationsNotInUseException). */
  describeOrganization(): Promise<LiveOrganization | null>;
  listRoots(): Promise<readonly LiveRoot[]>;
  listOrganizationalUnitsForParent(parentId: string): Promise<readonly OuSummary[]>;
  listAccountsForParent(parentId: string): Promise<readonly AccountSummary[]>;
  describeBudgets(accountId: string): Promise<readonly BudgetSummary[]>;
  describeBudgetNotificationsForAccount(accountId: string): Promise<readonly BudgetNotifications[]>;
  describeSubscribersForNotification(accountId: string, budgetName: string, notification: NotificationKey): Promise<readonly Subscriber[]>;
  listBudgetTags(accountId: string, budgetName: string): Promise<Readonly<Record<string, string>>>;
  /** Organizations ListPolicies: every policy of one type (summaries, no content). */
  listPolicies(policyType: PolicyType): Promise<readonly PolicySummary[]>;
  /** Organizations ListTargetsForPolicy: the roots, OUs and accounts the policy is directly attached to. */
  listTargetsForPolicy(policyId: string): Promise<readonly PolicyTarget[]>;
  /** Organizations ListTagsForResource: the tags of a root, OU, account or policy. */
  listResourceTags(resourceId: string): Promise<Readonly<Record<string, string>>>;

  // --- writes ---
  createOrganization(featureSet: FeatureSet): Promise<LiveOrganization>;
  createOrganizationalUnit(parentId: string, name: string): Promise<OuSummary>;
  renameOrganizationalUnit(ouId: string, name: string): Promise<void>;
  deleteOrganizationalUnit(ouId: string): Promise<void>;
  moveAccount(accountId: string, sourceParentId: string, destinationParentId: string): Promise<void>;
  /** Creates the budget with its notifications and subscribers, tagged with the given tags. */
  createBudget(accountId: string, budget: BudgetSpec, tags: Readonly<Record<string, string>>): Promise<void>;
  /** Changes the limit and time unit only; notifications are untouched. */
  updateBudget(accountId: string, budget: BudgetLimitSpec): Promise<void>;
  deleteBudget(accountId: string, budgetName: string): Promise<void>;
  createNotification(accountId: string, budgetName: string, notification: NotificationKey, subscribers: readonly Subscriber[]): Promise<void>;
  updateNotification(accountId: string, budgetName: string, oldNotification: NotificationKey, newNotification: NotificationKey): Promise<void>;
  deleteNotification(accountId: string, budgetName: string, notification: NotificationKey): Promise<void>;
  createSubscriber(accountId: string, budgetName: string, notification: NotificationKey, subscriber: Subscriber): Promise<void>;
  deleteSubscriber(accountId: string, budgetName: string, notification: NotificationKey, subscriber: Subscriber): Promise<void>;

  // --- root-credential audit (IAM, Account Management, IAM Identity Center), always as the caller's account ---
  /** IAM GetAccountSummary: the root user's credential flags. */
  getRootCredentialSummary(): Promise<RootCredentialSummary>;
  /** IAM ListOrganizationsFeatures: centralized root access for member accounts. */
  listOrganizationsFeatures(): Promise<OrganizationsFeatures>;
  /** IAM ListMFADevices of one user; notFound (NoSuchEntity) when the user does not exist. */
  listMfaDevices(userName: string): Promise<readonly MfaDevice[]>;
  /** IAM ListAccessKeys of one user; notFound (NoSuchEntity) when the user does not exist. */
  listAccessKeys(userName: string): Promise<readonly AccessKeyMetadata[]>;
  /** SSO Admin ListInstances in `region` (Identity Center is regional). */
  listIdentityCenterInstances(region: string): Promise<readonly IdentityCenterInstance[]>;
  /** Account GetAlternateContact; null when that contact type is not set (ResourceNotFoundException). */
  getAlternateContact(type: AlternateContactType): Promise<AlternateContactSpec | null>;
  /** Account PutAlternateContact: creates or replaces the contact. */
  putAlternateContact(contact: AlternateContactSpec): Promise<void>;
}

/** What an implementation reports about the calls it made (benchmarks, plan footers). */
export interface CallStats {
  /** Requests sent, by operation name (e.g. "ListAccountsForParent"), retries included. */
  readonly calls: Readonly<Record<string, number>>;
  /** Throttling errors received and retried, by operation. */
  readonly throttled: Readonly<Record<string, number>>;
  /** Other retried errors (ConcurrentModification, 5xx, dropped connections), by operation. */
  readonly retried: Readonly<Record<string, number>>;
}
