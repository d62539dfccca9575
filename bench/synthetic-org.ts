// The benchmark's organization, as plain data: an OU tree of a given size and depth, accounts spread
// unevenly over it (some parents need several pages), budgets with notifications and subscribers, and
// a few service control policies. Deterministic for a seed. From it: the emulator snapshot (the live
// side), org.yaml (the desired side), the out-of-band drift, and the change apply carries out.

import type { EmulatorSnapshot, SnapshotBudget } from '../src/emulator/index.js';

export interface OrgSize {
  readonly ous: number;
  /** Accounts in total, the management account included. */
  readonly accounts: number;
  readonly budgets: number;
  /** OU levels below the root (AWS allows 5). */
  readonly depth: number;
  readonly notificationsPerBudget: number;
  readonly subscribersPerNotification: number;
  /** Customer-managed SCPs, each attached to a few OUs (import lists them). */
  readonly policies: number;
}

export const BENCH_SIZE: OrgSize = { ous: 500, accounts: 5000, budgets: 100, depth: 5, notificationsPerBudget: 2, subscribersPerNotification: 2, policies: 3 };

export interface OrgOu {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
}

export interface OrgAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly parentId: string;
  /** For org.yaml only: 'create' is declared by name and email (orgctl creates it), 'close' with closed: true. */
  readonly lifecycle?: 'create' | 'close';
}

export interface OrgNotification {
  readonly type: 'ACTUAL' | 'FORECASTED';
  readonly threshold: number;
  readonly emails: readonly string[];
}

export interface OrgBudget {
  readonly name: string;
  readonly amount: number;
  readonly notifications: readonly OrgNotification[];
}

export interface OrgPolicy {
  readonly id: string;
  readonly name: string;
  readonly targets: readonly string[];
}

export interface SyntheticOrg {
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly rootId: string;
  /** Parents before children. */
  readonly ous: readonly OrgOu[];
  readonly accounts: readonly OrgAccount[];
  readonly budgets: readonly OrgBudget[];
  readonly policies: readonly OrgPolicy[];
  /** Service principals with trusted access, as org.yaml lists them. */
  readonly trustedServices: readonly string[];
  /** Delegated administrators: service principal → accounts (security tooling run from member accounts). */
  readonly delegatedAdministrators: readonly { readonly principal: string; readonly accountIds: readonly string[] }[];
}

const ORGANIZATION_ID = 'o-benchorg01';
const ROOT_ID = 'r-bnch';
const MANAGEMENT_ACCOUNT_ID = '100000000000';

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function ouId(n: number): string {
  return `ou-${ROOT_ID.slice(2)}-${n.toString(36).padStart(8, '0')}`;
}

/**
 * OUs per level for `total` OUs over `depth` levels: each level about twice the one above, so the
 * deepest level is full and every level is used.
 */
