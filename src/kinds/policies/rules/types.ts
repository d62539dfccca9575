// The inputs and outputs of the policy rules: plain, serializable values, so the policies kind can
// build them from org.yaml and the live read and the rules stay pure (no fs, no SDK).

/** A place in org.yaml or in a policy file, 1-based. */
export interface PolicyRuleAt {
  readonly line: number;
  readonly column: number;
  /** The file when it is not org.yaml (a policy's `file:`); absent for org.yaml. */
  readonly file?: string;
}

/** A JSON value as JSON.parse returns it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * One policy that will exist after the plan: declared in org.yaml, AWS-managed (FullAWSAccess,
 * RCPFullAWSAccess, …) or another tool's (Control Tower's guardrails) that orgctl leaves alone.
 */
export interface PolicyInput {
  /** The policy's name in AWS; orgctl refers to policies by name. */
  readonly name: string;
  /** AWS's PolicyType, e.g. SERVICE_CONTROL_POLICY (may be a misspelling from org.yaml). */
  readonly type: string;
  /** The parsed document (org.yaml's `document:` or the `file:`'s JSON; AWS's content for live-only ones). */
  readonly document: JsonValue;
  /** Characters of the minified JSON orgctl uploads: `minifiedLength(document)`. */
  readonly minifiedLength: number;
  /** AWS-managed: never created or changed by anyone, so its content and size are not checked. */
  readonly awsManaged: boolean;
  /** Where it is declared (org.yaml's `policies.<name>` key, or the file); absent for live-only ones. */
  readonly at?: PolicyRuleAt;
}

/** A root, OU or account and the names of the policies of every type attached DIRECTLY to it after the plan. */
export interface TargetAttachments {
  /** How messages name it: "the root", "OU /Workloads/Prod", "account 111111111111". */
  readonly target: string;
  /** Every attachment that will exist: org.yaml's, AWS-managed and other tools' that orgctl leaves alone. */
  readonly policies: readonly string[];
  /** Where org.yaml lists its `policies:`; absent when org.yaml says nothing about the node. */
  readonly at?: PolicyRuleAt;
}

/** A problem found, as a value. `at` absent when no place in a file is to blame (e.g. an AWS-side count). */
export interface PolicyDiagnostic {
  readonly severity: 'error' | 'warning';
  /** What is wrong and what to do. */
  readonly message: string;
  readonly at?: PolicyRuleAt;
}
