// Checks a parsed snapshot file before anything is loaded: shapes, ID formats, references and the tree
// rules AWS enforces (unique IDs and emails, parents that exist, depth ≤ 5, sibling-unique OU names).
// Every problem is reported with its JSON path so the CLI can point at the line.

import { ACCOUNT_STATES, FEATURE_SETS, MANAGED_POLICIES, POLICY_TYPES, type PolicyType } from './organizations/model.js';
import { ACCOUNT_ID, CREATE_ACCOUNT_REQUEST_ID, EMAIL, ORG_ID, OU_ID, POLICY_ID, ROOT_ID } from './organizations/ids.js';
import { SNAPSHOT_FORMAT_VERSION, type EmulatorSnapshot } from './snapshot.js';
import { checkSecuritySections } from './snapshot-security.js';
import { checkPermissionSets } from './snapshot-permission-sets.js';

export type { SnapshotIssue, SnapshotPath } from './snapshot-issue.js';
import type { SnapshotIssue, SnapshotPath } from './snapshot-issue.js';

export type SnapshotCheck = { readonly ok: true; readonly snapshot: EmulatorSnapshot } | { readonly ok: false; readonly issues: readonly SnapshotIssue[] };

type Obj = Record<string, unknown>;

const MAX_ISSUES = 20;

class Checker {
  readonly issues: SnapshotIssue[] = [];

  add(path: SnapshotPath, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, message });
  }

  object(value: unknown, path: SnapshotPath): Obj | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Obj;
    this.add(path, 'must be an object');
    return undefined;
  }

  array(value: unknown, path: SnapshotPath): unknown[] | undefined {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    this.add(path, 'must be a list');
    return undefined;
  }

  string(obj: Obj, key: string, path: SnapshotPath, rules: { optional?: boolean; pattern?: RegExp; hint?: string; oneOf?: readonly string[] } = {}): string | undefined {
    const value = obj[key];
    const at = [...path, key];
    if (value === undefined) {
      if (!rules.optional) this.add(at, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(at, 'must be a string');
      return undefined;
    }
    if (rules.pattern && !rules.pattern.test(value)) this.add(at, `"${value}" is not valid${rules.hint ? `: ${rules.hint}` : ''}`);
    if (rules.oneOf && !rules.oneOf.includes(value)) this.add(at, `"${value}" must be one of ${rules.oneOf.join(', ')}`);
    return value;
  }

  number(obj: Obj, key: string, path: SnapshotPath): void {
    const value = obj[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) this.add([...path, key], 'must be a number (epoch seconds)');
  }

  tags(obj: Obj, path: SnapshotPath): void {
    const tags = obj['tags'];
    if (tags === undefined) return;
    const map = this.object(tags, [...path, 'tags']);
    if (!map) return;
    const entries = Object.entries(map);
    if (entries.length > 50) this.add([...path, 'tags'], `has ${entries.length} tags; the limit is 50`);
    for (const [key, value] of entries) if (typeof value !== 'string') this.add([...path, 'tags', key], 'must be a string');
  }
}

interface OuCheck {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
  readonly path: SnapshotPath;
}

