// IAM Identity Center account assignments. org.yaml's promises (docs/org-yaml.md, `identityCenter`):
// - every assignment entry gives its group or user its permission set on each listed account and on every
//   account org.yaml places under its OUs (recursively; closed accounts left out);
// - without options.pruneAssignments nothing else changes: no assignment is removed, none appears that
//   org.yaml does not declare;
// - with it, the declared principals hold the declared permission sets only where org.yaml says.
// Read with straight SDK calls in us-east-1 (the region the tests use): the instance (ListInstances), the
// permission sets (ListPermissionSets, DescribePermissionSet), the directory (ListGroups, ListUsers) and,
// for every account of the organization and every permission set, ListAccountAssignments.

import { ListAccountsCommand } from '@aws-sdk/client-organizations';
import { ListGroupsCommand, ListUsersCommand } from '@aws-sdk/client-identitystore';
import { DescribePermissionSetCommand, ListAccountAssignmentsCommand, ListInstancesCommand, ListPermissionSetsCommand } from '@aws-sdk/client-sso-admin';
import type { LiveOrg } from '../../../src/model/live.js';
import { allPages, errorName } from './aws.js';
import { type EndStateKind, newReport, type ReadContext } from './kind.js';
import { booleanOr, DOCUMENTED_DEFAULTS, list, mapping, text, type OrgYamlDocument } from './org-yaml.js';

export interface IdentityCenterState {
  /** Sorted "PermissionSet TYPE:name accountId". */
  readonly assignments: readonly string[];
  /** Lower-case email → account ID, to find accounts org.yaml declares by email. */
  readonly accountsByEmail: Readonly<Record<string, string>>;
}

export interface DeclaredIdentityCenter {
  /** "PermissionSet TYPE:name target", target an account ID or "email:<lower-case email>". */
  readonly assignments: readonly string[];
  readonly principals: readonly string[];
  readonly permissionSets: readonly string[];
  readonly prune: boolean;
}

function declared(document: OrgYamlDocument): DeclaredIdentityCenter {
  const section = mapping(document.get('identityCenter'), 'identityCenter');
  const options = mapping(document.get('options'), 'options');
  // Accounts by the OU path org.yaml places them under ("/" the root), closed ones left out.
  const placed: { path: string; key: string }[] = [];
  const visit = (node: ReadonlyMap<string, unknown>, path: string, where: string): void => {
    for (const [i, entry] of list(node.get('accounts'), `${where}.accounts`).entries()) {
      const at = `${where}.accounts[${i}]`;
      if (entry instanceof Map && entry.get('closed') === true) continue;
      const key = !(entry instanceof Map) ? text(entry, at) : entry.get('id') !== undefined ? text(entry.get('id'), `${at}.id`) : `email:${text(entry.get('email'), `${at}.email`).toLowerCase()}`;
      placed.push({ path, key });
    }
    for (const [name, child] of mapping(node.get('organizationalUnits'), `${where}.organizationalUnits`)) visit(mapping(child, `OU ${name}`), `${path === '/' ? '' : path}/${name}`, `OU ${name}`);
  };
  visit(mapping(document.get('root'), 'root'), '/', 'root');
  const assignments = new Set<string>();
  const principals = new Set<string>();
  for (const [i, raw] of list(section.get('assignments'), 'identityCenter.assignments').entries()) {
    const entry = mapping(raw, `identityCenter.assignments[${i}]`);
    const principal = entry.get('group') !== undefined ? `GROUP:${text(entry.get('group'), 'group')}` : `USER:${text(entry.get('user'), 'user')}`;
    principals.add(principal);
    const set = text(entry.get('permissionSet'), 'permissionSet');
    for (const account of list(entry.get('accounts'), 'accounts')) assignments.add(`${set} ${principal} ${text(account, 'account')}`);
    for (const ou of list(entry.get('organizationalUnits'), 'organizationalUnits')) {
      const path = text(ou, 'organizationalUnit').replace(/\/+$/, '') || '/';
      for (const p of placed) if (path === '/' || p.path === path || p.path.startsWith(`${path}/`)) assignments.add(`${set} ${principal} ${p.key}`);
    }
  }
  return {
    assignments: [...assignments].sort(),
    principals: [...principals].sort(),
    permissionSets: [...mapping(section.get('permissionSets'), 'identityCenter.permissionSets').keys()].sort(),
    prune: booleanOr(options.get('pruneAssignments'), DOCUMENTED_DEFAULTS.options.pruneAssignments, 'options.pruneAssignments'),
  };
}

const EMPTY: IdentityCenterState = { assignments: [], accountsByEmail: {} };

