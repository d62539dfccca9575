// org.yaml `organization.trustedServices` and `organization.delegatedAdministrators` → DesiredOrg, and
// the two prune options. Absent keys stay absent: the plan then leaves trusted access (delegated
// administrators) as they are, and an absent prune option means false.

import { at } from '../../config/position-lookup.js';
import type { DesiredDelegatedAdministrators, DesiredTrustedService } from '../../model/desired.js';
import type { DesiredPart, NormalizeContext } from '../kind.js';

export function normalizeServiceAccess({ written, positionOf }: NormalizeContext): DesiredPart {
  const { trustedServices, delegatedAdministrators } = written.organization;
  return {
    ...(trustedServices !== undefined && {
      trustedServices: trustedServices.map((principal, index): DesiredTrustedService => ({ principal, ...at(positionOf(['organization', 'trustedServices', index])) })),
    }),
    ...(delegatedAdministrators !== undefined && {
      delegatedAdministrators: Object.entries(delegatedAdministrators).map(
        ([principal, accounts]): DesiredDelegatedAdministrators => ({
          principal,
          accountIds: accounts === undefined ? [] : typeof accounts === 'string' ? [accounts] : [...new Set(accounts)],
          ...at(positionOf(['organization', 'delegatedAdministrators', principal])),
        }),
      ),
    }),
    options: {
      ...(written.options?.pruneTrustedServices !== undefined && { pruneTrustedServices: written.options.pruneTrustedServices }),
      ...(written.options?.pruneDelegatedAdministrators !== undefined && { pruneDelegatedAdministrators: written.options.pruneDelegatedAdministrators }),
    },
  };
}
