// The SDK adapter against a scripted endpoint: real SDK clients, real HTTP, real (de)serialization,
// with the server's answers chosen by each test. Covers what the emulators cannot show on demand.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import { createSdkPort, type SdkPort, type SdkPortOptions } from '../../src/aws/sdk/create-sdk-port.js';
import type { NotificationKey } from '../../src/model/desired.js';
import { awsError, callerIdentityXml, startScriptedAws, type RecordedRequest, type ScriptedAws, type ScriptedReply } from '../support/scripted-aws.js';

const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const MGMT = '123456789012';
const key: NotificationKey = { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' };

let server: ScriptedAws;
const ports: SdkPort[] = [];

beforeAll(async () => {
  server = await startScriptedAws();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  ports.splice(0).forEach((p) => p.destroy());
  server.requests.length = 0;
});

function port(options: SdkPortOptions = {}): SdkPort {
  const p = createSdkPort({ endpoint: server.url, credentials: CREDENTIALS, sleep: async () => {}, ...options });
  ports.push(p);
  return p;
}

/** Answers from a per-operation script: each call takes the next reply; the last one repeats. */
function script(replies: Record<string, ScriptedReply[]>): void {
  const used: Record<string, number> = {};
  server.handle((r: RecordedRequest) => {
    const list = replies[r.operation];
    if (!list) return awsError(400, 'InvalidAction', `unscripted ${r.operation}`);
    const i = used[r.operation] ?? 0;
    used[r.operation] = i + 1;
    return list[Math.min(i, list.length - 1)]!;
  });
}

const ok = (body: unknown): ScriptedReply => ({ body });

async function failure(promise: Promise<unknown>): Promise<AwsCallError> {
  const error = await promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AwsCallError);
  return error as AwsCallError;
}

describe('pagination', () => {
  it('asks for 20 per page and follows NextToken across empty pages', async () => {
    script({
      ListAccountsForParent: [
        ok({ Accounts: [{ Id: '111111111111', Name: 'a', Email: 'a@x.io', State: 'ACTIVE', Status: 'ACTIVE' }, { Id: '222222222222', Name: 'b', Email: 'b@x.io', Status: 'SUSPENDED' }], NextToken: 't1' }),
        ok({ Accounts: [], NextToken: 't2' }),
        ok({ NextToken: 't3' }),
        ok({ Accounts: [{ Id: '333333333333', Name: 'c', Email: 'c@x.io', State: 'PENDING_CLOSURE', Status: 'ACTIVE' }] }),
      ],
    });
    const accounts = await port().listAccountsForParent('r-abcd');
    expect(accounts).toEqual([
      { id: '111111111111', name: 'a', email: 'a@x.io', state: 'ACTIVE' },
      { id: '222222222222', name: 'b', email: 'b@x.io', state: 'SUSPENDED' },
      { id: '333333333333', name: 'c', email: 'c@x.io', state: 'PENDING_CLOSURE' },
    ]);
    expect(server.of('ListAccountsForParent').map((r) => r.body)).toEqual([
      { ParentId: 'r-abcd', MaxResults: 20 },
      { ParentId: 'r-abcd', MaxResults: 20, NextToken: 't1' },
      { ParentId: 'r-abcd', MaxResults: 20, NextToken: 't2' },
      { ParentId: 'r-abcd', MaxResults: 20, NextToken: 't3' },
    ]);
  });

  it('uses the largest page size of each operation', async () => {
    script({
      ListRoots: [ok({ Roots: [{ Id: 'r-abcd', Name: 'Root' }] })],
      ListOrganizationalUnitsForParent: [ok({ OrganizationalUnits: [{ Id: 'ou-abcd-11111111', Name: 'A' }] })],
      DescribeBudgets: [ok({ Budgets: [], NextToken: 'n' }), ok({ Budgets: [] })],
      DescribeBudgetNotificationsForAccount: [ok({ BudgetNotificationsForAccount: [] })],
      DescribeSubscribersForNotification: [ok({ Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'a@x.io' }] })],
    });
    const p = port();
    expect(await p.listRoots()).toEqual([{ id: 'r-abcd', name: 'Root' }]);
    expect(await p.listOrganizationalUnitsForParent('r-abcd')).toEqual([{ id: 'ou-abcd-11111111', name: 'A' }]);
    expect(await p.describeBudgets(MGMT)).toEqual([]);
    await p.describeBudgetNotificationsForAccount(MGMT);
    expect(await p.describeSubscribersForNotification(MGMT, 'b', key)).toEqual([{ type: 'EMAIL', address: 'a@x.io' }]);
    const sizes = Object.fromEntries(server.requests.map((r) => [r.operation, r.body['MaxResults']]));
    expect(sizes).toEqual({
      ListRoots: 20,
      ListOrganizationalUnitsForParent: 20,
      DescribeBudgets: 1000,
      DescribeBudgetNotificationsForAccount: 1000,
      DescribeSubscribersForNotification: 100,
    });
    expect(server.of('DescribeBudgets')).toHaveLength(2);
    expect(server.of('DescribeSubscribersForNotification')[0]?.body).toMatchObject({
      AccountId: MGMT,
      BudgetName: 'b',
      Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' },
    });
  });

  it('stops with an error instead of looping when a token repeats', async () => {
    script({ ListOrganizationalUnitsForParent: [ok({ OrganizationalUnits: [], NextToken: 'same' })] });
    const error = await failure(port().listOrganizationalUnitsForParent('r-abcd'));
    expect(error.describe()).toMatch(/^ListOrganizationalUnitsForParent failed: PaginationLoop/);
    expect(server.requests).toHaveLength(2);
  });
});

