// How budget steps read in a plan: limits and notifications as one line each.

import type { NotificationKey, Subscriber } from '../../model/desired.js';
import type { LiveBudgetSpec, NotificationSpec } from '../../model/plan.js';

const COMPARISON: Readonly<Record<NotificationKey['comparison'], string>> = { GREATER_THAN: '>', LESS_THAN: '<', EQUAL_TO: '=' };

/** "ACTUAL > 80%", "FORECASTED > 120 (absolute)". */
export function condition(n: NotificationKey): string {
  const threshold = n.thresholdType === 'PERCENTAGE' ? `${n.threshold}%` : `${n.threshold} (absolute)`;
  return `${n.type} ${COMPARISON[n.comparison]} ${threshold}`;
}

export function notificationLine(n: NotificationSpec): string {
  return `notify when ${condition(n)}: ${n.subscribers.map(subscriberText).join(', ')}`;
}

export function liveLimitLine(budget: LiveBudgetSpec): string {
  const limit = budget.amount === null ? 'no fixed limit' : `${budget.amount} ${budget.unit}`;
  return `limit: ${limit} ${budget.timeUnit}`;
}

function subscriberText(s: Subscriber): string {
  return `${s.type === 'EMAIL' ? 'email' : 'sns'} ${s.address}`;
}
