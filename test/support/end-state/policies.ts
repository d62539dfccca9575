// Organization policies. org.yaml's promises (docs/org-yaml.md, `policies`):
// - every declared policy exists with its type, its description (default "") and its document, compared
//   as a JSON value (whitespace and key order never count); one orgctl created carries managed-by=orgctl;
// - every policy type a declared policy, or an AWS-managed one a node lists, needs is enabled on the root;
// - a node with `policies:` has exactly those attached directly, among the policies org.yaml knows
//   (declared or AWS-managed: FullAWSAccess, RCPFullAWSAccess); RCPFullAWSAccess, which AWS never
//   detaches, may stay; other policies' attachments there stay as they were, or are gone with
//   unlistedPolicyAttachments: detach;
// - a node without `policies:` keeps its attachments (those of policies that still exist);
// - a customer policy org.yaml does not declare stays as it was, unless prunePolicies is on and orgctl
//   created it (managed-by=orgctl): then it is gone; orgctl creates no policy org.yaml does not declare.
// Read with straight SDK calls (ListRoots, ListPolicies per enabled type, ListTargetsForPolicy,
// DescribePolicy, ListTagsForResource), none of src/kinds/policies.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DescribePolicyCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  type PolicyType,
} from '@aws-sdk/client-organizations';
import type { LiveOrg } from '../../../src/model/live.js';
import { allPages, errorName, mapLimited } from './aws.js';
import { type DeclaredSource, type EndStateKind, newReport, type ReadContext, shown, Unread } from './kind.js';
import { DOCUMENTED_DEFAULTS, list, mapping, text, textOr, type OrgYamlDocument } from './org-yaml.js';
import { pathText } from './organization.js';

/** docs/org-yaml.md: the AWS-managed policies a node may name without declaring them, and their types. */
const AWS_MANAGED: Readonly<Record<string, string>> = { FullAWSAccess: 'SERVICE_CONTROL_POLICY', RCPFullAWSAccess: 'RESOURCE_CONTROL_POLICY' };
/** docs/org-yaml.md: "RCPFullAWSAccess cannot be detached and is left where it is." */
const NEVER_DETACHED = new Set(['RCPFullAWSAccess']);

export const POLICY_GAPS = {
  content: 'LiveOrg without a policy\'s content (read only for declared policies): its document is not checked',
  tags: 'LiveOrg without a policy\'s tags (read only when prunePolicies may delete it): whether orgctl created it is not checked',
} as const;

export interface StatePolicy {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly awsManaged: boolean;
  readonly description: string;
  /** The document, parsed. */
  readonly content: unknown;
  readonly tags: Readonly<Record<string, string>> | Unread;
  /** Sorted IDs of the roots, OUs and accounts it is attached to directly. */
  readonly targets: readonly string[];
}

export interface PoliciesState {
  /** Policy types enabled on the root (sorted); [] without an organization. */
  readonly enabledTypes: readonly string[];
  /** Whose policies were listed: every policy of these types is in `policies`. */
  readonly readTypes: readonly string[];
  readonly policies: readonly StatePolicy[];
  /** Node key ("root", "ou:" + JSON of names, "account:" + ID) by target ID. */
  readonly nodes: ReadonlyMap<string, string>;
  /** Account ID by lower-case email (for accounts org.yaml declares by email alone). */
  readonly accountByEmail: ReadonlyMap<string, string>;
}

export interface DeclaredPolicy {
  readonly type: string;
  readonly description: string;
  /** The document as a JSON value; Unread when it lives in a file and the oracle was given no directory. */
  readonly document: unknown;
}

export interface DeclaredPolicies {
  readonly policies: ReadonlyMap<string, DeclaredPolicy>;
  /** Node key (as in PoliciesState.nodes, or "email:" + lower-case email) → its `policies:` list. */
  readonly attachments: ReadonlyMap<string, readonly string[]>;
  readonly prune: boolean;
  readonly unlisted: string;
}

const ROOT = 'root';
const ouKey = (names: readonly string[]): string => `ou:${JSON.stringify(names)}`;
const accountKey = (id: string): string => `account:${id}`;

/** "root", "OU /A/B", "account 1234…": a node key as messages show it. */
function nodeText(key: string): string {
  if (key === ROOT) return 'root';
  if (key.startsWith('ou:')) return `OU ${pathText(JSON.parse(key.slice(3)) as string[])}`;
  return key.replace(':', ' ');
}

