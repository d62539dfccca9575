// GENERATED from schema/org.schema.json by test/config/written-type-drift.test.ts. Do not edit by hand:
// change the schema, then run `npx vitest run test/config/written-type-drift.test.ts -u`.
// The raw shape of org.yaml as written (before defaults); src/config/normalize.ts turns it into DesiredOrg.

/**
 * An AWS service principal as AWS spells it, like sso.amazonaws.com or securityhub.amazonaws.com.
 */
export type ServicePrincipal = string;
/**
 * The account ID (12 digits in quotes) that administers the service, or a list of them.
 */
export type DelegatedAdministratorAccounts = AccountId | AccountId[];
/**
 * A 12-digit AWS account ID, in quotes (an unquoted number loses its leading zeros).
 */
export type AccountId = string;
/**
 * An account: its 12-digit ID in quotes, or a mapping { id, name } or { name, email } (see namedAccount).
 */
export type AccountEntry = AccountId | NamedAccount;
/**
 * An account as a mapping: `id` (an account that exists) or `email` (identifies it, and creates it when no account has that email), its `name` (orgctl renames the account when AWS has another name), `closed: true` to close it, its `tags`, and the policies attached to it directly.
 */
export type NamedAccount = {
  id?: AccountId;
  /**
   * The account's name: 1 to 50 printable ASCII characters. When AWS has another name, orgctl renames the account (Account Management PutAccountName).
   */
  name?: string;
  /**
   * The account's root email address, unique in AWS. Without `id`, it identifies the account, and orgctl creates the account when none has it. With `id`, it is checked against AWS (a mismatch is a plan error).
   */
  email?: string;
  /**
   * true: orgctl closes the account (CloseAccount). Removing an account from this file never closes it. Default false.
   */
  closed?: boolean;
  tags?: Tags;
  /**
   * Whether IAM users and roles of the new account may see its billing: ALLOW (AWS's default) or DENY. Used only on creation; AWS does not let orgctl read it back.
   */
  iamUserAccessToBilling?: 'ALLOW' | 'DENY';
  /**
   * The IAM role AWS creates in the new account for the management account to assume. Default OrganizationAccountAccessRole. Used only on creation.
   */
  roleName?: string;
  policies?: PolicyList;
  alternateContacts?: MemberAlternateContacts;
};
/**
 * Policies attached directly to this node, by name: policies declared under the top-level `policies:` or AWS-managed ones (FullAWSAccess, RCPFullAWSAccess). With this key, orgctl attaches exactly these (among the policies this file knows); without it, the node's attachments are left alone.
 */
export type PolicyList = string[];
/**
 * Accounts placed directly in this node. Each account is placed exactly once in the whole tree.
 */
export type Accounts = AccountEntry[];
/**
 * An organizational unit. Empty (`{}` or nothing) for an OU with no accounts and no child OUs.
 */
export type OrganizationalUnit = {
  accounts?: Accounts;
  organizationalUnits?: OrganizationalUnits;
  /**
   * The previous name of this OU under the same parent: the plan renames that OU instead of creating a new one and deleting the old.
   */
  renamedFrom?: string;
  policies?: PolicyList;
  tags?: Tags;
} | null;
/**
 * An email address, like billing@example.com.
 */
export type EmailAddress = string;
/**
 * A break-glass IAM user: its name, or a mapping { name, create }.
 */
export type BreakGlassUser = IamUserName | CreatedBreakGlassUser;
/**
 * An IAM user name: 1 to 64 letters, digits or + = , . @ _ -.
 */
export type IamUserName = string;

/**
 * The AWS Organization orgctl keeps in step with this file: the OU tree, where each account is placed, the budgets in the management account, and what its root credentials must look like. Reference: docs/org-yaml.md.
 */
export interface WrittenOrgYaml {
  /**
   * Format version of this file. Always 1; orgctl refuses versions it does not know.
   */
  version: 1;
  organization: Organization;
  root: Root;
  /**
   * Budgets in the management account, with their email and SNS notifications. Default: none.
   */
  budgets?: Budget[];
  options?: Options;
  security?: Security;
  /**
   * Organization policies orgctl manages (service control, resource control, tag, backup and the other AWS Organizations policy types), keyed by the policy's name in AWS. Attach them with `policies:` on the root, OUs and accounts. Default: none.
   */
  policies?: {
    [k: string]: Policy | undefined;
  };
  identityCenter?: IdentityCenter;
}
/**
 * The organization this file describes.
 */
