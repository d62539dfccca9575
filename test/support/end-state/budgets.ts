// The management account's budgets. org.yaml's promises (docs/org-yaml.md, docs/plan-format.md):
// - every declared budget exists once: a COST budget with the declared amount (compared as a number:
//   AWS does not echo "10" byte for byte), unit and timeUnit, exactly the declared notifications
//   (type, comparison, threshold, thresholdType) and, on each, exactly the declared subscribers;
// - a budget orgctl created carries the tag managed-by=orgctl;
// - a budget org.yaml does not declare is deleted when pruneBudgets is on and it is tagged
//   managed-by=orgctl; otherwise it is left exactly as it was. orgctl creates no undeclared budget.

import {
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
  ListTagsForResourceCommand,
  type Notification,
} from '@aws-sdk/client-budgets';
import type { LiveOrg } from '../../../src/model/live.js';
import { LIVE_ORG_GAPS } from './backends.js';
import { allPages, mapLimited } from './aws.js';
import { type EndStateKind, newReport, type KindReport, type ReadContext, shown, Unread } from './kind.js';
import { booleanOr, DOCUMENTED_DEFAULTS, list, mapping, number, text, textOr, type OrgYamlDocument } from './org-yaml.js';

/** docs/plan-format.md: "CreateBudget with notifications, subscribers and the tag managed-by=orgctl". */
export const MANAGED_TAG = { key: 'managed-by', value: 'orgctl' } as const;

export interface StateSubscriber {
  readonly type: string;
  readonly address: string;
}

export interface StateNotification {
  readonly type: string;
  readonly comparison: string;
  readonly threshold: number;
  readonly thresholdType: string;
  readonly subscribers: readonly StateSubscriber[] | Unread;
}

export interface StateBudget {
  readonly name: string;
  readonly budgetType: string;
  /** BudgetLimit.Amount as a number; null: no fixed limit. */
  readonly amount: number | null;
  readonly unit: string | null;
  readonly timeUnit: string;
  readonly notifications: readonly StateNotification[];
  readonly tags: Readonly<Record<string, string>> | Unread;
}

export interface BudgetsState {
  readonly budgets: readonly StateBudget[];
}

export interface DeclaredBudget {
  readonly name: string;
  readonly budgetType: string;
  readonly amount: number;
  readonly unit: string;
  readonly timeUnit: string;
  readonly notifications: readonly (Omit<StateNotification, 'subscribers'> & { readonly subscribers: readonly StateSubscriber[] })[];
}

export interface DeclaredBudgets {
  readonly budgets: readonly DeclaredBudget[];
  readonly pruneBudgets: boolean;
}

function declared(document: OrgYamlDocument): DeclaredBudgets {
  const defaults = DOCUMENTED_DEFAULTS;
  const budgets = list(document.get('budgets'), 'budgets').map((entry, i): DeclaredBudget => {
    const budget = mapping(entry, `budgets[${i}]`);
    const where = `budgets[${i}]`;
    return {
      name: text(budget.get('name'), `${where}.name`),
      budgetType: defaults.budget.budgetType,
      amount: number(budget.get('amount'), `${where}.amount`),
      unit: textOr(budget.get('unit'), defaults.budget.unit, `${where}.unit`),
      timeUnit: textOr(budget.get('timeUnit'), defaults.budget.timeUnit, `${where}.timeUnit`),
      notifications: list(budget.get('notifications'), `${where}.notifications`).map((n, j) => {
        const notification = mapping(n, `${where}.notifications[${j}]`);
        const at = `${where}.notifications[${j}]`;
        const sns = notification.get('sns');
        return {
          type: text(notification.get('type'), `${at}.type`),
          comparison: textOr(notification.get('comparison'), defaults.notification.comparison, `${at}.comparison`),
          threshold: number(notification.get('threshold'), `${at}.threshold`),
          thresholdType: textOr(notification.get('thresholdType'), defaults.notification.thresholdType, `${at}.thresholdType`),
          subscribers: [
            ...list(notification.get('emails'), `${at}.emails`).map((e, k) => ({ type: 'EMAIL', address: text(e, `${at}.emails[${k}]`) })),
            ...(sns === undefined || sns === null ? [] : [{ type: 'SNS', address: text(sns, `${at}.sns`) }]),
          ],
        };
      }),
    };
  });
  const options = mapping(document.get('options'), 'options');
  return { budgets, pruneBudgets: booleanOr(options.get('pruneBudgets'), DOCUMENTED_DEFAULTS.options.pruneBudgets, 'options.pruneBudgets') };
}