/** JSON values compared as values: object keys in any order, arrays in order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A YAML-parsed inline document (Maps, with mapAsMap) as a plain JSON value. */
function plain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function declared(document: OrgYamlDocument, source: DeclaredSource = {}): DeclaredPolicies {
  const policies = new Map<string, DeclaredPolicy>();
  for (const [name, value] of mapping(document.get('policies'), 'policies')) {
    const policy = mapping(value, `policies.${name}`);
    const file = policy.get('file');
    let content: unknown;
    if (file === undefined) content = plain(policy.get('document'));
    else if (source.directory === undefined) content = new Unread(`policy ${shown(name)}: its file ${shown(text(file, `policies.${name}.file`))} was not read (expectedEndState was given no directory)`);
    else content = JSON.parse(readFileSync(resolve(source.directory, text(file, `policies.${name}.file`)), 'utf8')) as unknown;
    policies.set(name, {
      type: textOr(policy.get('type'), DOCUMENTED_DEFAULTS.policy.type, `policies.${name}.type`),
      description: textOr(policy.get('description'), DOCUMENTED_DEFAULTS.policy.description, `policies.${name}.description`),
      document: content,
    });
  }
  const attachments = new Map<string, readonly string[]>();
  const listed = (node: ReadonlyMap<string, unknown>, where: string): readonly string[] | undefined => {
    const value = node.get('policies');
    return value === undefined ? undefined : list(value, `${where}.policies`).map((n, i) => text(n, `${where}.policies[${i}]`));
  };
  const visit = (node: ReadonlyMap<string, unknown>, names: readonly string[], where: string): void => {
    const own = listed(node, where);
    if (own) attachments.set(names.length === 0 ? ROOT : ouKey(names), own);
    for (const [i, entry] of list(node.get('accounts'), `${where}.accounts`).entries()) {
      if (!(entry instanceof Map)) continue;
      const account = mapping(entry, `${where}.accounts[${i}]`);
      const names = listed(account, `${where}.accounts[${i}]`);
      if (!names) continue;
      const id = account.get('id');
      attachments.set(id === undefined ? `email:${text(account.get('email'), `${where}.accounts[${i}].email`).toLowerCase()}` : accountKey(text(id, `${where}.accounts[${i}].id`)), names);
    }
    for (const [name, child] of mapping(node.get('organizationalUnits'), `${where}.organizationalUnits`)) visit(mapping(child, `OU ${name}`), [...names, name], `OU ${name}`);
  };
  visit(mapping(document.get('root'), 'root'), [], 'root');
  const options = mapping(document.get('options'), 'options');
  const prune = options.get('prunePolicies');
  if (prune !== undefined && typeof prune !== 'boolean') throw new Error('end-state oracle: options.prunePolicies is not true or false');
  return {
    policies,
    attachments,
    prune: prune ?? DOCUMENTED_DEFAULTS.options.prunePolicies,
    unlisted: textOr(options.get('unlistedPolicyAttachments'), DOCUMENTED_DEFAULTS.options.unlistedPolicyAttachments, 'options.unlistedPolicyAttachments'),
  };
}

const EMPTY: PoliciesState = { enabledTypes: [], readTypes: [], policies: [], nodes: new Map(), accountByEmail: new Map() };

async function read({ clients: { organizations } }: ReadContext): Promise<PoliciesState> {
  let roots;
  try {
    roots = await allPages((NextToken) => organizations.send(new ListRootsCommand({ NextToken })), (p) => p.Roots);
  } catch (error) {
    if (errorName(error) === 'AWSOrganizationsNotInUseException') return EMPTY;
    throw error;
  }
  const root = roots[0]!;
  const enabledTypes = (root.PolicyTypes ?? []).filter((t) => t.Status === 'ENABLED').map((t) => t.Type!).sort();
  const nodes = new Map<string, string>([[root.Id!, ROOT]]);
  const accountByEmail = new Map<string, string>();
  let level: { id: string; names: readonly string[] }[] = [{ id: root.Id!, names: [] }];
  while (level.length > 0) {
    const children = await mapLimited(level, 8, async (parent) => {
      const ous = await allPages((NextToken) => organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parent.id, NextToken })), (p) => p.OrganizationalUnits);
      const accounts = await allPages((NextToken) => organizations.send(new ListAccountsForParentCommand({ ParentId: parent.id, NextToken })), (p) => p.Accounts);
      for (const account of accounts) {
        nodes.set(account.Id!, accountKey(account.Id!));
        accountByEmail.set((account.Email ?? '').toLowerCase(), account.Id!);
      }
      return ous.map((ou) => ({ id: ou.Id!, names: [...parent.names, ou.Name!] }));
    });
    level = children.flat();
    for (const ou of level) nodes.set(ou.id, ouKey(ou.names));
  }
  const summaries = (
    await Promise.all(enabledTypes.map((type) => allPages((NextToken) => organizations.send(new ListPoliciesCommand({ Filter: type as PolicyType, NextToken })), (p) => p.Policies)))
  ).flat();
  const policies = await mapLimited(summaries, 8, async (summary): Promise<StatePolicy> => {
    const id = summary.Id!;
    const described = (await organizations.send(new DescribePolicyCommand({ PolicyId: id }))).Policy;
    const targets = await allPages((NextToken) => organizations.send(new ListTargetsForPolicyCommand({ PolicyId: id, NextToken })), (p) => p.Targets);
    const tags = summary.AwsManaged ? [] : await allPages((NextToken) => organizations.send(new ListTagsForResourceCommand({ ResourceId: id, NextToken })), (p) => p.Tags);
    return {
      id,
      name: summary.Name!,
      type: summary.Type!,
      awsManaged: summary.AwsManaged === true,
      description: described?.PolicySummary?.Description ?? '',
      content: JSON.parse(described?.Content ?? 'null') as unknown,
      tags: Object.fromEntries(tags.map((t) => [t.Key!, t.Value ?? ''])),
      targets: targets.map((t) => t.TargetId!).sort(),
    };
  });
  return { enabledTypes, readTypes: enabledTypes, policies, nodes, accountByEmail };
}

