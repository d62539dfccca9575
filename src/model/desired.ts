// The desired organization: org.yaml after schema validation, defaults and normalization.
// Plain data, no behaviour; built by src/config, read by the planner.

import type { CustomerManagedPolicyRef, PermissionsBoundary } from './permission-sets.js';

/** Where a value came from in org.yaml, for diagnostics. 1-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export type FeatureSet = 'ALL' | 'CONSOLIDATED_BILLING';
export type TimeUnit = 'DAILY' | 'MONTHLY' | 'QUARTERLY' | 'ANNUALLY';
export type NotificationType = 'ACTUAL' | 'FORECASTED';
export type ThresholdType = 'PERCENTAGE' | 'ABSOLUTE_VALUE';
export type ComparisonOperator = 'GREATER_THAN' | 'LESS_THAN' | 'EQUAL_TO';
export type SubscriptionType = 'EMAIL' | 'SNS';
export type UnlistedAccountsPolicy = 'ignore' | 'error';

export interface DesiredAccount {
  /** 12-digit account ID; absent for an account identified by its email (created when no account has it). */
  readonly id?: string;
  /** The account's name; the plan renames the account when AWS has another. */
  readonly name?: string;
  /** The root email: the identity of an account without `id`; checked against AWS when `id` is given. */
  readonly email?: string;
  /** true: orgctl closes the account (never by leaving it out of org.yaml). */
  readonly closed?: boolean;
  /** Settings used only when orgctl creates the account (AWS cannot change or read back most of them). */
  readonly creation?: AccountCreationSettings;
  readonly at?: SourcePosition;
  /**
   * Absent: the account keeps its tags as they are (see DesiredTags). An account the plan creates gets
   * them in its CreateAccount call; an existing one has exactly these afterwards (the tags kind).
   */
  readonly tags?: DesiredTags;
  /** Policies attached directly to the account; absent: its attachments are left alone. */
  readonly policies?: readonly DesiredPolicyAttachment[];
  /** Its alternate contacts, by type, over security.alternateContacts when security.memberAlternateContacts is on (members only). */
  readonly alternateContacts?: readonly DesiredAlternateContact[];
}

/** CreateAccount's optional settings, as org.yaml gives them (the account's tags are its `tags`). */
export interface AccountCreationSettings {
  readonly iamUserAccessToBilling?: 'ALLOW' | 'DENY';
  readonly roleName?: string;
}

/** One tag as declared, with where its key is written. */
export interface DesiredTag {
  readonly key: string;
  readonly value: string;
  readonly at?: SourcePosition;
}

/**
 * A `tags:` mapping: the resource has exactly these tags, but for keys starting with `aws:` and
 * orgctl's own `managed-by` tag, which are never touched. In org.yaml order.
 */
export interface DesiredTags {
  readonly entries: readonly DesiredTag[];
  /** Where `tags:` is written. */
  readonly at?: SourcePosition;
}

/** The root and every OU share this shape. */
export interface DesiredNode {
  readonly accounts: readonly DesiredAccount[];
  readonly organizationalUnits: readonly DesiredOu[];
  /** Absent: the root or OU keeps its tags as they are. */
  readonly tags?: DesiredTags;
  /** Policies attached directly to this node; absent: its attachments are left alone. */
  readonly policies?: readonly DesiredPolicyAttachment[];
}

export interface DesiredOu extends DesiredNode {
  readonly name: string;
  /** Canonical path from the root, e.g. "/Workloads/Prod" (see model/paths.ts). */
  readonly path: string;
  /** Previous name of this OU under the same parent: the plan renames instead of create + delete. */
  readonly renamedFrom?: string;
  readonly at?: SourcePosition;
}

/** The four fields that identify a notification (Budgets has no notification IDs). */
export interface NotificationKey {
  readonly type: NotificationType;
  readonly comparison: ComparisonOperator;
  readonly threshold: number;
  readonly thresholdType: ThresholdType;
}

export interface Subscriber {
  readonly type: SubscriptionType;
  readonly address: string;
}

export interface DesiredNotification extends NotificationKey {
  /** Email and SNS subscribers, in org.yaml order. */
  readonly subscribers: readonly Subscriber[];
  readonly at?: SourcePosition;
}

export interface DesiredBudget {
  readonly name: string;
  readonly amount: number;
  readonly unit: string;
  readonly timeUnit: TimeUnit;
  readonly notifications: readonly DesiredNotification[];
  readonly at?: SourcePosition;
  /** Absent: the budget keeps its tags as they are. */
  readonly tags?: DesiredTags;
}

