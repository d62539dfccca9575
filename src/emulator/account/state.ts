// Alternate contacts per account (the Account Management API).

export type AlternateContactType = 'BILLING' | 'OPERATIONS' | 'SECURITY';
export const ALTERNATE_CONTACT_TYPES: readonly AlternateContactType[] = ['BILLING', 'OPERATIONS', 'SECURITY'];

export interface AlternateContactRecord {
  readonly name: string;
  readonly title: string;
  readonly emailAddress: string;
  readonly phoneNumber: string;
}

export class AlternateContactsState {
  private readonly byAccount = new Map<string, Map<AlternateContactType, AlternateContactRecord>>();

  of(accountId: string): Map<AlternateContactType, AlternateContactRecord> {
    let contacts = this.byAccount.get(accountId);
    if (!contacts) {
      contacts = new Map();
      this.byAccount.set(accountId, contacts);
    }
    return contacts;
  }

  /** Every set contact, accounts and types in a stable order (snapshots). */
  all(): { accountId: string; type: AlternateContactType; contact: AlternateContactRecord }[] {
    return [...this.byAccount]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([accountId, contacts]) => ALTERNATE_CONTACT_TYPES.flatMap((type) => {
        const contact = contacts.get(type);
        return contact ? [{ accountId, type, contact }] : [];
      }));
  }
}
