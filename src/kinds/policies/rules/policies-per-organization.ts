// Checks: the organization stays within AWS's number of policies of each type (POLICY_TYPE_LIMITS:
// SCP 10,000, RCP 2,000, the others 1,000). The kind calls it during plan with every policy that will
// exist after the plan (declared, AWS-managed and other tools'):
//   policiesPerOrganization(allPolicies) → PolicyDiagnostic[]  (one error per type over, without a place)
// Whether AWS counts its own managed policies toward the quota is not documented; counting them errs on
// the safe side by at most one or two.

import { limitsOf } from './policy-type-limits.js';
import type { PolicyDiagnostic, PolicyInput } from './types.js';

export function policiesPerOrganization(policies: readonly PolicyInput[]): PolicyDiagnostic[] {
  const counts = new Map<string, number>();
  for (const name of new Set(policies.map((p) => `${p.type}\u0000${p.name}`))) {
    const type = name.slice(0, name.indexOf('\u0000'));
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const found: PolicyDiagnostic[] = [];
  for (const [type, count] of counts) {
    const limits = limitsOf(type);
    if (!limits || count <= limits.maxPoliciesPerOrganization) continue;
    found.push({
      severity: 'error',
      message:
        `the organization would have ${count.toLocaleString('en-US')} policies of type ${type} (${limits.label}); AWS allows at most ${limits.maxPoliciesPerOrganization.toLocaleString('en-US')} of this type per organization. ` +
        `Merge policies, or delete ones no longer attached (set options.prunePolicies for those orgctl created).`,
    });
  }
  return found;
}
