// The snapshot's security sections (iam, alternateContacts, identityCenterInstances): checked, loaded
// into a World and written back, so load(write(world)) reads back the same.

import { ALTERNATE_CONTACT_TYPES } from './account/state.js';
import { DEFAULT_ROOT_USER, ORGANIZATIONS_FEATURES, type OrganizationsFeature, type RootUserFlags } from './iam/state.js';
import type { SnapshotAlternateContact, SnapshotIam, SnapshotIdentityCenterInstance, SnapshotIamUser, SnapshotRootUser, EmulatorSnapshot } from './snapshot.js';
import type { SnapshotIssue, SnapshotPath } from './snapshot-issue.js';
import { INSTANCE_STATUSES } from './sso-admin/state.js';
import type { World } from './world.js';

const ACCOUNT_ID = /^\d{12}$/;
const USER_NAME = /^[\w+=,.@-]{1,64}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ROOT_FLAGS = ['mfaEnabled', 'passwordPresent', 'accessKeysPresent', 'signingCertificatesPresent'] as const;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems in the security sections, each with its JSON path. */
export function checkSecuritySections(top: Obj): SnapshotIssue[] {
  const issues: SnapshotIssue[] = [];
  const add = (path: SnapshotPath, message: string): void => {
    issues.push({ path, message });
  };
  const list = (value: unknown, path: SnapshotPath): unknown[] => {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    add(path, 'must be a list');
    return [];
  };
  const str = (obj: Obj, key: string, path: SnapshotPath, rules: { optional?: boolean; pattern?: RegExp; oneOf?: readonly string[]; hint?: string } = {}): void => {
    const value = obj[key];
    if (value === undefined) {
      if (!rules.optional) add([...path, key], 'is required');
      return;
    }
    if (typeof value !== 'string') return add([...path, key], 'must be a string');
    if (rules.pattern && !rules.pattern.test(value)) add([...path, key], `"${value}" is not valid${rules.hint ? `: ${rules.hint}` : ''}`);
    if (rules.oneOf && !rules.oneOf.includes(value)) add([...path, key], `"${value}" must be one of ${rules.oneOf.join(', ')}`);
  };
  const seconds = (obj: Obj, key: string, path: SnapshotPath): void => {
    const value = obj[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) add([...path, key], 'must be a number (epoch seconds)');
  };

  const iam = top['iam'];
  if (iam !== undefined) {
    if (!isObject(iam)) add(['iam'], 'must be an object');
    else {
      const roots = iam['rootUsers'];
      if (roots !== undefined) {
        if (!isObject(roots)) add(['iam', 'rootUsers'], 'must be an object keyed by account ID');
        else {
          for (const [accountId, flags] of Object.entries(roots)) {
            const at = ['iam', 'rootUsers', accountId];
            if (!ACCOUNT_ID.test(accountId)) add(at, 'the key must be a 12-digit account ID');
            if (!isObject(flags)) add(at, 'must be an object');
            else {
              for (const [flag, value] of Object.entries(flags)) {
                if (!(ROOT_FLAGS as readonly string[]).includes(flag)) add([...at, flag], `is not a root user flag (${ROOT_FLAGS.join(', ')})`);
                else if (typeof value !== 'boolean') add([...at, flag], 'must be true or false');
              }
            }
          }
        }
      }
      const seen = new Set<string>();
      list(iam['users'], ['iam', 'users']).forEach((raw, i) => {
        const at = ['iam', 'users', i];
        if (!isObject(raw)) return add(at, 'must be an object');
        str(raw, 'accountId', at, { pattern: ACCOUNT_ID, hint: 'expected 12 digits' });
        str(raw, 'userName', at, { pattern: USER_NAME, hint: 'expected 1 to 64 letters, digits or + = , . @ _ -' });
        seconds(raw, 'createDate', at);
        const key = `${String(raw['accountId'])}/${String(raw['userName']).toLowerCase()}`;
        if (seen.has(key)) add([...at, 'userName'], 'another user of this account has this name (IAM ignores case)');
        seen.add(key);
        list(raw['mfaDevices'], [...at, 'mfaDevices']).forEach((d, j) => {
          if (!isObject(d)) return add([...at, 'mfaDevices', j], 'must be an object');
          str(d, 'serialNumber', [...at, 'mfaDevices', j]);
          seconds(d, 'enableDate', [...at, 'mfaDevices', j]);
        });
        const keys = list(raw['accessKeys'], [...at, 'accessKeys']);
        if (keys.length > 2) add([...at, 'accessKeys'], 'IAM allows at most 2 access keys per user');
        keys.forEach((k, j) => {
          if (!isObject(k)) return add([...at, 'accessKeys', j], 'must be an object');
          str(k, 'accessKeyId', [...at, 'accessKeys', j], { pattern: /^\w{16,128}$/, hint: 'expected 16 to 128 letters or digits' });
          str(k, 'status', [...at, 'accessKeys', j], { optional: true, oneOf: ['Active', 'Inactive'] });
          seconds(k, 'createDate', [...at, 'accessKeys', j]);
        });
        const tags = raw['tags'];
        if (tags !== undefined && (!isObject(tags) || Object.values(tags).some((v) => typeof v !== 'string'))) add([...at, 'tags'], 'must map tag keys to text values');
        list(raw['attachedPolicies'], [...at, 'attachedPolicies']).forEach((arn, j) => {
          if (typeof arn !== 'string' || !/^arn:aws[\w-]*:iam::(aws|\d{12}):policy\//.test(arn)) add([...at, 'attachedPolicies', j], 'expected a managed policy ARN (arn:aws:iam::aws:policy/...)');
        });
      });
      if (iam['trustedAccess'] !== undefined && typeof iam['trustedAccess'] !== 'boolean') add(['iam', 'trustedAccess'], 'must be true or false');
      list(iam['organizationsFeatures'], ['iam', 'organizationsFeatures']).forEach((f, i) => {
        if (typeof f !== 'string' || !(ORGANIZATIONS_FEATURES as readonly string[]).includes(f)) add(['iam', 'organizationsFeatures', i], `must be one of ${ORGANIZATIONS_FEATURES.join(', ')}`);
      });
      if (iam['trustedAccess'] === false && list(iam['organizationsFeatures'], []).length > 0) {
        add(['iam', 'organizationsFeatures'], 'centralized root access needs trustedAccess: true');
      }
    }
  }

  const contacts = new Set<string>();
  list(top['alternateContacts'], ['alternateContacts']).forEach((raw, i) => {
    const at = ['alternateContacts', i];
    if (!isObject(raw)) return add(at, 'must be an object');
    str(raw, 'accountId', at, { pattern: ACCOUNT_ID, hint: 'expected 12 digits' });
    str(raw, 'type', at, { oneOf: ALTERNATE_CONTACT_TYPES });
    for (const field of ['name', 'title', 'email', 'phone']) str(raw, field, at);
    const key = `${String(raw['accountId'])}/${String(raw['type'])}`;
    if (contacts.has(key)) add([...at, 'type'], 'this account already has a contact of this type');
    contacts.add(key);
  });

  list(top['identityCenterInstances'], ['identityCenterInstances']).forEach((raw, i) => {
    const at = ['identityCenterInstances', i];
    if (!isObject(raw)) return add(at, 'must be an object');
    str(raw, 'ownerAccountId', at, { pattern: ACCOUNT_ID, hint: 'expected 12 digits' });
    str(raw, 'region', at, { pattern: REGION, hint: 'expected a region like eu-west-1' });
    str(raw, 'instanceArn', at, { optional: true, pattern: /^arn:aws[a-z-]*:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/, hint: 'expected arn:aws:sso:::instance/ssoins-<16 characters>' });
    str(raw, 'identityStoreId', at, { optional: true });
    str(raw, 'name', at, { optional: true });
    str(raw, 'status', at, { optional: true, oneOf: INSTANCE_STATUSES });
    seconds(raw, 'createdDate', at);
    list(raw['groups'], [...at, 'groups']).forEach((g, j) => {
      if (!isObject(g)) return add([...at, 'groups', j], 'must be an object');
      str(g, 'groupId', [...at, 'groups', j]);
      str(g, 'displayName', [...at, 'groups', j]);
      str(g, 'description', [...at, 'groups', j], { optional: true });
    });
    list(raw['users'], [...at, 'users']).forEach((u, j) => {
      if (!isObject(u)) return add([...at, 'users', j], 'must be an object');
      str(u, 'userId', [...at, 'users', j]);
      str(u, 'userName', [...at, 'users', j]);
    });
  });
  return issues;
}

function hex(text: string, length: number): string {
  let h = 0x811c9dc5;
  let out = '';
  while (out.length < length) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ out.length, 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** Loads the checked security sections into `world`; `now` is epoch milliseconds. */
export function loadSecuritySections(world: World, snapshot: EmulatorSnapshot, now: number): void {
  const iam = snapshot.iam;
  for (const [accountId, flags] of Object.entries(iam?.rootUsers ?? {})) world.iam.account(accountId).root = { ...DEFAULT_ROOT_USER, ...flags };
  for (const user of iam?.users ?? []) {
    const account = world.iam.account(user.accountId);
    account.users.set(user.userName.toLowerCase(), {
      userName: user.userName,
      userId: world.iam.newId('AIDA', 17),
      createdAt: (user.createDate ?? now / 1000) * 1000,
      mfaDevices: (user.mfaDevices ?? []).map((d) => ({ serialNumber: d.serialNumber, enabledAt: (d.enableDate ?? now / 1000) * 1000 })),
      accessKeys: (user.accessKeys ?? []).map((k) => ({ accessKeyId: k.accessKeyId, status: k.status ?? 'Active', createdAt: (k.createDate ?? now / 1000) * 1000 })),
      ...(user.tags && Object.keys(user.tags).length > 0 && { tags: { ...user.tags } }),
      ...(user.attachedPolicies && user.attachedPolicies.length > 0 && { attachedPolicies: [...user.attachedPolicies] }),
    });
    for (const d of user.mfaDevices ?? []) if (d.serialNumber.includes(':mfa/')) account.virtualMfaDevices.set(d.serialNumber, { userName: user.userName });
  }
  const features = (iam?.organizationsFeatures ?? []) as readonly OrganizationsFeature[];
  world.iam.trustedAccess = iam?.trustedAccess ?? features.length > 0;
  for (const feature of features) world.iam.organizationsFeatures.add(feature);

  for (const c of snapshot.alternateContacts ?? []) {
    world.contacts.of(c.accountId).set(c.type, { name: c.name, title: c.title, emailAddress: c.email, phoneNumber: c.phone });
  }
  for (const i of snapshot.identityCenterInstances ?? []) {
    const seed = `${i.ownerAccountId}/${i.region}/${world.identityCenter.instances.length}`;
    world.identityCenter.instances.push({
      instanceArn: i.instanceArn ?? `arn:aws:sso:::instance/ssoins-${hex(seed, 16)}`,
      identityStoreId: i.identityStoreId ?? `d-${hex(`store/${seed}`, 10)}`,
      ownerAccountId: i.ownerAccountId,
      region: i.region,
      name: i.name,
      status: i.status ?? 'ACTIVE',
      createdAt: (i.createdDate ?? now / 1000) * 1000,
    });
    const store = world.identityStore.of(world.identityCenter.instances[world.identityCenter.instances.length - 1]!.identityStoreId);
    for (const g of i.groups ?? []) store.groups.set(g.groupId, { groupId: g.groupId, displayName: g.displayName, description: g.description, externalIds: [] });
    for (const u of i.users ?? []) store.users.set(u.userId, { userId: u.userId, userName: u.userName, displayName: undefined, externalIds: [] });
  }
}

function rootUserOf(flags: RootUserFlags): SnapshotRootUser {
  return { mfaEnabled: flags.mfaEnabled, passwordPresent: flags.passwordPresent, accessKeysPresent: flags.accessKeysPresent, signingCertificatesPresent: flags.signingCertificatesPresent };
}

/** The security sections of a snapshot of `world` (absent when empty, so old snapshots stay as they were). */
export function writeSecuritySections(world: World): Pick<EmulatorSnapshot, 'iam' | 'alternateContacts' | 'identityCenterInstances'> {
  const rootUsers: Record<string, SnapshotRootUser> = {};
  const users: SnapshotIamUser[] = [];
  for (const [accountId, account] of world.iam.knownAccounts()) {
    const r = account.root;
    const isDefault = ROOT_FLAGS.every((flag) => r[flag] === DEFAULT_ROOT_USER[flag]);
    if (!isDefault) rootUsers[accountId] = rootUserOf(r);
    for (const user of account.users.values()) {
      users.push({
        accountId,
        userName: user.userName,
        createDate: user.createdAt / 1000,
        mfaDevices: user.mfaDevices.map((d) => ({ serialNumber: d.serialNumber, enableDate: d.enabledAt / 1000 })),
        accessKeys: user.accessKeys.map((k) => ({ accessKeyId: k.accessKeyId, status: k.status, createDate: k.createdAt / 1000 })),
        ...(user.tags && Object.keys(user.tags).length > 0 && { tags: { ...user.tags } }),
        ...(user.attachedPolicies && user.attachedPolicies.length > 0 && { attachedPolicies: [...user.attachedPolicies] }),
      });
    }
  }
  const features = ORGANIZATIONS_FEATURES.filter((f) => world.iam.organizationsFeatures.has(f));
  const iam: SnapshotIam = {
    ...(Object.keys(rootUsers).length > 0 && { rootUsers }),
    ...(users.length > 0 && { users }),
    ...(world.iam.trustedAccess && { trustedAccess: true }),
    ...(features.length > 0 && { organizationsFeatures: features }),
  };
  const alternateContacts: SnapshotAlternateContact[] = world.contacts.all().map(({ accountId, type, contact }) => ({
    accountId,
    type,
    name: contact.name,
    title: contact.title,
    email: contact.emailAddress,
    phone: contact.phoneNumber,
  }));
  const identityCenterInstances: SnapshotIdentityCenterInstance[] = world.identityCenter.instances.map((i) => ({
    ownerAccountId: i.ownerAccountId,
    region: i.region,
    instanceArn: i.instanceArn,
    identityStoreId: i.identityStoreId,
    ...(i.name !== undefined && { name: i.name }),
    status: i.status,
    createdDate: i.createdAt / 1000,
    ...principalsOf(world, i.identityStoreId),
  }));
  return {
    ...(Object.keys(iam).length > 0 && { iam }),
    ...(alternateContacts.length > 0 && { alternateContacts }),
    ...(identityCenterInstances.length > 0 && { identityCenterInstances }),
  };
}

/** The identity store's groups and users as a snapshot writes them (none: no key). */
function principalsOf(world: World, identityStoreId: string): Pick<SnapshotIdentityCenterInstance, 'groups' | 'users'> {
  const store = world.identityStore.of(identityStoreId);
  const groups = [...store.groups.values()].map((g) => ({ groupId: g.groupId, displayName: g.displayName, ...(g.description !== undefined && { description: g.description }) }));
  const users = [...store.users.values()].map((u) => ({ userId: u.userId, userName: u.userName }));
  return { ...(groups.length > 0 && { groups }), ...(users.length > 0 && { users }) };
}
