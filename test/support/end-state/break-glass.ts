// The management account's IAM users, for the break-glass users org.yaml asks orgctl to create.
// org.yaml's promises (docs/org-yaml.md, `security.breakGlassUsers`):
// - an entry with `create: true` names an IAM user that exists after the apply;
// - one that did not exist before was created by orgctl: tagged managed-by=orgctl and
//   orgctl:role=break-glass, with AdministratorAccess attached, no access keys and no password;
// - a user that existed before keeps its tags, and its policies (orgctl only finishes its own creation:
//   a user it tagged may gain AdministratorAccess); users org.yaml does not ask to create are left as
//   they were, and none disappears.

import { GetLoginProfileCommand, ListAccessKeysCommand, ListAttachedUserPoliciesCommand, ListUsersCommand, ListUserTagsCommand } from '@aws-sdk/client-iam';
import type { LiveOrg } from '../../../src/model/live.js';
import { errorName } from './aws.js';
import { type EndStateKind, newReport, type ReadContext, shown } from './kind.js';
import { list, mapping, text, type OrgYamlDocument } from './org-yaml.js';

const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
const ORGCTL_TAGS: Readonly<Record<string, string>> = { 'managed-by': 'orgctl', 'orgctl:role': 'break-glass' };

export interface StateUser {
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Sorted policy ARNs. */
  readonly attachedPolicies: readonly string[];
  /** undefined: not known (a LiveOrg does not hold them). */
  readonly accessKeys: number | undefined;
  readonly hasPassword: boolean | undefined;
}

export interface BreakGlassState {
  /** By lower-cased name (IAM user names ignore case). */
  readonly users: ReadonlyMap<string, StateUser>;
}

/** The names org.yaml asks orgctl to create. */
export type DeclaredBreakGlass = readonly string[];

function declared(document: OrgYamlDocument): DeclaredBreakGlass {
  const entries = list(mapping(document.get('security'), 'security').get('breakGlassUsers'), 'security.breakGlassUsers');
  return entries.flatMap((entry, i) => {
    if (typeof entry === 'string') return [];
    const user = mapping(entry, `security.breakGlassUsers[${i}]`);
    return user.get('create') === true ? [text(user.get('name'), `security.breakGlassUsers[${i}].name`)] : [];
  });
}

async function iamPages<Page extends { Marker?: string | undefined; IsTruncated?: boolean | undefined }, Item>(
  call: (marker: string | undefined) => Promise<Page>,
  items: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const all: Item[] = [];
  let marker: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await call(marker);
    all.push(...(items(page) ?? []));
    if (!page.IsTruncated || !page.Marker) return all;
    marker = page.Marker;
    if (pages >= 10_000) throw new Error('end-state oracle: more than 10,000 IAM pages');
  }
}

async function read({ clients: { iam } }: ReadContext): Promise<BreakGlassState> {
  const users = await iamPages((Marker) => iam.send(new ListUsersCommand({ Marker })), (page) => page.Users);
  const states = await Promise.all(
    users.map(async (u): Promise<StateUser> => {
      const name = u.UserName ?? '';
      const [tags, policies, keys, hasPassword] = await Promise.all([
        iamPages((Marker) => iam.send(new ListUserTagsCommand({ UserName: name, Marker })), (page) => page.Tags),
        iamPages((Marker) => iam.send(new ListAttachedUserPoliciesCommand({ UserName: name, Marker })), (page) => page.AttachedPolicies),
        iamPages((Marker) => iam.send(new ListAccessKeysCommand({ UserName: name, Marker })), (page) => page.AccessKeyMetadata),
        iam.send(new GetLoginProfileCommand({ UserName: name })).then(
          () => true,
          (error: unknown) => {
            if (errorName(error) === 'NoSuchEntityException' || errorName(error) === 'NoSuchEntity') return false;
            throw error;
          },
        ),
      ]);
      return {
        name,
        tags: Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? ''])),
        attachedPolicies: policies.map((p) => p.PolicyArn ?? '').sort(),
        accessKeys: keys.length,
        hasPassword,
      };
    }),
  );
  return { users: new Map(states.map((u) => [u.name.toLowerCase(), u])) };
}

