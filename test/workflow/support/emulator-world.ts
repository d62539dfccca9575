// The pieces apply tests need around our emulator: a snapshot from a simple description of a live
// organization, an SDK port with tiny backoff and no pacing delays, and the "no duplicates" checks
// on the emulator's state and request log.

import { createSdkPort, type SdkPort } from '../../../src/aws/sdk/create-sdk-port.js';
import type { RetryPolicy } from '../../../src/aws/retry.js';
import { accessKeyIdFor, type EmulatorSnapshot, type RequestLogEntry, type SnapshotBudget } from '../../../src/emulator/index.js';
import type { NotificationKey, Subscriber } from '../../../src/model/desired.js';
import { ROOT_PATH } from '../../../src/model/paths.js';

export const MGMT = '123456789012';
export const ORG_ID = 'o-applytests1';
export const ROOT_ID = 'r-appl';

/** Production's attempt counts, with backoff in single milliseconds so faulty runs stay fast. */
export const FAST_RETRIES: RetryPolicy = {
  throttled: { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 4 },
  other: { maxAttempts: 6, baseDelayMs: 1, maxDelayMs: 4 },
};

/** An SDK port to the emulator: real wire protocol and retries, rates scaled so pacing never waits. */
export function emulatorPort(url: string, accountId: string = MGMT, retryPolicy: RetryPolicy = FAST_RETRIES): SdkPort {
  return createSdkPort({
    endpoint: url,
    credentials: { accessKeyId: accessKeyIdFor(accountId), secretAccessKey: 'test' },
    rateScale: 10_000,
    retryPolicy,
  });
}

// ---------------------------------------------------------------- a live organization, described simply

export interface WorldOu {
  /** Full path, e.g. "/A/B" (segments escaped as in model/paths.ts). */
  readonly path: string;
  readonly name: string;
  readonly parentPath: string;
}

export interface WorldNotification extends NotificationKey {
  readonly subscribers: readonly Subscriber[];
}

