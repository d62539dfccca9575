// CreateNotification, UpdateNotification, DeleteNotification, DescribeNotificationsForBudget and
// DescribeBudgetNotificationsForAccount.

import { budgetsError } from '../errors.js';
import { findNotification, readBudgetTarget, readExistingNotification } from '../lookup.js';
import { budgetsPage } from '../paging.js';
import { notificationShape } from '../shapes.js';
import { readInput, readNotification, readOwnAccount, readSubscriber } from '../validation.js';
import { addNotification } from './budgets.js';
import type { BudgetsHandler } from './types.js';

const createNotification: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const accountId = readOwnAccount(reader, ctx);
  const name = reader.string('BudgetName', { min: 1, max: 100 });
  const notification = readNotification(reader.object('Notification'));
  const subscribers = reader.objectList('Subscribers', { min: 1, max: 11 }).map(readSubscriber);
  const record = ctx.state.budgetsOf(accountId).get(name);
  if (!record) throw budgetsError('NotFoundException', 'Unable to create notification - the budget doesn\'t exist.');
  addNotification(record, { ...notification, subscribers });
  return {};
};

const updateNotification: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const { record } = readBudgetTarget(reader, ctx, 'update notification');
  const old = readExistingNotification(reader, record, 'OldNotification');
  const next = readNotification(reader.object('NewNotification'));
  const clash = findNotification(record, next);
  if (clash && clash !== old) throw budgetsError('DuplicateRecordException', 'Unable to update notification - a notification with the new values already exists for this budget.');
  const index = record.notifications.indexOf(old);
  record.notifications[index] = { ...next, subscribers: old.subscribers };
  return {};
};

const deleteNotification: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const { record } = readBudgetTarget(reader, ctx, 'delete notification');
  const notification = readExistingNotification(reader, record);
  record.notifications.splice(record.notifications.indexOf(notification), 1); // its subscribers go with it
  return {};
};

const describeNotificationsForBudget: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const { name, record } = readBudgetTarget(reader, ctx, 'describe notifications');
  const page = budgetsPage(record.notifications, reader, ctx, name, 100);
  return { Notifications: page.items.map(notificationShape), NextToken: page.nextToken };
};

const describeBudgetNotificationsForAccount: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const accountId = readOwnAccount(reader, ctx);
  const withNotifications = [...ctx.state.budgetsOf(accountId).entries()].filter(([, r]) => r.notifications.length > 0);
  const page = budgetsPage(withNotifications, reader, ctx, '', 1000);
  return {
    BudgetNotificationsForAccount: page.items.map(([BudgetName, r]) => ({ BudgetName, Notifications: r.notifications.map(notificationShape) })),
    NextToken: page.nextToken,
  };
};

export const notificationHandlers: Readonly<Record<string, BudgetsHandler>> = {
  CreateNotification: createNotification,
  UpdateNotification: updateNotification,
  DeleteNotification: deleteNotification,
  DescribeNotificationsForBudget: describeNotificationsForBudget,
  DescribeBudgetNotificationsForAccount: describeBudgetNotificationsForAccount,
};