async function read({ clients, accountId }: ReadContext): Promise<IdentityCenterState> {
  const sso = clients.ssoAdmin;
  const store = clients.identityStore;
  const instance = ((await sso.send(new ListInstancesCommand({}))).Instances ?? []).find((i) => i.OwnerAccountId === accountId);
  if (!instance?.InstanceArn || !instance.IdentityStoreId) return EMPTY;
  let accounts: { Id?: string | undefined; Email?: string | undefined }[];
  try {
    accounts = await allPages((NextToken) => clients.organizations.send(new ListAccountsCommand({ NextToken })), (page) => page.Accounts);
  } catch (error) {
    if (errorName(error) === 'AWSOrganizationsNotInUseException') return EMPTY;
    throw error;
  }
  const InstanceArn = instance.InstanceArn;
  const IdentityStoreId = instance.IdentityStoreId;
  const arns = await allPages((NextToken) => sso.send(new ListPermissionSetsCommand({ InstanceArn, NextToken })), (page) => page.PermissionSets);
  const setName = new Map<string, string>();
  for (const arn of arns) setName.set(arn, (await sso.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn: arn }))).PermissionSet?.Name ?? arn);
  const names = new Map<string, string>();
  for (const g of await allPages((NextToken) => store.send(new ListGroupsCommand({ IdentityStoreId, NextToken })), (page) => page.Groups)) names.set(`GROUP:${g.GroupId}`, `GROUP:${g.DisplayName}`);
  for (const u of await allPages((NextToken) => store.send(new ListUsersCommand({ IdentityStoreId, NextToken })), (page) => page.Users)) names.set(`USER:${u.UserId}`, `USER:${u.UserName}`);
  const found = new Set<string>();
  for (const account of accounts) {
    for (const arn of arns) {
      const listed = await allPages(
        (NextToken) => sso.send(new ListAccountAssignmentsCommand({ InstanceArn, AccountId: account.Id, PermissionSetArn: arn, NextToken })),
        (page) => page.AccountAssignments,
      );
      for (const a of listed) found.add(`${setName.get(arn)} ${names.get(`${a.PrincipalType}:${a.PrincipalId}`) ?? `${a.PrincipalType}:${a.PrincipalId}`} ${account.Id}`);
    }
  }
  return { assignments: [...found].sort(), accountsByEmail: Object.fromEntries(accounts.map((a) => [(a.Email ?? '').toLowerCase(), a.Id ?? ''])) };
}

function fromLive(live: LiveOrg): IdentityCenterState {
  const access = live.identityCenterAccess;
  if (!access) return { ...EMPTY, accountsByEmail: Object.fromEntries(live.accounts.map((a) => [a.email.toLowerCase(), a.id])) };
  const setName = new Map(access.permissionSets.map((s) => [s.arn, s.name]));
  const principal = new Map(access.principals.flatMap((p) => (p.id === null ? [] : [[`${p.type}:${p.id}`, `${p.type}:${p.name}`] as const])));
  return {
    assignments: [...new Set(access.assignments.map((a) => `${setName.get(a.permissionSetArn) ?? a.permissionSetArn} ${principal.get(`${a.principalType}:${a.principalId}`) ?? `${a.principalType}:${a.principalId}`} ${a.accountId}`))].sort(),
    accountsByEmail: Object.fromEntries(live.accounts.map((a) => [a.email.toLowerCase(), a.id])),
  };
}

function check(after: IdentityCenterState, want: DeclaredIdentityCenter, before: IdentityCenterState) {
  const report = newReport();
  const resolve = (line: string): string => {
    const [set, principal, target] = line.split(' ') as [string, string, string];
    return `${set} ${principal} ${target.startsWith('email:') ? (after.accountsByEmail[target.slice(6)] ?? target) : target}`;
  };
  const declaredNow = new Set(want.assignments.map(resolve));
  for (const line of declaredNow) if (!after.assignments.includes(line)) report.mismatches.push(`${line}: declared, but AWS has no such assignment`);
  const principalOf = (line: string): string => line.split(' ')[1]!;
  const setOf = (line: string): string => line.split(' ')[0]!;
  const prunable = (line: string): boolean => want.prune && want.principals.includes(principalOf(line)) && want.permissionSets.includes(setOf(line));
  for (const line of after.assignments) {
    if (declaredNow.has(line)) continue;
    if (prunable(line)) report.mismatches.push(`${line}: not declared and pruneAssignments is on, yet it is still assigned`);
    else if (!before.assignments.includes(line)) report.mismatches.push(`${line}: assigned by the apply, though org.yaml does not declare it`);
  }
  for (const line of before.assignments) {
    if (!after.assignments.includes(line) && !declaredNow.has(line) && !prunable(line)) report.mismatches.push(`${line}: removed, though pruneAssignments does not cover it`);
  }
  return report;
}

export const identityCenterKind: EndStateKind<IdentityCenterState, DeclaredIdentityCenter> = { name: 'identity center', declared, read, fromLive, check };