function levelSizes(total: number, depth: number): number[] {
  const weights = Array.from({ length: depth }, (_, i) => 2 ** i);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  sizes[depth - 1]! += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

export function generateOrg(size: OrgSize = BENCH_SIZE, seed = 1): SyntheticOrg {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const ous: OrgOu[] = [];
  let previousLevel: string[] = [ROOT_ID];
  for (const [level, count] of levelSizes(size.ous, size.depth).entries()) {
    const thisLevel: string[] = [];
    for (let i = 0; i < count; i++) {
      // Round-robin over the level above, so every parent gets children and the tree is full depth.
      const parentId = previousLevel[i % previousLevel.length]!;
      const id = ouId(ous.length + 1);
      ous.push({ id, name: `L${level + 1}-${String(i + 1).padStart(3, '0')}`, parentId });
      thisLevel.push(id);
    }
    previousLevel = thisLevel;
  }

  // Uneven spread: most parents hold a few accounts, some hold several pages' worth.
  const parents = [ROOT_ID, ...ous.map((ou) => ou.id)];
  const weighted: string[] = [];
  for (const parent of parents) {
    const roll = random();
    const weight = parent === ROOT_ID ? 8 : roll < 0.7 ? 1 : roll < 0.92 ? 3 : 8;
    for (let i = 0; i < weight; i++) weighted.push(parent);
  }
  const accounts: OrgAccount[] = [{ id: MANAGEMENT_ACCOUNT_ID, name: 'management', email: 'management@example.com', parentId: ROOT_ID }];
  for (let i = 1; i < size.accounts; i++) {
    accounts.push({ id: String(100000000000 + i), name: `acct-${i}`, email: `acct-${i}@example.com`, parentId: pick(weighted) });
  }

  const budgets: OrgBudget[] = Array.from({ length: size.budgets }, (_, i) => ({
    name: `team-${String(i + 1).padStart(3, '0')}-monthly`,
    amount: 100 * (1 + (i % 20)),
    notifications: Array.from({ length: size.notificationsPerBudget }, (_, n) => ({
      type: n % 2 === 0 ? ('ACTUAL' as const) : ('FORECASTED' as const),
      threshold: 80 + 10 * n,
      emails: Array.from({ length: size.subscribersPerNotification }, (_, s) => `team-${i + 1}-alert-${n + 1}-${s + 1}@example.com`),
    })),
  }));

  const policies: OrgPolicy[] = Array.from({ length: size.policies }, (_, i) => ({
    id: `p-bench${String(i + 1).padStart(4, '0')}`,
    name: `guardrail-${i + 1}`,
    targets: ous.filter((_, n) => n % (size.policies + 7) === i).map((ou) => ou.id),
  }));

  // What a grown organization enables: Identity Center, Account Management, security tooling and
  // logging; two member accounts (a security and a log account) administer the security services.
  const trustedServices = ['account.amazonaws.com', 'cloudtrail.amazonaws.com', 'config.amazonaws.com', 'guardduty.amazonaws.com', 'securityhub.amazonaws.com', 'sso.amazonaws.com'];
  const [security, logs] = [accounts[1]?.id, accounts[2]?.id];
  const delegatedAdministrators =
    security !== undefined && logs !== undefined
      ? [
          { principal: 'config.amazonaws.com', accountIds: [logs, security] },
          { principal: 'guardduty.amazonaws.com', accountIds: [security] },
          { principal: 'securityhub.amazonaws.com', accountIds: [security] },
        ]
      : [];

  return { organizationId: ORGANIZATION_ID, managementAccountId: MANAGEMENT_ACCOUNT_ID, rootId: ROOT_ID, ous, accounts, budgets, policies, trustedServices, delegatedAdministrators };
}

// ------------------------------------------------------------------ live side: the emulator snapshot

/** Every guardrail's document (JSON is YAML, so org.yaml carries it inline as written). */
const GUARDRAIL_DOCUMENT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] });

/** Tags on every OU and on every tenth account (10%), by ID: the bench's "tags declared" scenario. */
export function benchTags(org: SyntheticOrg): ReadonlyMap<string, Readonly<Record<string, string>>> {
  const tags = new Map<string, Readonly<Record<string, string>>>();
  org.ous.forEach((ou, i) => tags.set(ou.id, { owner: `team-${i % 7}`, 'cost-center': String(1000 + i) }));
  org.accounts.forEach((a, i) => {
    if (i % 10 === 0) tags.set(a.id, { team: `team-${i % 7}` });
  });
  return tags;
}

