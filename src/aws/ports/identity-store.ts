// The IAM Identity Center identity store: groups and users by name (its own directory, or what an external
// identity provider synchronizes into it). Regional, like the instance whose IdentityStoreId it is.

/** A group or user as listed (import); `external`: it carries ExternalIds, i.e. an identity provider synchronizes it. */
export interface IdentityStorePrincipal {
  readonly id: string;
  /** A group's DisplayName, a user's UserName. */
  readonly name: string;
  readonly external: boolean;
}

export interface IdentityStorePort {
  /** GetGroupId by DisplayName; null when the store has no such group. */
  getGroupId(region: string, identityStoreId: string, displayName: string): Promise<string | null>;
  /** GetUserId by UserName; null when the store has no such user. */
  getUserId(region: string, identityStoreId: string, userName: string): Promise<string | null>;
  /** CreateGroup; returns the new GroupId. */
  createGroup(region: string, identityStoreId: string, group: { readonly displayName: string; readonly description?: string }): Promise<string>;
  /** ListGroups: every group of the store. */
  listGroups(region: string, identityStoreId: string): Promise<readonly IdentityStorePrincipal[]>;
  /** ListUsers: every user of the store. */
  listUsers(region: string, identityStoreId: string): Promise<readonly IdentityStorePrincipal[]>;
}