describe('mapping AWS shapes to ours', () => {
  it('reads budgets with numeric amounts, null limits, and PERCENTAGE when ThresholdType is missing', async () => {
    script({
      DescribeBudgets: [
        ok({
          Budgets: [
            { BudgetName: 'm', BudgetType: 'COST', BudgetLimit: { Amount: '100.0', Unit: 'USD' }, TimeUnit: 'MONTHLY', CostTypes: { IncludeTax: true } },
            { BudgetName: 'p', BudgetType: 'COST', TimeUnit: 'MONTHLY', PlannedBudgetLimits: { '1700000000': { Amount: '5', Unit: 'USD' } } },
          ],
        }),
      ],
      DescribeBudgetNotificationsForAccount: [
        ok({
          BudgetNotificationsForAccount: [
            {
              BudgetName: 'm',
              Notifications: [
                { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 100.0, NotificationState: 'OK' },
                { NotificationType: 'FORECASTED', ComparisonOperator: 'LESS_THAN', Threshold: 12.5, ThresholdType: 'ABSOLUTE_VALUE' },
              ],
            },
          ],
        }),
      ],
      ListTagsForResource: [ok({ ResourceTags: [{ Key: 'managed-by', Value: 'orgctl' }] })],
    });
    const p = port();
    expect(await p.describeBudgets(MGMT)).toEqual([
      { name: 'm', budgetType: 'COST', amount: 100, unit: 'USD', timeUnit: 'MONTHLY' },
      { name: 'p', budgetType: 'COST', amount: null, unit: '', timeUnit: 'MONTHLY' },
    ]);
    expect(await p.describeBudgetNotificationsForAccount(MGMT)).toEqual([
      {
        budgetName: 'm',
        notifications: [
          { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 100, thresholdType: 'PERCENTAGE' },
          { type: 'FORECASTED', comparison: 'LESS_THAN', threshold: 12.5, thresholdType: 'ABSOLUTE_VALUE' },
        ],
      },
    ]);
    expect(await p.listBudgetTags(MGMT, 'm')).toEqual({ 'managed-by': 'orgctl' });
    expect(server.of('ListTagsForResource')[0]?.body).toEqual({ ResourceARN: `arn:aws:budgets::${MGMT}:budget/m` });
  });

  it('maps the organization, and "not in an organization" to null', async () => {
    script({
      DescribeOrganization: [
        awsError(400, 'AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'),
        ok({ Organization: { Id: 'o-abcdefghij', Arn: 'arn:aws:organizations::123456789012:organization/o-abcdefghij', FeatureSet: 'ALL', MasterAccountId: MGMT, MasterAccountEmail: 'm@x.io' } }),
      ],
    });
    const p = port();
    expect(await p.describeOrganization()).toBeNull();
    expect(await p.describeOrganization()).toEqual({
      id: 'o-abcdefghij',
      arn: 'arn:aws:organizations::123456789012:organization/o-abcdefghij',
      featureSet: 'ALL',
      managementAccountId: MGMT,
      managementAccountEmail: 'm@x.io',
    });
  });
});

