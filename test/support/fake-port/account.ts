// The Account Management side of FakeAwsPort: the alternate contacts FakeSecurity holds.

import type { AccountPort } from '../../../src/aws/port.js';
import type { AlternateContactSpec, AlternateContactType } from '../../../src/model/security.js';
import type { FakeSecurity } from '../fake-security.js';
import type { FakeAccountLifecycle } from './account-lifecycle.js';
import type { FakeCaller } from './calls.js';

export function fakeAccount(security: FakeSecurity, call: FakeCaller<AccountPort>, lifecycle: FakeAccountLifecycle): AccountPort {
  return {
    getAlternateContact: (type, accountId) =>
      call('getAlternateContact', accountId === undefined ? [type] : [type, accountId], () => {
        const contact = (accountId === undefined ? security.contacts : memberContacts(security, lifecycle, accountId)).get(type);
        return contact ? { ...contact } : null;
      }),

    putAlternateContact: (contact, accountId) =>
      call('putAlternateContact', accountId === undefined ? [contact] : [contact, accountId], () => {
        (accountId === undefined ? security.contacts : memberContacts(security, lifecycle, accountId, 'PutAlternateContact')).set(contact.type, { ...contact });
      }),

    putAccountName: (accountId, name) => call('putAccountName', [accountId, name], () => lifecycle.rename(accountId, name)),
  };
}

/** A member account's contacts; AWS refuses an account outside the organization (or the caller's own ID). */
function memberContacts(security: FakeSecurity, lifecycle: FakeAccountLifecycle, accountId: string, operation?: string): Map<AlternateContactType, AlternateContactSpec> {
  lifecycle.requireMember(accountId, operation);
  let contacts = security.memberContacts.get(accountId);
  if (contacts === undefined) security.memberContacts.set(accountId, (contacts = new Map()));
  return contacts;
}
