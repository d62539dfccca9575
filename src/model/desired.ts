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
}

/** The root and every OU share this shape. */
export interface DesiredNode {
  readonly accounts: readonly DesiredAccount[];
  readonly organizationalUnits: readonly DesiredOu[];
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
  /** org.yaml's `identityCenter:` section; absent when the file has none (nothing is read from Identity Center). */
  readonly identityCenter?: DesiredIdentityCenter;
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

export interface DesiredIdentityCenter {
  /** Where the instance lives; absent: security.identityCenterRegion, else AWS_REGION. */
  readonly region?: string;
  /** In org.yaml order. */
  readonly permissionSets: readonly DesiredPermissionSet[];
  readonly assignments: readonly DesiredAssignment[];
  /** options.prunePermissionSets */
  readonly prunePermissionSets: boolean;
  /** options.pruneAssignments */
  readonly pruneAssignments: boolean;
  readonly at?: SourcePosition;
}
