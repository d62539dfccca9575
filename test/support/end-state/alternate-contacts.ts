// The management account's alternate contacts. org.yaml's promises (docs/org-yaml.md, `security`):
// - a declared contact has the declared fields (the email compared without regard to case), and keeps
//   the fields org.yaml leaves out as AWS had them;
// - a declared contact that is not set yet is set only when org.yaml gives all four fields (AWS needs
//   them all); otherwise it stays unset ("the plan warns and leaves it to you");
// - a contact type org.yaml does not declare is left as it was.

import { GetAlternateContactCommand } from '@aws-sdk/client-account';
import type { LiveOrg } from '../../../src/model/live.js';
import { errorName } from './aws.js';
import { type EndStateKind, newReport, type ReadContext } from './kind.js';
import { mapping, text, type OrgYamlDocument } from './org-yaml.js';

const TYPES = ['SECURITY', 'BILLING', 'OPERATIONS'] as const;
type ContactType = (typeof TYPES)[number];
const FIELDS = ['email', 'name', 'title', 'phone'] as const;
type Field = (typeof FIELDS)[number];

export type StateContact = Readonly<Record<Field, string>>;

export interface ContactsState {
  /** By type: the contact, null when not set; a type absent here was not read. */
  readonly contacts: Readonly<Partial<Record<ContactType, StateContact | null>>>;
}

/** By type: the fields org.yaml writes. */
export type DeclaredContacts = Readonly<Partial<Record<ContactType, Readonly<Partial<Record<Field, string>>>>>>;

function declared(document: OrgYamlDocument): DeclaredContacts {
  const contacts = mapping(mapping(document.get('security'), 'security').get('alternateContacts'), 'security.alternateContacts');
  const result: Partial<Record<ContactType, Partial<Record<Field, string>>>> = {};
  for (const [key, value] of contacts) {
    const type = key.toUpperCase() as ContactType;
    if (!TYPES.includes(type)) throw new Error(`end-state oracle: unknown alternate contact ${key}`);
    const contact = mapping(value, `security.alternateContacts.${key}`);
    result[type] = Object.fromEntries(FIELDS.filter((f) => contact.has(f)).map((f) => [f, text(contact.get(f), `security.alternateContacts.${key}.${f}`)]));
  }
  return result;
}

async function read({ clients: { account } }: ReadContext): Promise<ContactsState> {
  const contacts: Partial<Record<ContactType, StateContact | null>> = {};
  for (const type of TYPES) {
    try {
      const c = (await account.send(new GetAlternateContactCommand({ AlternateContactType: type }))).AlternateContact;
      contacts[type] = { email: c?.EmailAddress ?? '', name: c?.Name ?? '', title: c?.Title ?? '', phone: c?.PhoneNumber ?? '' };
    } catch (error) {
      if (errorName(error) !== 'ResourceNotFoundException') throw error;
      contacts[type] = null;
    }
  }
  return { contacts };
}

function fromLive(live: LiveOrg): ContactsState {
  // A LiveOrg holds only the contacts org.yaml declares (the reader reads no others).
  return { contacts: Object.fromEntries((live.alternateContacts ?? []).map((c) => [c.type, c.contact && { email: c.contact.email, name: c.contact.name, title: c.contact.title, phone: c.contact.phone }])) };
}

function check(after: ContactsState, declared: DeclaredContacts, before: ContactsState) {
  const report = newReport();
  for (const type of TYPES) {
    const now = after.contacts[type];
    const was = before.contacts[type];
    const want = declared[type];
    if (want === undefined) {
      // Not declared: as it was (when both moments were read).
      if (now !== undefined && was !== undefined && JSON.stringify(now) !== JSON.stringify(was)) {
        report.mismatches.push(`${type}: not in org.yaml, yet changed from ${JSON.stringify(was)} to ${JSON.stringify(now)}`);
      }
      continue;
    }
    if (now === undefined || was === undefined) {
      report.mismatches.push(`${type}: declared, but the contact was not read ${now === undefined ? 'after' : 'before'} the apply`);
      continue;
    }
    const settable = was !== null || FIELDS.every((f) => want[f] !== undefined);
    if (!settable) {
      if (now !== null) report.mismatches.push(`${type}: not set before and org.yaml lacks fields AWS needs, so it stays unset; yet it is ${JSON.stringify(now)}`);
      continue;
    }
    if (now === null) {
      report.mismatches.push(`${type}: declared, not set in AWS`);
      continue;
    }
    for (const field of FIELDS) {
      const expected = want[field] ?? was?.[field];
      const same = field === 'email' ? now.email.toLowerCase() === expected?.toLowerCase() : now[field] === expected;
      if (!same) report.mismatches.push(`${type}: ${field} is ${JSON.stringify(now[field])}, expected ${JSON.stringify(expected)}${want[field] === undefined ? ' (not in org.yaml: as before the apply)' : ''}`);
    }
  }
  return report;
}

export const alternateContactsKind: EndStateKind<ContactsState, DeclaredContacts> = { name: 'alternate contacts', declared, read, fromLive, check };
