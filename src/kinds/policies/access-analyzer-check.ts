// AWS's own check of SCPs and RCPs: IAM Access Analyzer ValidatePolicy, one policy at a time, through
// the port only. It adds what the pure grammar rule (rules/control-policy-grammar.ts) cannot know:
// unknown actions and condition keys, risky patterns, AWS's own best practice.
// The check is optional: when ValidatePolicy is denied, or the endpoint does not know the service (an
// emulator, a proxy), or fails in any other way, the result is { couldNotCheck: reason } and the plan goes
// on and says so. Such answers (AccessDenied, an unknown operation, a reply that is not AWS's) are not
// retried by the call runner, so that costs one request, not a minute; the check stops at the first one.
// makePlan calls it (the kind's checkPlan, access-analyzer-plan.ts) with the declared SCPs and RCPs the plan creates or
// whose content it changes (AWS-managed ones and other types are skipped), then turns the findings into
// diagnostics: accessAnalyzerDiagnostics(result, policies) → PolicyDiagnostic[]
//   ERROR and SECURITY_WARNING findings are errors (they block the plan), WARNING and SUGGESTION warnings;
//   "could not check" is one warning.

import { isAwsCallError } from '../../aws/errors.js';
import type { AccessAnalyzerPolicyType, AccessAnalyzerPort, PolicyFinding } from '../../aws/ports/access-analyzer.js';
import { visibleText } from '../../text/visible-text.js';
import { minifiedPolicyJson } from './rules/minified.js';
import type { PolicyDiagnostic, PolicyInput } from './rules/types.js';

export interface PolicyFindings {
  /** The policy's name (PolicyInput.name). */
  readonly name: string;
  readonly findings: readonly PolicyFinding[];
}

export type AccessAnalyzerCheck = { readonly checked: readonly PolicyFindings[] } | { readonly couldNotCheck: string };

function validatedType(policy: PolicyInput): AccessAnalyzerPolicyType | undefined {
  if (policy.awsManaged) return undefined;
  return policy.type === 'SERVICE_CONTROL_POLICY' || policy.type === 'RESOURCE_CONTROL_POLICY' ? policy.type : undefined;
}

export async function checkPoliciesWithAccessAnalyzer(port: AccessAnalyzerPort, policies: readonly PolicyInput[]): Promise<AccessAnalyzerCheck> {
  const checked: PolicyFindings[] = [];
  for (const policy of policies) {
    const type = validatedType(policy);
    if (!type) continue;
    try {
      checked.push({ name: policy.name, findings: await port.validatePolicy(minifiedPolicyJson(policy.document), type) });
    } catch (error) {
      if (!isAwsCallError(error)) throw error;
      return { couldNotCheck: error.kind === 'accessDenied' ? error.message : error.describe() };
    }
  }
  return { checked };
}

const FINDING_WORDS: Readonly<Record<PolicyFinding['findingType'], string>> = {
  ERROR: 'error',
  SECURITY_WARNING: 'security warning',
  WARNING: 'warning',
  SUGGESTION: 'suggestion',
};

/** Findings that block the plan: AWS calls them errors or security risks. */
const BLOCKING: ReadonlySet<PolicyFinding['findingType']> = new Set(['ERROR', 'SECURITY_WARNING']);

/** The findings as diagnostics at each policy: ERROR and SECURITY_WARNING block the plan, the rest are shown as warnings. */
export function accessAnalyzerDiagnostics(result: AccessAnalyzerCheck, policies: readonly PolicyInput[]): PolicyDiagnostic[] {
  if ('couldNotCheck' in result) {
    return [{ severity: 'warning', message: `IAM Access Analyzer could not check the SCPs and RCPs, so only orgctl's own checks ran: ${visibleText(result.couldNotCheck)}` }];
  }
  const atOf = new Map(policies.map((p) => [p.name, p.at]));
  return result.checked.flatMap(({ name, findings }) =>
    findings.map((finding): PolicyDiagnostic => {
      const at = atOf.get(name);
      const link = finding.learnMoreLink ? ` See ${visibleText(finding.learnMoreLink)}` : '';
      return {
        severity: BLOCKING.has(finding.findingType) ? 'error' : 'warning',
        message: `policy "${visibleText(name)}": IAM Access Analyzer ${FINDING_WORDS[finding.findingType]} ${visibleText(finding.issueCode)}: ${visibleText(finding.message)}${link}`,
        ...(at ? { at } : {}),
      };
    }),
  );
}
