// Loads a validated snapshot into a fresh World. Budgets go through the same normalization as
// CreateBudget, so a snapshot budget reads back exactly as one created through the API would.

import { addNotification } from './budgets/handlers/budgets.js';
import type { BudgetsContext, BudgetsSettings } from './budgets/context.js';
import type { BudgetRecord } from './budgets/model.js';
import { readBudget, readInput, readNotification, readSubscriber } from './budgets/validation.js';
import { ApiError } from './api-error.js';
import type { JsonObject } from './json.js';
import { DEFAULT_ORGANIZATIONS_QUOTAS, type AccountRecord, type PolicyType } from './organizations/model.js';
import type { EmulatorQuotas, EmulatorSnapshot, SnapshotOu, SnapshotTags } from './snapshot.js';
import type { SnapshotIssue } from './snapshot-validate.js';
import { DEFAULT_ACCOUNT_ID, World } from './world.js';
import { DEFAULT_BUDGETS_QUOTAS } from './budgets/model.js';
import { loadSecuritySections } from './snapshot-security.js';
import { loadPermissionSets } from './snapshot-permission-sets.js';

export interface LoadSettings {
  /** Overrides the snapshot's accountId. */
  readonly accountId?: string | undefined;
  /** Override the snapshot's quotas. */
  readonly quotas?: Partial<EmulatorQuotas> | undefined;
  readonly budgets: BudgetsSettings;
  readonly createAccountDelayMs: number;
  readonly closeAccountDelayMs: number;
  readonly now: number;
}

export type LoadResult = { readonly ok: true; readonly world: World } | { readonly ok: false; readonly issues: readonly SnapshotIssue[] };

function setTags(world: World, id: string, tags: SnapshotTags | undefined): void {
  if (!tags) return;
  const stored = world.organizations.tagsOf(id);
  for (const [key, value] of Object.entries(tags)) stored.set(key, value);
}

/** OUs parents-first, whatever order the file lists them in. */
function parentsFirst(ous: readonly SnapshotOu[]): SnapshotOu[] {
  const byId = new Map(ous.map((ou) => [ou.id, ou]));
  const depth = (ou: SnapshotOu): number => {
    let d = 0;
    for (let p = byId.get(ou.parentId); p; p = byId.get(p.parentId)) d += 1;
    return d;
  };
  return [...ous].map((ou) => ({ ou, d: depth(ou) })).sort((a, b) => a.d - b.d).map(({ ou }) => ou);
}

function loadOrganization(world: World, snapshot: EmulatorSnapshot, settings: LoadSettings): void {
  const org = snapshot.organization;
  if (!org) return;
  const state = world.organizations;
  const featureSet = org.featureSet ?? 'ALL';
  const policyTypes = new Set<PolicyType>(org.root.policyTypes ?? (featureSet === 'ALL' ? ['SERVICE_CONTROL_POLICY'] : []));
  const management = org.accounts.find((a) => a.id === org.managementAccountId);
  const toRecord = (a: (typeof org.accounts)[number]): AccountRecord => {
    const record: AccountRecord = {
      id: a.id,
      name: a.name,
      email: a.email,
      state: a.state ?? 'ACTIVE',
      joinedMethod: a.joinedMethod ?? (a.id === org.managementAccountId ? 'INVITED' : 'CREATED'),
      joinedTimestamp: a.joinedTimestamp ?? settings.now / 1000,
      parentId: a.parentId,
    };
    if (record.state === 'PENDING_CLOSURE') record.closesAt = settings.now + settings.closeAccountDelayMs;
    return record;
  };
  if (!management) return;
  state.createOrganization(
    { id: org.id, featureSet, managementAccountId: org.managementAccountId },
    { id: org.root.id, name: org.root.name ?? 'Root', policyTypes },
    toRecord(management),
  );
  setTags(world, org.root.id, org.root.tags);
  for (const ou of parentsFirst(org.organizationalUnits ?? [])) {
    state.addOu({ id: ou.id, name: ou.name, parentId: ou.parentId });
    setTags(world, ou.id, ou.tags);
  }
  // The management account was placed in the root by createOrganization; move it where the file says.
  state.moveAccount(management.id, management.parentId);
  setTags(world, management.id, management.tags);
  for (const account of org.accounts) {
    if (account.id === management.id) continue;
    state.addAccount(toRecord(account));
    setTags(world, account.id, account.tags);
  }
  for (const policy of org.policies ?? []) {
    state.policies.set(policy.id, { id: policy.id, name: policy.name, description: policy.description ?? '', type: policy.type, content: policy.content, awsManaged: false });
    setTags(world, policy.id, policy.tags);
  }
  for (const [target, policyIds] of Object.entries(org.policyAttachments ?? {})) {
    for (const id of state.attachedPolicies(target)) state.detach(id, target);
    for (const id of policyIds) state.attach(id, target);
  }
  for (const principal of org.trustedServices ?? []) state.serviceAccess.set(principal, settings.now / 1000);
  for (const [accountId, principals] of Object.entries(org.delegatedAdministrators ?? {})) {
    for (const principal of principals) state.delegatedServicesOf(accountId).set(principal, settings.now / 1000);
  }
  for (const r of org.createAccountRequests ?? []) {
    const requestedAt = r.requestedTimestamp * 1000;
    state.addCreateRequest({
      id: r.id,
      accountName: r.accountName,
      email: r.email,
      accountId: r.accountId,
      state: r.state,
      requestedAt,
      completesAt: r.state === 'IN_PROGRESS' ? settings.now + settings.createAccountDelayMs : requestedAt,
      ...(r.failureReason === undefined ? {} : { failureReason: r.failureReason }),
      tags: [],
    });
  }
}