describe('writes send what AWS expects', () => {
  it('createBudget: a COST budget with string amount, notifications with subscribers, and tags', async () => {
    script({ CreateBudget: [ok({})], UpdateBudget: [ok({})] });
    const p = port();
    await p.createBudget(
      MGMT,
      { name: 'monthly', amount: 1234.5, unit: 'USD', timeUnit: 'MONTHLY', notifications: [{ ...key, subscribers: [{ type: 'EMAIL', address: 'a@x.io' }, { type: 'SNS', address: 'arn:aws:sns:us-east-1:1:t' }] }] },
      { 'managed-by': 'orgctl' },
    );
    await p.updateBudget(MGMT, { name: 'monthly', amount: 1e21, unit: 'USD', timeUnit: 'QUARTERLY' });
    expect(server.of('CreateBudget')[0]?.body).toEqual({
      AccountId: MGMT,
      Budget: { BudgetName: 'monthly', BudgetType: 'COST', BudgetLimit: { Amount: '1234.5', Unit: 'USD' }, TimeUnit: 'MONTHLY' },
      NotificationsWithSubscribers: [
        {
          Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' },
          Subscribers: [
            { SubscriptionType: 'EMAIL', Address: 'a@x.io' },
            { SubscriptionType: 'SNS', Address: 'arn:aws:sns:us-east-1:1:t' },
          ],
        },
      ],
      ResourceTags: [{ Key: 'managed-by', Value: 'orgctl' }],
    });
    expect(server.of('UpdateBudget')[0]?.body).toEqual({
      AccountId: MGMT,
      NewBudget: { BudgetName: 'monthly', BudgetType: 'COST', BudgetLimit: { Amount: '1000000000000000000000', Unit: 'USD' }, TimeUnit: 'QUARTERLY' },
    });
  });

  it('Organizations writes and notification/subscriber changes', async () => {
    script({
      CreateOrganization: [ok({ Organization: { Id: 'o-abcdefghij', Arn: 'arn', FeatureSet: 'ALL', MasterAccountId: MGMT, MasterAccountEmail: 'm@x.io' } })],
      CreateOrganizationalUnit: [ok({ OrganizationalUnit: { Id: 'ou-abcd-11111111', Name: 'Prod', Arn: 'arn' } })],
      UpdateOrganizationalUnit: [ok({ OrganizationalUnit: { Id: 'ou-abcd-11111111', Name: 'Production' } })],
      DeleteOrganizationalUnit: [ok({})],
      MoveAccount: [ok({})],
      DeleteBudget: [ok({})],
      CreateNotification: [ok({})],
      UpdateNotification: [ok({})],
      DeleteNotification: [ok({})],
      CreateSubscriber: [ok({})],
      DeleteSubscriber: [ok({})],
    });
    const p = port();
    const moved: NotificationKey = { ...key, threshold: 90, thresholdType: 'ABSOLUTE_VALUE' };
    const sub = { type: 'EMAIL' as const, address: 'b@x.io' };
    expect((await p.createOrganization('ALL')).managementAccountId).toBe(MGMT);
    expect(await p.createOrganizationalUnit('r-abcd', 'Prod')).toEqual({ id: 'ou-abcd-11111111', name: 'Prod' });
    await p.renameOrganizationalUnit('ou-abcd-11111111', 'Production');
    await p.deleteOrganizationalUnit('ou-abcd-11111111');
    await p.moveAccount('111111111111', 'r-abcd', 'ou-abcd-22222222');
    await p.createNotification(MGMT, 'm', key, [sub]);
    await p.updateNotification(MGMT, 'm', key, moved);
    await p.createSubscriber(MGMT, 'm', moved, sub);
    await p.deleteSubscriber(MGMT, 'm', moved, sub);
    await p.deleteNotification(MGMT, 'm', moved);
    await p.deleteBudget(MGMT, 'm');
    const bodies = Object.fromEntries(server.requests.map((r) => [r.operation, r.body]));
    const wire = { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 90, ThresholdType: 'ABSOLUTE_VALUE' };
    expect(bodies).toEqual({
      CreateOrganization: { FeatureSet: 'ALL' },
      CreateOrganizationalUnit: { ParentId: 'r-abcd', Name: 'Prod' },
      UpdateOrganizationalUnit: { OrganizationalUnitId: 'ou-abcd-11111111', Name: 'Production' },
      DeleteOrganizationalUnit: { OrganizationalUnitId: 'ou-abcd-11111111' },
      MoveAccount: { AccountId: '111111111111', SourceParentId: 'r-abcd', DestinationParentId: 'ou-abcd-22222222' },
      CreateNotification: { AccountId: MGMT, BudgetName: 'm', Notification: { ...wire, Threshold: 80, ThresholdType: 'PERCENTAGE' }, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'b@x.io' }] },
      UpdateNotification: { AccountId: MGMT, BudgetName: 'm', OldNotification: { ...wire, Threshold: 80, ThresholdType: 'PERCENTAGE' }, NewNotification: wire },
      CreateSubscriber: { AccountId: MGMT, BudgetName: 'm', Notification: wire, Subscriber: { SubscriptionType: 'EMAIL', Address: 'b@x.io' } },
      DeleteSubscriber: { AccountId: MGMT, BudgetName: 'm', Notification: wire, Subscriber: { SubscriptionType: 'EMAIL', Address: 'b@x.io' } },
      DeleteNotification: { AccountId: MGMT, BudgetName: 'm', Notification: wire },
      DeleteBudget: { AccountId: MGMT, BudgetName: 'm' },
    });
    expect(server.requests.every((r) => r.headers['content-type'] === 'application/x-amz-json-1.1')).toBe(true);
  });
});

