// Budgets through the real @aws-sdk/client-budgets: budgets, notifications and subscribers with their
// cascades, limits and error names, AWS's output quirks, and budget tags.

import {
  CreateBudgetCommand,
  CreateNotificationCommand,
  CreateSubscriberCommand,
  DeleteBudgetCommand,
  DeleteNotificationCommand,
  DeleteSubscriberCommand,
  DescribeBudgetCommand,
  DescribeBudgetNotificationsForAccountCommand,
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateBudgetCommand,
  UpdateNotificationCommand,
  UpdateSubscriberCommand,
  type Budget,
  type BudgetsClient,
  type Notification,
  type Subscriber,
} from '@aws-sdk/client-budgets';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, budgets } from './helpers.js';

const AccountId = MANAGEMENT;
const budget = (name: string, amount = '100'): Budget => ({ BudgetName: name, BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: amount, Unit: 'USD' } });
const at80: Notification = { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' };
const forecast: Notification = { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 500, ThresholdType: 'ABSOLUTE_VALUE' };
const email = (address: string): Subscriber => ({ SubscriptionType: 'EMAIL', Address: address });
const sns = (topic: string): Subscriber => ({ SubscriptionType: 'SNS', Address: `arn:aws:sns:us-east-1:${MANAGEMENT}:${topic}` });

describe('Budgets', () => {
  const emulator = useEmulator();
  const client = (): BudgetsClient => budgets(emulator().clientConfig);
  const notificationsOf = async (name: string) => (await client().send(new DescribeNotificationsForBudgetCommand({ AccountId, BudgetName: name }))).Notifications;
  const subscribersOf = async (name: string, notification: Notification) =>
    (await client().send(new DescribeSubscribersForNotificationCommand({ AccountId, BudgetName: name, Notification: notification }))).Subscribers;

  it('CreateBudget with NotificationsWithSubscribers; Describe fills AWS defaults and normalizes the amount', async () => {
    await client().send(
      new CreateBudgetCommand({ AccountId, Budget: budget('monthly', '100'), NotificationsWithSubscribers: [{ Notification: at80, Subscribers: [email('a@example.com'), sns('alerts')] }] }),
    );
    const described = (await client().send(new DescribeBudgetCommand({ AccountId, BudgetName: 'monthly' }))).Budget;
    expect(described).toMatchObject({ BudgetName: 'monthly', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '100.0', Unit: 'USD' } });
    expect(Number(described?.BudgetLimit?.Amount)).toBe(100);
    expect(described?.CostTypes).toMatchObject({ IncludeTax: true, UseBlended: false, UseAmortized: false });
    expect(described?.TimePeriod?.End?.toISOString()).toBe('2087-06-15T00:00:00.000Z');
    expect(described?.CalculatedSpend?.ActualSpend).toEqual({ Amount: '0', Unit: 'USD' });
    expect(described).not.toHaveProperty('Notifications');
    expect(await subscribersOf('monthly', at80)).toEqual([email('a@example.com'), sns('alerts')]);
    expect(await awsError(client().send(new CreateBudgetCommand({ AccountId, Budget: budget('monthly') })))).toMatchObject({ name: 'DuplicateRecordException', status: 409 });
  });

  it('DescribeNotificationsForBudget omits ThresholdType when it is PERCENTAGE, as AWS does', async () => {
    await client().send(new CreateBudgetCommand({ AccountId, Budget: budget('b'), NotificationsWithSubscribers: [{ Notification: at80, Subscribers: [email('a@example.com')] }] }));
    await client().send(new CreateNotificationCommand({ AccountId, BudgetName: 'b', Notification: forecast, Subscribers: [email('a@example.com')] }));
    const notifications = await notificationsOf('b');
    expect(notifications).toEqual([
      { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, NotificationState: 'OK' },
      { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 500, ThresholdType: 'ABSOLUTE_VALUE', NotificationState: 'OK' },
    ]);
    // A key without ThresholdType means PERCENTAGE, so the omitted form still finds the notification.
    const { ThresholdType: _omitted, ...withoutType } = at80;
    expect(await subscribersOf('b', withoutType)).toEqual([email('a@example.com')]);
    const forAccount = await client().send(new DescribeBudgetNotificationsForAccountCommand({ AccountId }));
    expect(forAccount.BudgetNotificationsForAccount).toEqual([{ BudgetName: 'b', Notifications: notifications }]);
  });

  it('UpdateBudget changes the budget and never touches its notifications', async () => {
    await client().send(new CreateBudgetCommand({ AccountId, Budget: budget('b', '100'), NotificationsWithSubscribers: [{ Notification: at80, Subscribers: [email('a@example.com')] }] }));
    await client().send(new UpdateBudgetCommand({ AccountId, NewBudget: budget('b', '250.50') }));
    expect((await client().send(new DescribeBudgetCommand({ AccountId, BudgetName: 'b' }))).Budget?.BudgetLimit).toEqual({ Amount: '250.5', Unit: 'USD' });
    expect(await notificationsOf('b')).toHaveLength(1);
    expect(await awsError(client().send(new UpdateBudgetCommand({ AccountId, NewBudget: budget('missing') })))).toMatchObject({ name: 'NotFoundException', status: 404 });
  });

  it('DeleteBudget takes its notifications and subscribers with it', async () => {
    await client().send(new CreateBudgetCommand({ AccountId, Budget: budget('b'), NotificationsWithSubscribers: [{ Notification: at80, Subscribers: [email('a@example.com')] }] }));
    await client().send(new DeleteBudgetCommand({ AccountId, BudgetName: 'b' }));
    expect(await awsError(client().send(new DescribeBudgetCommand({ AccountId, BudgetName: 'b' })))).toMatchObject({ name: 'NotFoundException', status: 404 });
    expect(await awsError(notificationsOf('b'))).toMatchObject({ name: 'NotFoundException' });
    await client().send(new CreateBudgetCommand({ AccountId, Budget: budget('b') }));
    expect(await notificationsOf('b')).toEqual([]);
    expect(await awsError(client().send(new DeleteBudgetCommand({ AccountId, BudgetName: 'nope' })))).toMatchObject({ name: 'NotFoundException' });
  });

  it('notifications: update keeps subscribers, duplicates are DuplicateRecordException, delete takes the subscribers', async () => {
    await client().send(new CreateBudgetCommand({ AccountId, Budget: budget('b') }));
    await client().send(new CreateNotificationCommand({ AccountId, BudgetName: 'b', Notification: at80, Subscribers: [email('a@example.com')] }));
    expect(await awsError(client().send(new CreateNotificationCommand({ AccountId, BudgetName: 'b', Notification: at80, Subscribers: [email('b@example.com')] })))).toMatchObject({
      name: 'DuplicateRecordException',
    });
    const at90 = { ...at80, Threshold: 90 };
    await client().send(new UpdateNotificationCommand({ AccountId, BudgetName: 'b', OldNotification: at80, NewNotification: at90 }));
    expect(await subscribersOf('b', at90)).toEqual([email('a@example.com')]);
    expect(await awsError(subscribersOf('b', at80))).toMatchObject({ name: 'NotFoundException' });
    await client().send(new DeleteNotificationCommand({ AccountId, BudgetName: 'b', Notification: at90 }));
    expect(await notificationsOf('b')).toEqual([]);
    expect(await awsError(client().send(new CreateNotificationCommand({ AccountId, BudgetName: 'nope', Notification: at80, Subscribers: [email('a@example.com')] })))).toMatchObject({
      name: 'NotFoundException',
    });
  });

  it('subscribers: create, update, duplicates, and deleting the last one deletes the notification', async () => {
    await client().send(new CreateBudgetCommand({ AccountId, Budget: budget('b'), NotificationsWithSubscribers: [{ Notification: at80, Subscribers: [email('a@example.com')] }] }));
    await client().send(new CreateSubscriberCommand({ AccountId, BudgetName: 'b', Notification: at80, Subscriber: sns('alerts') }));
    expect(await awsError(client().send(new CreateSubscriberCommand({ AccountId, BudgetName: 'b', Notification: at80, Subscriber: email('a@example.com') })))).toMatchObject({
      name: 'DuplicateRecordException',
    });
    await client().send(new UpdateSubscriberCommand({ AccountId, BudgetName: 'b', Notification: at80, OldSubscriber: email('a@example.com'), NewSubscriber: email('c@example.com') }));
    expect(await subscribersOf('b', at80)).toEqual([email('c@example.com'), sns('alerts')]);
    await client().send(new DeleteSubscriberCommand({ AccountId, BudgetName: 'b', Notification: at80, Subscriber: sns('alerts') }));
    expect(await notificationsOf('b')).toHaveLength(1);
    await client().send(new DeleteSubscriberCommand({ AccountId, BudgetName: 'b', Notification: at80, Subscriber: email('c@example.com') }));
    expect(await notificationsOf('b')).toEqual([]);
    expect(await awsError(client().send(new CreateSubscriberCommand({ AccountId, BudgetName: 'b', Notification: at80, Subscriber: email('x@example.com') })))).toMatchObject({
      name: 'NotFoundException',
    });
  });

  it('limits: 10 notifications per budget; 1 SNS and 10 email subscribers per notification (CreationLimitExceededException, 405)', async () => {
    await client().send(new CreateBudgetCommand({ AccountId, Budget: budget('b') }));
    for (let i = 1; i <= 10; i++) {
      await client().send(new CreateNotificationCommand({ AccountId, BudgetName: 'b', Notification: { ...at80, Threshold: i }, Subscribers: [email('a@example.com')] }));
    }
    expect(await awsError(client().send(new CreateNotificationCommand({ AccountId, BudgetName: 'b', Notification: { ...at80, Threshold: 11 }, Subscribers: [email('a@example.com')] })))).toMatchObject({
      name: 'CreationLimitExceededException',
      status: 405,
    });
    const one = { ...at80, Threshold: 1 };
    await client().send(new CreateSubscriberCommand({ AccountId, BudgetName: 'b', Notification: one, Subscriber: sns('first') }));
    expect(await awsError(client().send(new CreateSubscriberCommand({ AccountId, BudgetName: 'b', Notification: one, Subscriber: sns('second') })))).toMatchObject({
      name: 'CreationLimitExceededException',
      message: 'one notification can only have 1 subscribers with type of SNS',
    });
    for (let i = 2; i <= 10; i++) await client().send(new CreateSubscriberCommand({ AccountId, BudgetName: 'b', Notification: one, Subscriber: email(`u${i}@example.com`) }));
    expect(await awsError(client().send(new CreateSubscriberCommand({ AccountId, BudgetName: 'b', Notification: one, Subscriber: email('u11@example.com') })))).toMatchObject({
      name: 'CreationLimitExceededException',
    });
    expect(await subscribersOf('b', one)).toHaveLength(11);
  });

  it('CreateBudget is atomic by default: a refused notification creates nothing', async () => {
    const twoSns = [{ Notification: at80, Subscribers: [sns('a'), sns('b')] }];
    expect(await awsError(client().send(new CreateBudgetCommand({ AccountId, Budget: budget('b'), NotificationsWithSubscribers: twoSns })))).toMatchObject({
      name: 'CreationLimitExceededException',
    });
    expect(await awsError(client().send(new DescribeBudgetCommand({ AccountId, BudgetName: 'b' })))).toMatchObject({ name: 'NotFoundException' });
  });

  it('input validation is InvalidParameterException (400)', async () => {
    const noLimit = { BudgetName: 'x', BudgetType: 'COST' as const, TimeUnit: 'MONTHLY' as const };
    expect(await awsError(client().send(new CreateBudgetCommand({ AccountId, Budget: noLimit })))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(await awsError(client().send(new CreateBudgetCommand({ AccountId, Budget: budget('a:b') })))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await awsError(client().send(new CreateBudgetCommand({ AccountId, Budget: budget('x', 'ten') })))).toMatchObject({ name: 'InvalidParameterException' });
    expect(await awsError(client().send(new CreateBudgetCommand({ AccountId, Budget: budget('x'), NotificationsWithSubscribers: [{ Notification: at80, Subscribers: [{ SubscriptionType: 'SNS', Address: 'not-an-arn' }] }] })))).toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('budget tags: ResourceTags on create, TagResource, UntagResource, ListTagsForResource on the budget ARN', async () => {
    await client().send(new CreateBudgetCommand({ AccountId, Budget: budget('b'), ResourceTags: [{ Key: 'managed-by', Value: 'orgctl' }] }));
    const ResourceARN = `arn:aws:budgets::${AccountId}:budget/b`;
    expect((await client().send(new ListTagsForResourceCommand({ ResourceARN }))).ResourceTags).toEqual([{ Key: 'managed-by', Value: 'orgctl' }]);
    await client().send(new TagResourceCommand({ ResourceARN, ResourceTags: [{ Key: 'team', Value: 'fin' }] }));
    await client().send(new UntagResourceCommand({ ResourceARN, ResourceTagKeys: ['managed-by'] }));
    expect((await client().send(new ListTagsForResourceCommand({ ResourceARN }))).ResourceTags).toEqual([{ Key: 'team', Value: 'fin' }]);
    expect(await awsError(client().send(new ListTagsForResourceCommand({ ResourceARN: `arn:aws:budgets::${AccountId}:budget/none` })))).toMatchObject({ name: 'NotFoundException' });
    const many = Array.from({ length: 200 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(await awsError(client().send(new TagResourceCommand({ ResourceARN, ResourceTags: many })))).toMatchObject({ name: 'ServiceQuotaExceededException', status: 402 });
  });

  it('budget tags: a budget name with a line break (allowed by the name pattern) still resolves from its ARN', async () => {
    await client().send(new CreateBudgetCommand({ AccountId, Budget: budget('two\nlines'), ResourceTags: [{ Key: 'managed-by', Value: 'orgctl' }] }));
    const ResourceARN = `arn:aws:budgets::${AccountId}:budget/two\nlines`;
    expect((await client().send(new ListTagsForResourceCommand({ ResourceARN }))).ResourceTags).toEqual([{ Key: 'managed-by', Value: 'orgctl' }]);
  });

  it('DescribeBudgets lists every budget of the account', async () => {
    for (const name of ['a', 'b', 'c']) await client().send(new CreateBudgetCommand({ AccountId, Budget: budget(name) }));
    expect((await client().send(new DescribeBudgetsCommand({ AccountId }))).Budgets?.map((b) => b.BudgetName)).toEqual(['a', 'b', 'c']);
  });
});