async function read({ clients: { budgets: client }, accountId: AccountId, backend }: ReadContext): Promise<BudgetsState> {
  const budgets = await allPages((NextToken) => client.send(new DescribeBudgetsCommand({ AccountId, NextToken })), (p) => p.Budgets);
  const read = await mapLimited(budgets, 4, async (budget): Promise<StateBudget> => {
    const BudgetName = budget.BudgetName!;
    const notifications = await allPages(
      (NextToken) => client.send(new DescribeNotificationsForBudgetCommand({ AccountId, BudgetName, NextToken })),
      (p) => p.Notifications,
    );
    const subscribersOf = async (Notification: Notification): Promise<StateSubscriber[] | Unread> => {
      if (backend.gaps.budgetSubscribers) return new Unread(backend.gaps.budgetSubscribers);
      const subscribers = await allPages(
        (NextToken) => client.send(new DescribeSubscribersForNotificationCommand({ AccountId, BudgetName, Notification, NextToken })),
        (p) => p.Subscribers,
      );
      return subscribers.map((s) => ({ type: s.SubscriptionType!, address: s.Address! }));
    };
    const tags = backend.gaps.budgetTags
      ? new Unread(backend.gaps.budgetTags)
      : Object.fromEntries(
          ((await client.send(new ListTagsForResourceCommand({ ResourceARN: `arn:aws:budgets::${AccountId}:budget/${BudgetName}` }))).ResourceTags ?? []).map((t) => [t.Key!, t.Value!]),
        );
    const limit = budget.BudgetLimit;
    return {
      name: BudgetName,
      budgetType: budget.BudgetType ?? '',
      amount: limit?.Amount === undefined ? null : Number(limit.Amount),
      unit: limit?.Unit ?? null,
      timeUnit: budget.TimeUnit ?? '',
      notifications: await Promise.all(
        notifications.map(async (n) => ({
          type: n.NotificationType!,
          comparison: n.ComparisonOperator!,
          threshold: n.Threshold!,
          // AWS omits ThresholdType when it is PERCENTAGE (aws-facts.md §Budgets, aws/aws-cli#7145).
          thresholdType: n.ThresholdType ?? 'PERCENTAGE',
          subscribers: await subscribersOf(n),
        })),
      ),
      tags,
    };
  });
  return { budgets: read };
}

function fromLive(live: LiveOrg): BudgetsState {
  return {
    budgets: live.budgets.map((b) => ({
      name: b.name,
      budgetType: b.budgetType,
      amount: b.amount,
      unit: b.amount === null ? null : b.unit,
      timeUnit: b.timeUnit,
      notifications: b.notifications.map((n) => ({
        type: n.type,
        comparison: n.comparison,
        threshold: n.threshold,
        thresholdType: n.thresholdType,
        subscribers: n.subscribers.map((s) => ({ type: s.type, address: s.address })),
      })),
      tags: b.tags ?? new Unread(LIVE_ORG_GAPS.budgetTags),
    })),
  };
}

const notificationText = (n: Omit<StateNotification, 'subscribers'>): string => `${n.type} ${n.comparison} ${n.threshold} ${n.thresholdType}`;
const notificationKey = (n: Omit<StateNotification, 'subscribers'>): string => JSON.stringify([n.type, n.comparison, n.threshold, n.thresholdType]);
const subscriberKey = (s: StateSubscriber): string => `${s.type}:${s.address}`;

/** Differences between two lists of keys that should be equal sets: "… twice", "… absent", "… unexpected". */
function setDifferences(actual: readonly string[], expected: readonly string[], noun: string): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const key of actual) {
    if (seen.has(key)) lines.push(`${noun} ${key} twice`);
    seen.add(key);
  }
  for (const key of expected) if (!seen.has(key)) lines.push(`${noun} ${key} expected, absent`);
  const wanted = new Set(expected);
  for (const key of seen) if (!wanted.has(key)) lines.push(`${noun} ${key} present, not expected`);
  return lines;
}

/**
 * `actual` against `expected` field by field. `expected` is org.yaml's budget, or (for a budget org.yaml
 * leaves alone) the budget as it was before the apply; `context` names which, in every line.
 */
