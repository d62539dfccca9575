// IAM over the query protocol (form-encoded Action=..., XML answers in IAM's namespace): what the
// root-credential audit reads (GetAccountSummary, ListMFADevices, ListAccessKeys,
// ListOrganizationsFeatures) and the writes that set such a world up through the real SDK or CLI.

import { ApiError } from '../api-error.js';
import type { JsonObject, JsonValue } from '../json.js';
import type { OrganizationsState } from '../organizations/state.js';
import { paginate } from '../pagination.js';
import { serviceFromHandlers, type CallContext, type EmulatedService } from '../service.js';
import { iamErrors, noSuchUser, validationError } from './errors.js';
import { ORGANIZATIONS_FEATURES, type IamAccount, type IamState, type IamUserRecord, type OrganizationsFeature } from './state.js';

export const IAM_VERSION = '2010-05-08';
export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';
/** GetAccountSummary's SummaryMap is an XML map. */
export const IAM_XML_MAPS = ['SummaryMap'] as const;

export interface IamContext {
  readonly iam: IamState;
  readonly organizations: OrganizationsState;
  readonly call: CallContext;
}

const USER_NAME = /^[\w+=,.@-]{1,64}$/;
const ACCESS_KEY_ID = /^[\w]{16,128}$/;
const SERIAL = /^[\w+=/:,.@-]{9,256}$/;
const AUTH_CODE = /^[\d]{6}$/;
const MFA_DEVICE_NAME = /^[\w+=,.@-]{1,226}$/;

/** Query parameters arrive as strings. */
function text(input: JsonObject, name: string, pattern?: RegExp): string {
  const value = optionalText(input, name, pattern);
  if (value === undefined) throw validationError(`1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`);
  return value;
}

function optionalText(input: JsonObject, name: string, pattern?: RegExp): string | undefined {
  const value: JsonValue | undefined = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`${name} must be a string.`);
  if (pattern && !pattern.test(value)) {
    throw validationError(`1 validation error detected: Value '${value}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern.source}`);
  }
  return value;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function accountOf(ctx: IamContext): IamAccount {
  return ctx.iam.account(ctx.call.caller.accountId);
}

function requireUser(ctx: IamContext, userName: string): IamUserRecord {
  const user = accountOf(ctx).users.get(userName.toLowerCase());
  if (!user) throw noSuchUser(userName);
  return user;
}

function userShape(ctx: IamContext, user: IamUserRecord, withTags = true): JsonObject {
  const tags = withTags ? Object.entries(user.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) : [];
  return {
    Path: '/',
    UserName: user.userName,
    UserId: user.userId,
    Arn: `arn:aws:iam::${ctx.call.caller.accountId}:user/${user.userName}`,
    CreateDate: iso(user.createdAt),
    // GetUser and CreateUser answer with the user's tags, when it has any.
    ...(tags.length > 0 && { Tags: tags }),
  };
}

const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
const POLICY_ARN = /^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]{1,128}$/;

/** CreateUser's Tags.member.N.Key/Value, checked as IAM checks them (at most 50, keys once). */
function userTags(input: JsonObject): [string, string][] {
  const raw = input['Tags'];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('Tags must be a list.');
  if (raw.length > 50) throw new ApiError('LimitExceeded', 'The number of tags has reached the maximum limit.', 409);
  const tags = raw.map((entry): [string, string] => {
    const tag = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry : {};
    const key = tag['Key'];
    const value = tag['Value'] ?? '';
    if (typeof key !== 'string' || !TAG_KEY.test(key)) throw validationError(`1 validation error detected: Value '${String(key)}' at 'tags.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+`);
    if (typeof value !== 'string' || !TAG_VALUE.test(value)) throw validationError(`1 validation error detected: Value at 'tags.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*`);
    return [key, value];
  });
  if (new Set(tags.map(([key]) => key.toLowerCase())).size !== tags.length) throw new ApiError('InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.', 400);
  return tags;
}

