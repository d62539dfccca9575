// AWS Organizations: the tree (organization, root, OUs, accounts), its policies and their tags.

import type { FeatureSet } from '../../model/desired.js';
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
}
