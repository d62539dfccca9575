// The records the Organizations emulator keeps, and the enums they use.

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
export type PolicyType = (typeof POLICY_TYPES)[number];

export const FEATURE_SETS = ['ALL', 'CONSOLIDATED_BILLING'] as const;
export type FeatureSet = (typeof FEATURE_SETS)[number];

export const ACCOUNT_STATES = ['PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE', 'CLOSED'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** The retiring `Account.Status` for a `State`. */
export function statusOf(state: AccountState): 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE' {
  if (state === 'PENDING_CLOSURE') return 'PENDING_CLOSURE';
  if (state === 'CLOSED' || state === 'SUSPENDED') return 'SUSPENDED';
  return 'ACTIVE';
}

export type JoinedMethod = 'INVITED' | 'CREATED';

export interface OrganizationRecord {
  readonly id: string;
  readonly featureSet: FeatureSet;
  readonly managementAccountId: string;
}

export interface RootRecord {
  readonly id: string;
  readonly name: string;
  readonly policyTypes: Set<PolicyType>;
}

export interface OuRecord {
  readonly id: string;
  name: string;
  readonly parentId: string;
}

export interface AccountRecord {
  readonly id: string;
  name: string;
  email: string;
  state: AccountState;
  readonly joinedMethod: JoinedMethod;
  /** Epoch seconds. */
  readonly joinedTimestamp: number;
  parentId: string;
  /** Epoch ms at which a pending closure completes. */
  closesAt?: number;
}

export interface PolicyRecord {
  readonly id: string;
  name: string;
  description: string;
  readonly type: PolicyType;
  content: string;
  readonly awsManaged: boolean;
}

export type CreateAccountState = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';

export interface CreateAccountRequestRecord {
  readonly id: string;
  readonly accountName: string;
  readonly email: string;
  /** The ID the account gets if creation succeeds. */
  readonly accountId: string;
  state: CreateAccountState;
  /** Epoch ms. */
  readonly requestedAt: number;
  /** Epoch ms at which the request completes (or completed). */
  completesAt: number;
  failureReason?: string;
  readonly tags: readonly (readonly [string, string])[];
}

/** The AWS-managed policies attached by default wherever their type is enabled. */
export const MANAGED_POLICIES: readonly PolicyRecord[] = [
  {
    id: 'p-FullAWSAccess',
    name: 'FullAWSAccess',
    description: 'Allows access to every operation',
    type: 'SERVICE_CONTROL_POLICY',
    content: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    awsManaged: true,
  },
  {
    id: 'p-RCPFullAWSAccess',
    name: 'RCPFullAWSAccess',
    description: 'Allows access to every operation',
    type: 'RESOURCE_CONTROL_POLICY',
    content: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
    awsManaged: true,
  },
];

export function defaultPolicyFor(type: PolicyType): PolicyRecord | undefined {
  return MANAGED_POLICIES.find((p) => p.type === type);
}

export interface OrganizationsQuotas {
  /** Accounts per organization, closed ones included (AWS default 10, adjustable). */
  readonly maxAccounts: number;
  /** OUs per organization (AWS: 2,000). */
  readonly maxOrganizationalUnits: number;
}

export const DEFAULT_ORGANIZATIONS_QUOTAS: OrganizationsQuotas = { maxAccounts: 10, maxOrganizationalUnits: 2000 };

/** Fixed limits (aws-facts §2.6). */
export const LIMITS = {
  ouDepth: 5,
  tagsPerResource: 50,
  concurrentCreateAccount: 5,
  concurrentCloseAccount: 3,
  closeWindowMs: 30 * 24 * 3600 * 1000,
  attachmentsPerTarget: { SERVICE_CONTROL_POLICY: 10, RESOURCE_CONTROL_POLICY: 5, CHATBOT_POLICY: 5, AISERVICES_OPT_OUT_POLICY: 5 } as Readonly<Partial<Record<PolicyType, number>>>,
  defaultAttachmentsPerTarget: 10,
  policiesPerType: { SERVICE_CONTROL_POLICY: 10_000, RESOURCE_CONTROL_POLICY: 2_000 } as Readonly<Partial<Record<PolicyType, number>>>,
  defaultPoliciesPerType: 1_000,
  contentSize: { SERVICE_CONTROL_POLICY: 10_240, RESOURCE_CONTROL_POLICY: 5_120, AISERVICES_OPT_OUT_POLICY: 2_500 } as Readonly<Partial<Record<PolicyType, number>>>,
  defaultContentSize: 10_000,
} as const;
