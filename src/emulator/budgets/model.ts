// The records the Budgets emulator keeps. A budget is stored as its normalized wire shape; notifications
// have no IDs and are identified by (NotificationType, ComparisonOperator, Threshold, ThresholdType).

import type { JsonObject } from '../json.js';

export const BUDGET_TYPES = ['USAGE', 'COST', 'RI_UTILIZATION', 'RI_COVERAGE', 'SAVINGS_PLANS_UTILIZATION', 'SAVINGS_PLANS_COVERAGE'] as const;
export const TIME_UNITS = ['DAILY', 'MONTHLY', 'QUARTERLY', 'ANNUALLY', 'CUSTOM'] as const;
export const NOTIFICATION_TYPES = ['ACTUAL', 'FORECASTED'] as const;
export const COMPARISON_OPERATORS = ['GREATER_THAN', 'LESS_THAN', 'EQUAL_TO'] as const;
export const THRESHOLD_TYPES = ['PERCENTAGE', 'ABSOLUTE_VALUE'] as const;
export const NOTIFICATION_STATES = ['OK', 'ALARM'] as const;
export const SUBSCRIPTION_TYPES = ['SNS', 'EMAIL'] as const;

export type BudgetType = (typeof BUDGET_TYPES)[number];
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface NotificationKey {
  readonly notificationType: (typeof NOTIFICATION_TYPES)[number];
  readonly comparisonOperator: (typeof COMPARISON_OPERATORS)[number];
  readonly threshold: number;
  readonly thresholdType: (typeof THRESHOLD_TYPES)[number];
}

export interface SubscriberRecord {
  readonly subscriptionType: (typeof SUBSCRIPTION_TYPES)[number];
  readonly address: string;
}

export interface NotificationRecord extends NotificationKey {
  readonly notificationState: (typeof NOTIFICATION_STATES)[number];
  readonly subscribers: SubscriberRecord[];
}

export interface BudgetRecord {
  /** The Budget wire shape with defaults filled in (CostTypes, TimePeriod, CalculatedSpend, ...). */
  budget: JsonObject;
  readonly notifications: NotificationRecord[];
  readonly tags: Map<string, string>;
}

export function sameNotification(a: NotificationKey, b: NotificationKey): boolean {
  return a.notificationType === b.notificationType && a.comparisonOperator === b.comparisonOperator && a.threshold === b.threshold && a.thresholdType === b.thresholdType;
}

export function sameSubscriber(a: SubscriberRecord, b: SubscriberRecord): boolean {
  return a.subscriptionType === b.subscriptionType && a.address === b.address;
}

export const BUDGET_LIMITS = {
  notificationsPerBudget: 10,
  snsSubscribersPerNotification: 1,
  emailSubscribersPerNotification: 10,
  tagsPerBudget: 200,
  /** 2087-06-15T00:00:00Z, AWS's default TimePeriod.End. */
  defaultEnd: 3706473600,
} as const;

export interface BudgetsQuotas {
  /** Budgets per account (AWS: 20,000). */
  readonly maxBudgetsPerAccount: number;
}

export const DEFAULT_BUDGETS_QUOTAS: BudgetsQuotas = { maxBudgetsPerAccount: 20_000 };
