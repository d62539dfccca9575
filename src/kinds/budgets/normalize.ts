// org.yaml's `budgets:` section → DesiredBudget[]: defaults applied, subscribers listed, positions
// attached; `options.pruneBudgets`.

import { DEFAULTS } from '../../config/defaults.js';
import { at, type PositionLookup } from '../../config/position-lookup.js';
import type { Budget, Notification } from '../../config/written-org-yaml.js';
import type { DocumentPath } from '../../config/yaml-source.js';
import type { DesiredBudget, DesiredNotification, Subscriber } from '../../model/desired.js';
import type { DesiredPart, NormalizeContext } from '../kind.js';
import { normalizeTags } from '../tags/normalize.js';

export function normalizeBudgetsSection({ written, positionOf }: NormalizeContext): DesiredPart {
  return {
    budgets: normalizeBudgets(written.budgets, positionOf),
    options: { pruneBudgets: written.options?.pruneBudgets ?? DEFAULTS.options.pruneBudgets },
  };
}

function subscribersOf(notification: Notification): Subscriber[] {
  return [
    ...(notification.emails ?? []).map((address): Subscriber => ({ type: 'EMAIL', address })),
    ...(notification.sns !== undefined ? [{ type: 'SNS', address: notification.sns } satisfies Subscriber] : []),
  ];
}

function normalizeNotification(written: Notification, path: DocumentPath, positionOf: PositionLookup): DesiredNotification {
  return {
    type: written.type,
    comparison: written.comparison ?? DEFAULTS.comparison,
    threshold: written.threshold,
    thresholdType: written.thresholdType ?? DEFAULTS.thresholdType,
    subscribers: subscribersOf(written),
    ...at(positionOf(path)),
  };
}

function normalizeBudgets(written: readonly Budget[] | undefined, positionOf: PositionLookup): DesiredBudget[] {
  return (written ?? []).map((budget, index) => ({
    name: budget.name,
    amount: budget.amount,
    unit: budget.unit ?? DEFAULTS.unit,
    timeUnit: budget.timeUnit ?? DEFAULTS.timeUnit,
    notifications: budget.notifications.map((n, k) => normalizeNotification(n, ['budgets', index, 'notifications', k], positionOf)),
    ...at(positionOf(['budgets', index])),
    ...normalizeTags(budget.tags, ['budgets', index, 'tags'], positionOf),
  }));
}