export interface Organization {
  /**
   * The 12-digit ID of the management account, in quotes. orgctl refuses to touch any other organization.
   */
  managementAccountId: string;
  /**
   * Feature set used when orgctl creates the organization: ALL (default) or CONSOLIDATED_BILLING.
   */
  featureSet?: 'ALL' | 'CONSOLIDATED_BILLING';
  /**
   * AWS services with trusted access to the organization, by service principal (e.g. sso.amazonaws.com). When present, exactly these: missing ones are enabled; others are reported, and disabled only with options.pruneTrustedServices. Absent: trusted access is left as it is.
   */
  trustedServices?: ServicePrincipal[];
  /**
   * Delegated administrators by service principal: an account ID, or a list of them. A service listed here has exactly these administrators (others are deregistered); administrators of services not listed are reported, and deregistered only with options.pruneDelegatedAdministrators. Absent: left as they are.
   */
  delegatedAdministrators?: {
    [k: string]: DelegatedAdministratorAccounts | undefined;
  };
}
/**
 * The organization root: the accounts placed directly under it and its top-level OUs.
 */
export interface Root {
  accounts?: Accounts;
  organizationalUnits?: OrganizationalUnits;
  policies?: PolicyList;
  tags?: Tags;
}
/**
 * The resource's tags, key: value. With this key the resource has exactly these tags (tags whose key starts with `aws:` and orgctl's own `managed-by` tag are never touched); without it, its tags are left as they are. Keys 1 to 128 and values 0 to 256 characters of letters, digits, spaces and _ . : / = + - @; at most 50 per root, OU or account, 200 per budget.
 */
export interface Tags {
  [k: string]: string | undefined;
}
/**
 * This member account's alternate contacts, by type: each replaces the contact of that type in security.alternateContacts for this account (when security.memberAlternateContacts is on), or is its only contact of that type. Not for the management account (use security.alternateContacts).
 */
export interface MemberAlternateContacts {
  security?: AlternateContact;
  billing?: AlternateContact;
  operations?: AlternateContact;
}
/**
 * An alternate contact: `email`, and optionally `name`, `title`, `phone`. Fields left out are not compared and keep what AWS has; AWS needs all four to set a contact that is not set yet.
 */
export interface AlternateContact {
  /**
   * Email address, like security@example.com (compared without case).
   */
  email: string;
  /**
   * Name of the person or team, 1 to 64 characters.
   */
  name?: string;
  /**
   * Job title, 1 to 50 characters.
   */
  title?: string;
  /**
   * Phone number, 1 to 25 characters of digits, spaces, ( ) + -, like +1 555 0100.
   */
  phone?: string;
}
/**
 * Child OUs, keyed by OU name (1 to 128 characters, unique among siblings). At most 5 levels of OUs under the root.
 */
export interface OrganizationalUnits {
  [k: string]: OrganizationalUnit | undefined;
}
/**
 * A cost budget in the management account.
 */
export interface Budget {
  /**
   * Budget name, unique in this file: 1 to 100 characters, no `:` or `\`. orgctl identifies the budget by it.
   */
  name: string;
  /**
   * Budgeted amount per period, a number greater than 0, in `unit`.
   */
  amount: number;
  /**
   * Currency of `amount`, a 3-letter code. Default USD.
   */
  unit?: string;
  /**
   * Budget period: DAILY, MONTHLY (default), QUARTERLY or ANNUALLY.
   */
  timeUnit?: 'DAILY' | 'MONTHLY' | 'QUARTERLY' | 'ANNUALLY';
  /**
   * 1 to 10 notifications. Each (type, comparison, threshold, thresholdType) appears at most once per budget.
   *
   * @minItems 1
   * @maxItems 10
   */
  notifications: Notification[];
  tags?: Tags;
}
/**
 * Notify subscribers when actual or forecasted spend crosses a threshold. Needs `emails`, `sns`, or both.
 */
