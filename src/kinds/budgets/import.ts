// How import writes budgets back: every budget org.yaml can declare exactly (expressible.ts), by name,
// notifications by type, threshold type, threshold and comparison, email subscribers by address.
// A budget org.yaml cannot declare is left out whole, with the reasons.

import type { ComparisonOperator, DesiredBudget, DesiredNotification, Subscriber } from '../../model/desired.js';
import type { LiveBudget, LiveNotification } from '../../model/live.js';
import { canonicalNotificationKey } from './document.js';
import { byNaturalOrder } from '../../importer/natural-order.js';
import type { ImportReading, KindImport, LeftOutBudget } from '../kind-import.js';
import { budgetProblems } from './expressible.js';
import { importedTags } from '../tags/import.js';

export function importBudgets({ live }: ImportReading): KindImport {
  const budgets: DesiredBudget[] = [];
  const leftOutBudgets: LeftOutBudget[] = [];
  for (const budget of [...live.budgets].sort((a, b) => byNaturalOrder(a.name, b.name))) {
    const reasons = budgetProblems(budget);
    if (reasons.length === 0) budgets.push(toDesiredBudget(budget));
    else leftOutBudgets.push({ name: budget.name, reasons });
  }
  return { desired: { budgets }, leftOut: { leftOutBudgets }, counts: { budgets: budgets.length } };
}

function toDesiredBudget(budget: LiveBudget): DesiredBudget {
  return {
    name: budget.name,
    // budgetProblems accepted it: a COST budget with a fixed limit and one of org.yaml's time units.
    amount: budget.amount!,
    unit: budget.unit,
    timeUnit: budget.timeUnit as DesiredBudget['timeUnit'],
    notifications: [...budget.notifications].sort(byNotificationOrder).map(toDesiredNotification),
    // Read only with --include-tags.
    ...importedTags(budget.tags),
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