function fromLive(live: LiveOrg): PoliciesState {
  if (!live.root || !live.policies) return EMPTY;
  const byId = new Map(live.ous.map((ou) => [ou.id, ou]));
  const namesOf = (id: string): string[] => (id === live.root!.id ? [] : [...namesOf(byId.get(id)!.parentId), byId.get(id)!.name]);
  const nodes = new Map<string, string>([[live.root.id, ROOT]]);
  for (const ou of live.ous) nodes.set(ou.id, ouKey(namesOf(ou.id)));
  for (const account of live.accounts) nodes.set(account.id, accountKey(account.id));
  return {
    enabledTypes: [...live.policies.enabledTypes].sort(),
    readTypes: [...live.policies.readTypes].sort(),
    policies: live.policies.policies.map((p) => ({
      id: p.id,
      name: p.name,
      type: p.type,
      awsManaged: p.awsManaged,
      description: p.description,
      content: p.content === undefined ? new Unread(POLICY_GAPS.content) : (JSON.parse(p.content) as unknown),
      tags: p.awsManaged ? {} : (p.tags ?? new Unread(POLICY_GAPS.tags)),
      targets: [...p.targets].sort(),
    })),
    nodes,
    accountByEmail: new Map(live.accounts.map((a) => [a.email.toLowerCase(), a.id])),
  };
}

