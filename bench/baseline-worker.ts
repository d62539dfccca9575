// The per-resource baseline: how Terraform's AWS provider refreshes an organization it manages, one
// resource at a time, through the real AWS SDK clients (bench code; orgctl never reads this way):
//   account: DescribeAccount + ListParents + ListTagsForResource
//   OU:      DescribeOrganizationalUnit + ListParents + ListAccountsForParent (every page) + ListTagsForResource
//   budget:  DescribeBudget + DescribeNotificationsForBudget + DescribeSubscribersForNotification per notification
// The resource IDs come from the caller, as they come from Terraform's state. To be a fair baseline
// and not a strawman that gets throttled, every call goes through orgctl's own call runner: the same
// pacer at the same published rates (× the same time scale), the same retries and the same backing off
// after a throttle; enough requests in flight to run each operation at its rate; all operations side by side.
//
//   node build/bench/baseline-worker.js request.json   → one JSON line (BaselineResult) on stdout

import { readFileSync } from 'node:fs';
import {
  BudgetsClient,
  DescribeBudgetCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
  type Notification,
} from '@aws-sdk/client-budgets';
import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  ListAccountsForParentCommand,
  ListParentsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { CallStatsRecorder } from '../src/aws/call-stats.js';
import { createCallRunner } from '../src/aws/call-runner.js';
import type { AwsServiceName } from '../src/aws/operations.js';
import { Pacer, SYSTEM_CLOCK } from '../src/aws/pacer.js';
import { classifyError } from '../src/aws/sdk/classify-error.js';
import { WorkQueue } from '../src/reader/work-queue.js';

export interface BaselineRequest {
  readonly endpoint: string;
  readonly rateScale: number;
  readonly managementAccountId: string;
  readonly accountIds: readonly string[];
  readonly ouIds: readonly string[];
  readonly budgetNames: readonly string[];
  /** Requests in flight per operation. */
  readonly concurrency: number;
}

export interface BaselineResult {
  readonly wallMs: number;
  /** Requests sent per operation ("ListParents"), retries included. */
  readonly calls: Readonly<Record<string, number>>;
  /** Throttled requests retried, per operation. */
  readonly throttled: Readonly<Record<string, number>>;
  /** Other retried errors, per operation. */
  readonly retried: Readonly<Record<string, number>>;
  readonly failed: number;
  readonly firstFailure?: string;
  readonly maxRssKb: number;
}

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const request = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as BaselineRequest;
// The SDK's own retries off: the call runner retries, as in orgctl's adapter.
const config = { endpoint: request.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
const organizations = new OrganizationsClient(config);
const budgets = new BudgetsClient(config);
const stats = new CallStatsRecorder();
const run = createCallRunner({ stats, pacer: new Pacer({ scale: request.rateScale }), sleep: SYSTEM_CLOCK.sleep, random: Math.random });
let failed = 0;
let firstFailure: string | undefined;

/** One queue per operation, so each runs at its own rate while the others run beside it. */
const queues = new Map<string, WorkQueue>();
function queueFor(key: string): WorkQueue {
  let queue = queues.get(key);
  if (!queue) {
    queue = new WorkQueue(request.concurrency);
    queues.set(key, queue);
  }
  return queue;
}

/** Paced, counted, classified and retried exactly like orgctl's calls. */
async function send<T>(service: AwsServiceName, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await run(service, operation, async () => {
      try {
        return await call();
      } catch (error) {
        throw classifyError(error, service, operation);
      }
    });
  } catch (error) {
    failed += 1;
    firstFailure ??= `${service}:${operation}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    throw error;
  }
}

// Tasks scheduled and not finished. A task schedules its follow-ups (subscribers) before it ends, so
// this reaches zero only when the whole refresh is done.
let outstanding = 0;
let allDone: () => void = () => undefined;
const finished = new Promise<void>((resolve) => (allDone = resolve));

function schedule(service: AwsServiceName, operation: string, task: () => Promise<unknown>): void {
  outstanding += 1;
  // A failure is counted in send(); the refresh carries on with the other resources.
  queueFor(`${service}:${operation}`).add(async () => {
    await task().catch(() => undefined);
    outstanding -= 1;
    if (outstanding === 0) allDone();
  });
}

/** Follows NextToken to the end, as the provider does. */
async function pages(fetch: (token: string | undefined) => Promise<string | undefined>): Promise<void> {
  let token: string | undefined;
  do token = await fetch(token);
  while (token);
}

const started = performance.now();
for (const id of request.accountIds) {
  schedule('organizations', 'DescribeAccount', () => send('organizations', 'DescribeAccount', () => organizations.send(new DescribeAccountCommand({ AccountId: id }))));
  schedule('organizations', 'ListParents', () => send('organizations', 'ListParents', () => organizations.send(new ListParentsCommand({ ChildId: id }))));
  schedule('organizations', 'ListTagsForResource', () =>
    pages(async (NextToken) => (await send('organizations', 'ListTagsForResource', () => organizations.send(new ListTagsForResourceCommand({ ResourceId: id, NextToken })))).NextToken),
  );
}
for (const id of request.ouIds) {
  schedule('organizations', 'DescribeOrganizationalUnit', () =>
    send('organizations', 'DescribeOrganizationalUnit', () => organizations.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: id }))),
  );
  schedule('organizations', 'ListParents', () => send('organizations', 'ListParents', () => organizations.send(new ListParentsCommand({ ChildId: id }))));
  schedule('organizations', 'ListAccountsForParent', () =>
    pages(async (NextToken) =>
        (await send('organizations', 'ListAccountsForParent', () => organizations.send(new ListAccountsForParentCommand({ ParentId: id, MaxResults: 20, NextToken })))).NextToken,
    ),
  );
  schedule('organizations', 'ListTagsForResource', () =>
    pages(async (NextToken) => (await send('organizations', 'ListTagsForResource', () => organizations.send(new ListTagsForResourceCommand({ ResourceId: id, NextToken })))).NextToken),
  );
}
const AccountId = request.managementAccountId;
for (const BudgetName of request.budgetNames) {
  schedule('budgets', 'DescribeBudget', () => send('budgets', 'DescribeBudget', () => budgets.send(new DescribeBudgetCommand({ AccountId, BudgetName }))));
  schedule('budgets', 'DescribeNotificationsForBudget', () =>
    pages(async (NextToken) => {
      const out = await send('budgets', 'DescribeNotificationsForBudget', () => budgets.send(new DescribeNotificationsForBudgetCommand({ AccountId, BudgetName, MaxResults: 100, NextToken })));
      for (const Notification of out.Notifications ?? []) subscribersOf(BudgetName, Notification);
      return out.NextToken;
    }),
  );
}

function subscribersOf(BudgetName: string, Notification: Notification): void {
  schedule('budgets', 'DescribeSubscribersForNotification', () =>
    pages(async (NextToken) =>
        (await send('budgets', 'DescribeSubscribersForNotification', () =>
          budgets.send(new DescribeSubscribersForNotificationCommand({ AccountId, BudgetName, Notification, MaxResults: 100, NextToken })),
        )).NextToken,
    ),
  );
}

if (outstanding > 0) await finished;
const wallMs = performance.now() - started;
organizations.destroy();
budgets.destroy();
const { calls, throttled, retried } = stats.snapshot();
const result: BaselineResult = { wallMs, calls, throttled, retried, failed, ...(firstFailure ? { firstFailure } : {}), maxRssKb: process.resourceUsage().maxRSS };
process.stdout.write(`${JSON.stringify(result)}\n`);
