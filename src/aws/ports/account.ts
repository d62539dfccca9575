// AWS Account Management: the caller account's alternate contacts, and account names.

import type { AlternateContactSpec, AlternateContactType } from '../../model/security.js';

export interface AccountPort {
  /**
   * Account GetAlternateContact; null when that contact type is not set (ResourceNotFoundException).
   * `accountId`: a member account's (needs trusted access for account.amazonaws.com); absent: the caller's own.
   */
  getAlternateContact(type: AlternateContactType, accountId?: string): Promise<AlternateContactSpec | null>;
  /** Account PutAlternateContact: creates or replaces the contact (of a member account when `accountId` is given). */
  putAlternateContact(contact: AlternateContactSpec, accountId?: string): Promise<void>;
  /**
   * Account PutAccountName. A member account is named by `accountId` (needs trusted access for
   * account.amazonaws.com); the management account renames itself without it (AWS refuses its own ID).
   */
  putAccountName(accountId: string | undefined, name: string): Promise<void>;
}