function check(after: PoliciesState, want: DeclaredPolicies, before: PoliciesState) {
  const report = newReport();
  const differs = (line: string): void => void report.mismatches.push(line);
  const gap = (value: unknown): value is Unread => {
    if (value instanceof Unread) report.unchecked.push(value.gap);
    return value instanceof Unread;
  };
  const beforeById = new Map(before.policies.map((p) => [p.id, p]));
  const afterById = new Map(after.policies.map((p) => [p.id, p]));
  const afterNamed = (name: string, type: string): StatePolicy | undefined => after.policies.find((p) => p.name === name && p.type === type);
  const isDeclared = (p: StatePolicy): boolean => !p.awsManaged && want.policies.get(p.name)?.type === p.type;
  /** Whether org.yaml knows the policy: declared, or AWS-managed by a name it may list. */
  const known = (p: StatePolicy): boolean => isDeclared(p) || (p.awsManaged && AWS_MANAGED[p.name] === p.type);

  // Declared policies: there, as written.
  for (const [name, policy] of want.policies) {
    const now = afterNamed(name, policy.type);
    if (!now || now.awsManaged) {
      differs(`policy ${shown(name)} (${policy.type}): declared, not in AWS`);
      continue;
    }
    if (now.description !== policy.description) differs(`policy ${shown(name)}: description is ${shown(now.description)}, org.yaml declares ${shown(policy.description)}`);
    if (!gap(policy.document) && !gap(now.content) && canonical(now.content) !== canonical(policy.document)) {
      differs(`policy ${shown(name)}: document is ${canonical(now.content)}, org.yaml declares ${canonical(policy.document)}`);
    }
    // Only a type listed before tells a created policy from one that was there (moto lists no type as enabled on a new root).
    if (!beforeById.has(now.id) && before.readTypes.includes(now.type) && !gap(now.tags) && now.tags['managed-by'] !== 'orgctl') differs(`policy ${shown(name)}: created by orgctl without the tag managed-by=orgctl`);
  }

  // Types enabled for what org.yaml uses.
  const needed = new Set([...want.policies.values()].map((p) => p.type));
  for (const names of want.attachments.values()) for (const name of names) if (AWS_MANAGED[name] && !want.policies.has(name)) needed.add(AWS_MANAGED[name]);
  for (const type of [...needed].sort()) if (!after.enabledTypes.includes(type)) differs(`policy type ${type}: org.yaml uses it, yet it is not enabled on the root`);

  // Customer policies org.yaml does not declare.
  for (const was of before.policies) {
    if (was.awsManaged || isDeclared(was)) continue;
    const now = afterById.get(was.id);
    if (!after.readTypes.includes(was.type)) continue;
    const managed = gap(was.tags) ? undefined : was.tags['managed-by'] === 'orgctl';
    if (want.prune && managed === true) {
      if (now) differs(`policy ${shown(was.name)}: not in org.yaml, tagged managed-by=orgctl and prunePolicies is on, yet it exists`);
    } else if (!now) differs(`policy ${shown(was.name)}: deleted, yet ${want.prune ? 'orgctl did not create it (no managed-by=orgctl tag)' : 'prunePolicies is off'}`);
    else if (now.description !== was.description || canonical(now.content) !== canonical(was.content)) differs(`policy ${shown(was.name)}: not in org.yaml, yet its description or document changed`);
  }
  for (const now of after.policies) {
    if (!now.awsManaged && !isDeclared(now) && !beforeById.has(now.id) && before.readTypes.includes(now.type)) differs(`policy ${shown(now.name)} (${now.type}): created, yet org.yaml does not declare it`);
  }

  // Attachments, node by node: what is attached to each target after and before.
  const attachedTo = (state: PoliciesState): Map<string, StatePolicy[]> => {
    const byTarget = new Map<string, StatePolicy[]>();
    for (const p of state.policies) for (const t of p.targets) byTarget.set(t, [...(byTarget.get(t) ?? []), p]);
    return byTarget;
  };
  const nowAttached = attachedTo(after);
  const wasAttached = attachedTo(before);
  const keyToTarget = new Map([...after.nodes].map(([id, key]) => [key, id]));
  const declaredByTarget = new Map<string, readonly string[]>();
  for (const [key, names] of want.attachments) {
    const target = key.startsWith('email:') ? after.accountByEmail.get(key.slice(6)) : keyToTarget.get(key);
    if (target === undefined) differs(`${key.startsWith('email:') ? `account ${key.slice(6)}` : nodeText(key)}: lists policies, but it is not in the organization`);
    else declaredByTarget.set(target, names);
  }
  const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();
  for (const [target, key] of after.nodes) {
    const now = nowAttached.get(target) ?? [];
    const was = before.nodes.has(target) ? (wasAttached.get(target) ?? []) : undefined;
    const listed = declaredByTarget.get(target);
    const where = nodeText(key);
    if (listed === undefined) {
      // Not listed: as it was, among policies of types read both times that still exist.
      if (was === undefined) continue;
      const comparable = (p: StatePolicy): boolean => before.readTypes.includes(p.type) && after.readTypes.includes(p.type) && afterById.has(p.id);
      const wasIds = sorted(was.filter(comparable).map((p) => `${p.name} (${p.type})`));
      const nowIds = sorted(now.filter((p) => comparable(p) && beforeById.has(p.id)).map((p) => `${p.name} (${p.type})`));
      const added = now.filter((p) => comparable(p) && !beforeById.has(p.id));
      if (JSON.stringify(wasIds) !== JSON.stringify(nowIds) || added.length > 0) {
        differs(`${where}: no policies: in org.yaml, yet its attachments changed from ${JSON.stringify(wasIds)} to ${JSON.stringify(sorted(now.filter(comparable).map((p) => `${p.name} (${p.type})`)))}`);
      }
      continue;
    }
    const knownNow = sorted(now.filter((p) => known(p) && !(NEVER_DETACHED.has(p.name) && p.awsManaged && !listed.includes(p.name))).map((p) => p.name));
    if (JSON.stringify(knownNow) !== JSON.stringify(sorted(listed))) differs(`${where}: attached ${JSON.stringify(knownNow)}, org.yaml lists ${JSON.stringify(sorted(listed))}`);
    const others = (ps: readonly StatePolicy[]): string[] => sorted(ps.filter((p) => !known(p) && afterById.has(p.id)).map((p) => `${p.name} (${p.type})`));
    if (want.unlisted === 'detach') {
      if (others(now).length > 0) differs(`${where}: unlistedPolicyAttachments is detach, yet ${JSON.stringify(others(now))} stay attached`);
    } else if (was !== undefined && JSON.stringify(others(now)) !== JSON.stringify(others(was))) {
      differs(`${where}: attachments of policies org.yaml does not know changed from ${JSON.stringify(others(was))} to ${JSON.stringify(others(now))}`);
    }
  }
  return report;
}

export const policiesKind: EndStateKind<PoliciesState, DeclaredPolicies> = { name: 'policies', declared, read, fromLive, check };
