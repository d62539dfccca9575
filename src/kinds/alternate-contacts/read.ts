// The alternate-contacts kind's read: GetAlternateContact for each type org.yaml declares, nothing when
// it declares none (so plans of files without contacts make no such call and hash as before).

import type { AlternateContactObservation } from '../../audit/audit-input.js';
import { readAlternateContacts } from '../../audit/read-audit-input.js';
import type { LiveAlternateContact, LiveOrg } from '../../model/live.js';
import type { KindReadContext } from '../kind.js';

export function readAlternateContactsSlice(ctx: KindReadContext): Promise<Pick<LiveOrg, 'alternateContacts'>> {
  const security = ctx.desired.security;
  if (!security?.alternateContacts.length) return Promise.resolve({});
  const observed = readAlternateContacts(ctx.port, security);
  // The audit checks the same contacts: it gets these observations instead of reading them again.
  ctx.observations.alternateContacts = observed;
  return observed.then((list) => ({ alternateContacts: list.map(toLiveContact) }));
}

function toLiveContact(observed: AlternateContactObservation): LiveAlternateContact {
  if (observed.contact.ok) return { type: observed.type, contact: observed.contact.value };
  const { failure } = observed.contact;
  const readError = failure.denied ? `AWS denied ${failure.operation}: the credentials lack ${failure.action}` : `${failure.operation} failed: ${failure.message}`;
  return { type: observed.type, contact: null, readError };
}