/** `tags`: tags to give OUs and accounts (by ID), for the tags scenario. */
export function toSnapshot(org: SyntheticOrg, tags: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map()): EmulatorSnapshot {
  const tagsOf = (id: string) => (tags.has(id) ? { tags: tags.get(id)! } : {});
  const attachments: Record<string, string[]> = {};
  for (const policy of org.policies) {
    for (const target of policy.targets) (attachments[target] ??= ['p-FullAWSAccess']).push(policy.id);
  }
  return {
    formatVersion: 1,
    accountId: org.managementAccountId,
    organization: {
      id: org.organizationId,
      featureSet: 'ALL',
      managementAccountId: org.managementAccountId,
      root: { id: org.rootId },
      organizationalUnits: org.ous.map((ou) => ({ id: ou.id, name: ou.name, parentId: ou.parentId, ...tagsOf(ou.id) })),
      accounts: org.accounts.map((a) => ({ id: a.id, name: a.name, email: a.email, parentId: a.parentId, ...tagsOf(a.id) })),
      policies: org.policies.map((p) => ({
        id: p.id,
        name: p.name,
        description: '',
        type: 'SERVICE_CONTROL_POLICY',
        content: GUARDRAIL_DOCUMENT,
      })),
      policyAttachments: attachments,
      trustedServices: org.trustedServices,
      delegatedAdministrators: delegationsByAccount(org),
    },
    budgets: org.budgets.map((b): SnapshotBudget => ({
      accountId: org.managementAccountId,
      budget: { BudgetName: b.name, BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: String(b.amount), Unit: 'USD' } },
      notifications: b.notifications.map((n) => ({
        Notification: { NotificationType: n.type, ComparisonOperator: 'GREATER_THAN', Threshold: n.threshold, ThresholdType: 'PERCENTAGE' },
        Subscribers: n.emails.map((address) => ({ SubscriptionType: 'EMAIL', Address: address })),
      })),
      tags: { 'managed-by': 'orgctl' },
    })),
    quotas: { maxAccounts: org.accounts.length + 1000, maxOrganizationalUnits: 2000 },
  };
}

// ------------------------------------------------------------------ desired side: org.yaml

/** `tags`: the `tags:` to declare on OUs and accounts (by ID), for the tags scenario. */
export function toOrgYaml(org: SyntheticOrg, tags: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map()): string {
  const flow = (id: string) => `{ ${Object.entries(tags.get(id)!).map(([k, v]) => `${k}: "${v}"`).join(', ')} }`;
  const childOus = groupBy(org.ous, (ou) => ou.parentId);
  const childAccounts = groupBy(org.accounts, (a) => a.parentId);
  const lines = [
    '# yaml-language-server: $schema=./schema/org.schema.json',
    '# Generated by bench/synthetic-org.ts for `npm run bench`.',
    'version: 1',
    'organization:',
    `  managementAccountId: "${org.managementAccountId}"`,
    '  featureSet: ALL',
    `  trustedServices: [${org.trustedServices.join(', ')}]`,
    '  delegatedAdministrators:',
    ...org.delegatedAdministrators.map((d) => `    ${d.principal}: [${d.accountIds.map((id) => `"${id}"`).join(', ')}]`),
  ];
  if (org.delegatedAdministrators.length === 0) lines.splice(lines.indexOf('  delegatedAdministrators:'), 1, '  delegatedAdministrators: {}');
  if (org.policies.length > 0) {
    lines.push('policies:');
    for (const policy of org.policies) lines.push(`  ${policy.name}:`, `    document: ${GUARDRAIL_DOCUMENT}`);
  }
  lines.push('root:');
  // The guardrails are declared and listed where they are attached (with FullAWSAccess, which stays).
  const policiesOf = new Map<string, string[]>();
  for (const policy of org.policies) for (const target of policy.targets) policiesOf.set(target, [...(policiesOf.get(target) ?? ['FullAWSAccess']), policy.name]);
  const node = (parentId: string, indent: string): void => {
    const accounts = childAccounts.get(parentId) ?? [];
    const ous = childOus.get(parentId) ?? [];
    const listed = policiesOf.get(parentId);
    if (listed) lines.push(`${indent}policies: [${listed.join(', ')}]`);
    const entry = (a: OrgAccount): string =>
      a.lifecycle === 'create'
        ? `{ name: ${a.name}, email: ${a.email} }`
        : a.lifecycle === 'close'
          ? `{ id: "${a.id}", name: ${a.name}, closed: true }`
          : tags.has(a.id)
            ? `{ id: "${a.id}", tags: ${flow(a.id)} }`
            : `"${a.id}"`;
    lines.push(`${indent}accounts: [${accounts.map(entry).join(', ')}]`);
    if (ous.length === 0) return;
    lines.push(`${indent}organizationalUnits:`);
    for (const ou of ous) {
      lines.push(`${indent}  ${ou.name}:`);
      if (tags.has(ou.id)) lines.push(`${indent}    tags: ${flow(ou.id)}`);
      node(ou.id, `${indent}    `);
    }
  };
  node(org.rootId, '  ');
  lines.push('budgets:');
  for (const b of org.budgets) {
    lines.push(`  - name: ${b.name}`, `    amount: ${b.amount}`, '    unit: USD', '    timeUnit: MONTHLY', '    notifications:');
    for (const n of b.notifications) {
      lines.push(`      - type: ${n.type}`, `        threshold: ${n.threshold}`, `        emails: [${n.emails.join(', ')}]`);
    }
  }
  lines.push('options:', '  pruneOrganizationalUnits: false', '  pruneBudgets: false', '  unlistedAccounts: ignore', '');
  return lines.join('\n');
}