function compareBudget(report: KindReport, actual: StateBudget, expected: Omit<StateBudget, 'tags'>, context: string): void {
  const differs = (what: string, is: unknown, should: unknown) => report.mismatches.push(`${context}: ${what} is ${JSON.stringify(is)}, expected ${JSON.stringify(should)}`);
  if (actual.budgetType !== expected.budgetType) differs('type', actual.budgetType, expected.budgetType);
  if (actual.amount !== expected.amount) differs('amount', actual.amount, expected.amount);
  if (actual.unit !== expected.unit) differs('unit', actual.unit, expected.unit);
  if (actual.timeUnit !== expected.timeUnit) differs('timeUnit', actual.timeUnit, expected.timeUnit);
  for (const line of setDifferences(actual.notifications.map(notificationText), expected.notifications.map(notificationText), 'notification')) {
    report.mismatches.push(`${context}: ${line}`);
  }
  for (const want of expected.notifications) {
    const have = actual.notifications.find((n) => notificationKey(n) === notificationKey(want));
    if (!have) continue;
    const unread = [have.subscribers, want.subscribers].find((s): s is Unread => s instanceof Unread);
    if (unread) {
      report.unchecked.push(unread.gap);
      continue;
    }
    const subscribers = (n: StateNotification) => (n.subscribers as readonly StateSubscriber[]).map(subscriberKey);
    for (const line of setDifferences(subscribers(have), subscribers(want), 'subscriber')) {
      report.mismatches.push(`${context}, notification ${notificationText(want)}: ${line}`);
    }
  }
}

function check(after: BudgetsState, declared: DeclaredBudgets, before: BudgetsState): KindReport {
  const report = newReport();
  const afterByName = new Map<string, StateBudget>();
  for (const budget of after.budgets) {
    if (afterByName.has(budget.name)) report.mismatches.push(`budget ${shown(budget.name)} exists twice`);
    afterByName.set(budget.name, budget);
  }
  const beforeByName = new Map(before.budgets.map((b) => [b.name, b]));
  const declaredNames = new Set(declared.budgets.map((b) => b.name));

  for (const want of declared.budgets) {
    const have = afterByName.get(want.name);
    if (!have) {
      report.mismatches.push(`budget ${shown(want.name)}: declared, not in AWS`);
      continue;
    }
    compareBudget(report, have, want, `budget ${shown(want.name)}`);
    if (!beforeByName.has(want.name)) {
      if (have.tags instanceof Unread) report.unchecked.push(have.tags.gap);
      else if (have.tags[MANAGED_TAG.key] !== MANAGED_TAG.value) {
        report.mismatches.push(`budget ${shown(want.name)}: created by orgctl without the tag ${MANAGED_TAG.key}=${MANAGED_TAG.value} (tags ${JSON.stringify(have.tags)})`);
      }
    }
  }
  for (const was of before.budgets) {
    if (declaredNames.has(was.name)) continue;
    const have = afterByName.get(was.name);
    let pruned = false;
    if (declared.pruneBudgets) {
      if (was.tags instanceof Unread) {
        report.unchecked.push(was.tags.gap);
        continue;
      }
      pruned = was.tags[MANAGED_TAG.key] === MANAGED_TAG.value;
    }
    if (pruned) {
      if (have) report.mismatches.push(`budget ${shown(was.name)}: not in org.yaml, tagged ${MANAGED_TAG.key}=${MANAGED_TAG.value} and pruneBudgets is on, yet it exists`);
    } else if (!have) {
      report.mismatches.push(`budget ${shown(was.name)}: deleted, yet ${declared.pruneBudgets ? 'orgctl did not create it (no managed-by=orgctl tag)' : 'pruneBudgets is off'}`);
    } else {
      compareBudget(report, have, was, `budget ${shown(was.name)} (not in org.yaml, so as it was before the apply)`);
    }
  }
  for (const name of afterByName.keys()) {
    if (!declaredNames.has(name) && !beforeByName.has(name)) report.mismatches.push(`budget ${shown(name)}: created, yet org.yaml does not declare it`);
  }
  return report;
}

export const budgetsKind: EndStateKind<BudgetsState, DeclaredBudgets> = { name: 'budgets', declared, read, fromLive, check };
