// The Budgets side of FakeAwsPort, on the fake's budget store (budget-store.ts), with AWS's rules
// (aws-facts.md §4.2): DuplicateRecord (budget, notification, subscriber), NotFound, ≤ 10
// notifications per budget and 1..11 subscribers with at most one SNS (CreationLimitExceeded),
// deleting the last subscriber deletes its notification. It paginates nothing.

import type { BudgetsPort } from '../../../src/aws/port.js';
import type { Subscriber } from '../../../src/model/desired.js';
import { keyOf, sameKey, type FakeBudgetStore, type FakeNotification } from './budget-store.js';
import type { FakeCaller } from './calls.js';
import { awsError } from './errors.js';

const MAX_NOTIFICATIONS = 10;
const MAX_SUBSCRIBERS = 11;

export function fakeBudgets(store: FakeBudgetStore, call: FakeCaller<BudgetsPort>): BudgetsPort {
  return {
    describeBudgets: (accountId) =>
      call('describeBudgets', [accountId], () =>
        [...store.budgetsOf(accountId).values()].map((b) => ({ name: b.name, budgetType: b.budgetType, amount: b.amount, unit: b.unit, timeUnit: b.timeUnit })),
      ),

    describeBudgetNotificationsForAccount: (accountId) =>
      call('describeBudgetNotificationsForAccount', [accountId], () =>
        [...store.budgetsOf(accountId).values()]
          .filter((b) => b.notifications.length > 0)
          .map((b) => ({ budgetName: b.name, notifications: b.notifications.map((n) => ({ ...n.key })) })),
      ),

    describeSubscribersForNotification: (accountId, budgetName, notification) =>
      call('describeSubscribersForNotification', [accountId, budgetName, notification], () => {
        const found = store.requireNotification('DescribeSubscribersForNotification', accountId, budgetName, notification);
        return found.subscribers.map((s) => ({ ...s }));
      }),

    listBudgetTags: (accountId, budgetName) =>
      call('listBudgetTags', [accountId, budgetName], () => ({ ...store.requireBudget('ListTagsForResource', accountId, budgetName).tags })),

    createBudget: (accountId, budget, tags) =>
      call('createBudget', [accountId, budget, tags], () => {
        const op = 'CreateBudget';
        const budgets = store.budgetsOf(accountId);
        if (budgets.has(budget.name)) throw awsError(op, 'alreadyExists', 'DuplicateRecordException', `Error creating budget: ${budget.name} - the budget already exists.`);
        if (budget.notifications.length > MAX_NOTIFICATIONS) throw awsError(op, 'constraint', 'CreationLimitExceededException', 'You have exceeded the notification limit.');
        const notifications: FakeNotification[] = [];
        for (const n of budget.notifications) {
          if (notifications.some((m) => sameKey(m.key, n))) throw awsError(op, 'alreadyExists', 'DuplicateRecordException', 'Duplicate notification.');
          checkSubscribers(op, n.subscribers);
          notifications.push({ key: keyOf(n), subscribers: n.subscribers.map((s) => ({ ...s })) });
        }
        budgets.set(budget.name, { name: budget.name, budgetType: 'COST', amount: budget.amount, unit: budget.unit, timeUnit: budget.timeUnit, notifications, tags: { ...tags } });
      }),

    updateBudget: (accountId, budget) =>
      call('updateBudget', [accountId, budget], () => {
        const found = store.requireBudget('UpdateBudget', accountId, budget.name);
        found.budgetType = 'COST';
        found.amount = budget.amount;
        found.unit = budget.unit;
        found.timeUnit = budget.timeUnit;
      }),

    deleteBudget: (accountId, budgetName) =>
      call('deleteBudget', [accountId, budgetName], () => {
        store.requireBudget('DeleteBudget', accountId, budgetName);
        store.budgetsOf(accountId).delete(budgetName);
      }),

    createNotification: (accountId, budgetName, notification, subscribers) =>
      call('createNotification', [accountId, budgetName, notification, subscribers], () => {
        const op = 'CreateNotification';
        const budget = store.requireBudget(op, accountId, budgetName);
        if (budget.notifications.some((n) => sameKey(n.key, notification))) throw awsError(op, 'alreadyExists', 'DuplicateRecordException', 'The notification already exists.');
        if (budget.notifications.length >= MAX_NOTIFICATIONS) throw awsError(op, 'constraint', 'CreationLimitExceededException', 'You have exceeded the notification limit.');
        checkSubscribers(op, subscribers);
        budget.notifications.push({ key: keyOf(notification), subscribers: subscribers.map((s) => ({ ...s })) });
      }),

    updateNotification: (accountId, budgetName, oldNotification, newNotification) =>
      call('updateNotification', [accountId, budgetName, oldNotification, newNotification], () => {
        const op = 'UpdateNotification';
        const found = store.requireNotification(op, accountId, budgetName, oldNotification);
        const budget = store.requireBudget(op, accountId, budgetName);
        if (!sameKey(oldNotification, newNotification) && budget.notifications.some((n) => sameKey(n.key, newNotification))) {
          throw awsError(op, 'alreadyExists', 'DuplicateRecordException', 'The new notification already exists.');
        }
        found.key = keyOf(newNotification);
      }),

    deleteNotification: (accountId, budgetName, notification) =>
      call('deleteNotification', [accountId, budgetName, notification], () => {
        const op = 'DeleteNotification';
        const found = store.requireNotification(op, accountId, budgetName, notification);
        const budget = store.requireBudget(op, accountId, budgetName);
        budget.notifications = budget.notifications.filter((n) => n !== found);
      }),

    createSubscriber: (accountId, budgetName, notification, subscriber) =>
      call('createSubscriber', [accountId, budgetName, notification, subscriber], () => {
        const op = 'CreateSubscriber';
        const found = store.requireNotification(op, accountId, budgetName, notification);
        if (found.subscribers.some((s) => sameSubscriber(s, subscriber))) throw awsError(op, 'alreadyExists', 'DuplicateRecordException', 'The subscriber already exists.');
        checkSubscribers(op, [...found.subscribers, subscriber]);
        found.subscribers.push({ ...subscriber });
      }),

    deleteSubscriber: (accountId, budgetName, notification, subscriber) =>
      call('deleteSubscriber', [accountId, budgetName, notification, subscriber], () => {
        const op = 'DeleteSubscriber';
        const found = store.requireNotification(op, accountId, budgetName, notification);
        if (!found.subscribers.some((s) => sameSubscriber(s, subscriber))) throw awsError(op, 'notFound', 'NotFoundException', 'The subscriber does not exist.');
        found.subscribers = found.subscribers.filter((s) => !sameSubscriber(s, subscriber));
        // AWS: deleting the last subscriber of a notification deletes the notification too.
        if (found.subscribers.length === 0) {
          const budget = store.requireBudget(op, accountId, budgetName);
          budget.notifications = budget.notifications.filter((n) => n !== found);
        }
      }),

    tagBudget: (accountId, budgetName, tags) =>
      call('tagBudget', [accountId, budgetName, tags], () => {
        const budget = store.requireBudget('TagResource', accountId, budgetName);
        if (new Set([...Object.keys(budget.tags), ...Object.keys(tags)]).size > 200) {
          throw awsError('TagResource', 'constraint', 'ServiceQuotaExceededException', 'A budget can have at most 200 tags.');
        }
        Object.assign(budget.tags, tags);
      }),

    untagBudget: (accountId, budgetName, keys) =>
      call('untagBudget', [accountId, budgetName, keys], () => {
        const budget = store.requireBudget('UntagResource', accountId, budgetName);
        for (const key of keys) delete budget.tags[key];
      }),

    // The fake's budgets have no cost filters: each counts every account.
    describeBudgetScopes: (accountId) => call('describeBudgetScopes', [accountId], () => [...store.budgetsOf(accountId).values()].map((b) => ({ name: b.name, linkedAccounts: null }))),
  };
}

function sameSubscriber(a: Subscriber, b: Subscriber): boolean {
  return a.type === b.type && a.address === b.address;
}

function checkSubscribers(op: string, subscribers: readonly Subscriber[]): void {
  if (subscribers.length < 1) throw awsError(op, 'invalidInput', 'InvalidParameterException', 'A notification needs at least one subscriber.');
  if (subscribers.length > MAX_SUBSCRIBERS) throw awsError(op, 'constraint', 'CreationLimitExceededException', 'You have exceeded the subscriber limit.');
  if (subscribers.filter((s) => s.type === 'SNS').length > 1) throw awsError(op, 'constraint', 'CreationLimitExceededException', 'one notification can only have 1 subscribers with type of SNS');
}