export interface Notification {
  /**
   * ACTUAL (spend so far) or FORECASTED (spend expected by the end of the period).
   */
  type: 'ACTUAL' | 'FORECASTED';
  /**
   * The threshold: a percentage of the budget amount (e.g. 80), or an amount when thresholdType is ABSOLUTE_VALUE. 0 to 15000000000000.
   */
  threshold: number;
  /**
   * PERCENTAGE (default) of the budget amount, or ABSOLUTE_VALUE in the budget's unit.
   */
  thresholdType?: 'PERCENTAGE' | 'ABSOLUTE_VALUE';
  /**
   * How spend is compared with the threshold: GREATER_THAN (default), LESS_THAN or EQUAL_TO.
   */
  comparison?: 'GREATER_THAN' | 'LESS_THAN' | 'EQUAL_TO';
  /**
   * 1 to 10 email addresses to notify, each listed once.
   *
   * @minItems 1
   * @maxItems 10
   */
  emails?: EmailAddress[];
  /**
   * ARN of an SNS topic to notify (at most one per notification), e.g. arn:aws:sns:us-east-1:123456789012:budget-alerts.
   */
  sns?: string;
}
/**
 * How orgctl treats what exists in AWS but is not declared here.
 */
export interface Options {
  /**
   * true: OUs not declared here are deleted (bottom-up, once empty). Default false: they are only reported.
   */
  pruneOrganizationalUnits?: boolean;
  /**
   * true: budgets orgctl manages that are not declared here are deleted. Default false.
   */
  pruneBudgets?: boolean;
  /**
   * Accounts in the organization that this file does not place: ignore (default; reported in the plan) or error (the plan fails).
   */
  unlistedAccounts?: 'ignore' | 'error';
  /**
   * The path of an OU declared in this file (like /Suspended) where orgctl moves the accounts it closes (`closed: true`). Default: closed accounts stay where they are declared.
   */
  closedAccountsOu?: string;
  /**
   * true: policies orgctl created (tagged managed-by: orgctl) that are not declared here are detached everywhere and deleted. Default false: they are only reported.
   */
  prunePolicies?: boolean;
  /**
   * On a root, OU or account with `policies:`, attachments of policies this file does not know (declared here or AWS-managed): ignore (default; reported in the plan), error (the plan fails) or detach.
   */
  unlistedPolicyAttachments?: 'ignore' | 'error' | 'detach';
  /**
   * true: trusted access is disabled for services organization.trustedServices does not list. Default false: they are only reported.
   */
  pruneTrustedServices?: boolean;
  /**
   * true: delegated administrators of services organization.delegatedAdministrators does not list are deregistered. Default false: they are only reported.
   */
  pruneDelegatedAdministrators?: boolean;
  /**
   * true: permission sets in the Identity Center instance that are not declared under identityCenter.permissionSets are deleted. Default false: they are only reported.
   */
  prunePermissionSets?: boolean;
  /**
   * true: account assignments of the declared permission sets, held by a group or user org.yaml names, that org.yaml does not declare are removed. Default false.
   */
  pruneAssignments?: boolean;
}
/**
 * What orgctl checks about the management account's root credentials on every plan and in `orgctl audit`. Optional: without it the root user is still checked. Reference: docs/org-yaml.md, docs/root-credentials.md.
 */
export interface Security {
  /**
   * IAM users in the management account kept for emergencies (when single sign-on fails): each must exist, have an MFA device and no active access key. A user name, or { name, create: true } for orgctl to create the user. Default: none.
   */
  breakGlassUsers?: BreakGlassUser[];
  /**
   * IAM Identity Center for day-to-day admin access: required (the audit fails without an instance) or optional (default; a missing instance is a recommendation).
   */
  identityCenter?: 'required' | 'optional';
  /**
   * The region IAM Identity Center lives in (it is regional), e.g. eu-west-1. Default: AWS_REGION.
   */
  identityCenterRegion?: string;
  alternateContacts?: AlternateContacts;
  /**
   * true: the contacts in `alternateContacts` also apply to every ACTIVE member account listed in this file (GetAlternateContact and PutAlternateContact with its AccountId; needs trusted access for account.amazonaws.com). An account entry's own `alternateContacts` override them by type. Default false: only the management account, and the accounts whose entries give contacts.
   */
  memberAlternateContacts?: boolean;
}
/**
 * A break-glass user as a mapping: `name`, and `create: true` for orgctl to create the IAM user when it does not exist (tagged managed-by: orgctl, no password, no access keys, with the AdministratorAccess managed policy); a person then enrols its MFA device. orgctl never changes or deletes a user that exists.
 */
export interface CreatedBreakGlassUser {
  name: IamUserName;
  /**
   * true: orgctl creates the user when it does not exist. Default false: the audit only checks it.
   */
  create?: boolean;
}
/**
 * The alternate contacts the management account must have: security (security notices), billing (invoices and payments), operations (operational notices). orgctl sets any that differ (apply); types left out are not checked.
 */
