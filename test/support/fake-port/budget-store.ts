// The fake's budgets, per account: each budget with its notifications, subscribers and tags.

import type { NotificationKey, Subscriber } from '../../../src/model/desired.js';
import type { LiveBudget } from '../../../src/model/live.js';
import type { NotificationSpec } from '../../../src/model/plan.js';
import { awsError } from './errors.js';

export interface SeedBudget {
  readonly name: string;
  readonly amount?: number | null;
  readonly unit?: string;
  readonly timeUnit?: string;
  readonly budgetType?: string;
  readonly notifications?: readonly NotificationSpec[];
  readonly tags?: Readonly<Record<string, string>>;
}

export interface FakeNotification {
  key: NotificationKey;
  subscribers: Subscriber[];
}

export interface FakeBudget {
  readonly name: string;
  budgetType: string;
  amount: number | null;
  unit: string;
  timeUnit: string;
  notifications: FakeNotification[];
  tags: Record<string, string>;
}

export class FakeBudgetStore {
  private readonly byAccount = new Map<string, Map<string, FakeBudget>>();

  seedBudget(accountId: string, budget: SeedBudget): void {
    const budgets = this.budgetsOf(accountId);
    if (budgets.has(budget.name)) throw new Error(`seedBudget: budget ${budget.name} exists`);
    budgets.set(budget.name, {
      name: budget.name,
      budgetType: budget.budgetType ?? 'COST',
      amount: budget.amount === undefined ? 100 : budget.amount,
      unit: budget.unit ?? 'USD',
      timeUnit: budget.timeUnit ?? 'MONTHLY',
      notifications: (budget.notifications ?? []).map((n) => ({ key: keyOf(n), subscribers: n.subscribers.map((s) => ({ ...s })) })),
      tags: { ...(budget.tags ?? {}) },
    });
  }

  removeBudgetOutOfBand(accountId: string, budgetName: string): void {
    if (!this.budgetsOf(accountId).delete(budgetName)) throw new Error(`removeBudgetOutOfBand: no budget ${budgetName}`);
  }

  budget(accountId: string, name: string): LiveBudget | undefined {
    const budget = this.byAccount.get(accountId)?.get(name);
    return budget ? toLiveBudget(budget) : undefined;
  }

  /** Every budget of the account, tags included. */
  liveBudgets(accountId: string): LiveBudget[] {
    return [...this.budgetsOf(accountId).values()].map(toLiveBudget);
  }

  budgetsOf(accountId: string): Map<string, FakeBudget> {
    let budgets = this.byAccount.get(accountId);
    if (!budgets) {
      budgets = new Map();
      this.byAccount.set(accountId, budgets);
    }
    return budgets;
  }

  requireBudget(op: string, accountId: string, budgetName: string): FakeBudget {
    const budget = this.budgetsOf(accountId).get(budgetName);
    if (!budget) throw awsError(op, 'notFound', 'NotFoundException', `Unable to get budget: ${budgetName} - the budget doesn't exist.`);
    return budget;
  }

  requireNotification(op: string, accountId: string, budgetName: string, key: NotificationKey): FakeNotification {
    const found = this.requireBudget(op, accountId, budgetName).notifications.find((n) => sameKey(n.key, key));
    if (!found) throw awsError(op, 'notFound', 'NotFoundException', `The notification of budget ${budgetName} does not exist.`);
    return found;
  }
}

function toLiveBudget(b: FakeBudget): LiveBudget {
  return {
    name: b.name,
    budgetType: b.budgetType,
    amount: b.amount,
    unit: b.unit,
    timeUnit: b.timeUnit,
    notifications: b.notifications.map((n) => ({ ...n.key, subscribers: n.subscribers.map((s) => ({ ...s })) })),
    tags: { ...b.tags },
  };
}

export function keyOf(n: NotificationKey): NotificationKey {
  return { type: n.type, comparison: n.comparison, threshold: n.threshold, thresholdType: n.thresholdType };
}

export function sameKey(a: NotificationKey, b: NotificationKey): boolean {
  return a.type === b.type && a.comparison === b.comparison && a.threshold === b.threshold && a.thresholdType === b.thresholdType;
}