function loadBudgets(world: World, snapshot: EmulatorSnapshot, settings: LoadSettings, issues: SnapshotIssue[]): void {
  (snapshot.budgets ?? []).forEach((entry, i) => {
    const ctx: BudgetsContext = {
      state: world.budgets,
      settings: settings.budgets,
      call: { caller: { accountId: entry.accountId, accessKeyId: undefined }, requestId: 'snapshot', now: settings.now },
      operation: 'CreateBudget',
    };
    let step: (string | number)[] = ['budget'];
    try {
      const read = readBudget(readInput(entry.budget), ctx);
      const lastUpdated = entry.budget['LastUpdatedTime'];
      const budget = typeof lastUpdated === 'number' ? { ...read, LastUpdatedTime: lastUpdated } : read;
      const name = budget['BudgetName'] as string;
      const budgets = world.budgets.budgetsOf(entry.accountId);
      if (budgets.has(name)) throw new ApiError('DuplicateRecordException', `another budget of account ${entry.accountId} is named "${name}"`, 409);
      const record: BudgetRecord = { budget, notifications: [], tags: new Map(Object.entries(entry.tags ?? {})) };
      (entry.notifications ?? []).forEach((n: JsonObject, j) => {
        step = ['notifications', j];
        const reader = readInput(n);
        addNotification(record, { ...readNotification(reader.object('Notification')), subscribers: reader.objectList('Subscribers', { min: 1, max: 11 }).map(readSubscriber) });
      });
      budgets.set(name, record);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      issues.push({ path: ['budgets', i, ...step], message: error.message });
    }
  });
}

/** Builds a World from a snapshot that passed validateSnapshot. */
export function loadSnapshot(snapshot: EmulatorSnapshot, settings: LoadSettings): LoadResult {
  const accountId = settings.accountId ?? snapshot.accountId ?? snapshot.organization?.managementAccountId ?? DEFAULT_ACCOUNT_ID;
  const management = snapshot.organization?.accounts.find((a) => a.id === accountId);
  const world = new World(accountId, snapshot.accountName ?? management?.name ?? 'management', snapshot.accountEmail ?? management?.email ?? 'management@example.com');
  const quotas = { ...DEFAULT_ORGANIZATIONS_QUOTAS, ...DEFAULT_BUDGETS_QUOTAS, ...snapshot.quotas, ...settings.quotas };
  world.organizations.quotas = { maxAccounts: quotas.maxAccounts, maxOrganizationalUnits: quotas.maxOrganizationalUnits };
  world.budgets.quotas = { maxBudgetsPerAccount: quotas.maxBudgetsPerAccount };
  loadOrganization(world, snapshot, settings);
  loadSecuritySections(world, snapshot, settings.now);
  loadPermissionSets(world, snapshot, settings.now);
  const issues: SnapshotIssue[] = [];
  loadBudgets(world, snapshot, settings, issues);
  return issues.length === 0 ? { ok: true, world } : { ok: false, issues };
}
