// The live organization as read from AWS Organizations and AWS Budgets, in our own types.
// Built by src/reader through the port; never persisted by orgctl.

import type { LiveIdentityCenterPermissionSets } from './permission-sets.js';
import type { FeatureSet, NotificationKey, OrgPolicyType, Subscriber } from './desired.js';
import type { TagTarget } from './refs.js';
import type { AlternateContactSpec, AlternateContactType } from './security.js';

export type AccountState = 'PENDING_ACTIVATION' | 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE' | 'CLOSED';

export interface LiveOrganization {
  readonly id: string;
  readonly arn: string;
  readonly featureSet: FeatureSet;
  readonly managementAccountId: string;
  readonly managementAccountEmail: string;
}

export interface LiveRoot {
  readonly id: string;
  readonly name: string;
  /** ListRoots' PolicyTypes: the policy types enabled (or being enabled) on the root, when AWS says. */
  readonly policyTypes?: readonly { readonly type: string; readonly status: string }[];
}

export interface LiveOu {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
}

export interface LiveAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** `State`, falling back to the retiring `Status`. */
  readonly state: AccountState;
  readonly parentId: string;
}

export interface LiveNotification extends NotificationKey {
  readonly subscribers: readonly Subscriber[];
}

export interface LiveBudget {
  readonly name: string;
  /** COST, USAGE, RI_UTILIZATION, ... orgctl only declares COST budgets. */
  readonly budgetType: string;
  /** BudgetLimit.Amount as a number; null for budgets without a fixed limit (planned or auto-adjusted). */
  readonly amount: number | null;
  readonly unit: string;
  readonly timeUnit: string;
  readonly notifications: readonly LiveNotification[];
  /** Tags, when they were read (only for budgets the plan may delete; see reader). */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface LiveOrg {
  /** The account whose credentials made the calls. */
  readonly callerAccountId: string;
  /** null: the caller's account is not in an organization. */
  readonly organization: LiveOrganization | null;
  readonly root: LiveRoot | null;
  readonly ous: readonly LiveOu[];
  readonly accounts: readonly LiveAccount[];
  /** Budgets of the management account. */
  readonly budgets: readonly LiveBudget[];
  /** Alternate contacts of the management account: read only when org.yaml declares some, one entry per declared type. */
  readonly alternateContacts?: readonly LiveAlternateContact[];
  /** Tags of the resources whose `tags:` org.yaml declares (all of them for import with --include-tags). */
  readonly resourceTags?: readonly LiveResourceTags[];
  /** Organization policies: read by the policies kind only when org.yaml uses policies (or by import). */
  readonly policies?: LivePolicies;
  /** Service principals with trusted access (ListAWSServiceAccessForOrganization): read only when org.yaml manages them. */
  readonly trustedServices?: readonly string[];
  /** Every (service, account) delegation (ListDelegatedAdministrators, ListDelegatedServicesForAccount): read only when org.yaml manages them. */
  readonly delegatedAdministrators?: readonly LiveDelegatedAdministrator[];
  /** The break-glass users org.yaml asks orgctl to create (`create: true`): read only when it asks for any. */
  readonly breakGlassUsers?: readonly LiveBreakGlassUser[];
  /** IAM Identity Center's instance and permission sets: read only when org.yaml has `identityCenter:` (or by import). */
  readonly identityCenterPermissionSets?: LiveIdentityCenterPermissionSets;
  /** Identity Center instance, permission set names, declared principals and their assignments: read only when org.yaml has `identityCenter:`. */
  readonly identityCenterAccess?: LiveIdentityCenterAccess;
  /** Alternate contacts of member accounts (GetAlternateContact with AccountId): read only for the members and types org.yaml gives contacts. */
  readonly memberAlternateContacts?: readonly LiveMemberAlternateContact[];
}

/** One member account's alternate contact of one type, as read. */
export interface LiveMemberAlternateContact extends LiveAlternateContact {
  readonly accountId: string;
}

/** One account registered as a delegated administrator of one service. */
export interface LiveDelegatedAdministrator {
  readonly principal: string;
  readonly accountId: string;
}

/** One resource's tags as read. */
export interface LiveResourceTags {
  readonly target: TagTarget;
  /** Every tag, `aws:` and `managed-by` included; null: the resource does not exist (yet). */
  readonly tags: Readonly<Record<string, string>> | null;
}

export interface LiveAlternateContact {
  readonly type: AlternateContactType;
  /** null: not set in AWS (or not readable, see readError). */
  readonly contact: AlternateContactSpec | null;
  /** Why it could not be read (the plan cannot set what it cannot compare). */
  readonly readError?: string;
}

/** Tag orgctl puts on the budgets it creates, so `pruneBudgets` deletes only those. */
export const MANAGED_BUDGET_TAG = { key: 'managed-by', value: 'orgctl' } as const;

/** A policy as read from AWS Organizations. */
export interface LivePolicy {
  readonly id: string;
  readonly name: string;
  readonly type: OrgPolicyType;
  readonly awsManaged: boolean;
  readonly description: string;
  /** The document as AWS stores it; read (DescribePolicy) only for policies org.yaml declares or prune may delete. */
  readonly content?: string;
  /** Tags; read only for customer policies prune may delete (to tell which orgctl created) and those whose `tags:` org.yaml declares. */
  readonly tags?: Readonly<Record<string, string>>;
  /** IDs of the roots, OUs and accounts it is attached to directly. */
  readonly targets: readonly string[];
}

export interface LivePolicies {
  /** Policy types enabled on the root (status ENABLED or PENDING_ENABLE). */
  readonly enabledTypes: readonly OrgPolicyType[];
  /** The types whose policies were listed: every policy of these types is in `policies`. */
  readonly readTypes: readonly OrgPolicyType[];
  readonly policies: readonly LivePolicy[];
}

/** Tag orgctl puts on the policies it creates, so `prunePolicies` deletes only those. */
export const MANAGED_POLICY_TAG = { key: 'managed-by', value: 'orgctl' } as const;

/** One break-glass user org.yaml asks orgctl to create, as IAM has it (src/kinds/break-glass/read.ts). */
export interface LiveBreakGlassUser {
  readonly name: string;
  /** null: no such IAM user (or it could not be read: readError). */
  readonly user: {
    readonly tags: Readonly<Record<string, string>>;
    /** The attached managed policies; read only for a user orgctl created (tagged), else undefined. */
    readonly attachedPolicies: readonly string[] | undefined;
  } | null;
  /** Why it could not be read (denied, ...): the plan cannot tell whether to create it. */
  readonly readError?: string;
}

/** One account assignment as read: a principal of the identity store has a permission set on an account. */
export interface LiveAccountAssignment {
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: 'GROUP' | 'USER';
  readonly principalId: string;
}

/** A group or user org.yaml names, as the identity store answered (id null: not there). */
export interface LivePrincipal {
  readonly type: 'GROUP' | 'USER';
  readonly name: string;
  readonly id: string | null;
}

/**
 * IAM Identity Center's side of the access chain (src/kinds/identity-center/assignments/read.ts): read only
 * when org.yaml has an `identityCenter:` section.
 */
export interface LiveIdentityCenterAccess {
  /** The region asked; undefined when neither org.yaml nor AWS_REGION names one (nothing was read). */
  readonly region: string | undefined;
  /** The organization instance the management account owns there; null: none. */
  readonly instance: { readonly instanceArn: string; readonly identityStoreId: string } | null;
  /** Every permission set of the instance, by name. */
  readonly permissionSets: readonly { readonly name: string; readonly arn: string }[];
  /** The groups and users org.yaml names (assignments and `groups:`), resolved by name. */
  readonly principals: readonly LivePrincipal[];
  /**
   * Whether the identity store is synchronized from an external identity provider (its groups or users carry
   * ExternalIds); read only when a group `groups:` declares is missing (undefined otherwise).
   */
  readonly externalDirectory?: boolean;
  /** Every assignment of the principals found (ListAccountAssignmentsForPrincipal). */
  readonly assignments: readonly LiveAccountAssignment[];
}
