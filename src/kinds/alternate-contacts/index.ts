// The alternate-contacts kind: the security, billing and operations contacts of the management account and,
// where org.yaml declares them, of member accounts (members.ts).

import type { AlternateContactSpec } from '../../model/security.js';
import { sortedRecord } from '../../planner/sorted-record.js';
import type { ResourceKind } from '../kind.js';
import { planAlternateContactSteps } from './plan.js';
import { readAlternateContactsSlice } from './read.js';
import type { AlternateContactStep } from './steps.js';
import { normalizeAlternateContacts } from './normalize.js';

export const alternateContactsKind: ResourceKind<AlternateContactStep['kind'], 'alternateContacts' | 'memberAlternateContacts'> = {
  name: 'alternate contacts',
  groups: ['Alternate contacts'],
  normalize: normalizeAlternateContacts,
  plan: planAlternateContactSteps,
  // Import reads no contacts (they are per account and optional in org.yaml), so it writes no
  // `security:` section: a file without contacts compares none, and plans nothing for them.
  importDesired: () => ({ desired: {}, leftOut: {}, counts: {} }),
  // Contacts are written inside `security:`, beside the audit's settings (src/config/write-org-yaml.ts).
  orgYamlSection: () => [],
  read: readAlternateContactsSlice,
  liveFields: ['alternateContacts', 'memberAlternateContacts'],
  // Only when read (org.yaml declares contacts), so plans of files without them hash as before.
  fingerprint: (live) => ({
    ...(live.alternateContacts && {
      alternateContacts: sortedRecord(live.alternateContacts.map((c) => [c.type, c.readError === undefined ? c.contact : { unreadable: true }])),
    }),
    ...(live.memberAlternateContacts && {
      memberAlternateContacts: sortedRecord(live.memberAlternateContacts.map((c) => [`${c.accountId}/${c.type}`, c.readError === undefined ? c.contact : { unreadable: true }])),
    }),
  }),
  steps: {
    putAlternateContact: {
      group: 'Alternate contacts',
      action: 'update',
      // Setting a contact that was not set is a create.
      actionOf: (step) => (step.before === null ? 'create' : 'update'),
      describe: (step) => ({ details: [...(step.accountId !== undefined ? [`account: ${step.accountId}`] : []), ...contactChanges(step.before, step.after)] }),
      // An upsert: of the caller's own contact without AccountId (the management account may not name itself),
      // of a member's with it. Running it twice leaves the same contact.
      execute: (step, { port }) => port.putAlternateContact(step.after, step.accountId),
    },
  },
};

const CONTACT_FIELDS = [
  ['email', 'email'],
  ['name', 'name'],
  ['title', 'title'],
  ['phone', 'phone'],
] as const satisfies readonly (readonly [keyof AlternateContactSpec, string])[];

/** One line per field: `email: "old" → "new"` when it changes, `name: "same"` when it stays. */
function contactChanges(before: AlternateContactSpec | null, after: AlternateContactSpec): string[] {
  return CONTACT_FIELDS.map(([field, label]) => {
    const old = before?.[field];
    return old === undefined || old === after[field] ? `${label}: "${after[field]}"` : `${label}: "${old}" → "${after[field]}"`;
  });
}
