// Checks: each policy's `type` is one AWS Organizations has (POLICY_TYPES), suggesting the closest
// one for a typo. The kind calls it on every policy org.yaml declares (validate and plan):
//   unknownPolicyTypes(declaredPolicies) → PolicyDiagnostic[]  (errors at each policy's `at`)
// The other rules skip policies of an unknown type, so run this one first and show its errors.

import { closestMatch } from '../../../config/closest-match.js';
import { visibleText } from '../../../text/visible-text.js';
import { POLICY_TYPES, limitsOf } from './policy-type-limits.js';
import type { PolicyDiagnostic, PolicyInput } from './types.js';

export function unknownPolicyTypes(policies: readonly PolicyInput[]): PolicyDiagnostic[] {
  const found: PolicyDiagnostic[] = [];
  for (const policy of policies) {
    if (limitsOf(policy.type)) continue;
    const suggestion = closestMatch(policy.type, POLICY_TYPES);
    const fix = suggestion ? `Did you mean ${suggestion}?` : `Use one of ${POLICY_TYPES.join(', ')}.`;
    found.push({
      severity: 'error',
      message: `policy "${visibleText(policy.name)}" has type "${visibleText(policy.type)}", which AWS Organizations does not have. ${fix}`,
      ...(policy.at ? { at: policy.at } : {}),
    });
  }
  return found;
}