export interface AlternateContacts {
  security?: AlternateContact;
  billing?: AlternateContact;
  operations?: AlternateContact;
}
/**
 * An organization policy: its type, description and document (`file:` or `document:`, exactly one).
 */
export interface Policy {
  /**
   * The policy type. Default SERVICE_CONTROL_POLICY.
   */
  type?:
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
    | 'GUARDDUTY_POLICY'
    | 'SECURITYHUB_CSPM_POLICY';
  /**
   * The policy's description in AWS, up to 512 characters. Default: empty.
   */
  description?: string;
  /**
   * Path of the JSON policy document, relative to this file, e.g. policies/deny-leave.json.
   */
  file?: string;
  /**
   * The policy document inline, as a YAML mapping (the JSON document written as YAML).
   */
  document?: {
    /**
     * Any JSON value, as the policy type's grammar allows.
     */
    [k: string]:
      | {
          [k: string]: unknown | undefined;
        }
      | undefined;
  };
  tags?: Tags;
}
/**
 * IAM Identity Center permission sets and who gets them on which accounts. Reference: docs/org-yaml.md.
 */
export interface IdentityCenter {
  /**
   * The region the Identity Center instance lives in, e.g. us-east-1. Default: security.identityCenterRegion, else AWS_REGION.
   */
  region?: string;
  /**
   * Permission sets by name. Default: none.
   */
  permissionSets?: {
    [k: string]: PermissionSet | undefined;
  };
  /**
   * Who gets which permission set on which accounts. Default: none.
   */
  assignments?: Assignment[];
  /**
   * Groups of Identity Center's own directory that assignments name: orgctl creates a declared group that does not exist. Not for groups an external identity provider synchronizes (create those there). Default: none.
   */
  groups?: {
    [k: string]:
      | {
          /**
           * The group's description in the identity store: 1 to 1024 characters.
           */
          description?: string;
        }
      | null
      | undefined;
  };
}
/**
 * A permission set: `description`, `sessionDuration`, `managedPolicies`, `customerManagedPolicies`, `inlinePolicy`, `permissionsBoundary`, `tags`.
 */
export interface PermissionSet {
  /**
   * Shown in the AWS access portal; 1 to 700 characters.
   */
  description?: string;
  /**
   * How long a session lasts, ISO 8601, from PT1H to PT12H (AWS's range), like PT4H or PT1H30M. Default: PT1H.
   */
  sessionDuration?: string;
  /**
   * ARNs of AWS managed policies attached to the permission set.
   */
  managedPolicies?: string[];
  /**
   * IAM policies by name and path that each account the set is provisioned to must have (customer managed policy references). Default: none.
   */
  customerManagedPolicies?: CustomerManagedPolicyRef[];
  /**
   * A JSON policy document file, relative to this file, that is the permission set's inline policy (compared as JSON values). Absent: the set has no inline policy.
   */
  inlinePolicy?: string;
  /**
   * The permissions boundary: `managedPolicyArn` (an AWS managed policy) or `customerManagedPolicy` ({ name, path }). Absent: none.
   */
  permissionsBoundary?: {
    /**
     * An AWS managed policy ARN, like arn:aws:iam::aws:policy/PowerUserAccess.
     */
    managedPolicyArn?: string;
    customerManagedPolicy?: CustomerManagedPolicyRef;
  };
  tags?: Tags;
}
/**
 * An IAM policy by `name` (1 to 128 letters, digits or + = , . @ _ -) and `path` (default /).
 */
export interface CustomerManagedPolicyRef {
  /**
   * The IAM policy's name in each account.
   */
  name: string;
  /**
   * The IAM policy's path, like / (default) or /platform/.
   */
  path?: string;
}
/**
 * One assignment: a `group` or a `user` (by name in the identity store) gets `permissionSet` on `accounts` and on every account under `organizationalUnits`.
 */
export interface Assignment {
  /**
   * A group's display name in the identity store.
   */
  group?: string;
  /**
   * A user's UserName in the identity store.
   */
  user?: string;
  /**
   * The name of a permission set declared under identityCenter.permissionSets.
   */
  permissionSet: string;
  /**
   * Account IDs the assignment is made on.
   */
  accounts?: AccountId[];
  /**
   * OU paths of this file's tree, like /Workloads: every account placed under the OU (recursively) gets the assignment.
   */
  organizationalUnits?: string[];
}
