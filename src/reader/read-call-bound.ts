// The call-count contract of readLiveOrg: for a given organization, the exact requests it makes
// when AWS returns full pages and nothing is retried. With these operations it is also the lower
// bound for reading that organization: one page per parent per list operation, more only for
// parents with more than a page of children. Empty pages that AWS sends with a NextToken, and
// retries, come on top (they show in CallStats.throttled/retried).

import { PAGE_SIZES, pagesFor } from '../aws/page-sizes.js';
import type { LiveOrg } from '../model/live.js';

export type CallCounts = Readonly<Record<string, number>>;

export function expectedReadCalls(live: LiveOrg): CallCounts {
  const counts: Record<string, number> = { GetCallerIdentity: 1, DescribeOrganization: 1 };
  if (live.organization && live.root) {
    const parents = [live.root.id, ...live.ous.map((ou) => ou.id)];
    const ousPer = countBy(live.ous.map((ou) => ou.parentId));
    const accountsPer = countBy(live.accounts.map((a) => a.parentId));
    counts['ListRoots'] = 1;
    counts['ListOrganizationalUnitsForParent'] = sum(parents.map((p) => pagesFor(ousPer.get(p) ?? 0, PAGE_SIZES.organizations)));
    counts['ListAccountsForParent'] = sum(parents.map((p) => pagesFor(accountsPer.get(p) ?? 0, PAGE_SIZES.organizations)));
  }
  counts['DescribeBudgets'] = pagesFor(live.budgets.length, PAGE_SIZES.budgets);
  if (live.budgets.length > 0) {
    const withNotifications = live.budgets.filter((b) => b.notifications.length > 0).length;
    counts['DescribeBudgetNotificationsForAccount'] = pagesFor(withNotifications, PAGE_SIZES.budgets);
    const subscriberPages = sum(live.budgets.flatMap((b) => b.notifications.map((n) => pagesFor(n.subscribers.length, PAGE_SIZES.subscribers))));
    if (subscriberPages > 0) counts['DescribeSubscribersForNotification'] = subscriberPages;
    const tagged = live.budgets.filter((b) => b.tags !== undefined).length;
    if (tagged > 0) counts['ListTagsForResource'] = tagged;
  }
  return counts;
}

export function totalCalls(counts: CallCounts): number {
  return sum(Object.values(counts));
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