/** org.yaml's delegations (service → accounts) as the emulator snapshot holds them (account → services). */
function delegationsByAccount(org: SyntheticOrg): Record<string, string[]> {
  const byAccount: Record<string, string[]> = {};
  for (const { principal, accountIds } of org.delegatedAdministrators) for (const id of accountIds) (byAccount[id] ??= []).push(principal);
  return byAccount;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// ------------------------------------------------------------------ scenarios

export interface Drift {
  /** The organization after the out-of-band changes (load it into the emulator; org.yaml stays). */
  readonly org: SyntheticOrg;
  readonly movedAccounts: number;
  readonly addedOus: number;
  readonly removedOus: number;
  readonly changedBudgets: number;
}

/**
 * Out-of-band changes to `fraction` of the organization: that share of accounts moved to other OUs
 * (some into an OU created by hand), one leaf OU deleted by hand (its accounts moved out first), and
 * that share of budgets with another amount.
 */
export function driftOrg(org: SyntheticOrg, fraction: number, seed = 2): Drift {
  const random = seededRandom(seed);
  const parentIds = new Set(org.ous.map((ou) => ou.parentId));
  const leaves = org.ous.filter((ou) => !parentIds.has(ou.id));
  const removed = leaves[Math.floor(random() * leaves.length)]!;
  const added: OrgOu = { id: ouId(org.ous.length + 1000), name: 'created-by-hand', parentId: org.rootId };
  const targets = [org.rootId, ...org.ous.filter((ou) => ou.id !== removed.id).map((ou) => ou.id)];

  const toMove = Math.round(org.accounts.length * fraction);
  const moved = new Map<string, string>();
  // The removed OU's accounts must leave it first; they are part of the drift.
  for (const a of org.accounts) if (a.parentId === removed.id) moved.set(a.id, targets[Math.floor(random() * targets.length)]!);
  const members = org.accounts.filter((a) => a.id !== org.managementAccountId && !moved.has(a.id));
  while (moved.size < toMove) {
    const account = members[Math.floor(random() * members.length)]!;
    if (moved.has(account.id)) continue;
    // Every fifth into the hand-made OU, the rest anywhere else.
    const destination = moved.size % 5 === 0 ? added.id : targets[Math.floor(random() * targets.length)]!;
    if (destination !== account.parentId) moved.set(account.id, destination);
  }

  const budgetsToChange = Math.min(org.budgets.length, Math.max(1, Math.round(org.budgets.length * fraction)));
  const changed = spreadIndices(budgetsToChange, org.budgets.length);
  return {
    org: {
      ...org,
      ous: [...org.ous.filter((ou) => ou.id !== removed.id), added],
      accounts: org.accounts.map((a) => (moved.has(a.id) ? { ...a, parentId: moved.get(a.id)! } : a)),
      budgets: org.budgets.map((b, i) => (changed.has(i) ? { ...b, amount: b.amount + 50 } : b)),
      policies: org.policies.map((p) => ({ ...p, targets: p.targets.filter((t) => t !== removed.id) })),
    },
    movedAccounts: moved.size,
    addedOus: 1,
    removedOus: 1,
    changedBudgets: budgetsToChange,
  };
}

export interface Change {
  /** The desired organization: write it as org.yaml and apply. */
  readonly org: SyntheticOrg;
  readonly movedAccounts: number;
  readonly createdOus: number;
  readonly updatedBudgets: number;
}

/**
 * A large change: `createOus` new OUs (groups of five: one under the root with four children),
 * `moveAccounts` accounts moved (a fifth of them into the new OUs), `updateBudgets` budgets with a
 * new amount.
 */
export function changeOrg(org: SyntheticOrg, moveAccounts: number, createOus: number, updateBudgets: number, seed = 3): Change {
  const random = seededRandom(seed);
  const created: OrgOu[] = [];
  for (let i = 0; created.length < createOus; i++) {
    const top: OrgOu = { id: ouId(org.ous.length + 2000 + created.length), name: `new-team-${String(i + 1).padStart(2, '0')}`, parentId: org.rootId };
    created.push(top);
    for (let c = 0; c < 4 && created.length < createOus; c++) {
      created.push({ id: ouId(org.ous.length + 2000 + created.length), name: `env-${c + 1}`, parentId: top.id });
    }
  }
  const existing = [org.rootId, ...org.ous.map((ou) => ou.id)];
  const members = org.accounts.filter((a) => a.id !== org.managementAccountId);
  const moved = new Map<string, string>();
  while (moved.size < Math.min(moveAccounts, members.length)) {
    const account = members[Math.floor(random() * members.length)]!;
    if (moved.has(account.id)) continue;
    const pool = moved.size % 5 === 0 ? created.map((ou) => ou.id) : existing;
    const destination = pool[Math.floor(random() * pool.length)]!;
    if (destination !== account.parentId) moved.set(account.id, destination);
  }
  const updated = spreadIndices(Math.min(updateBudgets, org.budgets.length), org.budgets.length);
  const budgets = org.budgets.map((b, i) => (updated.has(i) ? { ...b, amount: b.amount * 2 } : b));
  return {
    org: { ...org, ous: [...org.ous, ...created], accounts: org.accounts.map((a) => (moved.has(a.id) ? { ...a, parentId: moved.get(a.id)! } : a)), budgets },
    movedAccounts: moved.size,
    createdOus: created.length,
    updatedBudgets: updated.size,
  };
}

/** `count` indices spread evenly over 0..total-1. */
function spreadIndices(count: number, total: number): Set<number> {
  return new Set(Array.from({ length: count }, (_, i) => Math.floor((i * total) / count)));
}

export interface AccountLifecycleChange {
  /** The desired organization, for org.yaml only (toOrgYaml): the emulator keeps the organization it has. */
  readonly org: SyntheticOrg;
  readonly accounts: number;
  /** The OUs the new accounts go into (the deepest ones), for creations. */
  readonly ous: number;
}

/** `count` new accounts declared by name and email, spread over the deepest OUs (so each is created, then moved down). */
export function createAccountsChange(org: SyntheticOrg, count: number): AccountLifecycleChange {
  const depthOf = new Map<string, number>([[org.rootId, 0]]);
  for (const ou of org.ous) depthOf.set(ou.id, depthOf.get(ou.parentId)! + 1);
  const deepest = Math.max(...depthOf.values());
  const targets = org.ous.filter((ou) => depthOf.get(ou.id) === deepest);
  const created: OrgAccount[] = Array.from({ length: count }, (_, i) => ({
    id: `new-${i + 1}`,
    name: `new-account-${i + 1}`,
    email: `bench+new-account-${i + 1}@example.com`,
    parentId: targets[i % targets.length]!.id,
    lifecycle: 'create',
  }));
  return { org: { ...org, accounts: [...org.accounts, ...created] }, accounts: count, ous: Math.min(count, targets.length) };
}

/** `count` member accounts, spread over the organization, marked closed: true. */
export function closeAccountsChange(org: SyntheticOrg, count: number): AccountLifecycleChange {
  const members = org.accounts.filter((a) => a.id !== org.managementAccountId);
  const closing = new Set([...spreadIndices(Math.min(count, members.length), members.length)].map((i) => members[i]!.id));
  return { org: { ...org, accounts: org.accounts.map((a) => (closing.has(a.id) ? { ...a, lifecycle: 'close' as const } : a)) }, accounts: closing.size, ous: 0 };
}