function fromLive(live: LiveOrg): BreakGlassState {
  // A LiveOrg holds only the users org.yaml asks orgctl to create, and their policies only when orgctl made them.
  const users = (live.breakGlassUsers ?? []).flatMap((u): StateUser[] =>
    u.user === null ? [] : [{ name: u.name, tags: u.user.tags, attachedPolicies: [...(u.user.attachedPolicies ?? [])].sort(), accessKeys: undefined, hasPassword: undefined }],
  );
  return { users: new Map(users.map((u) => [u.name.toLowerCase(), u])) };
}

function check(after: BreakGlassState, declaredNames: DeclaredBreakGlass, before: BreakGlassState) {
  const report = newReport();
  const wanted = new Set(declaredNames.map((n) => n.toLowerCase()));
  for (const name of declaredNames) {
    const now = after.users.get(name.toLowerCase());
    const was = before.users.get(name.toLowerCase());
    if (!now) {
      report.mismatches.push(`${shown(name)}: create: true, yet no such IAM user after the apply`);
      continue;
    }
    const orgctlMade = was === undefined || Object.entries(ORGCTL_TAGS).every(([k, v]) => was.tags[k] === v);
    if (was === undefined) {
      for (const [key, value] of Object.entries(ORGCTL_TAGS)) if (now.tags[key] !== value) report.mismatches.push(`${shown(name)}: created without the tag ${key}=${value} (tags ${JSON.stringify(now.tags)})`);
      if (now.accessKeys !== undefined && now.accessKeys > 0) report.mismatches.push(`${shown(name)}: created with ${now.accessKeys} access key(s); a break-glass user has none`);
      if (now.hasPassword === true) report.mismatches.push(`${shown(name)}: created with a password; orgctl sets none`);
    } else if (JSON.stringify(now.tags) !== JSON.stringify(was.tags)) {
      report.mismatches.push(`${shown(name)}: existed before, yet its tags changed from ${JSON.stringify(was.tags)} to ${JSON.stringify(now.tags)}`);
    }
    if (orgctlMade) {
      if (!now.attachedPolicies.includes(ADMINISTRATOR_ACCESS)) report.mismatches.push(`${shown(name)}: orgctl's break-glass user without AdministratorAccess (policies ${JSON.stringify(now.attachedPolicies)})`);
      const others = now.attachedPolicies.filter((p) => p !== ADMINISTRATOR_ACCESS && !was?.attachedPolicies.includes(p));
      if (others.length > 0) report.mismatches.push(`${shown(name)}: gained policies org.yaml does not ask for: ${others.join(', ')}`);
    } else if (JSON.stringify(now.attachedPolicies) !== JSON.stringify(was?.attachedPolicies)) {
      report.mismatches.push(`${shown(name)}: not orgctl's user, yet its policies changed from ${JSON.stringify(was?.attachedPolicies)} to ${JSON.stringify(now.attachedPolicies)}`);
    }
  }
  for (const [key, was] of before.users) {
    if (wanted.has(key)) continue;
    const now = after.users.get(key);
    if (!now) report.mismatches.push(`${shown(was.name)}: not in org.yaml's create list, yet deleted`);
    else if (JSON.stringify({ ...now, accessKeys: 0, hasPassword: false }) !== JSON.stringify({ ...was, accessKeys: 0, hasPassword: false })) {
      report.mismatches.push(`${shown(was.name)}: not in org.yaml's create list, yet changed from ${JSON.stringify(was)} to ${JSON.stringify(now)}`);
    }
  }
  for (const [key, now] of after.users) {
    if (!before.users.has(key) && !wanted.has(key)) report.mismatches.push(`${shown(now.name)}: an IAM user org.yaml does not ask to create appeared`);
  }
  return report;
}

export const breakGlassKind: EndStateKind<BreakGlassState, DeclaredBreakGlass> = { name: 'break-glass users', declared, read, fromLive, check };
