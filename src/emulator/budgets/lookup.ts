// Finding a budget, a notification or a subscriber, with AWS's NotFoundException when it is missing.

import type { InputReader } from '../input.js';
import type { BudgetsContext } from './context.js';
import { budgetsError } from './errors.js';
import { sameNotification, sameSubscriber, type BudgetRecord, type NotificationKey, type NotificationRecord, type SubscriberRecord } from './model.js';
import { readBudgetName, readNotification, readOwnAccount } from './validation.js';

export function requireBudget(ctx: BudgetsContext, accountId: string, name: string, action: string): BudgetRecord {
  const record = ctx.state.budgetsOf(accountId).get(name);
  if (!record) throw budgetsError('NotFoundException', `Unable to ${action}: ${name} - the budget doesn't exist.`);
  return record;
}

/** Reads AccountId and BudgetName, and finds the budget. */
export function readBudgetTarget(reader: InputReader, ctx: BudgetsContext, action: string): { accountId: string; name: string; record: BudgetRecord } {
  const accountId = readOwnAccount(reader, ctx);
  const name = readBudgetName(reader);
  return { accountId, name, record: requireBudget(ctx, accountId, name, action) };
}

export function findNotification(record: BudgetRecord, key: NotificationKey): NotificationRecord | undefined {
  return record.notifications.find((n) => sameNotification(n, key));
}

export function requireNotification(record: BudgetRecord, key: NotificationKey): NotificationRecord {
  const found = findNotification(record, key);
  if (!found) throw budgetsError('NotFoundException', 'Unable to find the notification - the notification does not exist for this budget.');
  return found;
}

/** Reads the `Notification` member and finds it on the budget. */
export function readExistingNotification(reader: InputReader, record: BudgetRecord, name = 'Notification'): NotificationRecord {
  return requireNotification(record, readNotification(reader.object(name)));
}

export function requireSubscriber(notification: NotificationRecord, subscriber: SubscriberRecord): number {
  const index = notification.subscribers.findIndex((s) => sameSubscriber(s, subscriber));
  if (index < 0) throw budgetsError('NotFoundException', `Unable to find the subscriber ${subscriber.address} - the subscriber does not exist for this notification.`);
  return index;
}
