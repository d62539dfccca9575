// The budgets kind's part of the live read, beside the tree walk: DescribeBudgets,
// DescribeBudgetNotificationsForAccount (all budgets' notifications in one paginated call),
// DescribeSubscribersForNotification per notification, and ListTagsForResource only for the budgets
// `ctx.readTagsFor` selects (the plan needs tags only for budgets it may delete).

import type { Subscriber } from '../../model/desired.js';
import type { LiveBudget, LiveOrg } from '../../model/live.js';
import { foundMomentsAgo } from '../../reader/changed-under-read.js';
import { WorkQueue } from '../../reader/work-queue.js';
import type { SnapshotReadContext } from '../kind.js';

export async function readBudgets(ctx: SnapshotReadContext): Promise<Pick<LiveOrg, 'budgets'>> {
  const { port, managementAccountId: accountId, signal } = ctx;
  const summaries = await port.describeBudgets(accountId);
  ctx.progress({ budgets: summaries.length });
  if (summaries.length === 0) return { budgets: [] };
  signal.throwIfAborted();
  const notificationsOf = new Map((await port.describeBudgetNotificationsForAccount(accountId)).map((e) => [e.budgetName, e.notifications]));

  const queue = new WorkQueue(ctx.concurrency, signal);
  const subscribers = new Map<string, Subscriber[][]>();
  const tags = new Map<string, Readonly<Record<string, string>>>();
  for (const budget of summaries) {
    const lists: Subscriber[][] = [];
    subscribers.set(budget.name, lists);
    (notificationsOf.get(budget.name) ?? []).forEach((notification, index) => {
      queue.add(async () => {
        lists[index] = [...(await foundMomentsAgo(port.describeSubscribersForNotification(accountId, budget.name, notification), `budget "${budget.name}"`))];
      });
    });
    if (ctx.readTagsFor(budget.name)) {
      queue.add(async () => {
        tags.set(budget.name, await foundMomentsAgo(port.listBudgetTags(accountId, budget.name), `budget "${budget.name}"`));
      });
    }
  }
  await queue.idle();

  const budgets = summaries.map((b): LiveBudget => {
    const budgetTags = tags.get(b.name);
    return {
      name: b.name,
      budgetType: b.budgetType,
      amount: b.amount,
      unit: b.unit,
      timeUnit: b.timeUnit,
      notifications: (notificationsOf.get(b.name) ?? []).map((n, i) => ({ ...n, subscribers: subscribers.get(b.name)?.[i] ?? [] })),
      ...(budgetTags ? { tags: budgetTags } : {}),
    };
  });
  return { budgets };
}
