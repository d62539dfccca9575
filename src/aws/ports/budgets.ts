// AWS Budgets: the budgets of an account, their notifications, subscribers and tags.

import type { NotificationKey, Subscriber } from '../../model/desired.js';
import type { BudgetLimitSpec, BudgetSpec } from '../../model/plan.js';

export interface BudgetSummary {
  readonly name: string;
  readonly budgetType: string;
  readonly amount: number | null;
  readonly unit: string;
  readonly timeUnit: string;
}

export interface BudgetNotifications {
  readonly budgetName: string;
  readonly notifications: readonly NotificationKey[];
}

export interface BudgetsPort {
  // --- reads ---
  describeBudgets(accountId: string): Promise<readonly BudgetSummary[]>;
  describeBudgetNotificationsForAccount(accountId: string): Promise<readonly BudgetNotifications[]>;
  describeSubscribersForNotification(accountId: string, budgetName: string, notification: NotificationKey): Promise<readonly Subscriber[]>;
  listBudgetTags(accountId: string, budgetName: string): Promise<Readonly<Record<string, string>>>;

  // --- writes ---
  /** Creates the budget with its notifications and subscribers, tagged with the given tags. */
  createBudget(accountId: string, budget: BudgetSpec, tags: Readonly<Record<string, string>>): Promise<void>;
  /** Changes the limit and time unit only; notifications are untouched. */
  updateBudget(accountId: string, budget: BudgetLimitSpec): Promise<void>;
  deleteBudget(accountId: string, budgetName: string): Promise<void>;
  createNotification(accountId: string, budgetName: string, notification: NotificationKey, subscribers: readonly Subscriber[]): Promise<void>;
  updateNotification(accountId: string, budgetName: string, oldNotification: NotificationKey, newNotification: NotificationKey): Promise<void>;
  deleteNotification(accountId: string, budgetName: string, notification: NotificationKey): Promise<void>;
  createSubscriber(accountId: string, budgetName: string, notification: NotificationKey, subscriber: Subscriber): Promise<void>;
  deleteSubscriber(accountId: string, budgetName: string, notification: NotificationKey, subscriber: Subscriber): Promise<void>;
  /** Budgets TagResource on the budget's ARN: adds or overwrites tags. */
  tagBudget(accountId: string, budgetName: string, tags: Readonly<Record<string, string>>): Promise<void>;
  /** Budgets UntagResource on the budget's ARN: removes tags by key. */
  untagBudget(accountId: string, budgetName: string, keys: readonly string[]): Promise<void>;

  // --- explain ---
  /** DescribeBudgets, each budget with the accounts its cost filter is limited to. */
  describeBudgetScopes(accountId: string): Promise<readonly BudgetScope[]>;
}

/** Which accounts a budget counts: `linkedAccounts` null when it filters on no linked account (it counts every account). */
export interface BudgetScope {
  readonly name: string;
  readonly linkedAccounts: readonly string[] | null;
}
