// The Budgets side of the SDK port: an account's budgets, notifications, subscribers and tags.

import {
  CreateBudgetCommand,
  CreateNotificationCommand,
  CreateSubscriberCommand,
  DeleteBudgetCommand,
  DeleteNotificationCommand,
  DeleteSubscriberCommand,
  DescribeBudgetNotificationsForAccountCommand,
  DescribeBudgetsCommand,
  DescribeSubscribersForNotificationCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateBudgetCommand,
  UpdateNotificationCommand,
} from '@aws-sdk/client-budgets';
import { PAGE_SIZES } from '../page-sizes.js';
import type { BudgetsPort } from '../ports/budgets.js';
import type { AdapterContext } from './adapter-context.js';
import { budgetArn, formatAmount, fromNotificationKey, fromSubscriber, toBudgetScope, toBudgetSummary, toNotificationKey, toSubscriber } from './shapes.js';

export function budgetsAdapter({ clients, call, list }: AdapterContext): BudgetsPort {
  const budgets = clients.budgets;
  const service = 'budgets';
  // Every page of DescribeBudgets: the plan's summaries and explain's scopes are two views of the same listing.
  const describeAllBudgets = (accountId: string) =>
    list({
      service,
      operation: 'DescribeBudgets',
      pageSize: PAGE_SIZES.budgets,
      send: (NextToken, MaxResults) => budgets.send(new DescribeBudgetsCommand({ AccountId: accountId, MaxResults, NextToken })),
      page: (out) => ({ items: out.Budgets, nextToken: out.NextToken }),
    });
  return {
    async describeBudgets(accountId) {
      return (await describeAllBudgets(accountId)).map(toBudgetSummary);
    },

    async describeBudgetNotificationsForAccount(accountId) {
      const entries = await list({
        service,
        operation: 'DescribeBudgetNotificationsForAccount',
        pageSize: PAGE_SIZES.budgets,
        send: (NextToken, MaxResults) => budgets.send(new DescribeBudgetNotificationsForAccountCommand({ AccountId: accountId, MaxResults, NextToken })),
        page: (out) => ({ items: out.BudgetNotificationsForAccount, nextToken: out.NextToken }),
      });
      return entries.map((e) => ({ budgetName: e.BudgetName ?? '', notifications: (e.Notifications ?? []).map(toNotificationKey) }));
    },

    async describeSubscribersForNotification(accountId, budgetName, notification) {
      const subscribers = await list({
        service,
        operation: 'DescribeSubscribersForNotification',
        pageSize: PAGE_SIZES.subscribers,
        send: (NextToken, MaxResults) =>
          budgets.send(
            new DescribeSubscribersForNotificationCommand({ AccountId: accountId, BudgetName: budgetName, Notification: fromNotificationKey(notification), MaxResults, NextToken }),
          ),
        page: (out) => ({ items: out.Subscribers, nextToken: out.NextToken }),
      });
      return subscribers.map(toSubscriber);
    },

    async listBudgetTags(accountId, budgetName) {
      const out = await call(service, 'ListTagsForResource', () => budgets.send(new ListTagsForResourceCommand({ ResourceARN: budgetArn(accountId, budgetName) })));
      return Object.fromEntries((out.ResourceTags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
    },

    async createBudget(accountId, budget, tags) {
      const resourceTags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
      await call(service, 'CreateBudget', () =>
        budgets.send(
          new CreateBudgetCommand({
            AccountId: accountId,
            // CostTypes, TimePeriod: AWS's defaults.
            Budget: { BudgetName: budget.name, BudgetType: 'COST', BudgetLimit: { Amount: formatAmount(budget.amount), Unit: budget.unit }, TimeUnit: budget.timeUnit },
            NotificationsWithSubscribers: budget.notifications.map((n) => ({ Notification: fromNotificationKey(n), Subscribers: n.subscribers.map(fromSubscriber) })),
            ...(resourceTags.length > 0 ? { ResourceTags: resourceTags } : {}),
          }),
        ),
      );
    },

    async updateBudget(accountId, budget) {
      await call(service, 'UpdateBudget', () =>
        budgets.send(
          new UpdateBudgetCommand({
            AccountId: accountId,
            NewBudget: { BudgetName: budget.name, BudgetType: 'COST', BudgetLimit: { Amount: formatAmount(budget.amount), Unit: budget.unit }, TimeUnit: budget.timeUnit },
          }),
        ),
      );
    },

    async deleteBudget(accountId, budgetName) {
      await call(service, 'DeleteBudget', () => budgets.send(new DeleteBudgetCommand({ AccountId: accountId, BudgetName: budgetName })));
    },

    async createNotification(accountId, budgetName, notification, subscribers) {
      await call(service, 'CreateNotification', () =>
        budgets.send(
          new CreateNotificationCommand({ AccountId: accountId, BudgetName: budgetName, Notification: fromNotificationKey(notification), Subscribers: subscribers.map(fromSubscriber) }),
        ),
      );
    },

    async updateNotification(accountId, budgetName, oldNotification, newNotification) {
      await call(service, 'UpdateNotification', () =>
        budgets.send(
          new UpdateNotificationCommand({
            AccountId: accountId,
            BudgetName: budgetName,
            OldNotification: fromNotificationKey(oldNotification),
            NewNotification: fromNotificationKey(newNotification),
          }),
        ),
      );
    },

    async deleteNotification(accountId, budgetName, notification) {
      await call(service, 'DeleteNotification', () =>
        budgets.send(new DeleteNotificationCommand({ AccountId: accountId, BudgetName: budgetName, Notification: fromNotificationKey(notification) })),
      );
    },

    async createSubscriber(accountId, budgetName, notification, subscriber) {
      await call(service, 'CreateSubscriber', () =>
        budgets.send(
          new CreateSubscriberCommand({ AccountId: accountId, BudgetName: budgetName, Notification: fromNotificationKey(notification), Subscriber: fromSubscriber(subscriber) }),
        ),
      );
    },

    async tagBudget(accountId, budgetName, tags) {
      const resourceTags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
      await call(service, 'TagResource', () => budgets.send(new TagResourceCommand({ ResourceARN: budgetArn(accountId, budgetName), ResourceTags: resourceTags })));
    },

    async untagBudget(accountId, budgetName, keys) {
      await call(service, 'UntagResource', () => budgets.send(new UntagResourceCommand({ ResourceARN: budgetArn(accountId, budgetName), ResourceTagKeys: [...keys] })));
    },

    async deleteSubscriber(accountId, budgetName, notification, subscriber) {
      await call(service, 'DeleteSubscriber', () =>
        budgets.send(
          new DeleteSubscriberCommand({ AccountId: accountId, BudgetName: budgetName, Notification: fromNotificationKey(notification), Subscriber: fromSubscriber(subscriber) }),
        ),
      );
    },

    async describeBudgetScopes(accountId) {
      return (await describeAllBudgets(accountId)).map(toBudgetScope);
    },
  };
}
