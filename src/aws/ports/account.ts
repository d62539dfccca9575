// AWS Account Management: the caller account's alternate contacts, and account names.

import type { AlternateContactSpec, AlternateContactType } from '../../model/security.js';

export interface AccountPort {
  /** Account GetAlternateContact; null when that contact type is not set (ResourceNotFoundException). */
  getAlternateContact(type: AlternateContactType): Promise<AlternateContactSpec | null>;
  /** Account PutAlternateContact: creates or replaces the contact. */
  putAlternateContact(contact: AlternateContactSpec): Promise<void>;
  /**
   * Account PutAccountName. A member account is named by `accountId` (needs trusted access for
   * account.amazonaws.com); the management account renames itself without it (AWS refuses its own ID).
   */
  putAccountName(accountId: string | undefined, name: string): Promise<void>;
}
