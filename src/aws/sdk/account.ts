// The Account Management side of the SDK port: the caller account's alternate contacts.

import { isAwsCallError } from '../errors.js';
import type { AccountPort } from '../ports/account.js';
import type { AdapterContext } from './adapter-context.js';
import { toAlternateContact } from './security-shapes.js';

export function accountAdapter({ clients, call }: AdapterContext): AccountPort {
  const service = 'account';
  return {
    async getAlternateContact(type, accountId) {
      const { account, sdk } = await clients.security();
      try {
        // No AccountId: the caller's own account (the management account may not name itself).
        const out = await call(service, 'GetAlternateContact', () =>
          account.send(new sdk.GetAlternateContactCommand({ AlternateContactType: type, ...(accountId !== undefined && { AccountId: accountId }) })),
        );
        return out.AlternateContact ? toAlternateContact(out.AlternateContact, type) : null;
      } catch (error) {
        // ResourceNotFoundException: this contact type is not set.
        if (isAwsCallError(error, 'notFound')) return null;
        throw error;
      }
    },

    async putAlternateContact(contact, accountId) {
      const { account, sdk } = await clients.security();
      await call(service, 'PutAlternateContact', () =>
        account.send(
          new sdk.PutAlternateContactCommand({
            AlternateContactType: contact.type,
            Name: contact.name,
            Title: contact.title,
            EmailAddress: contact.email,
            PhoneNumber: contact.phone,
            ...(accountId !== undefined && { AccountId: accountId }),
          }),
        ),
      );
    },

    async putAccountName(accountId, name) {
      const { account, sdk } = await clients.security();
      await call(service, 'PutAccountName', () =>
        account.send(new sdk.PutAccountNameCommand({ AccountName: name, ...(accountId !== undefined && { AccountId: accountId }) })),
      );
    },
  };
}
