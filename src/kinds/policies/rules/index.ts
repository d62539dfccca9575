// The policies kind's pure rules, one job per file; each file's header says what it checks and how to call it.

export { POLICY_TYPE_LIMITS, POLICY_TYPES, limitsOf, type PolicyTypeLimits } from './policy-type-limits.js';
export type { JsonValue, PolicyDiagnostic, PolicyInput, PolicyRuleAt, TargetAttachments } from './types.js';
export { minifiedLength, minifiedPolicyJson } from './minified.js';
export { unknownPolicyTypes } from './policy-type-known.js';
export { oversizedPolicies } from './policy-size.js';
export { controlPolicyGrammar } from './control-policy-grammar.js';
export { attachmentsPerTarget } from './attachments-per-target.js';
export { policiesPerOrganization } from './policies-per-organization.js';
export { scpLockOuts, type OrgTreeNode } from './scp-lock-out.js';
