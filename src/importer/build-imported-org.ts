// What import read → the org.yaml model (DesiredOrg), sorted the way a person keeps it, plus
// everything org.yaml cannot express, to be listed as comments. Pure.
//
// Sorted: OUs by name, accounts by name then ID, budgets by name, notifications by type, threshold
// type, threshold and comparison, email subscribers by address. So an unchanged organization gives
// the same model (and file) every time, whatever order AWS lists things in.

import { DEFAULTS } from '../config/normalize.js';
import type { ComparisonOperator, DesiredAccount, DesiredBudget, DesiredNode, DesiredNotification, DesiredOrg, DesiredOu, Subscriber } from '../model/desired.js';
import type { AccountState, LiveAccount, LiveBudget, LiveNotification, LiveOu } from '../model/live.js';
import { childPath, ROOT_PATH } from '../model/paths.js';
import { canonicalNotificationKey } from '../planner/canonical-document.js';
import { budgetProblems } from './budget-expressible.js';
import { byNaturalOrder } from './natural-order.js';
import type { ImportReading, Tags } from './read-for-import.js';

export interface ImportedOrg {
  readonly organizationId: string;
  /** org.yaml's content: every ACTIVE account in its place, every budget org.yaml can express. */
  readonly desired: DesiredOrg;
  /** Everything below is what org.yaml cannot express. */
  readonly inactiveAccounts: readonly InactiveAccount[];
  /** null: the organization has no SCPs (CONSOLIDATED_BILLING). */
  readonly policies: readonly LeftOutPolicy[] | null;
  readonly leftOutBudgets: readonly LeftOutBudget[];
  /** null: tags were not read. Only resources with at least one tag. */
  readonly tags: readonly TaggedResource[] | null;
  readonly counts: ImportCounts;
}

export interface ImportCounts {
  readonly ous: number;
  readonly accountsPlaced: number;
  readonly budgets: number;
}

export interface InactiveAccount {
  readonly id: string;
  readonly name: string;
  readonly state: AccountState;
  /** Path of the OU it sits in ("/" for the root). */
  readonly parentPath: string;
}

export interface LeftOutPolicy {
  readonly id: string;
  readonly name: string;
  readonly targets: readonly TargetRef[];
}

export type TargetRef =
  | { readonly kind: 'root' }
  | { readonly kind: 'ou'; readonly path: string }
  | { readonly kind: 'account'; readonly id: string; readonly name: string };

export interface LeftOutBudget {
  readonly name: string;
  readonly reasons: readonly string[];
}

export interface TaggedResource {
  readonly resource: TargetRef | { readonly kind: 'budget'; readonly name: string };
  /** Sorted by key. */
  readonly tags: readonly (readonly [string, string])[];
}

export function buildImportedOrg(reading: ImportReading): ImportedOrg {
  const { live, organization, root } = reading;
  const ousByParent = groupBy(live.ous, (ou) => ou.parentId);
  const accountsByParent = groupBy(
    live.accounts.filter((a) => a.state === 'ACTIVE'),
    (a) => a.parentId,
  );
  const pathById = new Map<string, string>([[root.id, ROOT_PATH]]);
  const accountById = new Map(live.accounts.map((a) => [a.id, a]));

  const buildNode = (parentId: string, path: string): DesiredNode => ({
    accounts: sortAccounts(accountsByParent.get(parentId) ?? []).map((a): DesiredAccount => ({ id: a.id, name: a.name })),
    organizationalUnits: sortOus(ousByParent.get(parentId) ?? []).map((ou): DesiredOu => {
      const ouPath = childPath(path, ou.name);
      pathById.set(ou.id, ouPath);
      return { name: ou.name, path: ouPath, ...buildNode(ou.id, ouPath) };
    }),
  });
  const rootNode = buildNode(root.id, ROOT_PATH);

  const budgets: DesiredBudget[] = [];
  const leftOutBudgets: LeftOutBudget[] = [];
  for (const budget of [...live.budgets].sort((a, b) => byNaturalOrder(a.name, b.name))) {
    const reasons = budgetProblems(budget);
    if (reasons.length === 0) budgets.push(toDesiredBudget(budget));
    else leftOutBudgets.push({ name: budget.name, reasons });
  }

  const targetRef = (target: { id: string }): TargetRef => {
    const path = pathById.get(target.id);
    if (path === ROOT_PATH) return { kind: 'root' };
    if (path !== undefined) return { kind: 'ou', path };
    return { kind: 'account', id: target.id, name: accountById.get(target.id)?.name ?? '' };
  };

  const placed = live.accounts.filter((a) => a.state === 'ACTIVE' && pathById.has(a.parentId)).length;
  return {
    organizationId: organization.id,
    desired: {
      managementAccountId: organization.managementAccountId,
      featureSet: organization.featureSet,
      root: rootNode,
      budgets,
      options: { ...DEFAULTS.options },
    },
    inactiveAccounts: sortAccounts(live.accounts.filter((a) => a.state !== 'ACTIVE')).map((a) => ({
      id: a.id,
      name: a.name,
      state: a.state,
      parentPath: pathById.get(a.parentId) ?? a.parentId,
    })),
    policies:
      reading.scps.kind === 'unavailable'
        ? null
        : reading.scps.policies
            .map(({ policy, targets }) => ({ id: policy.id, name: policy.name, targets: sortTargets(targets.map(targetRef)) }))
            .sort((a, b) => byNaturalOrder(a.name, b.name) || byNaturalOrder(a.id, b.id)),
    leftOutBudgets,
    tags: reading.resourceTags === null ? null : taggedResources(reading, (id) => targetRef({ id })),
    counts: { ous: live.ous.length, accountsPlaced: placed, budgets: budgets.length },
  };
}