export interface DesiredOptions {
  readonly pruneOrganizationalUnits: boolean;
  readonly pruneBudgets: boolean;
  readonly unlistedAccounts: UnlistedAccountsPolicy;
  /** The OU path closed accounts are moved to; absent: they stay where org.yaml places them. */
  readonly closedAccountsOu?: string;
  /** Detach and delete policies orgctl created (tagged managed-by=orgctl) that org.yaml no longer declares. Absent: false. */
  readonly prunePolicies?: boolean;
  /** What to do with attachments of policies org.yaml does not know, on nodes with `policies:`. Absent: ignore. */
  readonly unlistedPolicyAttachments?: UnlistedPolicyAttachments;
  /** true: disable trusted access for services `organization.trustedServices` does not list. Absent: false. */
  readonly pruneTrustedServices?: boolean;
  /** true: deregister delegated administrators of services `organization.delegatedAdministrators` does not list. Absent: false. */
  readonly pruneDelegatedAdministrators?: boolean;
}

export interface DesiredOrg {
  readonly managementAccountId: string;
  readonly featureSet: FeatureSet;
  readonly root: DesiredNode;
  readonly budgets: readonly DesiredBudget[];
  readonly options: DesiredOptions;
  /** org.yaml's `security:` section; absent when the file has none (the root-user checks still run). */
  readonly security?: DesiredSecurity;
  /** org.yaml's `policies:` (organization policies by name); absent or empty when it declares none. */
  readonly policies?: readonly DesiredPolicy[];
  /** `organization.trustedServices`: the exact set of services with trusted access; absent: not managed. */
  readonly trustedServices?: readonly DesiredTrustedService[];
  /** `organization.delegatedAdministrators`, one entry per service principal; absent: not managed. */
  readonly delegatedAdministrators?: readonly DesiredDelegatedAdministrators[];
  /** org.yaml's `identityCenter:` section; absent when the file has none (nothing is read from Identity Center). */
  readonly identityCenter?: DesiredIdentityCenter;
}

/** A service principal with trusted access, e.g. "sso.amazonaws.com". */
export interface DesiredTrustedService {
  readonly principal: string;
  readonly at?: SourcePosition;
}

/** The accounts that are delegated administrators of one service: exactly these, when the service is listed. */
export interface DesiredDelegatedAdministrators {
  readonly principal: string;
  /** In org.yaml order, each once. */
  readonly accountIds: readonly string[];
  readonly at?: SourcePosition;
}

/** required: the audit fails without an instance. optional: a missing instance is a recommendation. */
export type IdentityCenterExpectation = 'required' | 'optional';

export interface DesiredBreakGlassUser {
  /** IAM user name in the management account. */
  readonly name: string;
  /** true: orgctl creates the IAM user (no password, no access keys) with AdministratorAccess when it does not exist. */
  readonly create?: true;
  readonly at?: SourcePosition;
}

/** An alternate contact as declared: fields left out are not compared (and kept as AWS has them). */
export interface DesiredAlternateContact {
  readonly type: 'SECURITY' | 'BILLING' | 'OPERATIONS';
  readonly email: string;
  readonly name?: string;
  readonly title?: string;
  readonly phone?: string;
  readonly at?: SourcePosition;
}

export interface DesiredSecurity {
  readonly breakGlassUsers: readonly DesiredBreakGlassUser[];
  readonly identityCenter: IdentityCenterExpectation;
  /** Where `identityCenter` is written, when it is. */
  readonly identityCenterAt?: SourcePosition;
  /** Where IAM Identity Center lives; absent: AWS_REGION. */
  readonly identityCenterRegion?: string;
  /** SECURITY, BILLING, OPERATIONS, in that order, only those declared. */
  readonly alternateContacts: readonly DesiredAlternateContact[];
  readonly at?: SourcePosition;
  /** true: alternateContacts also apply to every ACTIVE member account org.yaml lists (each entry's own contacts override them by type). */
  readonly memberAlternateContacts?: boolean;
}

