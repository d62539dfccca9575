// The desired organization: org.yaml after schema validation, defaults and normalization.
// Plain data, no behaviour; built by src/config, read by the planner.

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
  /** 12-digit account ID. */
  readonly id: string;
  /** Informational; the plan warns when it differs from the live name. */
  readonly name?: string;
  readonly at?: SourcePosition;
  /** Absent: the account keeps its tags as they are (see DesiredTags). */
  readonly tags?: DesiredTags;
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
}

export interface DesiredOrg {
  readonly managementAccountId: string;
  readonly featureSet: FeatureSet;
  readonly root: DesiredNode;
  readonly budgets: readonly DesiredBudget[];
  readonly options: DesiredOptions;
  /** org.yaml's `security:` section; absent when the file has none (the root-user checks still run). */
  readonly security?: DesiredSecurity;
}

/** required: the audit fails without an instance. optional: a missing instance is a recommendation. */
export type IdentityCenterExpectation = 'required' | 'optional';

export interface DesiredBreakGlassUser {
  /** IAM user name in the management account. */
  readonly name: string;
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
}