function taggedResources(reading: ImportReading, refOf: (id: string) => TargetRef): TaggedResource[] {
  const out: TaggedResource[] = [];
  const resources = [...(reading.resourceTags ?? [])].map(([id, tags]) => ({ ref: refOf(id), tags: sortedTags(tags) }));
  for (const { ref, tags } of resources.sort((a, b) => byTarget(a.ref, b.ref))) if (tags.length > 0) out.push({ resource: ref, tags });
  for (const budget of [...reading.live.budgets].sort((a, b) => byNaturalOrder(a.name, b.name))) {
    const tags = sortedTags(budget.tags ?? {});
    if (tags.length > 0) out.push({ resource: { kind: 'budget', name: budget.name }, tags });
  }
  return out;
}

function sortedTags(tags: Tags): (readonly [string, string])[] {
  return Object.entries(tags).sort(([a], [b]) => byNaturalOrder(a, b));
}

function toDesiredBudget(budget: LiveBudget): DesiredBudget {
  return {
    name: budget.name,
    // budgetProblems accepted it: a COST budget with a fixed limit and one of org.yaml's time units.
    amount: budget.amount!,
    unit: budget.unit,
    timeUnit: budget.timeUnit as DesiredBudget['timeUnit'],
    notifications: [...budget.notifications].sort(byNotificationOrder).map(toDesiredNotification),
  };
}

function toDesiredNotification(n: LiveNotification): DesiredNotification {
  const key = canonicalNotificationKey(n);
  const emails = n.subscribers.filter((s) => s.type === 'EMAIL').sort((a, b) => byNaturalOrder(a.address, b.address));
  const sns = n.subscribers.filter((s) => s.type === 'SNS');
  return { ...key, subscribers: [...emails, ...sns].map((s): Subscriber => ({ type: s.type, address: s.address })) };
}

const COMPARISON_ORDER: readonly ComparisonOperator[] = ['GREATER_THAN', 'LESS_THAN', 'EQUAL_TO'];

function byNotificationOrder(a: LiveNotification, b: LiveNotification): number {
  const x = canonicalNotificationKey(a);
  const y = canonicalNotificationKey(b);
  return (
    byNaturalOrder(x.type, y.type) ||
    byNaturalOrder(y.thresholdType, x.thresholdType) || // PERCENTAGE before ABSOLUTE_VALUE
    x.threshold - y.threshold ||
    COMPARISON_ORDER.indexOf(x.comparison) - COMPARISON_ORDER.indexOf(y.comparison)
  );
}

function sortOus(ous: readonly LiveOu[]): LiveOu[] {
  return [...ous].sort((a, b) => byNaturalOrder(a.name, b.name) || byNaturalOrder(a.id, b.id));
}

function sortAccounts<T extends Pick<LiveAccount, 'id' | 'name'>>(accounts: readonly T[]): T[] {
  return [...accounts].sort((a, b) => byNaturalOrder(a.name, b.name) || byNaturalOrder(a.id, b.id));
}

/** The root, then OUs by path, then accounts by name and ID. */
function sortTargets(targets: readonly TargetRef[]): TargetRef[] {
  return [...targets].sort(byTarget);
}

const TARGET_RANK = { root: 0, ou: 1, account: 2 } as const;

function byTarget(a: TargetRef, b: TargetRef): number {
  if (a.kind === 'ou' && b.kind === 'ou') return byNaturalOrder(a.path, b.path);
  if (a.kind === 'account' && b.kind === 'account') return byNaturalOrder(a.name, b.name) || byNaturalOrder(a.id, b.id);
  return TARGET_RANK[a.kind] - TARGET_RANK[b.kind];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
