// The per-resource baseline: how Terraform's AWS provider refreshes an organization it manages, one
// resource at a time, through the real AWS SDK (bench code; orgctl never reads this way):
//   account: DescribeAccount + ListParents + ListTagsForResource
//   OU:      DescribeOrganizationalUnit + ListParents + ListAccountsForParent (every page) + ListTagsForResource
//   budget:  DescribeBudget + DescribeNotificationsForBudget + DescribeSubscribersForNotification per notification
// The resource IDs come from the caller, as they come from Terraform's state. To be a fair baseline
// and not a strawman that gets throttled, every operation is paced with orgctl's own pacer at the same
// published rates (× the same time scale), with enough requests in flight to run each operation at
// its rate, and all operations run side by side.
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
import type { AwsServiceName } from '../src/aws/operations.js';
import { Pacer } from '../src/aws/pacer.js';
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
  /** Requests sent per operation ("organizations:ListParents"), retries included. */
  readonly calls: Readonly<Record<string, number>>;
  /** Retries the SDK made after throttling or transient errors, per operation. */
  readonly retried: Readonly<Record<string, number>>;
  readonly failed: number;
  readonly firstFailure?: string;
  readonly maxRssKb: number;
}

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const request = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as BaselineRequest;
const config = { endpoint: request.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const organizations = new OrganizationsClient(config);
const budgets = new BudgetsClient(config);
const pacer = new Pacer({ scale: request.rateScale });
const calls: Record<string, number> = {};
const retried: Record<string, number> = {};
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

/** Paced like orgctl, counted, with the SDK's standard retries (3 attempts). */
async function send<T extends { $metadata: { attempts?: number } }>(service: AwsServiceName, operation: string, call: () => Promise<T>): Promise<T> {
  const key = `${service}:${operation}`;
  await pacer.acquire(service, operation);
  try {
    const out = await call();
    const attempts = out.$metadata.attempts ?? 1;
    calls[key] = (calls[key] ?? 0) + attempts;
    if (attempts > 1) retried[key] = (retried[key] ?? 0) + attempts - 1;
    return out;
  } catch (error) {
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    calls[key] = (calls[key] ?? 0) + attempts;
    failed += 1;
    firstFailure ??= `${key}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
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
const result: BaselineResult = { wallMs, calls, retried, failed, ...(firstFailure ? { firstFailure } : {}), maxRssKb: process.resourceUsage().maxRSS };
process.stdout.write(`${JSON.stringify(result)}\n`);
