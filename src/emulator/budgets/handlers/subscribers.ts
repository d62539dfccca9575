// CreateSubscriber, UpdateSubscriber, DeleteSubscriber (the last one takes its notification with it)
// and DescribeSubscribersForNotification.

import { budgetsError } from '../errors.js';
import { readBudgetTarget, readExistingNotification, requireSubscriber } from '../lookup.js';
import { sameSubscriber } from '../model.js';
import { budgetsPage } from '../paging.js';
import { subscriberShape } from '../shapes.js';
import { checkSubscriberLimits, readInput, readSubscriber } from '../validation.js';
import type { BudgetsHandler } from './types.js';

const createSubscriber: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const { record } = readBudgetTarget(reader, ctx, 'create subscriber');
  const notification = readExistingNotification(reader, record);
  const subscriber = readSubscriber(reader.object('Subscriber'));
  if (notification.subscribers.some((s) => sameSubscriber(s, subscriber))) {
    throw budgetsError('DuplicateRecordException', `Unable to create subscriber - the subscriber ${subscriber.address} already exists for this notification.`);
  }
  checkSubscriberLimits([...notification.subscribers, subscriber]);
  notification.subscribers.push(subscriber);
  return {};
};

const updateSubscriber: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const { record } = readBudgetTarget(reader, ctx, 'update subscriber');
  const notification = readExistingNotification(reader, record);
  const index = requireSubscriber(notification, readSubscriber(reader.object('OldSubscriber')));
  const next = readSubscriber(reader.object('NewSubscriber'));
  const clash = notification.subscribers.findIndex((s) => sameSubscriber(s, next));
  if (clash >= 0 && clash !== index) {
    throw budgetsError('DuplicateRecordException', `Unable to update subscriber - the subscriber ${next.address} already exists for this notification.`);
  }
  checkSubscriberLimits(notification.subscribers.map((s, i) => (i === index ? next : s)));
  notification.subscribers[index] = next;
  return {};
};

const deleteSubscriber: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const { record } = readBudgetTarget(reader, ctx, 'delete subscriber');
  const notification = readExistingNotification(reader, record);
  const index = requireSubscriber(notification, readSubscriber(reader.object('Subscriber')));
  notification.subscribers.splice(index, 1);
  // A notification cannot exist without subscribers: deleting the last one deletes it (aws-facts §4.2).
  if (notification.subscribers.length === 0) record.notifications.splice(record.notifications.indexOf(notification), 1);
  return {};
};

const describeSubscribersForNotification: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const { name, record } = readBudgetTarget(reader, ctx, 'describe subscribers');
  const notification = readExistingNotification(reader, record);
  const key = `${name}:${notification.notificationType}:${notification.comparisonOperator}:${notification.threshold}:${notification.thresholdType}`;
  const page = budgetsPage(notification.subscribers, reader, ctx, key, 100);
  return { Subscribers: page.items.map(subscriberShape), NextToken: page.nextToken };
};

export const subscriberHandlers: Readonly<Record<string, BudgetsHandler>> = {
  CreateSubscriber: createSubscriber,
  UpdateSubscriber: updateSubscriber,
  DeleteSubscriber: deleteSubscriber,
  DescribeSubscribersForNotification: describeSubscribersForNotification,
};