/** IAM's Marker/MaxItems paging (MaxItems 1..1000, default 100), with opaque markers. */
function page<T>(ctx: IamContext, input: JsonObject, scope: string, items: readonly T[]): { items: readonly T[]; truncated: JsonObject } {
  const raw = optionalText(input, 'MaxItems');
  const maxItems = raw === undefined ? undefined : Number(raw);
  if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 1000)) {
    throw validationError(`1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`);
  }
  const result = paginate(items, { maxResults: maxItems, nextToken: optionalText(input, 'Marker') }, {
    scope: `${ctx.call.caller.accountId}:${scope}`,
    defaultSize: 100,
    serverMax: 1000,
    invalidToken: () => validationError('Invalid Marker.'),
  });
  return { items: result.items, truncated: result.nextToken === undefined ? { IsTruncated: false } : { IsTruncated: true, Marker: result.nextToken } };
}

function featuresOutput(ctx: IamContext): JsonObject {
  return { OrganizationId: ctx.organizations.organization?.id ?? '', EnabledFeatures: ORGANIZATIONS_FEATURES.filter((f) => ctx.iam.organizationsFeatures.has(f)) };
}

/** The checks ListOrganizationsFeatures and the Enable/Disable calls share, in AWS's order. */
function requireCentralRootAccessCaller(ctx: IamContext, managementOnly: boolean): void {
  const org = ctx.organizations.organization;
  if (!org) throw new ApiError('OrganizationNotFoundException', 'The request failed because your account is not a member of an organization.', 400);
  if (org.managementAccountId !== ctx.call.caller.accountId) {
    throw managementOnly
      ? new ApiError('CallerIsNotManagementAccountException', 'The request was rejected because the account making the request is not the management account for the organization.', 400)
      : new ApiError('AccountNotManagementOrDelegatedAdministratorException', 'The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.', 400);
  }
  if (org.featureSet !== 'ALL') throw new ApiError('OrganizationNotInAllFeaturesModeException', 'The request failed because your organization does not have all features enabled.', 400);
  if (!ctx.iam.trustedAccess) throw new ApiError('ServiceAccessNotEnabledException', 'The request was rejected because trusted access for IAM is not enabled in AWS Organizations.', 400);
}

function switchFeature(feature: OrganizationsFeature, on: boolean) {
  return (_input: JsonObject, ctx: IamContext): JsonObject => {
    requireCentralRootAccessCaller(ctx, true);
    if (on) ctx.iam.organizationsFeatures.add(feature);
    else ctx.iam.organizationsFeatures.delete(feature);
    return featuresOutput(ctx);
  };
}

