// AWS Organizations: the tree (organization, root, OUs, accounts), its policies and their tags.

import type { FeatureSet, OrgPolicyType } from '../../model/desired.js';
import type { AccountState, LiveOrganization, LiveRoot } from '../../model/live.js';

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

/** AWS Organizations policy types (ListPolicies' Filter): the model's list, so the port and org.yaml never disagree. */
export type PolicyType = OrgPolicyType;

export interface PolicySummary {
  readonly id: string;
  readonly name: string;
  readonly type: PolicyType;
  /** true for the policies AWS provides, e.g. FullAWSAccess. */
  readonly awsManaged: boolean;
  /** ListPolicies' Description ("" when AWS returns none). */
  readonly description?: string;
}

export type PolicyTargetType = 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

export interface PolicyTarget {
  /** Root, OU or account ID. */
  readonly id: string;
  readonly type: PolicyTargetType;
  readonly name: string;
}

/** CreateAccount's input. */
export interface CreateAccountRequest {
  readonly email: string;
  readonly accountName: string;
  readonly roleName?: string;
  readonly iamUserAccessToBilling?: 'ALLOW' | 'DENY';
  readonly tags?: Readonly<Record<string, string>>;
}

export type CreateAccountState = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';

/** A CreateAccount request as AWS reports it (it names the account, not its email). */
export interface CreateAccountStatus {
  readonly requestId: string;
  readonly accountName: string;
  readonly state: CreateAccountState;
  /** Set once SUCCEEDED. */
  readonly accountId?: string;
  /** EMAIL_ALREADY_EXISTS, ACCOUNT_LIMIT_EXCEEDED, ... when FAILED. */
  readonly failureReason?: string;
}

export interface OrganizationsPort {
  // --- reads ---
  /** null when the caller is not in an organization (AWSOrganizationsNotInUseException). */
  describeOrganization(): Promise<LiveOrganization | null>;
  listRoots(): Promise<readonly LiveRoot[]>;
  listOrganizationalUnitsForParent(parentId: string): Promise<readonly OuSummary[]>;
  listAccountsForParent(parentId: string): Promise<readonly AccountSummary[]>;
  /** Organizations ListPolicies: every policy of one type (summaries, no content). */
  listPolicies(policyType: PolicyType): Promise<readonly PolicySummary[]>;
  /** Organizations ListTargetsForPolicy: the roots, OUs and accounts the policy is directly attached to. */
  listTargetsForPolicy(policyId: string): Promise<readonly PolicyTarget[]>;
  /** Organizations ListTagsForResource: the tags of a root, OU, account or policy. */
  listResourceTags(resourceId: string): Promise<Readonly<Record<string, string>>>;

  // --- writes ---
  createOrganization(featureSet: FeatureSet): Promise<LiveOrganization>;
  /** With `tags` (when given and not empty) in the same call: a new OU is never untagged. */
  createOrganizationalUnit(parentId: string, name: string, tags?: Readonly<Record<string, string>>): Promise<OuSummary>;
  renameOrganizationalUnit(ouId: string, name: string): Promise<void>;
  deleteOrganizationalUnit(ouId: string): Promise<void>;
  moveAccount(accountId: string, sourceParentId: string, destinationParentId: string): Promise<void>;
  /** Organizations TagResource: adds or overwrites tags of a root, OU, account or policy. */
  tagResource(resourceId: string, tags: Readonly<Record<string, string>>): Promise<void>;
  /** Organizations UntagResource: removes tags by key (a key the resource lacks is no error). */
  untagResource(resourceId: string, keys: readonly string[]): Promise<void>;
  /** Organizations CreateAccount: starts an asynchronous creation (the account lands in the root). */
  createAccount(request: CreateAccountRequest): Promise<CreateAccountStatus>;
  describeCreateAccountStatus(requestId: string): Promise<CreateAccountStatus>;
  /** Organizations ListCreateAccountStatus: the creation requests of the last 90 days in these states. */
  listCreateAccountStatus(states: readonly CreateAccountState[]): Promise<readonly CreateAccountStatus[]>;
  /** Organizations CloseAccount: starts an asynchronous closure (PENDING_CLOSURE, then SUSPENDED). */
  closeAccount(accountId: string): Promise<void>;

  // --- policies (the policies kind) ---
  /** Organizations DescribePolicy: the policy with its content. */
  describePolicy(policyId: string): Promise<PolicyDetail>;
  /** Organizations CreatePolicy (DuplicatePolicyException when a policy of that type has the name). */
  createPolicy(policy: NewPolicy, tags: Readonly<Record<string, string>>): Promise<PolicySummary>;
  /** Organizations UpdatePolicy: content and description (the name stays). */
  updatePolicy(policyId: string, change: { readonly description: string; readonly content: string }): Promise<void>;
  deletePolicy(policyId: string): Promise<void>;
  attachPolicy(policyId: string, targetId: string): Promise<void>;
  detachPolicy(policyId: string, targetId: string): Promise<void>;
  /** Organizations EnablePolicyType on the root. */
  enablePolicyType(rootId: string, policyType: PolicyType): Promise<void>;

  // --- trusted access and delegated administrators ---
  /** Organizations ListAWSServiceAccessForOrganization: the service principals with trusted access. */
  listAwsServiceAccess(): Promise<readonly string[]>;
  /** Organizations ListDelegatedAdministrators: the IDs of every account that administers some service. */
  listDelegatedAdministrators(): Promise<readonly string[]>;
  /** Organizations ListDelegatedServicesForAccount: the service principals one delegated administrator administers. */
  listDelegatedServicesForAccount(accountId: string): Promise<readonly string[]>;
  enableAwsServiceAccess(servicePrincipal: string): Promise<void>;
  disableAwsServiceAccess(servicePrincipal: string): Promise<void>;
  registerDelegatedAdministrator(accountId: string, servicePrincipal: string): Promise<void>;
  deregisterDelegatedAdministrator(accountId: string, servicePrincipal: string): Promise<void>;

  // --- explain: one target's place, policies and tags, without walking the tree ---
  /** Organizations DescribeAccount (AccountNotFoundException: notFound). */
  describeAccount(accountId: string): Promise<AccountSummary>;
  /** Organizations ListParents: the one parent of an OU or account (ChildNotFoundException: notFound). */
  listParents(childId: string): Promise<readonly ParentSummary[]>;
  /** Organizations DescribeOrganizationalUnit. */
  describeOrganizationalUnit(ouId: string): Promise<OuSummary>;
  /** Organizations ListPoliciesForTarget: the policies of one type attached directly to a root, OU or account. */
  listPoliciesForTarget(targetId: string, policyType: PolicyType): Promise<readonly PolicySummary[]>;
}

/** ListParents' answer: a root or an OU. */
export interface ParentSummary {
  readonly id: string;
  readonly type: 'ROOT' | 'ORGANIZATIONAL_UNIT';
}

export interface PolicyDetail extends PolicySummary {
  readonly description: string;
  /** The document as AWS stores it (JSON text). */
  readonly content: string;
}

export interface NewPolicy {
  readonly name: string;
  readonly type: PolicyType;
  readonly description: string;
  /** Minified JSON. */
  readonly content: string;
}