export interface WorldBudget {
  readonly name: string;
  readonly amount: number;
  readonly timeUnit: string;
  readonly budgetType: string;
  readonly notifications: readonly WorldNotification[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface WorldAccount {
  readonly id: string;
  readonly parentPath: string;
  /** Default ACTIVE. */
  readonly state?: 'ACTIVE' | 'SUSPENDED';
}

export interface LiveWorld {
  /** false: a standalone account with no organization (only budgets). */
  readonly hasOrganization: boolean;
  /** Default ALL. */
  readonly featureSet?: 'ALL' | 'CONSOLIDATED_BILLING';
  /** Parents before children. */
  readonly ous: readonly WorldOu[];
  /** The management account included. */
  readonly accounts: readonly WorldAccount[];
  readonly budgets: readonly WorldBudget[];
}

export function snapshotOf(world: LiveWorld): EmulatorSnapshot {
  const budgets: SnapshotBudget[] = world.budgets.map((b) => ({
    accountId: MGMT,
    budget: { BudgetName: b.name, BudgetType: b.budgetType, TimeUnit: b.timeUnit, BudgetLimit: { Amount: String(b.amount), Unit: 'USD' } },
    notifications: b.notifications.map((n) => ({
      Notification: { NotificationType: n.type, ComparisonOperator: n.comparison, Threshold: n.threshold, ThresholdType: n.thresholdType },
      Subscribers: n.subscribers.map((s) => ({ SubscriptionType: s.type, Address: s.address })),
    })),
    tags: b.tags,
  }));
  const quotas = { maxAccounts: 1000, maxOrganizationalUnits: 2000, maxBudgetsPerAccount: 1000 };
  if (!world.hasOrganization) return { formatVersion: 1, accountId: MGMT, accountName: 'management', accountEmail: 'mgmt@example.com', organization: null, budgets, quotas };
  const idByPath = new Map<string, string>([[ROOT_PATH, ROOT_ID]]);
  world.ous.forEach((ou, i) => idByPath.set(ou.path, `ou-${ROOT_ID.slice(2)}-${String(i).padStart(8, '0')}`));
  return {
    formatVersion: 1,
    accountId: MGMT,
    organization: {
      id: ORG_ID,
      featureSet: world.featureSet ?? 'ALL',
      managementAccountId: MGMT,
      root: { id: ROOT_ID },
      organizationalUnits: world.ous.map((ou) => ({ id: idByPath.get(ou.path)!, name: ou.name, parentId: idByPath.get(ou.parentPath)! })),
      accounts: world.accounts.map((a) => ({
        id: a.id,
        name: `acct-${a.id}`,
        email: `aws+${a.id}@example.com`,
        parentId: idByPath.get(a.parentPath)!,
        ...(a.state !== undefined && { state: a.state }),
      })),
    },
    budgets,
    quotas,
  };
}

// ---------------------------------------------------------------- no duplicates

/** Everything that would show orgctl did something twice, read from the emulator's state. */
export function duplicatesIn(snapshot: EmulatorSnapshot): string[] {
  const problems: string[] = [];
  const org = snapshot.organization;
  if (org) {
    const siblings = new Map<string, string[]>();
    for (const ou of org.organizationalUnits ?? []) {
      const key = `${ou.parentId}/${ou.name}`;
      siblings.set(key, [...(siblings.get(key) ?? []), ou.id]);
    }
    for (const [key, ids] of siblings) if (ids.length > 1) problems.push(`${ids.length} OUs named ${key}: ${ids.join(', ')}`);
    const parents = new Set([org.root.id, ...(org.organizationalUnits ?? []).map((o) => o.id)]);
    const seen = new Set<string>();
    for (const account of org.accounts) {
      if (seen.has(account.id)) problems.push(`account ${account.id} listed twice`);
      seen.add(account.id);
      if (!parents.has(account.parentId)) problems.push(`account ${account.id} in unknown parent ${account.parentId}`);
    }
  }
  const budgetNames = new Set<string>();
  for (const b of snapshot.budgets ?? []) {
    const name = `${b.accountId}/${String(b.budget['BudgetName'])}`;
    if (budgetNames.has(name)) problems.push(`budget ${name} twice`);
    budgetNames.add(name);
    const keys = new Set<string>();
    for (const n of b.notifications ?? []) {
      const key = JSON.stringify(n['Notification']);
      if (keys.has(key)) problems.push(`budget ${name}: notification ${key} twice`);
      keys.add(key);
      const subscribers = (n['Subscribers'] as { SubscriptionType: string; Address: string }[] | undefined) ?? [];
      const addresses = subscribers.map((s) => `${s.SubscriptionType}:${s.Address}`);
      if (new Set(addresses).size !== addresses.length) problems.push(`budget ${name}: notification ${key} has a subscriber twice`);
    }
  }
  return problems;
}

/** Calls that took effect: answered 200, or carried out and then dropped before the reply. */
export function tookEffect(entry: RequestLogEntry): boolean {
  return entry.status === 200 || entry.fault === 'drop-after';
}

/** Writes that happened more than once for the same thing: OUs created, accounts moved, budgets created. */
export function repeatedWrites(log: readonly RequestLogEntry[]): string[] {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const e of log) {
    if (!tookEffect(e)) continue;
    if (e.operation === 'CreateOrganizationalUnit') bump(`CreateOrganizationalUnit ${String(e.input['ParentId'])}/${String(e.input['Name'])}`);
    if (e.operation === 'MoveAccount') bump(`MoveAccount ${String(e.input['AccountId'])}`);
    if (e.operation === 'CreateBudget') bump(`CreateBudget ${String((e.input['Budget'] as { BudgetName?: unknown } | undefined)?.BudgetName)}`);
    if (e.operation === 'CreateOrganization') bump('CreateOrganization');
  }
  return [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} took effect ${n} times`);
}

const WRITE = /^(Create|Update|Delete|Move|Tag|Untag|Attach|Detach|Enable|Disable|Invite|Remove|Close|Register|Deregister|Accept|Decline|Cancel|Leave)/;

/** Write calls the emulator received (whatever their answer). */
export function writeCalls(log: readonly RequestLogEntry[]): RequestLogEntry[] {
  return log.filter((e) => WRITE.test(e.operation));
}
