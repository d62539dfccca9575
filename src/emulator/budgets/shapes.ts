// Records rendered as the Budgets wire shapes.

import type { JsonObject } from '../json.js';
import type { BudgetRecord, NotificationRecord, SubscriberRecord } from './model.js';

export function budgetShape(record: BudgetRecord, showFilterExpression: boolean): JsonObject {
  if (showFilterExpression) return record.budget;
  const { FilterExpression: _hidden, ...rest } = record.budget;
  return rest;
}

/** AWS omits ThresholdType when it is PERCENTAGE (aws-cli#7145), so clients must default it. */
export function notificationShape(n: NotificationRecord): JsonObject {
  return {
    NotificationType: n.notificationType,
    ComparisonOperator: n.comparisonOperator,
    Threshold: n.threshold,
    ThresholdType: n.thresholdType === 'PERCENTAGE' ? undefined : n.thresholdType,
    NotificationState: n.notificationState,
  };
}

export function subscriberShape(s: SubscriberRecord): JsonObject {
  return { SubscriptionType: s.subscriptionType, Address: s.address };
}
