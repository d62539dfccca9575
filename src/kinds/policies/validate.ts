// The declared policies as the rules take them (rules/), and their problems as org.yaml diagnostics:
// at the policy's key in org.yaml, or at the top of its policy file. Pure; the config loader calls it
// once it has read the policy files (validate, plan and apply all load org.yaml through it).

import type { Diagnostic } from '../../model/diagnostics.js';
import type { DesiredPolicy } from '../../model/desired.js';
import { declaredPolicyProblems, minifiedLength, type PolicyDiagnostic, type PolicyInput } from './rules/index.js';

/** `fileOf`: how messages name a policy's `file:` (relative to where orgctl runs). */
export function declaredPolicyInputs(policies: readonly DesiredPolicy[], fileOf: (policy: DesiredPolicy) => string | undefined = () => undefined): PolicyInput[] {
  return policies.flatMap((policy): PolicyInput[] => {
    if (policy.document === undefined) return [];
    const file = fileOf(policy);
    const at = file !== undefined ? { line: 1, column: 1, file } : policy.at;
    return [{ name: policy.name, type: policy.type, document: policy.document, minifiedLength: minifiedLength(policy.document), awsManaged: false, ...(at ? { at } : {}) }];
  });
}

export function toDiagnostic(problem: PolicyDiagnostic, orgFile: string): Diagnostic {
  const { at } = problem;
  return { severity: problem.severity, file: at?.file ?? orgFile, ...(at ? { position: { line: at.line, column: at.column } } : {}), message: problem.message };
}

/** validate's check of what org.yaml declares: unknown types, sizes, the SCP/RCP grammar. */
export function checkDeclaredPolicies(policies: readonly DesiredPolicy[], orgFile: string, fileOf: (policy: DesiredPolicy) => string | undefined): Diagnostic[] {
  return declaredPolicyProblems(declaredPolicyInputs(policies, fileOf)).map((p) => toDiagnostic(p, orgFile));
}