/** A permission set as declared (src/kinds/identity-center/normalize.ts). */
export interface DesiredPermissionSet {
  readonly name: string;
  /** Absent: the permission set has no description. */
  readonly description?: string;
  /** ISO 8601 as written (AWS's default PT1H when left out); the rules check its form and range. */
  readonly sessionDuration: string;
  readonly sessionDurationAt?: SourcePosition;
  /** AWS managed policy ARNs, in org.yaml order. */
  readonly managedPolicies: readonly string[];
  readonly at?: SourcePosition;
  /** Customer managed policy references, path "/" unless written; absent: none. */
  readonly customerManagedPolicies?: readonly CustomerManagedPolicyRef[];
  /** `inlinePolicy:` as written: a JSON file relative to org.yaml; absent: no inline policy. */
  readonly inlinePolicyFile?: string;
  readonly inlinePolicyFileAt?: SourcePosition;
  /** The inline policy file's JSON value, filled in by the config loader (src/config/load-org-file.ts). */
  readonly inlinePolicy?: unknown;
  /** Absent: none. */
  readonly permissionsBoundary?: PermissionsBoundary;
  /** `tags:`; absent: the set's tags are left as they are. */
  readonly tags?: Readonly<Record<string, string>>;
}

export type PrincipalType = 'GROUP' | 'USER';

/** A value of org.yaml with where it was written, for the rules' diagnostics. */
export interface Placed<T> {
  readonly value: T;
  readonly at?: SourcePosition;
}

/** One assignment entry: a principal gets a permission set on accounts and on the accounts under OUs. */
export interface DesiredAssignment {
  /** Undefined when the entry names neither a group nor a user, or both (a rule reports it). */
  readonly principal?: { readonly type: PrincipalType; readonly name: string };
  readonly permissionSet: Placed<string>;
  readonly accounts: readonly Placed<string>[];
  /** Canonical OU paths of org.yaml's tree ("/Workloads"); expanded to accounts at plan time. */
  readonly organizationalUnits: readonly Placed<string>[];
  readonly at?: SourcePosition;
}

/** A group `identityCenter.groups` declares. */
export interface DesiredIdentityStoreGroup {
  readonly name: string;
  readonly description?: string;
  readonly at?: SourcePosition;
}

export interface DesiredIdentityCenter {
  /** Where the instance lives; absent: security.identityCenterRegion, else AWS_REGION. */
  readonly region?: string;
  /** In org.yaml order. */
  readonly permissionSets: readonly DesiredPermissionSet[];
  readonly assignments: readonly DesiredAssignment[];
  /** identityCenter.groups: groups of Identity Center's own directory that orgctl creates when missing. In org.yaml order. */
  readonly groups?: readonly DesiredIdentityStoreGroup[];
  /** options.prunePermissionSets */
  readonly prunePermissionSets: boolean;
  /** options.pruneAssignments */
  readonly pruneAssignments: boolean;
  readonly at?: SourcePosition;
}

/** AWS Organizations policy types (every one org.yaml may declare). */
export const POLICY_TYPES = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'TAG_POLICY',
  'BACKUP_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'CHATBOT_POLICY',
  'DECLARATIVE_POLICY_EC2',
  'SECURITYHUB_POLICY',
  'INSPECTOR_POLICY',
  'UPGRADE_ROLLOUT_POLICY',
  'BEDROCK_POLICY',
  'S3_POLICY',
  'NETWORK_SECURITY_DIRECTOR_POLICY',
  'GUARDDUTY_POLICY',
  'SECURITYHUB_CSPM_POLICY',
] as const;
export type OrgPolicyType = (typeof POLICY_TYPES)[number];

export type UnlistedPolicyAttachments = 'ignore' | 'error' | 'detach';

/** A JSON value as parsed from a policy file or written inline. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A policy org.yaml declares (top-level `policies:`), keyed by its name in AWS. */
export interface DesiredPolicy {
  readonly name: string;
  readonly type: OrgPolicyType;
  readonly description: string;
  /**
   * The policy document: inline, or read from `file` by the config loader (src/config/load-org-file.ts).
   * Absent only when org.yaml was parsed without its policy files (parseOrgYaml alone).
   */
  readonly document?: JsonValue;
  /** `file:` as written (relative to org.yaml), when the document lives in a file. */
  readonly file?: string;
  /** Where `file:` is written in org.yaml. */
  readonly fileAt?: SourcePosition;
  readonly at?: SourcePosition;
  /** `tags:`: the policy has exactly these (the tags kind); absent: its tags are left alone. */
  readonly tags?: DesiredTags;
}

/** One name in a node's `policies:` list: a declared policy or an AWS-managed one. */
export interface DesiredPolicyAttachment {
  readonly name: string;
  readonly at?: SourcePosition;
}
