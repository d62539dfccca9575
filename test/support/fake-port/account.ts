// The Account Management side of FakeAwsPort: the alternate contacts FakeSecurity holds.

import type { AccountPort } from '../../../src/aws/port.js';
import type { FakeSecurity } from '../fake-security.js';
import type { FakeAccountLifecycle } from './account-lifecycle.js';
import type { FakeCaller } from './calls.js';

export function fakeAccount(security: FakeSecurity, call: FakeCaller<AccountPort>, lifecycle: FakeAccountLifecycle): AccountPort {
  return {
    getAlternateContact: (type) =>
      call('getAlternateContact', [type], () => {
        const contact = security.contacts.get(type);
        return contact ? { ...contact } : null;
      }),

    putAlternateContact: (contact) =>
      call('putAlternateContact', [contact], () => {
        security.contacts.set(contact.type, { ...contact });
      }),

    putAccountName: (accountId, name) => call('putAccountName', [accountId, name], () => lifecycle.rename(accountId, name)),
  };
}
