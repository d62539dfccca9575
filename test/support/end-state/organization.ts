// The organization, its OU tree and where each account is. org.yaml's promises (docs/org-yaml.md):
// - every declared OU exists at its place, once; a renamed OU (renamedFrom) keeps its ID;
// - OUs not declared are deleted with pruneOrganizationalUnits, otherwise left alone; orgctl creates
//   no OU org.yaml does not declare;
// - every declared account is in its declared parent (a closed one in options.closedAccountsOu when set);
//   accounts org.yaml does not place stay where they were (in the root when orgctl created the
//   organization); no account disappears, and only accounts org.yaml declares by email appear;
// - featureSet is org.yaml's when orgctl created the organization, otherwise unchanged.
// OUs are identified by the names from the root down (not by orgctl's path syntax).

import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations';
import type { LiveOrg } from '../../../src/model/live.js';
import { allPages, errorName, mapLimited } from './aws.js';
import { type EndStateKind, newReport, type ReadContext, shown } from './kind.js';
import { booleanOr, DOCUMENTED_DEFAULTS, list, mapping, text, textOr, type OrgYamlDocument } from './org-yaml.js';

export interface StateOu {
  readonly id: string;
  readonly parentId: string;
  /** Names from the root down to this OU. */
  readonly names: readonly string[];
}

export interface StateAccount {
  readonly id: string;
  readonly parentId: string;
  readonly email: string;
}

export interface OrganizationState {
  readonly organization: { readonly managementAccountId: string; readonly featureSet: string } | null;
  readonly rootId: string | null;
  readonly ous: readonly StateOu[];
  readonly accounts: readonly StateAccount[];
}

export interface DeclaredOu {
  readonly names: readonly string[];
  readonly renamedFrom?: string;
}

export interface DeclaredOrganization {
  readonly managementAccountId: string;
  readonly featureSet: string;
  readonly ous: readonly DeclaredOu[];
  /** Account ID, or "email:" and its email in lower case for an entry without id → the names of its parent OU from the root down ([] = the root). */
  readonly accounts: ReadonlyMap<string, readonly string[]>;
  readonly pruneOrganizationalUnits: boolean;
}

const NO_ORGANIZATION: OrganizationState = { organization: null, rootId: null, ous: [], accounts: [] };

/** "/" for the root, "/Workloads/Prod" below it; "/" and "%" inside a name shown as %2F and %25, as plans show them. */
export function pathText(names: readonly string[]): string {
  return `/${names.map((n) => n.replace(/%/g, '%25').replace(/\//g, '%2F')).join('/')}`;
}

const keyOf = (names: readonly string[]): string => JSON.stringify(names);

function declared(document: OrgYamlDocument): DeclaredOrganization {
  const organization = mapping(document.get('organization'), 'organization');
  const ous: DeclaredOu[] = [];
  const accounts = new Map<string, readonly string[]>();
  const closedOu = mapping(document.get('options'), 'options').get('closedAccountsOu');
  // "/Suspended" → ["Suspended"] (the oracle's own reading of an OU path: "/" between names, %2F inside one).
  const closedAccountsOu = closedOu === undefined ? undefined : text(closedOu, 'options.closedAccountsOu').split('/').slice(1).map((n) => n.replace(/%2F/g, '/').replace(/%25/g, '%'));
  const visit = (node: ReadonlyMap<string, unknown>, names: readonly string[], where: string): void => {
    for (const [i, entry] of list(node.get('accounts'), `${where}.accounts`).entries()) {
      const at = `${where}.accounts[${i}]`;
      const key = !(entry instanceof Map)
        ? text(entry, at)
        : entry.get('id') !== undefined
          ? text(entry.get('id'), `${at}.id`)
          : `email:${text(entry.get('email'), `${at}.email`).toLowerCase()}`;
      const closed = entry instanceof Map && booleanOr(entry.get('closed'), false, `${at}.closed`);
      accounts.set(key, closed && closedAccountsOu !== undefined ? closedAccountsOu : names);
    }
    for (const [name, child] of mapping(node.get('organizationalUnits'), `${where}.organizationalUnits`)) {
      const ou = mapping(child, `OU ${name}`);
      const renamedFrom = ou.get('renamedFrom');
      ous.push({ names: [...names, name], ...(renamedFrom !== undefined && { renamedFrom: text(renamedFrom, `OU ${name}.renamedFrom`) }) });
      visit(ou, [...names, name], `OU ${name}`);
    }
  };
  visit(mapping(document.get('root'), 'root'), [], 'root');
  const options = mapping(document.get('options'), 'options');
  return {
    managementAccountId: text(organization.get('managementAccountId'), 'organization.managementAccountId'),
    featureSet: textOr(organization.get('featureSet'), DOCUMENTED_DEFAULTS.organization.featureSet, 'organization.featureSet'),
    ous,
    accounts,
    pruneOrganizationalUnits: booleanOr(options.get('pruneOrganizationalUnits'), DOCUMENTED_DEFAULTS.options.pruneOrganizationalUnits, 'options.pruneOrganizationalUnits'),
  };
}