function checkOrganization(c: Checker, value: unknown, caseSensitive: boolean): void {
  const path = ['organization'];
  const org = c.object(value, path);
  if (!org) return;
  c.string(org, 'id', path, { pattern: ORG_ID, hint: 'expected o- and 10–32 lowercase letters or digits' });
  const featureSet = c.string(org, 'featureSet', path, { optional: true, oneOf: FEATURE_SETS }) ?? 'ALL';
  const managementId = c.string(org, 'managementAccountId', path, { pattern: ACCOUNT_ID, hint: 'expected 12 digits' });

  const rootObj = c.object(org['root'], [...path, 'root']);
  const rootId = rootObj ? c.string(rootObj, 'id', [...path, 'root'], { pattern: ROOT_ID, hint: 'expected r- and 4–32 lowercase letters or digits' }) : undefined;
  let enabled = new Set<PolicyType>(featureSet === 'ALL' ? ['SERVICE_CONTROL_POLICY'] : []);
  if (rootObj) {
    c.string(rootObj, 'name', [...path, 'root'], { optional: true });
    c.tags(rootObj, [...path, 'root']);
    const types = rootObj['policyTypes'];
    if (types !== undefined) {
      const list = c.array(types, [...path, 'root', 'policyTypes']) ?? [];
      enabled = new Set();
      list.forEach((t, i) => {
        if (typeof t === 'string' && (POLICY_TYPES as readonly string[]).includes(t)) enabled.add(t as PolicyType);
        else c.add([...path, 'root', 'policyTypes', i], `must be one of ${POLICY_TYPES.join(', ')}`);
      });
      if (featureSet !== 'ALL' && enabled.size > 0) c.add([...path, 'root', 'policyTypes'], 'policy types need featureSet ALL');
    }
  }

  // OUs: formats, uniqueness, parents, cycles, depth, sibling names.
  const ous = new Map<string, OuCheck>();
  (c.array(org['organizationalUnits'], [...path, 'organizationalUnits']) ?? []).forEach((raw, i) => {
    const at = [...path, 'organizationalUnits', i];
    const ou = c.object(raw, at);
    if (!ou) return;
    const id = c.string(ou, 'id', at, { pattern: OU_ID, hint: 'expected ou-<root ID without r->-<8–32 lowercase letters or digits>' });
    const name = c.string(ou, 'name', at);
    const parentId = c.string(ou, 'parentId', at);
    c.tags(ou, at);
    if (name !== undefined && (name.length < 1 || name.length > 128)) c.add([...at, 'name'], 'must be 1–128 characters');
    if (id === undefined || name === undefined || parentId === undefined) return;
    if (rootId && !id.startsWith(`ou-${rootId.slice(2)}-`)) c.add([...at, 'id'], `"${id}" must start with ou-${rootId.slice(2)}- (the root ID without r-)`);
    if (ous.has(id)) c.add([...at, 'id'], `"${id}" is used by another OU`);
    ous.set(id, { id, name, parentId, path: at });
  });
  const siblings = new Map<string, string>();
  for (const ou of ous.values()) {
    if (ou.parentId !== rootId && !ous.has(ou.parentId)) {
      c.add([...ou.path, 'parentId'], `"${ou.parentId}" is neither the root nor an OU in this file`);
      continue;
    }
    let depth = 1;
    const seen = new Set([ou.id]);
    for (let p = ous.get(ou.parentId); p; p = ous.get(p.parentId)) {
      if (seen.has(p.id)) {
        c.add([...ou.path, 'parentId'], 'OUs form a cycle');
        depth = 0;
        break;
      }
      seen.add(p.id);
      depth += 1;
    }
    if (depth > 5) c.add([...ou.path, 'parentId'], `OU "${ou.name}" is ${depth} levels under the root; AWS allows 5`);
    const key = `${ou.parentId}\u0000${caseSensitive ? ou.name : ou.name.toLowerCase()}`;
    const other = siblings.get(key);
    if (other) c.add([...ou.path, 'name'], `"${ou.name}" is also the name of sibling OU ${other}`);
    else siblings.set(key, ou.id);
  }

  // Accounts.
  const accountIds = new Set<string>();
  const emails = new Map<string, string>();
  (c.array(org['accounts'], [...path, 'accounts']) ?? []).forEach((raw, i) => {
    const at = [...path, 'accounts', i];
    const account = c.object(raw, at);
    if (!account) return;
    const id = c.string(account, 'id', at, { pattern: ACCOUNT_ID, hint: 'expected 12 digits' });
    const name = c.string(account, 'name', at);
    const email = c.string(account, 'email', at, { pattern: EMAIL, hint: 'expected an email address' });
    const parentId = c.string(account, 'parentId', at);
    c.string(account, 'state', at, { optional: true, oneOf: ACCOUNT_STATES });
    c.string(account, 'joinedMethod', at, { optional: true, oneOf: ['INVITED', 'CREATED'] });
    c.number(account, 'joinedTimestamp', at);
    c.tags(account, at);
    if (name !== undefined && (name.length < 1 || name.length > 128)) c.add([...at, 'name'], 'must be 1–128 characters');
    if (id !== undefined) {
      if (accountIds.has(id)) c.add([...at, 'id'], `"${id}" is used by another account`);
      accountIds.add(id);
    }
    if (email !== undefined) {
      const other = emails.get(email.toLowerCase());
      if (other) c.add([...at, 'email'], `"${email}" is also the email of account ${other}`);
      else emails.set(email.toLowerCase(), id ?? '?');
    }
    if (parentId !== undefined && parentId !== rootId && !ous.has(parentId)) c.add([...at, 'parentId'], `"${parentId}" is neither the root nor an OU in this file`);
  });
  if (managementId !== undefined && !accountIds.has(managementId)) c.add([...path, 'managementAccountId'], `"${managementId}" is not one of the accounts`);

  // Policies and attachments.
  const policies = new Map<string, PolicyType>(MANAGED_POLICIES.map((p) => [p.id, p.type]));
  (c.array(org['policies'], [...path, 'policies']) ?? []).forEach((raw, i) => {
    const at = [...path, 'policies', i];
    const policy = c.object(raw, at);
    if (!policy) return;
    const id = c.string(policy, 'id', at, { pattern: POLICY_ID, hint: 'expected p- and 8–128 letters, digits or underscores' });
    c.string(policy, 'name', at);
    c.string(policy, 'description', at, { optional: true });
    const type = c.string(policy, 'type', at, { oneOf: POLICY_TYPES });
    const content = c.string(policy, 'content', at);
    c.tags(policy, at);
    if (content !== undefined) {
      try {
        JSON.parse(content);
      } catch {
        c.add([...at, 'content'], 'must be a JSON policy document, as a string');
      }
    }
    if (id !== undefined && type !== undefined) {
      if (policies.has(id)) c.add([...at, 'id'], `"${id}" is used by another policy`);
      policies.set(id, type as PolicyType);
    }
  });
  const attachments = org['policyAttachments'];
  if (attachments !== undefined) {
    const map = c.object(attachments, [...path, 'policyAttachments']) ?? {};
    for (const [target, list] of Object.entries(map)) {
      const at = [...path, 'policyAttachments', target];
      if (target !== rootId && !ous.has(target) && !accountIds.has(target)) c.add(at, `"${target}" is not the root, an OU or an account in this file`);
      const ids = c.array(list, at) ?? [];
      let scps = 0;
      ids.forEach((policyId, i) => {
        const type = typeof policyId === 'string' ? policies.get(policyId) : undefined;
        if (type === undefined) c.add([...at, i], `${JSON.stringify(policyId)} is not a policy in this file (nor p-FullAWSAccess)`);
        else if (!enabled.has(type)) c.add([...at, i], `policy type ${type} is not enabled in the root`);
        if (type === 'SERVICE_CONTROL_POLICY') scps += 1;
      });
      if (enabled.has('SERVICE_CONTROL_POLICY') && scps === 0) c.add(at, 'every root, OU and account needs at least one SCP attached (for example p-FullAWSAccess)');
    }
  }
  (c.array(org['trustedServices'], [...path, 'trustedServices']) ?? []).forEach((principal, i) => {
    if (typeof principal !== 'string') c.add([...path, 'trustedServices', i], 'must be a service principal such as sso.amazonaws.com');
  });
  if (org['delegatedAdministrators'] !== undefined) {
    const map = c.object(org['delegatedAdministrators'], [...path, 'delegatedAdministrators']) ?? {};
    for (const [accountId, list] of Object.entries(map)) {
      const at = [...path, 'delegatedAdministrators', accountId];
      if (!accountIds.has(accountId)) c.add(at, `"${accountId}" is not an account in this file`);
      (c.array(list, at) ?? []).forEach((principal, i) => {
        if (typeof principal !== 'string') c.add([...at, i], 'must be a service principal such as securityhub.amazonaws.com');
      });
    }
  }
  (c.array(org['createAccountRequests'], [...path, 'createAccountRequests']) ?? []).forEach((raw, i) => {
    const at = [...path, 'createAccountRequests', i];
    const request = c.object(raw, at);
    if (!request) return;
    c.string(request, 'id', at, { pattern: CREATE_ACCOUNT_REQUEST_ID, hint: 'expected car- and 8–32 lowercase letters or digits' });
    c.string(request, 'accountName', at);
    c.string(request, 'email', at);
    c.string(request, 'accountId', at, { pattern: ACCOUNT_ID, hint: 'expected 12 digits' });
    c.string(request, 'state', at, { oneOf: ['IN_PROGRESS', 'SUCCEEDED', 'FAILED'] });
    c.number(request, 'requestedTimestamp', at);
    c.string(request, 'failureReason', at, { optional: true });
  });
}

