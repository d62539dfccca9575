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

import { attachmentsPerTarget } from './attachments-per-target.js';
import { controlPolicyGrammar } from './control-policy-grammar.js';
import { policiesPerOrganization } from './policies-per-organization.js';
import { oversizedPolicies } from './policy-size.js';
import { unknownPolicyTypes } from './policy-type-known.js';
import { scpLockOuts, type OrgTreeNode } from './scp-lock-out.js';
import type { PolicyDiagnostic, PolicyInput, TargetAttachments } from './types.js';

/** validate (and plan): what org.yaml declares, on its own. Other rules skip unknown types, so those come first. */
export function declaredPolicyProblems(declared: readonly PolicyInput[]): PolicyDiagnostic[] {
  return [...unknownPolicyTypes(declared), ...oversizedPolicies(declared), ...controlPolicyGrammar(declared)];
}

export interface PlannedPolicies {
  /** Every policy that will exist after the plan: declared, AWS-managed and other tools'. */
  readonly allPolicies: readonly PolicyInput[];
  /** Every root, OU and account with its direct attachments after the plan. */
  readonly targets: readonly TargetAttachments[];
  /** Policy types enabled on the root after the plan. */
  readonly enabledTypes: readonly string[];
  /** The tree with each node's SCP names after the plan (for the lock-out check, run when SCPs are enabled). */
  readonly tree: readonly OrgTreeNode[];
}

/** plan: the organization as it will be. */
export function plannedPolicyProblems(planned: PlannedPolicies): PolicyDiagnostic[] {
  const scps = planned.allPolicies.filter((p) => p.type === 'SERVICE_CONTROL_POLICY');
  return [
    ...policiesPerOrganization(planned.allPolicies),
    ...attachmentsPerTarget(planned.allPolicies, planned.targets, planned.enabledTypes),
    ...(planned.enabledTypes.includes('SERVICE_CONTROL_POLICY') ? scpLockOuts(planned.tree, scps) : []),
  ];
}
