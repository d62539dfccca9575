// Checks: after the plan, every root, OU and account stays within AWS's number of DIRECTLY attached
// policies of each type (POLICY_TYPE_LIMITS: SCP 10, RCP 5 including RCPFullAWSAccess, …; inherited
// policies do not count), and keeps the minimum of each enabled type that has one: an SCP while SCPs are
// enabled, an RCP (RCPFullAWSAccess) while RCPs are enabled. A target left below the minimum is an error:
// AWS refuses to detach the last one (ConstraintViolationException), and the plan must not try.
// The kind calls it during plan with what WILL be attached, counting AWS-managed policies and other
// tools' attachments that orgctl leaves alone:
//   attachmentsPerTarget(allPolicies, targets, enabledTypes) → PolicyDiagnostic[]
//     allPolicies:  every policy that will exist (declared, AWS-managed, other tools'), to know each name's type
//     targets:      every root, OU and account with its direct attachments after the plan
//     enabledTypes: the policy types enabled on the root after the plan
// An attached name that is not in allPolicies is not counted (the kind reports undeclared names itself).

import { visibleText } from '../../../text/visible-text.js';
import { limitsOf } from './policy-type-limits.js';
import type { PolicyDiagnostic, PolicyInput, TargetAttachments } from './types.js';

export function attachmentsPerTarget(
  policies: readonly PolicyInput[],
  targets: readonly TargetAttachments[],
  enabledTypes: readonly string[],
): PolicyDiagnostic[] {
  const typeOf = new Map(policies.map((p) => [p.name, p.type]));
  const found: PolicyDiagnostic[] = [];
  for (const target of targets) {
    const byType = new Map<string, string[]>();
    for (const name of new Set(target.policies)) {
      const type = typeOf.get(name);
      if (type === undefined) continue;
      byType.set(type, [...(byType.get(type) ?? []), name]);
    }
    const at = target.at ? { at: target.at } : {};
    for (const [type, names] of byType) {
      const limits = limitsOf(type);
      if (!limits || names.length <= limits.maxAttachedPerTarget) continue;
      found.push({
        severity: 'error',
        message:
          `${visibleText(target.target)} would have ${names.length} ${limits.label} attachments (${names.map((n) => visibleText(n)).join(', ')}); ` +
          `AWS allows at most ${limits.maxAttachedPerTarget} attached directly to one root, OU or account, counting AWS-managed ones and other tools'. ` +
          `Combine policies, or attach some to a parent OU instead (inherited policies do not count).`,
        ...at,
      });
    }
    for (const type of new Set(enabledTypes)) {
      const limits = limitsOf(type);
      if (!limits || limits.minAttachedPerTarget === 0) continue;
      const count = byType.get(type)?.length ?? 0;
      if (count >= limits.minAttachedPerTarget) continue;
      const keep = type === 'SERVICE_CONTROL_POLICY' ? 'FullAWSAccess or another SCP' : type === 'RESOURCE_CONTROL_POLICY' ? 'RCPFullAWSAccess' : `a ${limits.label}`;
      found.push({
        severity: 'error',
        message:
          `${visibleText(target.target)} would be left with no ${limits.label}; AWS requires at least ${limits.minAttachedPerTarget} on every root, OU and account while the type is enabled, and refuses to detach the last one. ` +
          `Keep ${keep} in its policies.`,
        ...at,
      });
    }
  }
  return found;
}