function checkBudgets(c: Checker, value: unknown): void {
  (c.array(value, ['budgets']) ?? []).forEach((raw, i) => {
    const at = ['budgets', i];
    const budget = c.object(raw, at);
    if (!budget) return;
    c.string(budget, 'accountId', at, { pattern: ACCOUNT_ID, hint: 'expected 12 digits' });
    const shape = c.object(budget['budget'], [...at, 'budget']);
    if (shape) c.string(shape, 'BudgetName', [...at, 'budget']);
    (c.array(budget['notifications'], [...at, 'notifications']) ?? []).forEach((n, j) => c.object(n, [...at, 'notifications', j]));
    c.tags(budget, at);
  });
}

function checkQuotas(c: Checker, value: unknown): void {
  if (value === undefined) return;
  const quotas = c.object(value, ['quotas']);
  if (!quotas) return;
  for (const [key, n] of Object.entries(quotas)) {
    if (!['maxAccounts', 'maxOrganizationalUnits', 'maxBudgetsPerAccount'].includes(key)) c.add(['quotas', key], 'is not a known quota (maxAccounts, maxOrganizationalUnits, maxBudgetsPerAccount)');
    else if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) c.add(['quotas', key], 'must be a positive whole number');
  }
}

export function validateSnapshot(value: unknown, options: { readonly ouNamesCaseSensitive: boolean }): SnapshotCheck {
  const c = new Checker();
  const top = c.object(value, []);
  if (top) {
    if (top['formatVersion'] !== SNAPSHOT_FORMAT_VERSION) c.add(['formatVersion'], `must be ${SNAPSHOT_FORMAT_VERSION}`);
    c.string(top, 'accountId', [], { optional: true, pattern: ACCOUNT_ID, hint: 'expected 12 digits' });
    c.string(top, 'accountName', [], { optional: true });
    c.string(top, 'accountEmail', [], { optional: true, pattern: EMAIL, hint: 'expected an email address' });
    if (top['organization'] !== undefined && top['organization'] !== null) checkOrganization(c, top['organization'], options.ouNamesCaseSensitive);
    checkBudgets(c, top['budgets']);
    checkQuotas(c, top['quotas']);
    for (const issue of checkSecuritySections(top)) c.add(issue.path, issue.message);
    for (const issue of checkPermissionSets(top)) c.add(issue.path, issue.message);
  }
  return c.issues.length === 0 ? { ok: true, snapshot: value as EmulatorSnapshot } : { ok: false, issues: c.issues };
}
