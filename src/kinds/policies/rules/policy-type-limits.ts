// AWS Organizations' limits per policy type, in one table so rules, messages and docs agree.
// Sources (details in /work/shared/aws-facts.md §7):
//   [ORG-QUOTAS]  "Quotas and service limits for AWS Organizations",
//                 https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
//   [CFN-POLICY]  CloudFormation AWS::Organizations::Policy, property Content,
//                 https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-organizations-policy.html
//   [SDK-ENUM]    the PolicyType enum of @aws-sdk/client-organizations 3.1169.0 (dist-types/models/enums.d.ts)
// "ASSUMED" marks a figure AWS does not publish for that type yet: the value of the other management
// policies. AWS still enforces its own figure at apply; these only let plan say it earlier.

export interface PolicyTypeLimits {
  /** Largest document, in characters of what is uploaded (orgctl uploads minified JSON). */
  readonly maxDocumentCharacters: number;
  /** Policies of this type one organization may hold. */
  readonly maxPoliciesPerOrganization: number;
  /** Policies of this type attached directly to one root, OU or account (inherited ones do not count). */
  readonly maxAttachedPerTarget: number;
  /** Policies of this type every root, OU and account must keep while the type is enabled. */
  readonly minAttachedPerTarget: number;
  /** How people call the type, for messages. */
  readonly label: string;
}

