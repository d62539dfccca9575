// AWS Account Management: the caller account's alternate contacts.

import type { AlternateContactSpec, AlternateContactType } from '../../model/security.js';

export interface AccountPort {
  /** Account GetAlternateContact; null when that contact type is not set (ResourceNotFoundException). */
  getAlternateContact(type: AlternateContactType): Promise<AlternateContactSpec | null>;
  /** Account PutAlternateContact: creates or replaces the contact. */
  putAlternateContact(contact: AlternateContactSpec): Promise<void>;
}
