// org.yaml's `security:` section, the audit's part of it → DesiredSecurity without the alternate contacts
// (the alternate-contacts kind normalizes those, src/kinds/alternate-contacts/normalize.ts): defaults
// applied, positions attached. Absent section → undefined: no expectations, but the audit still checks
// the root user.

import type { DesiredSecurity } from '../model/desired.js';
import { at, type PositionLookup } from './position-lookup.js';
import type { Security } from './written-org-yaml.js';

/** Defaults for omitted keys of `security:`; the schema's `default` annotations say the same (a test keeps them equal). */
export const SECURITY_DEFAULTS = { identityCenter: 'optional' } as const satisfies Pick<DesiredSecurity, 'identityCenter'>;

export function normalizeSecurity(written: Security | undefined, positionOf: PositionLookup): Omit<DesiredSecurity, 'alternateContacts'> | undefined {
  if (written === undefined) return undefined;
  const identityCenterAt = written.identityCenter !== undefined ? positionOf(['security', 'identityCenter']) : undefined;
  return {
    breakGlassUsers: (written.breakGlassUsers ?? []).map((entry, index) => ({
      // A user name, or { name, create } (create: true asks orgctl to create the user).
      ...(typeof entry === 'string' ? { name: entry } : { name: entry.name, ...(entry.create === true && { create: true as const }) }),
      ...at(positionOf(['security', 'breakGlassUsers', index])),
    })),
    identityCenter: written.identityCenter ?? SECURITY_DEFAULTS.identityCenter,
    ...(identityCenterAt && { identityCenterAt }),
    ...(written.identityCenterRegion !== undefined && { identityCenterRegion: written.identityCenterRegion }),
    ...at(positionOf(['security'])),
  };
}
