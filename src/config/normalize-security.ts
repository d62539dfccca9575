// org.yaml's `security:` section → DesiredSecurity: defaults applied, positions attached, contacts in a
// fixed order (security, billing, operations). Absent section → undefined: no expectations, but the
// audit still checks the root user.

import type { DesiredAlternateContact, DesiredSecurity, SourcePosition } from '../model/desired.js';
import type { AlternateContact, Security } from './written-org-yaml.js';
import type { PositionLookup } from './position-lookup.js';

/** Defaults for omitted keys of `security:`; the schema's `default` annotations say the same (a test keeps them equal). */
export const SECURITY_DEFAULTS = { identityCenter: 'optional' } as const satisfies Pick<DesiredSecurity, 'identityCenter'>;

const CONTACT_KEYS = [
  ['security', 'SECURITY'],
  ['billing', 'BILLING'],
  ['operations', 'OPERATIONS'],
] as const;

function at(position: SourcePosition | undefined): { at?: SourcePosition } {
  return position ? { at: position } : {};
}

function normalizeContact(type: DesiredAlternateContact['type'], written: AlternateContact, position: SourcePosition | undefined): DesiredAlternateContact {
  return {
    type,
    email: written.email,
    ...(written.name !== undefined && { name: written.name }),
    ...(written.title !== undefined && { title: written.title }),
    ...(written.phone !== undefined && { phone: written.phone }),
    ...at(position),
  };
}

export function normalizeSecurity(written: Security | undefined, positionOf: PositionLookup): DesiredSecurity | undefined {
  if (written === undefined) return undefined;
  const contacts = written.alternateContacts ?? {};
  const identityCenterAt = written.identityCenter !== undefined ? positionOf(['security', 'identityCenter']) : undefined;
  return {
    breakGlassUsers: (written.breakGlassUsers ?? []).map((name, index) => ({ name, ...at(positionOf(['security', 'breakGlassUsers', index])) })),
    identityCenter: written.identityCenter ?? SECURITY_DEFAULTS.identityCenter,
    ...(identityCenterAt && { identityCenterAt }),
    ...(written.identityCenterRegion !== undefined && { identityCenterRegion: written.identityCenterRegion }),
    alternateContacts: CONTACT_KEYS.flatMap(([key, type]) => {
      const contact = contacts[key];
      return contact ? [normalizeContact(type, contact, positionOf(['security', 'alternateContacts', key]))] : [];
    }),
    ...at(positionOf(['security'])),
  };
}