const HANDLERS: Readonly<Record<string, (input: JsonObject, ctx: IamContext) => JsonObject>> = {
  GetAccountSummary: (_input, ctx) => {
    const account = accountOf(ctx);
    const users = [...account.users.values()];
    const devicesInUse = users.reduce((n, u) => n + u.mfaDevices.length, 0);
    const flag = (on: boolean) => (on ? 1 : 0);
    return {
      SummaryMap: {
        Users: users.length,
        UsersQuota: 5000,
        MFADevices: account.virtualMfaDevices.size,
        MFADevicesInUse: devicesInUse,
        AccessKeysPerUserQuota: 2,
        AccountMFAEnabled: flag(account.root.mfaEnabled),
        AccountAccessKeysPresent: flag(account.root.accessKeysPresent),
        AccountSigningCertificatesPresent: flag(account.root.signingCertificatesPresent),
        AccountPasswordPresent: flag(account.root.passwordPresent),
        SigningCertificatesPerUserQuota: 2,
      },
    };
  },

  ListOrganizationsFeatures: (_input, ctx) => {
    requireCentralRootAccessCaller(ctx, false);
    return featuresOutput(ctx);
  },
  EnableOrganizationsRootCredentialsManagement: switchFeature('RootCredentialsManagement', true),
  DisableOrganizationsRootCredentialsManagement: switchFeature('RootCredentialsManagement', false),
  EnableOrganizationsRootSessions: switchFeature('RootSessions', true),
  DisableOrganizationsRootSessions: switchFeature('RootSessions', false),

  CreateUser: (input, ctx) => {
    const userName = text(input, 'UserName', USER_NAME);
    const users = accountOf(ctx).users;
    if (users.has(userName.toLowerCase())) throw new ApiError('EntityAlreadyExists', `User with name ${userName} already exists.`, 409);
    const tags = userTags(input);
    const user: IamUserRecord = { userName, userId: ctx.iam.newId('AIDA', 17), createdAt: ctx.call.now, mfaDevices: [], accessKeys: [], ...(tags.length > 0 && { tags: Object.fromEntries(tags) }) };
    users.set(userName.toLowerCase(), user);
    return { User: userShape(ctx, user) };
  },

  GetUser: (input, ctx) => ({ User: userShape(ctx, requireUser(ctx, text(input, 'UserName', USER_NAME))) }),

  AttachUserPolicy: (input, ctx) => {
    const user = requireUser(ctx, text(input, 'UserName', USER_NAME));
    const policyArn = text(input, 'PolicyArn', POLICY_ARN);
    // AWS managed policies exist everywhere; the emulator models no customer managed policies.
    if (!policyArn.includes(':iam::aws:policy/')) throw new ApiError('NoSuchEntity', `Policy ${policyArn} does not exist or is not attachable.`, 404);
    const attached = (user.attachedPolicies ??= []);
    // Attaching a policy that is attached already succeeds and changes nothing.
    if (!attached.includes(policyArn)) attached.push(policyArn);
    return {};
  },

  ListAttachedUserPolicies: (input, ctx) => {
    const user = requireUser(ctx, text(input, 'UserName', USER_NAME));
    const arns = user.attachedPolicies ?? [];
    const { items, truncated } = page(ctx, input, `ListAttachedUserPolicies:${user.userName}`, arns);
    return { AttachedPolicies: items.map((arn) => ({ PolicyArn: arn, PolicyName: arn.slice(arn.lastIndexOf('/') + 1) })), ...truncated };
  },

  ListUsers: (input, ctx) => {
    const users = [...accountOf(ctx).users.values()].sort((a, b) => a.userName.localeCompare(b.userName));
    const { items, truncated } = page(ctx, input, 'ListUsers', users);
    // ListUsers does not return tags (AWS: "use ListUserTags"), so the shape leaves them out.
    return { Users: items.map((u) => userShape(ctx, u, false)), ...truncated };
  },

  // The emulator models no console passwords for IAM users: every user has none.
  GetLoginProfile: (input, ctx) => {
    const user = requireUser(ctx, text(input, 'UserName', USER_NAME));
    throw new ApiError('NoSuchEntity', `Login Profile for User ${user.userName} cannot be found.`, 404);
  },

  ListUserTags: (input, ctx) => {
    const user = requireUser(ctx, text(input, 'UserName', USER_NAME));
    const tags = Object.entries(user.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
    const { items, truncated } = page(ctx, input, `ListUserTags:${user.userName}`, tags);
    return { Tags: items, ...truncated };
  },

  ListMFADevices: (input, ctx) => {
    const userName = optionalText(input, 'UserName', USER_NAME);
    // Without UserName AWS lists the calling IAM user's devices; emulator callers are not IAM users.
    const user = userName === undefined ? undefined : requireUser(ctx, userName);
    const devices = user?.mfaDevices ?? [];
    const { items, truncated } = page(ctx, input, `ListMFADevices:${userName ?? ''}`, devices);
    return { MFADevices: items.map((d) => ({ UserName: user?.userName ?? '', SerialNumber: d.serialNumber, EnableDate: iso(d.enabledAt) })), ...truncated };
  },

  ListAccessKeys: (input, ctx) => {
    const userName = optionalText(input, 'UserName', USER_NAME);
    const user = userName === undefined ? undefined : requireUser(ctx, userName);
    const keys = user?.accessKeys ?? [];
    const { items, truncated } = page(ctx, input, `ListAccessKeys:${userName ?? ''}`, keys);
    return { AccessKeyMetadata: items.map((k) => ({ UserName: user?.userName ?? '', AccessKeyId: k.accessKeyId, Status: k.status, CreateDate: iso(k.createdAt) })), ...truncated };
  },

  CreateAccessKey: (input, ctx) => {
    const user = requireUser(ctx, text(input, 'UserName', USER_NAME));
    if (user.accessKeys.length >= 2) throw new ApiError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409);
    const key = { accessKeyId: ctx.iam.newId('AKIA', 16), status: 'Active' as const, createdAt: ctx.call.now };
    user.accessKeys.push(key);
    return { AccessKey: { UserName: user.userName, AccessKeyId: key.accessKeyId, Status: key.status, SecretAccessKey: 'emulator-secret-not-a-real-key', CreateDate: iso(key.createdAt) } };
  },

  UpdateAccessKey: (input, ctx) => {
    const user = requireUser(ctx, text(input, 'UserName', USER_NAME));
    const accessKeyId = text(input, 'AccessKeyId', ACCESS_KEY_ID);
    const status = text(input, 'Status');
    if (status !== 'Active' && status !== 'Inactive') throw validationError(`Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`);
    const key = user.accessKeys.find((k) => k.accessKeyId === accessKeyId);
    if (!key) throw new ApiError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`, 404);
    key.status = status;
    return {};
  },

  DeleteAccessKey: (input, ctx) => {
    const user = requireUser(ctx, text(input, 'UserName', USER_NAME));
    const accessKeyId = text(input, 'AccessKeyId', ACCESS_KEY_ID);
    const index = user.accessKeys.findIndex((k) => k.accessKeyId === accessKeyId);
    if (index < 0) throw new ApiError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`, 404);
    user.accessKeys.splice(index, 1);
    return {};
  },

  CreateVirtualMFADevice: (input, ctx) => {
    const name = text(input, 'VirtualMFADeviceName', MFA_DEVICE_NAME);
    const serialNumber = `arn:aws:iam::${ctx.call.caller.accountId}:mfa/${name}`;
    const devices = accountOf(ctx).virtualMfaDevices;
    if (devices.has(serialNumber)) throw new ApiError('EntityAlreadyExists', 'MFADevice entity at the same path and name already exists.', 409);
    devices.set(serialNumber, { userName: undefined });
    return { VirtualMFADevice: { SerialNumber: serialNumber } };
  },

  EnableMFADevice: (input, ctx) => {
    const user = requireUser(ctx, text(input, 'UserName', USER_NAME));
    const serialNumber = text(input, 'SerialNumber', SERIAL);
    text(input, 'AuthenticationCode1', AUTH_CODE);
    text(input, 'AuthenticationCode2', AUTH_CODE);
    const virtual = accountOf(ctx).virtualMfaDevices.get(serialNumber);
    if (virtual?.userName !== undefined || user.mfaDevices.some((d) => d.serialNumber === serialNumber)) {
      throw new ApiError('EntityAlreadyExists', 'MFA Device is already in use.', 409);
    }
    if (virtual) virtual.userName = user.userName;
    user.mfaDevices.push({ serialNumber, enabledAt: ctx.call.now });
    return {};
  },

  DeactivateMFADevice: (input, ctx) => {
    const user = requireUser(ctx, text(input, 'UserName', USER_NAME));
    const serialNumber = text(input, 'SerialNumber', SERIAL);
    const index = user.mfaDevices.findIndex((d) => d.serialNumber === serialNumber);
    if (index < 0) throw new ApiError('NoSuchEntity', `MFA Device with serial number ${serialNumber} does not exist.`, 404);
    user.mfaDevices.splice(index, 1);
    const virtual = accountOf(ctx).virtualMfaDevices.get(serialNumber);
    if (virtual) virtual.userName = undefined;
    return {};
  },
};

export const IAM_OPERATIONS: readonly string[] = Object.keys(HANDLERS);

export function iamService(contextFor: (call: CallContext) => IamContext): EmulatedService {
  return serviceFromHandlers('iam', iamErrors, HANDLERS, (call) => contextFor(call));
}