async function read({ clients: { organizations } }: ReadContext): Promise<OrganizationState> {
  let organization;
  try {
    organization = (await organizations.send(new DescribeOrganizationCommand({}))).Organization;
  } catch (error) {
    if (errorName(error) === 'AWSOrganizationsNotInUseException') return NO_ORGANIZATION;
    throw error;
  }
  const roots = await allPages((NextToken) => organizations.send(new ListRootsCommand({ NextToken })), (p) => p.Roots);
  if (roots.length !== 1 || !roots[0]!.Id) throw new Error(`end-state oracle: ListRoots gave ${roots.length} roots, expected one`);
  const rootId = roots[0]!.Id;
  const ous: StateOu[] = [];
  const accounts: StateAccount[] = [];
  // Breadth-first, one level at a time, a few parents at once.
  let level: { id: string; names: readonly string[] }[] = [{ id: rootId, names: [] }];
  while (level.length > 0) {
    const children = await mapLimited(level, 8, async (parent) => {
      const childOus = await allPages(
        (NextToken) => organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parent.id, NextToken })),
        (p) => p.OrganizationalUnits,
      );
      const childAccounts = await allPages(
        (NextToken) => organizations.send(new ListAccountsForParentCommand({ ParentId: parent.id, NextToken })),
        (p) => p.Accounts,
      );
      for (const account of childAccounts) accounts.push({ id: account.Id!, parentId: parent.id, email: account.Email ?? '' });
      return childOus.map((ou): StateOu => ({ id: ou.Id!, parentId: parent.id, names: [...parent.names, ou.Name!] }));
    });
    ous.push(...children.flat());
    level = children.flat();
  }
  return {
    organization: { managementAccountId: organization?.MasterAccountId ?? '', featureSet: organization?.FeatureSet ?? '' },
    rootId,
    ous,
    accounts,
  };
}

function fromLive(live: LiveOrg): OrganizationState {
  if (!live.organization || !live.root) return NO_ORGANIZATION;
  const byId = new Map(live.ous.map((ou) => [ou.id, ou]));
  const namesOf = (id: string): string[] => {
    if (id === live.root!.id) return [];
    const ou = byId.get(id);
    if (!ou) throw new Error(`end-state oracle: LiveOrg OU ${id} has no parent in the tree`);
    return [...namesOf(ou.parentId), ou.name];
  };
  return {
    organization: { managementAccountId: live.organization.managementAccountId, featureSet: live.organization.featureSet },
    rootId: live.root.id,
    ous: live.ous.map((ou) => ({ id: ou.id, parentId: ou.parentId, names: namesOf(ou.id) })),
    accounts: live.accounts.map((a) => ({ id: a.id, parentId: a.parentId, email: a.email })),
  };
}

