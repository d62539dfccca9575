// `security.alternateContacts` → the management account's contacts, in a fixed order (security,
// billing, operations), positions attached. The rest of `security:` is the audit's (src/config/normalize-security.ts).

import { at } from '../../config/position-lookup.js';
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
  const contacts = written.security.alternateContacts ?? {};
  return {
    security: {
      alternateContacts: CONTACT_KEYS.flatMap(([key, type]) => {
        const contact = contacts[key];
        return contact ? [normalizeContact(type, contact, positionOf(['security', 'alternateContacts', key]))] : [];
      }),
    },
  };
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
