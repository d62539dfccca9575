// Steps and notes for budgets, their notifications and subscribers.
// A budget is created with its notifications; a changed notification is updated in place (paired with
// a removed one, same type and comparison first), so alerts never lapse; subscribers follow
// subscriber-order.ts. Deletions only with pruneBudgets, and only of budgets tagged managed-by=orgctl.

import { budgetAddress, notificationAddress, notificationKeyString, subscriberAddress } from '../../model/addresses.js';
import type { DesiredBudget, NotificationKey, Subscriber } from '../../model/desired.js';
import { type LiveBudget, MANAGED_BUDGET_TAG } from '../../model/live.js';
import type { NotificationSpec } from '../../model/plan.js';
import { type BudgetDocument, type BudgetDocuments, canonicalNotificationKey, desiredBudgetDocuments, liveBudgetDocuments } from './document.js';
import { plural } from '../../text/plural.js';
import { listSome, NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import type { StepRef } from '../../planner/step-graph.js';
import { diffBudgets, type BudgetChanges } from './diff.js';
import { orderSubscriberChanges } from './subscriber-order.js';
import { tagRecord } from '../tags/declared.js';

/** The budgets kind's phases, in plan order. */
const Phase = {
  createBudget: 0,
  updateBudget: 1,
  updateNotification: 2,
  createNotification: 3,
  createSubscriber: 4,
  deleteSubscriber: 5,
  /** Subscribers that only fit once others are gone (Budgets allows 1 SNS and 10 email subscribers). */
  createSubscriberAfterRemoval: 6,
  /** A subscriber kept until the late ones exist, so the notification is never left without one. */
  deleteLastSubscriber: 7,
  /** Subscribers whose type was full until that last old one left. */
  createSubscriberAfterLast: 8,
  deleteNotification: 9,
  /** A notification deleted and created again because it cannot change in place. */
  recreateNotification: 10,
  deleteBudget: 11,
} as const;
type Phase = (typeof Phase)[keyof typeof Phase];

type BudgetContext = PlanContext & {
  /** The live budgets' canonical documents. */
  readonly liveBudgetDocuments: BudgetDocuments;
  readonly changes: BudgetChanges;
};

export function planBudgetSteps(base: PlanContext): void {
  const live = liveBudgetDocuments(base.live.budgets);
  const desired = desiredBudgetDocuments(base.desired.budgets);
  const ctx: BudgetContext = { ...base, liveBudgetDocuments: live, changes: diffBudgets(live, desired) };
  const desiredBudgets = new Map(ctx.desired.budgets.map((b) => [b.name, b]));
  const liveBudgets = new Map(ctx.live.budgets.map((b) => [b.name, b]));

  for (const name of ctx.changes.addedBudgets) {
    const budget = desiredBudgets.get(name)!;
    ctx.graph.add(Phase.createBudget, {
      kind: 'createBudget',
      address: budgetAddress(name),
      reason: 'not in the live budgets',
      before: null,
      after: {
        name,
        amount: budget.amount,
        unit: budget.unit,
        timeUnit: budget.timeUnit,
        notifications: budget.notifications.map((n) => notificationSpec(n, n.subscribers)),
        ...(budget.tags && budget.tags.entries.length > 0 && { tags: tagRecord(budget.tags) }),
      },
    });
  }
  for (const name of ctx.changes.changedBudgetLimits) planLimitUpdate(ctx, desiredBudgets.get(name)!, liveBudgets.get(name)!);
  for (const [name, changes] of ctx.changes.notifications) {
    planNotificationChanges(ctx, name, ctx.liveBudgetDocuments[name]!, desiredBudgets.get(name)!, changes);
  }
  planRemovedBudgets(ctx, ctx.changes.removedBudgets.map((name) => liveBudgets.get(name)!));
}

function planLimitUpdate(ctx: BudgetContext, desired: DesiredBudget, live: LiveBudget): void {
  const changes: string[] = [];
  const liveLimit = live.amount === null ? 'no fixed limit' : `${live.amount} ${live.unit}`;
  if (live.amount !== desired.amount || live.unit !== desired.unit) {
    changes.push(
      live.amount !== null && live.unit === desired.unit
        ? `amount ${live.amount} → ${desired.amount} ${desired.unit}`
        : `amount ${liveLimit} → ${desired.amount} ${desired.unit}`,
    );
  }
  if (live.timeUnit !== desired.timeUnit) changes.push(`timeUnit ${live.timeUnit} → ${desired.timeUnit}`);
  if (live.budgetType !== 'COST') changes.push(`budgetType ${live.budgetType} → COST`);
  ctx.graph.add(Phase.updateBudget, {
    kind: 'updateBudget',
    address: budgetAddress(desired.name),
    reason: changes.join('; '),
    before: { amount: live.amount, unit: live.unit, timeUnit: live.timeUnit, budgetType: live.budgetType },
    after: { name: desired.name, amount: desired.amount, unit: desired.unit, timeUnit: desired.timeUnit },
  });
}

interface NotificationChangeSet {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly subscribersChanged: readonly string[];
}

function planNotificationChanges(
  ctx: BudgetContext,
  budgetName: string,
  live: BudgetDocument,
  desired: DesiredBudget,
  changes: NotificationChangeSet,
): void {
  const desiredByKey = new Map(desired.notifications.map((n) => [notificationKeyString(canonicalNotificationKey(n)), n]));
  const removed = changes.removed.map((key) => live.notifications[key]!);
  const added = changes.added.map((key) => desiredByKey.get(key)!);
  const { pairs, unpairedRemoved, unpairedAdded } = pairNotifications(removed, added);

  for (const [old, next] of pairs) {
    const nextKey = canonicalNotificationKey(next);
    changeInPlace(ctx, budgetName, old, nextKey, Object.values(old.subscribers), next.subscribers, () =>
      ctx.graph.add(Phase.updateNotification, {
        kind: 'updateNotification',
        address: notificationAddress(budgetName, nextKey),
        budgetName,
        reason: describeKeyChange(old, nextKey),
        before: canonicalNotificationKey(old),
        after: nextKey,
      }),
    );
  }
  for (const key of changes.subscribersChanged) {
    const old = live.notifications[key]!;
    changeInPlace(ctx, budgetName, old, canonicalNotificationKey(old), Object.values(old.subscribers), desiredByKey.get(key)!.subscribers, () => undefined);
  }
  for (const n of unpairedAdded) {
    const key = canonicalNotificationKey(n);
    ctx.graph.add(Phase.createNotification, {
      kind: 'createNotification',
      address: notificationAddress(budgetName, key),
      budgetName,
      reason: 'not in the live budget',
      before: null,
      after: notificationSpec(key, n.subscribers),
    });
  }
  for (const n of unpairedRemoved) {
    ctx.graph.add(Phase.deleteNotification, {
      kind: 'deleteNotification',
      address: notificationAddress(budgetName, n),
      budgetName,
      reason: 'not in org.yaml',
      before: notificationSpec(n, Object.values(n.subscribers)),
      after: null,
    });
  }
}

/**
 * Changes a notification's key (through `update`, which adds the step and returns it) and its
 * subscribers in place; falls back to delete + create when the subscribers cannot change in place.
 */
function changeInPlace(
  ctx: BudgetContext,
  budgetName: string,
  old: NotificationKey,
  next: NotificationKey,
  liveSubscribers: readonly Subscriber[],
  desiredSubscribers: readonly Subscriber[],
  update: () => StepRef | undefined,
): void {
  const order = orderSubscriberChanges(liveSubscribers, desiredSubscribers);
  if (order === null) return replaceNotification(ctx, budgetName, notificationSpec(old, liveSubscribers), notificationSpec(next, desiredSubscribers));

  const updated = update();
  const { graph } = ctx;
  const create = (phase: Phase, s: Subscriber, after: readonly (StepRef | undefined)[]): StepRef =>
    graph.add(
      phase,
      {
        kind: 'createSubscriber',
        address: subscriberAddress(budgetName, next, s),
        budgetName,
        notification: next,
        reason: 'not in the live notification',
        before: null,
        after: { type: s.type, address: s.address },
      },
      [updated, ...after],
    );
  const remove = (phase: Phase, s: Subscriber, after: readonly (StepRef | undefined)[]): StepRef =>
    graph.add(
      phase,
      {
        kind: 'deleteSubscriber',
        address: subscriberAddress(budgetName, next, s),
        budgetName,
        notification: next,
        reason: 'not in org.yaml',
        before: { type: s.type, address: s.address },
        after: null,
      },
      [updated, ...after],
    );

  const first = order.first.map((s) => create(Phase.createSubscriber, s, []));
  const removals = order.removals.map((s) => ({ type: s.type, step: remove(Phase.deleteSubscriber, s, first) }));
  const late = order.late.map((s) =>
    create(
      Phase.createSubscriberAfterRemoval,
      s,
      removals.filter((r) => r.type === s.type).map((r) => r.step),
    ),
  );
  if (order.last) {
    const last = remove(Phase.deleteLastSubscriber, order.last, late);
    for (const s of order.afterLast) create(Phase.createSubscriberAfterLast, s, [last]);
  }
}

function replaceNotification(ctx: BudgetContext, budgetName: string, old: NotificationSpec, next: NotificationSpec): void {
  const address = notificationAddress(budgetName, next);
  const reason = 'a notification holds one SNS topic and no other subscriber would keep it alive while the topic is swapped';
  const deleted = ctx.graph.add(Phase.deleteNotification, {
    kind: 'deleteNotification',
    address: notificationAddress(budgetName, old),
    budgetName,
    reason: `replaced: ${reason}`,
    before: old,
    after: null,
  });
  ctx.graph.add(
    Phase.recreateNotification,
    { kind: 'createNotification', address, budgetName, reason: `replaces the deleted one: ${reason}`, before: null, after: next },
    [deleted],
  );
  ctx.notes.warn(
    NoteCode.notificationReplaced,
    `budget "${budgetName}": the notification's SNS topic changes and it has no other subscriber, so it is deleted and created again; ` +
      'it sends no alert between those two steps. Add an email subscriber first to change the topic without a gap.',
    { address },
  );
}

/** Pairs removed with added notifications so they can be updated in place: same type and comparison first. */
export function pairNotifications<R extends NotificationKey, A extends NotificationKey>(
  removed: readonly R[],
  added: readonly A[],
): { pairs: [R, A][]; unpairedRemoved: R[]; unpairedAdded: A[] } {
  const pairs: [R, A][] = [];
  const freeRemoved = [...removed];
  const freeAdded: A[] = [];
  for (const next of added) {
    const i = freeRemoved.findIndex((old) => old.type === next.type && old.comparison === next.comparison);
    if (i >= 0) pairs.push([freeRemoved.splice(i, 1)[0]!, next]);
    else freeAdded.push(next);
  }
  const unpairedAdded: A[] = [];
  for (const next of freeAdded) {
    const old = freeRemoved.shift();
    if (old) pairs.push([old, next]);
    else unpairedAdded.push(next);
  }
  return { pairs, unpairedRemoved: freeRemoved, unpairedAdded };
}

function planRemovedBudgets(ctx: BudgetContext, removed: readonly LiveBudget[]): void {
  const prune = ctx.desired.options.pruneBudgets;
  const unknown: string[] = [];
  const foreign: string[] = [];
  const keptOurs: string[] = [];
  for (const budget of removed) {
    const ours = budget.tags !== undefined && budget.tags[MANAGED_BUDGET_TAG.key] === MANAGED_BUDGET_TAG.value;
    if (prune && ours) {
      const document = ctx.liveBudgetDocuments[budget.name]!;
      ctx.graph.add(Phase.deleteBudget, {
        kind: 'deleteBudget',
        address: budgetAddress(budget.name),
        reason: `not in org.yaml; tagged ${MANAGED_BUDGET_TAG.key}=${MANAGED_BUDGET_TAG.value} and pruneBudgets is on`,
        before: {
          name: budget.name,
          budgetType: budget.budgetType,
          amount: budget.amount,
          unit: budget.unit,
          timeUnit: budget.timeUnit,
          notifications: Object.values(document.notifications).map((n) => notificationSpec(n, Object.values(n.subscribers))),
        },
        after: null,
      });
    } else if (prune && budget.tags === undefined) unknown.push(budget.name);
    else if (prune) foreign.push(budget.name);
    else if (ours) keptOurs.push(budget.name);
  }
  const { notes } = ctx;
  const tag = `${MANAGED_BUDGET_TAG.key}=${MANAGED_BUDGET_TAG.value}`;
  if (unknown.length > 0) {
    notes.warn(
      NoteCode.budgetOwnershipUnknown,
      `pruneBudgets is on, but the tags of ${plural(unknown.length, 'budget')} not in org.yaml could not be read, so orgctl cannot tell ` +
        `whether it created them and keeps them: ${listSome(unknown.map(quote))}.`,
    );
  }
  if (foreign.length > 0) {
    notes.warn(
      NoteCode.budgetNotManaged,
      `${plural(foreign.length, 'budget')} not in org.yaml ${foreign.length === 1 ? 'is' : 'are'} kept because orgctl did not create ` +
        `${foreign.length === 1 ? 'it' : 'them'} (no ${tag} tag): ${listSome(foreign.map(quote))}.`,
    );
  }
  if (keptOurs.length > 0) {
    notes.warn(
      NoteCode.budgetNotDeclared,
      `${plural(keptOurs.length, 'budget')} created by orgctl ${keptOurs.length === 1 ? 'is' : 'are'} no longer in org.yaml and ` +
        `${keptOurs.length === 1 ? 'is' : 'are'} kept because pruneBudgets is off: ${listSome(keptOurs.map(quote))}.`,
    );
  }
}

function notificationSpec(n: NotificationKey, subscribers: readonly Subscriber[]): NotificationSpec {
  return { ...canonicalNotificationKey(n), subscribers: subscribers.map((s) => ({ type: s.type, address: s.address })) };
}

function describeKeyChange(old: NotificationKey, next: NotificationKey): string {
  const fields = ['type', 'comparison', 'threshold', 'thresholdType'] as const;
  return fields
    .filter((field) => old[field] !== next[field])
    .map((field) => `${field} ${old[field]} → ${next[field]}`)
    .join('; ');
}

function quote(name: string): string {
  return `"${name}"`;
}