describe('errors and retries over the wire', () => {
  it('retries a throttle whatever its status (legacy 400 or 429), counting each', async () => {
    script({
      MoveAccount: [
        awsError(400, 'TooManyRequestsException', 'AWS Organizations can\'t complete your request because another request is already in progress.', { Type: 'TooManyRequests' }),
        awsError(429, 'TooManyRequestsException', 'You have sent too many requests in too short a period of time.'),
        awsError(409, 'ConcurrentModificationException', 'currently being modified'),
        awsError(500, 'ServiceException', 'internal'),
        ok({}),
      ],
    });
    const p = port();
    await p.moveAccount('111111111111', 'r-abcd', 'ou-abcd-22222222');
    expect(p.stats()).toEqual({ calls: { MoveAccount: 5 }, throttled: { MoveAccount: 2 }, retried: { MoveAccount: 2 } });
    p.resetStats();
    expect(p.stats()).toEqual({ calls: {}, throttled: {}, retried: {} });
  });

  it('retries a dropped connection and Budgets\' ThrottlingException', async () => {
    script({ DescribeBudgets: [{ drop: true }, awsError(400, 'ThrottlingException', 'Rate exceeded'), ok({ Budgets: [] })] });
    const p = port();
    expect(await p.describeBudgets(MGMT)).toEqual([]);
    expect(p.stats()).toEqual({ calls: { DescribeBudgets: 3 }, throttled: { DescribeBudgets: 1 }, retried: { DescribeBudgets: 1 } });
  });

  it('turns the SDK\'s own retries off: one request per attempt', async () => {
    script({ DeleteOrganizationalUnit: [awsError(500, 'ServiceException', 'internal')] });
    const p = port({ maxAttempts: 1 });
    const error = await failure(p.deleteOrganizationalUnit('ou-abcd-11111111'));
    expect(error.kind).toBe('transient');
    expect(server.requests).toHaveLength(1);
  });

  it('names the call and the missing IAM action on AccessDenied, without retrying', async () => {
    script({ ListAccountsForParent: [awsError(400, 'AccessDeniedException', 'You don\'t have permissions to access this resource.')] });
    const error = await failure(port().listAccountsForParent('r-abcd'));
    expect(error.kind).toBe('accessDenied');
    expect(error.describe()).toBe(
      'ListAccountsForParent failed: AccessDeniedException: the credentials lack organizations:ListAccountsForParent; allow it in the IAM policy of the role orgctl runs as (AWS said: You don\'t have permissions to access this resource.)',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('keeps ConstraintViolation reasons and maps namespaced Budgets errors by name', async () => {
    script({
      CreateOrganizationalUnit: [awsError(409, 'ConstraintViolationException', 'You have exceeded the maximum depth of nested OUs.', { Reason: 'OU_DEPTH_LIMIT_EXCEEDED' })],
      CreateBudget: [awsError(409, 'com.amazonaws.budgets#DuplicateRecordException', 'Error creating budget: m - the budget already exists.')],
      DeleteBudget: [awsError(404, 'NotFoundException', 'Unable to delete budget: m - the budget doesn\'t exist.')],
      UpdateOrganizationalUnit: [awsError(409, 'DuplicateOrganizationalUnitException', 'An OU with the same name already exists.')],
      DeleteOrganizationalUnit: [awsError(409, 'OrganizationalUnitNotEmptyException', 'The specified OU is not empty.')],
      CreateNotification: [awsError(400, 'InvalidParameterException', 'bad threshold')],
    });
    const p = port();
    const depth = await failure(p.createOrganizationalUnit('ou-abcd-11111111', 'Deep'));
    expect([depth.kind, depth.reason]).toEqual(['constraint', 'OU_DEPTH_LIMIT_EXCEEDED']);
    expect(depth.describe()).toBe('CreateOrganizationalUnit failed: ConstraintViolationException (OU_DEPTH_LIMIT_EXCEEDED): You have exceeded the maximum depth of nested OUs.');
    const dup = await failure(p.createBudget(MGMT, { name: 'm', amount: 1, unit: 'USD', timeUnit: 'MONTHLY', notifications: [] }, {}));
    expect([dup.kind, dup.code]).toEqual(['alreadyExists', 'DuplicateRecordException']);
    expect((await failure(p.deleteBudget(MGMT, 'm'))).kind).toBe('notFound');
    expect((await failure(p.renameOrganizationalUnit('ou-abcd-11111111', 'X'))).kind).toBe('alreadyExists');
    expect((await failure(p.deleteOrganizationalUnit('ou-abcd-11111111'))).kind).toBe('constraint');
    expect((await failure(p.createNotification(MGMT, 'm', key, []))).kind).toBe('invalidInput');
    expect(server.requests).toHaveLength(6);
  });

  it('reads the caller account from STS', async () => {
    server.handle((r) => (r.service === 'sts' ? { body: callerIdentityXml('210987654321') } : awsError(400, 'InvalidAction', 'x')));
    expect(await port().getCallerAccountId()).toBe('210987654321');
    expect(server.requests[0]?.operation).toBe('GetCallerIdentity');
  });
});

describe('replies that are not AWS\'s (a proxy\'s HTML page, an emulator without the operation)', () => {
  const PAGE = '<html>\n<head><title>Bad Gateway</title></head>\n<body><h1>nginx</h1></body>\n</html>\n';
  const html = (status: number): ScriptedReply => ({ status, body: PAGE, contentType: 'text/html' });
  const NO_SDK_TEXT = /Deserialization error|\$response|\\n|SyntaxError|Unexpected token/;

  it.each([
    [404, 'ListRoots', (p: SdkPort) => p.listRoots()],
    [200, 'ListRoots', (p: SdkPort) => p.listRoots()],
    [403, 'DescribeBudgets', (p: SdkPort) => p.describeBudgets(MGMT)],
    [200, 'DescribeBudgets', (p: SdkPort) => p.describeBudgets(MGMT)],
    [404, 'GetCallerIdentity', (p: SdkPort) => p.getCallerAccountId()],
    [200, 'GetCallerIdentity', (p: SdkPort) => p.getCallerAccountId()],
  ] as const)('HTTP %i to %s: fails at once, naming the operation, the status and the first line of the body', async (status, operation, call) => {
    server.handle(() => html(status));
    const error = await failure(call(port()));
    expect(error.kind).toBe('other');
    expect(server.requests).toHaveLength(1);
    const line = error.describe();
    expect(line).toMatch(new RegExp(`^${operation} failed: `));
    expect(line).toContain(`HTTP ${status}`);
    expect(line).toContain('<html>');
    expect(line).not.toContain('Bad Gateway'); // the first line only
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(NO_SDK_TEXT);
  });

  it.each([
    [502, 'ListAccountsForParent', (p: SdkPort) => p.listAccountsForParent('r-abcd')],
    [503, 'DescribeBudgets', (p: SdkPort) => p.describeBudgets(MGMT)],
    [502, 'GetCallerIdentity', (p: SdkPort) => p.getCallerAccountId()],
  ] as const)('HTTP %i to %s: retried as transient, then the same clear message', async (status, operation, call) => {
    server.handle(() => html(status));
    const error = await failure(call(port()));
    expect(error.kind).toBe('transient');
    expect(server.requests).toHaveLength(6);
    expect(error.describe()).toMatch(new RegExp(`^${operation} failed: .*HTTP ${status}.*<html>.*\\(gave up after 6 attempts\\)$`));
    expect(error.describe()).not.toMatch(NO_SDK_TEXT);
  });

  it('HTTP 429 from a proxy is a throttle', async () => {
    server.handle(() => html(429));
    const error = await failure(port({ maxAttempts: 3 }).listRoots());
    expect(error.kind).toBe('throttled');
    expect(server.requests).toHaveLength(3);
  });

  it('a JSON body without an AWS error code is not AWS\'s either', async () => {
    server.handle(() => ({ status: 404, body: { message: 'no route' } }));
    const error = await failure(port().listRoots());
    expect(error.kind).toBe('other');
    expect(error.describe()).toContain('HTTP 404');
    expect(error.describe()).toContain('{"message":"no route"}');
  });

  it('an empty body says so', async () => {
    server.handle(() => ({ status: 404, body: '' }));
    expect((await failure(port().listRoots())).describe()).toMatch(/HTTP 404.*empty/);
  });
});

describe('pacing', () => {
  it('holds parallel callers to the published rate (ListRoots: 1/s, burst 2 less one of headroom)', async () => {
    script({ ListRoots: [ok({ Roots: [{ Id: 'r-abcd', Name: 'Root' }] })] });
    const sleeps: number[] = [];
    const p = port({ now: () => 0, sleep: async (ms) => void sleeps.push(ms) });
    await Promise.all([p.listRoots(), p.listRoots(), p.listRoots()]);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('rateScale speeds the pacer up for a time-scaled emulator', async () => {
    script({ ListRoots: [ok({ Roots: [] })] });
    const sleeps: number[] = [];
    const p = port({ rateScale: 10, now: () => 0, sleep: async (ms) => void sleeps.push(ms) });
    await Promise.all([p.listRoots(), p.listRoots(), p.listRoots()]);
    expect(sleeps).toEqual([100, 200]);
  });
});
