// The IAM Identity Center identity store side of the SDK port: groups and users by name, one regional
// client each (the instance's region).

import { isAwsCallError } from '../errors.js';
import { PAGE_SIZES } from '../page-sizes.js';
import type { IdentityStorePort, IdentityStorePrincipal } from '../ports/identity-store.js';
import type { AdapterContext } from './adapter-context.js';

export function identityStoreAdapter({ clients, call, list }: AdapterContext): IdentityStorePort {
  /** A lookup by unique attribute; ResourceNotFoundException means "no such name". */
  const lookUp = async (operation: 'GetGroupId' | 'GetUserId', send: () => Promise<string | undefined>): Promise<string | null> => {
    try {
      return (await call('identitystore', operation, send)) ?? null;
    } catch (error) {
      if (isAwsCallError(error, 'notFound')) return null;
      throw error;
    }
  };
  return {
    async getGroupId(region, IdentityStoreId, displayName) {
      const { sdk, identityStore } = await clients.security();
      const client = identityStore(region);
      return lookUp('GetGroupId', async () => {
        const out = await client.send(
          new sdk.GetGroupIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: displayName } } }),
        );
        return out.GroupId;
      });
    },
    async getUserId(region, IdentityStoreId, userName) {
      const { sdk, identityStore } = await clients.security();
      const client = identityStore(region);
      return lookUp('GetUserId', async () => {
        const out = await client.send(new sdk.GetUserIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: userName } } }));
        return out.UserId;
      });
    },
    async createGroup(region, IdentityStoreId, group) {
      const security = await clients.security();
      const out = await call('identitystore', 'CreateGroup', () =>
        security
          .identityStore(region)
          .send(new security.sdk.CreateGroupCommand({ IdentityStoreId, DisplayName: group.displayName, ...(group.description !== undefined && { Description: group.description }) })),
      );
      return out.GroupId ?? '';
    },
    async listGroups(region, IdentityStoreId) {
      const security = await clients.security();
      const groups = await list({
        service: 'identitystore',
        operation: 'ListGroups',
        pageSize: PAGE_SIZES.identityCenter,
        send: (NextToken, MaxResults) => security.identityStore(region).send(new security.sdk.ListGroupsCommand({ IdentityStoreId, MaxResults, NextToken })),
        page: (out) => ({ items: out.Groups, nextToken: out.NextToken }),
      });
      return groups.map((g): IdentityStorePrincipal => ({ id: g.GroupId ?? '', name: g.DisplayName ?? '', external: (g.ExternalIds ?? []).length > 0 }));
    },
    async listUsers(region, IdentityStoreId) {
      const security = await clients.security();
      const users = await list({
        service: 'identitystore',
        operation: 'ListUsers',
        pageSize: PAGE_SIZES.identityCenter,
        send: (NextToken, MaxResults) => security.identityStore(region).send(new security.sdk.ListUsersCommand({ IdentityStoreId, MaxResults, NextToken })),
        page: (out) => ({ items: out.Users, nextToken: out.NextToken }),
      });
      return users.map((u): IdentityStorePrincipal => ({ id: u.UserId ?? '', name: u.UserName ?? '', external: (u.ExternalIds ?? []).length > 0 }));
    },
  };
}
