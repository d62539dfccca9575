// AWS Budgets identifies a notification by (type, comparison, threshold, thresholdType): no two alike in a budget.

import type { NotificationKey, SourcePosition } from '../../model/desired.js';
import { visibleText } from '../../text/visible-text.js';
import type { OrgRule } from './rule.js';

function keyOf(n: NotificationKey): string {
  return `${n.type} ${n.comparison} ${n.threshold} ${n.thresholdType}`;
}

export const notificationsUniquePerBudget: OrgRule = (org, report) => {
  for (const budget of org.budgets) {
    const seen = new Map<string, SourcePosition | undefined>();
    for (const notification of budget.notifications) {
      const key = keyOf(notification);
      if (!seen.has(key)) {
        seen.set(key, notification.at);
        continue;
      }
      const first = seen.get(key);
      report(
        notification.at,
        `budget "${visibleText(budget.name)}" has two notifications with type ${notification.type}, comparison ${notification.comparison}, threshold ${notification.threshold}, thresholdType ${notification.thresholdType} (counting defaults)${first ? `; the first is on line ${first.line}` : ''}. AWS Budgets identifies a notification by these four fields: merge their subscribers into one.`,
      );
    }
  }
};
