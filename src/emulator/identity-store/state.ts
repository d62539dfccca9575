// The identity store of each Identity Center instance: groups (by DisplayName) and users (by UserName),
// keyed by IdentityStoreId. IDs are UUIDs prefixed with 10 hex digits, as AWS's are.

export interface StoredGroup {
  readonly groupId: string;
  readonly displayName: string;
  readonly description: string | undefined;
  /** Set for groups an external identity provider synchronizes (SCIM), as AWS reports them. */
  readonly externalIds: readonly { readonly issuer: string; readonly id: string }[];
}

export interface StoredUser {
  readonly userId: string;
  readonly userName: string;
  readonly displayName: string | undefined;
  readonly externalIds: readonly { readonly issuer: string; readonly id: string }[];
}

export interface IdentityStoreContents {
  readonly groups: Map<string, StoredGroup>;
  readonly users: Map<string, StoredUser>;
}

export class IdentityStoreState {
  private readonly stores = new Map<string, IdentityStoreContents>();
  private counter = 0;

  of(identityStoreId: string): IdentityStoreContents {
    let store = this.stores.get(identityStoreId);
    if (!store) {
      store = { groups: new Map(), users: new Map() };
      this.stores.set(identityStoreId, store);
    }
    return store;
  }

  /** Whether a group or user with this ID exists in any store. */
  principalExists(type: 'GROUP' | 'USER', id: string): boolean {
    for (const store of this.stores.values()) if ((type === 'GROUP' ? store.groups : store.users).has(id)) return true;
    return false;
  }

  newId(): string {
    const n = (++this.counter).toString(16).padStart(12, '0');
    return `906700${n.slice(0, 4)}-${n.slice(4, 8)}-7000-8000-${n.padStart(12, '0')}`;
  }
}
