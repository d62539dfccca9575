// CreateBudget (with notifications and subscribers), DescribeBudget(s), UpdateBudget, DeleteBudget.

import type { InputReader } from '../../input.js';
import { budgetsError } from '../errors.js';
import { readBudgetTarget, requireBudget } from '../lookup.js';
import { BUDGET_LIMITS, sameNotification, sameSubscriber, type BudgetRecord, type NotificationRecord } from '../model.js';
import { budgetsPage } from '../paging.js';
import { budgetShape } from '../shapes.js';
import { checkSubscriberLimits, readBudget, readInput, readNotification, readOwnAccount, readResourceTags, readSubscriber } from '../validation.js';
import type { BudgetsHandler } from './types.js';

function readNotificationsWithSubscribers(reader: InputReader): NotificationRecord[] {
  const list = reader.optionalObjectList('NotificationsWithSubscribers', { max: BUDGET_LIMITS.notificationsPerBudget }) ?? [];
  return list.map((item) => ({
    ...readNotification(item.object('Notification')),
    subscribers: item.objectList('Subscribers', { min: 1, max: 11 }).map(readSubscriber),
  }));
}

/** Adds one notification to a budget, enforcing uniqueness and the subscriber rules. */
export function addNotification(record: BudgetRecord, notification: NotificationRecord): void {
  if (record.notifications.some((n) => sameNotification(n, notification))) {
    throw budgetsError('DuplicateRecordException', 'Unable to create notification - the notification already exists for this budget.');
  }
  if (record.notifications.length >= BUDGET_LIMITS.notificationsPerBudget) {
    throw budgetsError('CreationLimitExceededException', `A budget can have at most ${BUDGET_LIMITS.notificationsPerBudget} notifications.`);
  }
  notification.subscribers.forEach((s, i) => {
    if (notification.subscribers.findIndex((other) => sameSubscriber(other, s)) !== i) {
      throw budgetsError('DuplicateRecordException', `Unable to create subscriber - the subscriber ${s.address} already exists for this notification.`);
    }
  });
  checkSubscriberLimits(notification.subscribers);
  record.notifications.push(notification);
}

const createBudget: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const accountId = readOwnAccount(reader, ctx);
  const budget = readBudget(reader.object('Budget'), ctx);
  const notifications = readNotificationsWithSubscribers(reader);
  const tags = readResourceTags(reader, 'ResourceTags');
  const name = budget['BudgetName'] as string;
  const budgets = ctx.state.budgetsOf(accountId);
  if (budgets.has(name)) throw budgetsError('DuplicateRecordException', `Error creating budget: ${name} - the budget already exists.`);
  if (budgets.size >= ctx.state.quotas.maxBudgetsPerAccount) {
    throw budgetsError('ServiceQuotaExceededException', `You've reached the limit of ${ctx.state.quotas.maxBudgetsPerAccount} budgets for this account.`);
  }
  const record: BudgetRecord = { budget, notifications: [], tags: new Map(tags) };
  if (ctx.settings.createBudgetAtomic) {
    // Validate every notification on a scratch record first, so a refusal creates nothing.
    const scratch: BudgetRecord = { budget, notifications: [], tags: new Map() };
    for (const n of notifications) addNotification(scratch, { ...n, subscribers: [...n.subscribers] });
    budgets.set(name, record);
    for (const n of notifications) addNotification(record, n);
  } else {
    budgets.set(name, record);
    for (const n of notifications) addNotification(record, n);
  }
  return {};
};

const describeBudget: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const { record } = readBudgetTarget(reader, ctx, 'get budget');
  return { Budget: budgetShape(record, reader.optionalBoolean('ShowFilterExpression') ?? false) };
};

const describeBudgets: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const accountId = readOwnAccount(reader, ctx);
  const show = reader.optionalBoolean('ShowFilterExpression') ?? false;
  const page = budgetsPage([...ctx.state.budgetsOf(accountId).values()], reader, ctx, '', 1000);
  return { Budgets: page.items.map((r) => budgetShape(r, show)), NextToken: page.nextToken };
};

const updateBudget: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const accountId = readOwnAccount(reader, ctx);
  const newBudget = reader.object('NewBudget');
  const name = newBudget.string('BudgetName', { min: 1, max: 100 });
  const record = requireBudget(ctx, accountId, name, 'update budget');
  // Notifications are untouched; CalculatedSpend starts again from zero (aws-facts §4.2).
  record.budget = readBudget(newBudget, ctx, record.budget);
  return {};
};

const deleteBudget: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const accountId = readOwnAccount(reader, ctx);
  const name = reader.string('BudgetName', { min: 1, max: 100 });
  const budgets = ctx.state.budgetsOf(accountId);
  if (!budgets.has(name)) throw budgetsError('NotFoundException', `Unable to delete budget: ${name} - the budget doesn't exist. Try creating it first.`);
  budgets.delete(name); // its notifications and subscribers go with it
  return {};
};

export const budgetHandlers: Readonly<Record<string, BudgetsHandler>> = {
  CreateBudget: createBudget,
  DescribeBudget: describeBudget,
  DescribeBudgets: describeBudgets,
  UpdateBudget: updateBudget,
  DeleteBudget: deleteBudget,
};

