// IAM Access Analyzer: AWS's own checks of a policy document (grammar, IAM semantics, best practice).

/** The policy types orgctl asks ValidatePolicy about (Organizations' SCPs and RCPs). */
export type AccessAnalyzerPolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

export type PolicyFindingType = 'ERROR' | 'SECURITY_WARNING' | 'SUGGESTION' | 'WARNING';

/** One ValidatePolicy finding, as AWS words it. */
export interface PolicyFinding {
  readonly findingType: PolicyFindingType;
  /** e.g. "MISSING_VERSION", "INVALID_ACTION". */
  readonly issueCode: string;
  /** AWS's page about the issue. */
  readonly learnMoreLink: string;
  /** AWS's findingDetails. */
  readonly message: string;
}

export interface AccessAnalyzerPort {
  /** Access Analyzer ValidatePolicy on `document` (the JSON text as orgctl would upload it); every page of findings. */
  validatePolicy(document: string, type: AccessAnalyzerPolicyType): Promise<PolicyFinding[]>;
}