function check(after: OrganizationState, declared: DeclaredOrganization, before: OrganizationState) {
  const report = newReport();
  const differs = (line: string) => report.mismatches.push(line);
  if (!after.organization || after.rootId === null) {
    differs(`no organization; org.yaml declares one with management account ${declared.managementAccountId}`);
    return report;
  }
  if (after.organization.managementAccountId !== declared.managementAccountId) {
    differs(`management account is ${after.organization.managementAccountId}; org.yaml declares ${declared.managementAccountId}`);
  }
  const featureSet = before.organization ? before.organization.featureSet : declared.featureSet;
  if (after.organization.featureSet !== featureSet) {
    differs(`featureSet is ${after.organization.featureSet}; expected ${featureSet} (${before.organization ? 'orgctl never changes it' : "org.yaml's, as orgctl created the organization"})`);
  }

  // OUs.
  const rootId = after.rootId;
  const afterByKey = new Map<string, StateOu[]>();
  for (const ou of after.ous) afterByKey.set(keyOf(ou.names), [...(afterByKey.get(keyOf(ou.names)) ?? []), ou]);
  for (const [key, same] of afterByKey) {
    if (same.length > 1) differs(`OU ${pathText(JSON.parse(key) as string[])} exists ${same.length} times (${same.map((o) => o.id).join(', ')})`);
  }
  const declaredKeys = new Set(declared.ous.map((ou) => keyOf(ou.names)));
  const beforeIds = new Set(before.ous.map((ou) => ou.id));
  const afterIds = new Set(after.ous.map((ou) => ou.id));
  for (const ou of declared.ous) if (!afterByKey.has(keyOf(ou.names))) differs(`OU ${pathText(ou.names)}: declared, not in the organization`);
  for (const ou of after.ous) {
    if (declaredKeys.has(keyOf(ou.names))) continue;
    if (declared.pruneOrganizationalUnits) differs(`OU ${pathText(ou.names)} (${ou.id}): not in org.yaml and pruneOrganizationalUnits is on, yet it exists`);
    else if (!beforeIds.has(ou.id)) differs(`OU ${pathText(ou.names)} (${ou.id}): created, yet org.yaml does not declare it`);
  }
  if (!declared.pruneOrganizationalUnits) {
    for (const ou of before.ous) if (!afterIds.has(ou.id)) differs(`OU ${pathText(ou.names)} (${ou.id}): deleted, yet pruneOrganizationalUnits is off`);
  }
  // A rename keeps the OU: when its parent had the old name and not the new one before, the ID is the old
  // OU's. (Valid org.yaml never declares the old name beside it; docs/org-yaml.md, "Rules".)
  for (const ou of declared.ous) {
    if (ou.renamedFrom === undefined || declaredKeys.has(keyOf([...ou.names.slice(0, -1), ou.renamedFrom]))) continue;
    const now = afterByKey.get(keyOf(ou.names))?.[0];
    if (!now) continue;
    const beforeSiblings = before.ous.filter((o) => o.parentId === now.parentId);
    const old = beforeSiblings.find((o) => o.names.at(-1) === ou.renamedFrom);
    const alreadyNamed = beforeSiblings.some((o) => o.names.at(-1) === ou.names.at(-1));
    if (old && !alreadyNamed && old.id !== now.id) {
      differs(`OU ${pathText(ou.names)} is ${now.id}; renamedFrom ${shown(ou.renamedFrom)} says it is the renamed ${old.id}`);
    }
  }

  // Accounts.
  const parentText = (state: OrganizationState, parentId: string): string => {
    if (parentId === state.rootId) return '/';
    const ou = state.ous.find((o) => o.id === parentId);
    return ou ? pathText(ou.names) : `unknown parent ${parentId}`;
  };
  const afterAccounts = new Map<string, StateAccount>();
  for (const account of after.accounts) {
    if (afterAccounts.has(account.id)) differs(`account ${account.id} is listed under two parents`);
    afterAccounts.set(account.id, account);
  }
  const beforeAccounts = new Map(before.accounts.map((a) => [a.id, a]));
  // An entry without id names its account by email (AWS compares emails without case).
  const idOf = (key: string): string => {
    if (!key.startsWith('email:')) return key;
    return after.accounts.find((a) => `email:${a.email.toLowerCase()}` === key)?.id ?? key;
  };
  const declaredIds = new Map([...declared.accounts].map(([key, names]) => [idOf(key), names]));
  // Creating the organization brings in the management account (in the root); only accounts declared by email are created.
  const expectedIds = before.organization ? [...beforeAccounts.keys()] : [declared.managementAccountId];
  for (const id of expectedIds) if (!afterAccounts.has(id)) differs(`account ${id}: was in the organization, now is not`);
  for (const [id, account] of afterAccounts) {
    if (expectedIds.includes(id)) continue;
    if (!declared.accounts.has(`email:${account.email.toLowerCase()}`)) differs(`account ${id}: appeared in the organization, yet org.yaml declares no account by its email`);
  }
  for (const [id, names] of declaredIds) {
    const account = afterAccounts.get(id);
    if (!account) differs(`account ${id.replace(/^email:/, '')}: declared in ${pathText(names)}, not in the organization`);
    else if (parentText(after, account.parentId) !== pathText(names)) {
      differs(`account ${id}: in ${parentText(after, account.parentId)}; org.yaml places it in ${pathText(names)}`);
    }
  }
  for (const account of afterAccounts.values()) {
    if (declaredIds.has(account.id)) continue;
    const was = beforeAccounts.get(account.id);
    const expectedParent = was ? was.parentId : rootId;
    if (account.parentId !== expectedParent) {
      differs(`account ${account.id}: not in org.yaml, so it stays where it was (${was ? parentText(before, was.parentId) : '/'}), yet it is in ${parentText(after, account.parentId)}`);
    }
  }
  return report;
}

export const organizationKind: EndStateKind<OrganizationState, DeclaredOrganization> = { name: 'organization', declared, read, fromLive, check };
