// Tags of the root, OUs, accounts, budgets and customer policies. org.yaml's promises (docs/org-yaml.md, `tags`):
// - a resource with `tags:` has exactly those tags, apart from keys starting with `aws:` and orgctl's own
//   `managed-by`, which stay as they were;
// - a resource without `tags:` keeps its tags as they were (a resource that is new has none, but for
//   `managed-by` on a budget orgctl creates, which the budgets module checks).
// OUs are identified by their ID across the apply (a rename keeps the OU and its tags), and matched to
// org.yaml by their names from the root down. Policies are customer policies of the types the oracle
// lists (POLICY_TYPES below), by type and name; AWS-managed ones cannot carry tags.

import { DescribeBudgetsCommand, ListTagsForResourceCommand as ListBudgetTagsCommand } from '@aws-sdk/client-budgets';
import {
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  type PolicyType,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { LiveOrg } from '../../../src/model/live.js';
import { allPages, errorName, mapLimited } from './aws.js';
import { type EndStateKind, newReport, type ReadContext, shown, Unread } from './kind.js';
import { list, mapping, text, type OrgYamlDocument } from './org-yaml.js';
import { pathText } from './organization.js';

type Tags = Readonly<Record<string, string>>;

export interface TaggedNode {
  readonly id: string;
  /** OU names from the root down; [] for the root. */
  readonly names: readonly string[];
  readonly tags: Tags;
}

export interface TagsState {
  readonly root: TaggedNode | null;
  readonly ous: readonly TaggedNode[];
  readonly accounts: ReadonlyMap<string, Tags>;
  /** Each account's email, lower case, by ID (accounts org.yaml declares by email alone are found by it). */
  readonly emails: ReadonlyMap<string, string>;
  /** By budget name. */
  readonly budgets: ReadonlyMap<string, Tags | Unread>;
  /** Customer policies by `type/name`, with their IDs (a policy deleted and created again is another). */
  readonly policies: ReadonlyMap<string, { readonly id: string; readonly tags: Tags }>;
}

export interface DeclaredTags {
  readonly root?: Tags;
  /** By JSON of the OU's names from the root down. */
  readonly ous: ReadonlyMap<string, Tags>;
  readonly accounts: ReadonlyMap<string, Tags>;
  /** Accounts declared by email alone (created with their tags, or matched), by lower-case email. */
  readonly accountsByEmail: ReadonlyMap<string, Tags>;
  readonly budgets: ReadonlyMap<string, Tags>;
  /** Policies with `tags:`, by `type/name` (type default SERVICE_CONTROL_POLICY, as docs/org-yaml.md says). */
  readonly policies: ReadonlyMap<string, Tags>;
}

/** The policy types whose policies the oracle lists (every type org.yaml's tests declare policies of). */
const POLICY_TYPES: readonly PolicyType[] = ['SERVICE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY', 'AISERVICES_OPT_OUT_POLICY'];
const policyKey = (type: string, name: string): string => `${type}/${name}`;

const keyOf = (names: readonly string[]): string => JSON.stringify(names);
const untouched = (key: string): boolean => key.toLowerCase().startsWith('aws:') || key === 'managed-by';
const part = (tags: Tags, which: (key: string) => boolean): Tags => Object.fromEntries(Object.entries(tags).filter(([key]) => which(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const same = (a: Tags, b: Tags): boolean => JSON.stringify(part(a, () => true)) === JSON.stringify(part(b, () => true));

function tagsOf(value: unknown, where: string): Tags | undefined {
  if (!(value instanceof Map)) return undefined;
  const tags = mapping(value, where).get('tags');
  if (tags === undefined) return undefined;
  return Object.fromEntries([...mapping(tags, `${where}.tags`)].map(([key, v]) => [key, text(v, `${where}.tags.${key}`)]));
}

function declared(document: OrgYamlDocument): DeclaredTags {
  const ous = new Map<string, Tags>();
  const accounts = new Map<string, Tags>();
  const accountsByEmail = new Map<string, Tags>();
  const visit = (node: ReadonlyMap<string, unknown>, names: readonly string[], where: string): void => {
    for (const [i, entry] of list(node.get('accounts'), `${where}.accounts`).entries()) {
      const tags = tagsOf(entry, `${where}.accounts[${i}]`);
      if (tags && entry instanceof Map) {
        if (entry.get('id') === undefined) accountsByEmail.set(text(entry.get('email'), `${where}.accounts[${i}].email`).toLowerCase(), tags);
        else accounts.set(text(entry.get('id'), `${where}.accounts[${i}].id`), tags);
      }
    }
    for (const [name, child] of mapping(node.get('organizationalUnits'), `${where}.organizationalUnits`)) {
      const tags = tagsOf(child ?? new Map(), `OU ${name}`);
      if (tags) ous.set(keyOf([...names, name]), tags);
      visit(mapping(child, `OU ${name}`), [...names, name], `OU ${name}`);
    }
  };
  const root = document.get('root');
  visit(mapping(root, 'root'), [], 'root');
  const budgets = new Map<string, Tags>();
  for (const [i, budget] of list(document.get('budgets'), 'budgets').entries()) {
    const tags = tagsOf(budget, `budgets[${i}]`);
    if (tags) budgets.set(text(mapping(budget, `budgets[${i}]`).get('name'), `budgets[${i}].name`), tags);
  }
  const rootTags = tagsOf(root, 'root');
  const policies = new Map<string, Tags>();
  for (const [name, policy] of mapping(document.get('policies'), 'policies')) {
    const tags = tagsOf(policy ?? new Map(), `policies.${name}`);
    const type = policy instanceof Map && policy.get('type') !== undefined ? text(policy.get('type'), `policies.${name}.type`) : 'SERVICE_CONTROL_POLICY';
    if (tags) policies.set(policyKey(type, name), tags);
  }
  return { ...(rootTags && { root: rootTags }), ous, accounts, accountsByEmail, budgets, policies };
}

async function readPolicies(organizations: OrganizationsClient): Promise<Map<string, { id: string; tags: Tags }>> {
  const policies = new Map<string, { id: string; tags: Tags }>();
  for (const type of POLICY_TYPES) {
    const listed = await allPages((NextToken) => organizations.send(new ListPoliciesCommand({ Filter: type, NextToken })), (p) => p.Policies);
    for (const policy of listed) {
      if (policy.AwsManaged) continue;
      policies.set(policyKey(type, policy.Name!), { id: policy.Id!, tags: await listTags(organizations, policy.Id!) });
    }
  }
  return policies;
}

async function listTags(organizations: OrganizationsClient, id: string): Promise<Tags> {
  const tags = await allPages((NextToken) => organizations.send(new ListTagsForResourceCommand({ ResourceId: id, NextToken })), (p) => p.Tags);
  return Object.fromEntries(tags.map((t) => [t.Key!, t.Value ?? '']));
}

async function read({ clients: { organizations, budgets }, accountId, backend }: ReadContext): Promise<TagsState> {
  const budgetTags = new Map<string, Tags | Unread>();
  const described = await allPages((NextToken) => budgets.send(new DescribeBudgetsCommand({ AccountId: accountId, NextToken })), (p) => p.Budgets);
  for (const budget of described) {
    const name = budget.BudgetName!;
    if (backend.gaps.budgetTags) budgetTags.set(name, new Unread(backend.gaps.budgetTags));
    else {
      const out = await budgets.send(new ListBudgetTagsCommand({ ResourceARN: `arn:aws:budgets::${accountId}:budget/${name}` }));
      budgetTags.set(name, Object.fromEntries((out.ResourceTags ?? []).map((t) => [t.Key!, t.Value ?? ''])));
    }
  }
  let roots;
  try {
    roots = await allPages((NextToken) => organizations.send(new ListRootsCommand({ NextToken })), (p) => p.Roots);
  } catch (error) {
    if (errorName(error) === 'AWSOrganizationsNotInUseException') return { root: null, ous: [], accounts: new Map(), emails: new Map(), budgets: budgetTags, policies: new Map() };
    throw error;
  }
  const rootId = roots[0]!.Id!;
  const ous: TaggedNode[] = [];
  const accounts = new Map<string, Tags>();
  const emails = new Map<string, string>();
  let level: { id: string; names: readonly string[] }[] = [{ id: rootId, names: [] }];
  while (level.length > 0) {
    const children = await mapLimited(level, 8, async (parent) => {
      const childOus = await allPages((NextToken) => organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parent.id, NextToken })), (p) => p.OrganizationalUnits);
      const childAccounts = await allPages((NextToken) => organizations.send(new ListAccountsForParentCommand({ ParentId: parent.id, NextToken })), (p) => p.Accounts);
      for (const account of childAccounts) {
        accounts.set(account.Id!, await listTags(organizations, account.Id!));
        emails.set(account.Id!, (account.Email ?? '').toLowerCase());
      }
      return childOus.map((ou) => ({ id: ou.Id!, names: [...parent.names, ou.Name!] }));
    });
    const next = children.flat();
    for (const ou of next) ous.push({ ...ou, tags: await listTags(organizations, ou.id) });
    level = next;
  }
  const policies = await readPolicies(organizations);
  return { root: { id: rootId, names: [], tags: await listTags(organizations, rootId) }, ous, accounts, emails, budgets: budgetTags, policies };
}

function fromLive(live: LiveOrg): TagsState {
  const tagsByKey = new Map((live.resourceTags ?? []).filter((e) => e.tags !== null).map((e) => [JSON.stringify(e.target), e.tags!]));
  const byId = new Map(live.ous.map((ou) => [ou.id, ou]));
  const namesOf = (id: string): string[] => (id === live.root?.id ? [] : [...namesOf(byId.get(id)!.parentId), byId.get(id)!.name]);
  const budgets = new Map<string, Tags | Unread>();
  for (const b of live.budgets) {
    const tags = tagsByKey.get(JSON.stringify({ type: 'budget', name: b.name }));
    if (tags) budgets.set(b.name, tags);
  }
  const ous: TaggedNode[] = [];
  for (const ou of live.ous) {
    const names = namesOf(ou.id);
    const tags = tagsByKey.get(JSON.stringify({ type: 'ou', path: pathText(names) }));
    if (tags) ous.push({ id: ou.id, names, tags });
  }
  const accounts = new Map<string, Tags>();
  for (const a of live.accounts) {
    const tags = tagsByKey.get(JSON.stringify({ type: 'account', id: a.id }));
    if (tags) accounts.set(a.id, tags);
  }
  const rootTags = tagsByKey.get(JSON.stringify({ type: 'root' }));
  const emails = new Map(live.accounts.map((a) => [a.id, a.email.toLowerCase()]));
  // Policies' tags are read (by the policies kind) only for those prune may delete or that declare tags.
  const policies = new Map(
    (live.policies?.policies ?? []).filter((p) => !p.awsManaged && p.tags !== undefined).map((p) => [policyKey(p.type, p.name), { id: p.id, tags: p.tags! }]),
  );
  return { root: live.root && rootTags ? { id: live.root.id, names: [], tags: rootTags } : null, ous, accounts, emails, budgets, policies };
}

function check(after: TagsState, declared: DeclaredTags, before: TagsState) {
  const report = newReport();
  /** One resource: `now` against org.yaml's `want` (undefined: not declared) and what it had `was`. */
  const compare = (what: string, now: Tags | undefined, want: Tags | undefined, was: Tags | undefined): void => {
    if (now === undefined) {
      if (want !== undefined) report.mismatches.push(`${what}: declares tags, but its tags were not read`);
      return;
    }
    if (want === undefined) {
      if (was !== undefined && !same(now, was)) report.mismatches.push(`${what}: no tags: in org.yaml, yet its tags changed from ${JSON.stringify(part(was, () => true))} to ${JSON.stringify(part(now, () => true))}`);
      return;
    }
    const managed = part(now, (k) => !untouched(k));
    if (!same(managed, want)) report.mismatches.push(`${what}: tags are ${JSON.stringify(managed)}, org.yaml declares ${JSON.stringify(part(want, () => true))}`);
    if (was !== undefined && !same(part(now, untouched), part(was, untouched))) {
      report.mismatches.push(`${what}: aws: and managed-by tags changed from ${JSON.stringify(part(was, untouched))} to ${JSON.stringify(part(now, untouched))}`);
    }
  };
  if (after.root) compare('root', after.root.tags, declared.root, before.root?.id === after.root.id ? before.root.tags : undefined);
  else if (declared.root) report.mismatches.push('root: declares tags, but there is no root');
  const beforeOus = new Map(before.ous.map((ou) => [ou.id, ou.tags]));
  const seenOus = new Set<string>();
  for (const ou of after.ous) {
    seenOus.add(keyOf(ou.names));
    compare(`OU ${pathText(ou.names)}`, ou.tags, declared.ous.get(keyOf(ou.names)), beforeOus.get(ou.id));
  }
  for (const key of declared.ous.keys()) if (!seenOus.has(key)) report.mismatches.push(`OU ${pathText(JSON.parse(key) as string[])}: declares tags, but it was not read`);
  const wantedAccounts = new Map(declared.accounts);
  const idByEmail = new Map([...after.emails].map(([id, email]) => [email, id]));
  for (const [email, want] of declared.accountsByEmail) {
    const id = idByEmail.get(email);
    if (id === undefined) report.mismatches.push(`account ${email}: declares tags, but no account has that email`);
    else if (!wantedAccounts.has(id)) wantedAccounts.set(id, want);
  }
  for (const [id, want] of wantedAccounts) if (!after.accounts.has(id)) report.mismatches.push(`account ${id}: declares tags, but it was not read`);
  for (const [id, tags] of after.accounts) compare(`account ${id}`, tags, wantedAccounts.get(id), before.accounts.get(id));
  for (const [name, want] of declared.budgets) if (!after.budgets.has(name)) report.mismatches.push(`budget ${shown(name)}: declares tags, but it was not read`);
  for (const [name, tags] of after.budgets) {
    const was = before.budgets.get(name);
    if (tags instanceof Unread || was instanceof Unread) {
      if (declared.budgets.has(name) || was !== undefined) report.unchecked.push((tags instanceof Unread ? tags : (was as Unread)).gap);
      continue;
    }
    compare(`budget ${shown(name)}`, tags, declared.budgets.get(name), was);
  }
  for (const key of declared.policies.keys()) if (!after.policies.has(key)) report.mismatches.push(`policy ${shown(key)}: declares tags, but it was not read`);
  for (const [key, { id, tags }] of after.policies) {
    const was = before.policies.get(key);
    compare(`policy ${shown(key)}`, tags, declared.policies.get(key), was?.id === id ? was.tags : undefined);
  }
  return report;
}

export const tagsKind: EndStateKind<TagsState, DeclaredTags> = { name: 'tags', declared, read, fromLive, check };