/** Every type in [SDK-ENUM], in its order. */
export const POLICY_TYPE_LIMITS: Readonly<Record<string, PolicyTypeLimits>> = {
  AISERVICES_OPT_OUT_POLICY: {
    label: 'AI services opt-out policy',
    maxDocumentCharacters: 2_500, // [ORG-QUOTAS] maximum size of a policy document
    maxPoliciesPerOrganization: 1_000, // [ORG-QUOTAS] number of policies of each type
    maxAttachedPerTarget: 5, // [ORG-QUOTAS] number of policies that you can attach to an entity
    minAttachedPerTarget: 0, // [ORG-QUOTAS] same table
  },
  BACKUP_POLICY: {
    label: 'backup policy',
    maxDocumentCharacters: 10_000, // [ORG-QUOTAS]
    maxPoliciesPerOrganization: 1_000, // [ORG-QUOTAS]
    maxAttachedPerTarget: 10, // [ORG-QUOTAS]
    minAttachedPerTarget: 0, // [ORG-QUOTAS]
  },
  BEDROCK_POLICY: {
    label: 'Amazon Bedrock policy',
    maxDocumentCharacters: 10_000, // [CFN-POLICY] "Amazon Bedrock policies: 10,000 characters"
    maxPoliciesPerOrganization: 1_000, // ASSUMED: not in [ORG-QUOTAS] yet
    maxAttachedPerTarget: 10, // ASSUMED: not in [ORG-QUOTAS] yet
    minAttachedPerTarget: 0, // ASSUMED: only SCP and RCP have a minimum in [ORG-QUOTAS]
  },
  CHATBOT_POLICY: {
    label: 'chat applications policy',
    maxDocumentCharacters: 10_000, // [ORG-QUOTAS]
    maxPoliciesPerOrganization: 1_000, // [ORG-QUOTAS]
    maxAttachedPerTarget: 5, // [ORG-QUOTAS]
    minAttachedPerTarget: 0, // [ORG-QUOTAS]
  },
  DECLARATIVE_POLICY_EC2: {
    label: 'declarative policy',
    maxDocumentCharacters: 10_000, // [ORG-QUOTAS]
    maxPoliciesPerOrganization: 1_000, // [ORG-QUOTAS]
    maxAttachedPerTarget: 10, // [ORG-QUOTAS]
    minAttachedPerTarget: 0, // [ORG-QUOTAS]
  },
  GUARDDUTY_POLICY: {
    label: 'Amazon GuardDuty policy',
    maxDocumentCharacters: 10_000, // ASSUMED: in neither [ORG-QUOTAS] nor [CFN-POLICY] yet
    maxPoliciesPerOrganization: 1_000, // ASSUMED
    maxAttachedPerTarget: 10, // ASSUMED
    minAttachedPerTarget: 0, // ASSUMED
  },
  INSPECTOR_POLICY: {
    label: 'Amazon Inspector policy',
    maxDocumentCharacters: 10_000, // [CFN-POLICY] "Amazon Inspector policies: 10,000 characters"
    maxPoliciesPerOrganization: 1_000, // ASSUMED
    maxAttachedPerTarget: 10, // ASSUMED
    minAttachedPerTarget: 0, // ASSUMED
  },
  NETWORK_SECURITY_DIRECTOR_POLICY: {
    label: 'network security director policy',
    maxDocumentCharacters: 10_000, // ASSUMED
    maxPoliciesPerOrganization: 1_000, // ASSUMED
    maxAttachedPerTarget: 10, // ASSUMED
    minAttachedPerTarget: 0, // ASSUMED
  },
  RESOURCE_CONTROL_POLICY: {
    label: 'resource control policy (RCP)',
    maxDocumentCharacters: 5_120, // [ORG-QUOTAS]
    maxPoliciesPerOrganization: 2_000, // [ORG-QUOTAS]
    maxAttachedPerTarget: 5, // [ORG-QUOTAS] "RCPFullAWSAccess ... counts towards the 5 policies quota"
    minAttachedPerTarget: 1, // [ORG-QUOTAS] RCPFullAWSAccess is attached everywhere and cannot be detached
  },
  S3_POLICY: {
    label: 'Amazon S3 policy',
    maxDocumentCharacters: 10_000, // ASSUMED
    maxPoliciesPerOrganization: 1_000, // ASSUMED
    maxAttachedPerTarget: 10, // ASSUMED
    minAttachedPerTarget: 0, // ASSUMED
  },
  SECURITYHUB_CSPM_POLICY: {
    label: 'Security Hub CSPM policy',
    maxDocumentCharacters: 10_000, // ASSUMED (the Security Hub policy's figure)
    maxPoliciesPerOrganization: 1_000, // ASSUMED
    maxAttachedPerTarget: 10, // ASSUMED
    minAttachedPerTarget: 0, // ASSUMED
  },
  SECURITYHUB_POLICY: {
    label: 'Security Hub policy',
    maxDocumentCharacters: 10_000, // [ORG-QUOTAS]
    maxPoliciesPerOrganization: 1_000, // [ORG-QUOTAS]
    maxAttachedPerTarget: 10, // [ORG-QUOTAS]
    minAttachedPerTarget: 0, // [ORG-QUOTAS]
  },
  SERVICE_CONTROL_POLICY: {
    label: 'service control policy (SCP)',
    maxDocumentCharacters: 10_240, // [ORG-QUOTAS] (was 5,120 before May 2026; [CFN-POLICY] still says 5,120)
    maxPoliciesPerOrganization: 10_000, // [ORG-QUOTAS]
    maxAttachedPerTarget: 10, // [ORG-QUOTAS] (was 5 before May 2026)
    minAttachedPerTarget: 1, // [ORG-QUOTAS] "You can't remove the last SCP from an entity"
  },
  TAG_POLICY: {
    label: 'tag policy',
    maxDocumentCharacters: 10_000, // [ORG-QUOTAS]
    maxPoliciesPerOrganization: 1_000, // [ORG-QUOTAS]
    maxAttachedPerTarget: 10, // [ORG-QUOTAS]
    minAttachedPerTarget: 0, // [ORG-QUOTAS]
  },
  UPGRADE_ROLLOUT_POLICY: {
    label: 'upgrade rollout policy',
    maxDocumentCharacters: 10_000, // [CFN-POLICY] "Upgrade rollout policies: 10,000 characters"
    maxPoliciesPerOrganization: 1_000, // ASSUMED
    maxAttachedPerTarget: 10, // ASSUMED
    minAttachedPerTarget: 0, // ASSUMED
  },
};

export const POLICY_TYPES: readonly string[] = Object.keys(POLICY_TYPE_LIMITS);

/** The limits of a known type; undefined for a name AWS does not have (also for "__proto__" and the like). */
export function limitsOf(type: string): PolicyTypeLimits | undefined {
  return Object.prototype.hasOwnProperty.call(POLICY_TYPE_LIMITS, type) ? POLICY_TYPE_LIMITS[type] : undefined;
}
