// The Identity Store API (IAM Identity Center's directory) over JSON 1.1, target AWSIdentityStore:
// CreateGroup, CreateUser (for seeding), GetGroupId, GetUserId, ListGroups, ListUsers. Names are unique
// per store: a second group with the same DisplayName is a ConflictException, as in AWS.

import { ApiError } from '../api-error.js';
import { InputReader } from '../input.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { paginate } from '../pagination.js';
import { serviceFromHandlers, type CallContext, type EmulatedService, type ServiceErrors } from '../service.js';
import type { IdentityStoreState, StoredGroup, StoredUser } from './state.js';

export const IDENTITY_STORE_TARGET_PREFIX = 'AWSIdentityStore';

export interface IdentityStoreContext {
  readonly identityStore: IdentityStoreState;
  readonly call: CallContext;
}

const errors: ServiceErrors = {
  throttled: () => new ApiError('ThrottlingException', 'Rate exceeded', 429),
  conflict: () => undefined,
  internal: () => new ApiError('InternalServerException', 'The request processing has failed because of an unknown error, exception or failure with an internal server.', 500),
  unknownOperation: (operation) => new ApiError('UnknownOperationException', `The emulator does not implement the Identity Store operation "${operation}".`, 400),
};

const validation = (message: string): ApiError => new ApiError('ValidationException', message, 400);
const reader = (input: JsonObject): InputReader => new InputReader(input, (failure) => validation(failure.message));

/** AlternateIdentifier.UniqueAttribute's path and value. */
function uniqueAttribute(input: JsonObject): { path: string; value: string } {
  const alternate = input['AlternateIdentifier'];
  const unique = isJsonObject(alternate) ? alternate['UniqueAttribute'] : undefined;
  if (!isJsonObject(unique) || typeof unique['AttributePath'] !== 'string' || typeof unique['AttributeValue'] !== 'string') {
    throw validation('AlternateIdentifier.UniqueAttribute with AttributePath and AttributeValue is required.');
  }
  return { path: unique['AttributePath'], value: unique['AttributeValue'] };
}

const groupJson = (g: StoredGroup, storeId: string): JsonObject => ({
  GroupId: g.groupId,
  DisplayName: g.displayName,
  ...(g.description !== undefined && { Description: g.description }),
  ...(g.externalIds.length > 0 && { ExternalIds: g.externalIds.map((e) => ({ Issuer: e.issuer, Id: e.id })) }),
  IdentityStoreId: storeId,
});

const userJson = (u: StoredUser, storeId: string): JsonObject => ({
  UserId: u.userId,
  UserName: u.userName,
  ...(u.displayName !== undefined && { DisplayName: u.displayName }),
  ...(u.externalIds.length > 0 && { ExternalIds: u.externalIds.map((e) => ({ Issuer: e.issuer, Id: e.id })) }),
  IdentityStoreId: storeId,
});

function externalIdsOf(input: JsonObject): { issuer: string; id: string }[] {
  const raw = input['ExternalIds'];
  if (!Array.isArray(raw)) return [];
  return raw.filter(isJsonObject).map((e) => ({ issuer: String(e['Issuer'] ?? ''), id: String(e['Id'] ?? '') }));
}

function listPage<T>(items: readonly T[], input: JsonObject, scope: string): { items: readonly T[]; nextToken: string | undefined } {
  const r = reader(input);
  return paginate(items, { maxResults: r.optionalInteger('MaxResults', { min: 1, max: 100 }), nextToken: r.optionalString('NextToken') }, {
    scope,
    defaultSize: 100,
    serverMax: 100,
    invalidToken: () => validation('The NextToken is not valid.'),
  });
}

const HANDLERS: Readonly<Record<string, (input: JsonObject, ctx: IdentityStoreContext) => JsonObject>> = {
  CreateGroup: (input, ctx) => {
    const r = reader(input);
    const storeId = r.string('IdentityStoreId');
    const displayName = r.string('DisplayName', { min: 1, max: 1024 });
    const store = ctx.identityStore.of(storeId);
    if ([...store.groups.values()].some((g) => g.displayName === displayName)) {
      throw new ApiError('ConflictException', 'Duplicate GroupDisplayName', 409, { Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' });
    }
    const group: StoredGroup = { groupId: ctx.identityStore.newId(), displayName, description: r.optionalString('Description'), externalIds: externalIdsOf(input) };
    store.groups.set(group.groupId, group);
    return { GroupId: group.groupId, IdentityStoreId: storeId };
  },
  CreateUser: (input, ctx) => {
    const r = reader(input);
    const storeId = r.string('IdentityStoreId');
    const userName = r.string('UserName', { min: 1, max: 128 });
    const store = ctx.identityStore.of(storeId);
    if ([...store.users.values()].some((u) => u.userName === userName)) {
      throw new ApiError('ConflictException', 'Duplicate UserName', 409, { Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' });
    }
    const user: StoredUser = { userId: ctx.identityStore.newId(), userName, displayName: r.optionalString('DisplayName'), externalIds: externalIdsOf(input) };
    store.users.set(user.userId, user);
    return { UserId: user.userId, IdentityStoreId: storeId };
  },
  GetGroupId: (input, ctx) => {
    const storeId = reader(input).string('IdentityStoreId');
    const { path, value } = uniqueAttribute(input);
    if (path.toLowerCase() !== 'displayname') throw validation(`The attribute ${path} is not a unique attribute`);
    const group = [...ctx.identityStore.of(storeId).groups.values()].find((g) => g.displayName === value);
    if (!group) throw new ApiError('ResourceNotFoundException', 'GROUP not found.', 404, { ResourceType: 'GROUP' });
    return { GroupId: group.groupId, IdentityStoreId: storeId };
  },
  GetUserId: (input, ctx) => {
    const storeId = reader(input).string('IdentityStoreId');
    const { path, value } = uniqueAttribute(input);
    if (path.toLowerCase() !== 'username') throw validation(`The attribute ${path} is not a unique attribute`);
    const user = [...ctx.identityStore.of(storeId).users.values()].find((u) => u.userName === value);
    if (!user) throw new ApiError('ResourceNotFoundException', 'USER not found.', 404, { ResourceType: 'USER' });
    return { UserId: user.userId, IdentityStoreId: storeId };
  },
  ListGroups: (input, ctx) => {
    const storeId = reader(input).string('IdentityStoreId');
    const page = listPage([...ctx.identityStore.of(storeId).groups.values()], input, `${storeId}:ListGroups`);
    return { Groups: page.items.map((g) => groupJson(g, storeId)), ...(page.nextToken !== undefined && { NextToken: page.nextToken }) };
  },
  ListUsers: (input, ctx) => {
    const storeId = reader(input).string('IdentityStoreId');
    const page = listPage([...ctx.identityStore.of(storeId).users.values()], input, `${storeId}:ListUsers`);
    return { Users: page.items.map((u) => userJson(u, storeId)), ...(page.nextToken !== undefined && { NextToken: page.nextToken }) };
  },
};

export function identityStoreService(contextFor: (call: CallContext) => IdentityStoreContext): EmulatedService {
  return serviceFromHandlers('identitystore', errors, HANDLERS, (call) => contextFor(call));
}
