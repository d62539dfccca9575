// Checks: each policy's minified document fits its type's size limit (POLICY_TYPE_LIMITS), measured
// on what orgctl uploads (PolicyInput.minifiedLength). AWS-managed policies and unknown types are
// skipped. The kind calls it on the policies org.yaml declares (validate and plan):
//   oversizedPolicies(declaredPolicies) → PolicyDiagnostic[]  (errors at each policy's `at`)

import { visibleText } from '../../../text/visible-text.js';
import { limitsOf } from './policy-type-limits.js';
import type { PolicyDiagnostic, PolicyInput } from './types.js';

export function oversizedPolicies(policies: readonly PolicyInput[]): PolicyDiagnostic[] {
  const found: PolicyDiagnostic[] = [];
  for (const policy of policies) {
    const limits = limitsOf(policy.type);
    if (!limits || policy.awsManaged || policy.minifiedLength <= limits.maxDocumentCharacters) continue;
    const over = policy.minifiedLength - limits.maxDocumentCharacters;
    found.push({
      severity: 'error',
      message:
        `policy "${visibleText(policy.name)}" is ${policy.minifiedLength.toLocaleString('en-US')} characters as orgctl uploads it (minified JSON); ` +
        `AWS allows at most ${limits.maxDocumentCharacters.toLocaleString('en-US')} for a ${limits.label}. ` +
        `Shorten it by ${over.toLocaleString('en-US')} character${over === 1 ? '' : 's'} (e.g. combine statements, use wildcards in actions) or split it into two policies.`,
      ...(policy.at ? { at: policy.at } : {}),
    });
  }
  return found;
}
