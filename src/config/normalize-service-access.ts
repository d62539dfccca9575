// org.yaml `organization.trustedServices` and `organization.delegatedAdministrators` → DesiredOrg.
// Absent keys stay absent: the plan then leaves trusted access (delegated administrators) as they are.

import type { DesiredDelegatedAdministrators, DesiredOrg, DesiredTrustedService } from '../model/desired.js';
import type { PositionLookup } from './position-lookup.js';
import type { WrittenOrgYaml } from './written-org-yaml.js';

export function normalizeServiceAccess(written: WrittenOrgYaml['organization'], positionOf: PositionLookup): Pick<DesiredOrg, 'trustedServices' | 'delegatedAdministrators'> {
  const out: { trustedServices?: DesiredTrustedService[]; delegatedAdministrators?: DesiredDelegatedAdministrators[] } = {};
  if (written.trustedServices !== undefined) {
    out.trustedServices = written.trustedServices.map((principal, index) => {
      const at = positionOf(['organization', 'trustedServices', index]);
      return { principal, ...(at && { at }) };
    });
  }
  if (written.delegatedAdministrators !== undefined) {
    out.delegatedAdministrators = Object.entries(written.delegatedAdministrators).map(([principal, accounts]) => {
      const at = positionOf(['organization', 'delegatedAdministrators', principal]);
      const accountIds = accounts === undefined ? [] : typeof accounts === 'string' ? [accounts] : [...new Set(accounts)];
      return { principal, accountIds, ...(at && { at }) };
    });
  }
  return out;
}

/** options.pruneTrustedServices and pruneDelegatedAdministrators, only when written (absent means false). */
export function normalizeServiceAccessOptions(written: WrittenOrgYaml['options']): { pruneTrustedServices?: boolean; pruneDelegatedAdministrators?: boolean } {
  return {
    ...(written?.pruneTrustedServices !== undefined && { pruneTrustedServices: written.pruneTrustedServices }),
    ...(written?.pruneDelegatedAdministrators !== undefined && { pruneDelegatedAdministrators: written.pruneDelegatedAdministrators }),
  };
}
