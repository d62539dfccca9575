// `security.alternateContacts` → the management account's contacts, in a fixed order (security,
// billing, operations), positions attached. The rest of `security:` is the audit's (src/config/normalize-security.ts).

import { at, type PositionLookup } from '../../config/position-lookup.js';
import type { DocumentPath } from '../../config/yaml-source.js';
import type { AlternateContact } from '../../config/written-org-yaml.js';
import type { DesiredAlternateContact, SourcePosition } from '../../model/desired.js';
import type { DesiredPart, NormalizeContext } from '../kind.js';

const CONTACT_KEYS = [
  ['security', 'SECURITY'],
  ['billing', 'BILLING'],
  ['operations', 'OPERATIONS'],
] as const;

/** Nothing without a `security:` section (no expectations); else the contacts it declares, maybe none. */
export function normalizeAlternateContacts({ written, positionOf }: NormalizeContext): DesiredPart {
  if (written.security === undefined) return {};
  return {
    security: {
      alternateContacts: normalizeContactSet(written.security.alternateContacts, ['security', 'alternateContacts'], positionOf),
      ...(written.security.memberAlternateContacts === true && { memberAlternateContacts: true }),
    },
  };
}

/** A mapping of contacts by type (security.alternateContacts, or an account entry's) → the declared contacts, in type order. */
export function normalizeContactSet(
  contacts: Partial<Record<(typeof CONTACT_KEYS)[number][0], AlternateContact>> | undefined,
  path: DocumentPath,
  positionOf: PositionLookup,
): DesiredAlternateContact[] {
  return CONTACT_KEYS.flatMap(([key, type]) => {
    const contact = contacts?.[key];
    return contact ? [normalizeContact(type, contact, positionOf([...path, key]))] : [];
  });
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
