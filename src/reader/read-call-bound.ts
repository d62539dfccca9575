// The call-count contract of readLiveOrg: for a given organization, the exact requests it makes
// when nothing is retried: its full pages, plus exactly the extra pages AWS served.
//   - Full pages: one page per parent per list operation, more only for parents with more than a page
//     of children. With these operations this is also the lower bound for reading that organization.
//   - Extra pages: AWS documents that Organizations List* calls may answer an empty page that still
//     carries a NextToken, and may end a listing with a NextToken that leads only to an empty page.
//     Each costs one more call. They depend on AWS, not on the organization, so the bound takes them as
//     counted where they were served (the emulator's extraPages()) and adds them per operation.
// Retries come on top as well (they show in CallStats.throttled/retried).

import { PAGE_SIZES, pagesFor } from '../aws/page-sizes.js';
import type { LiveOrg } from '../model/live.js';

export type CallCounts = Readonly<Record<string, number>>;

/** No extra pages: AWS answered every listing with full pages only. */
export const FULL_PAGES_ONLY: CallCounts = {};

export function expectedReadCalls(live: LiveOrg, extraPages: CallCounts = FULL_PAGES_ONLY): CallCounts {
  const counts: Record<string, number> = { GetCallerIdentity: 1, DescribeOrganization: 1 };
  if (live.organization && live.root) {
    const parents = [live.root.id, ...live.ous.map((ou) => ou.id)];
    const ousPer = countBy(live.ous.map((ou) => ou.parentId));
    const accountsPer = countBy(live.accounts.map((a) => a.parentId));
    counts['ListRoots'] = 1;
    counts['ListOrganizationalUnitsForParent'] = sum(parents.map((p) => pagesFor(ousPer.get(p) ?? 0, PAGE_SIZES.organizations)));
    counts['ListAccountsForParent'] = sum(parents.map((p) => pagesFor(accountsPer.get(p) ?? 0, PAGE_SIZES.organizations)));
  }
  // The service-access kind's read, only when it ran (org.yaml manages trusted access or delegated
  // administrators): one listing of the enabled services, one of the administrators, one per administrator.
  if (live.trustedServices !== undefined) counts['ListAWSServiceAccessForOrganization'] = pagesFor(live.trustedServices.length, PAGE_SIZES.organizations);
  if (live.delegatedAdministrators !== undefined) {
    const servicesPer = countBy(live.delegatedAdministrators.map((d) => d.accountId));
    counts['ListDelegatedAdministrators'] = pagesFor(servicesPer.size, PAGE_SIZES.organizations);
    if (servicesPer.size > 0) counts['ListDelegatedServicesForAccount'] = sum([...servicesPer.values()].map((n) => pagesFor(n, PAGE_SIZES.organizations)));
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
  return withExtraPages(counts, extraPages);
}

/**
 * `fullPages` plus the extra pages served, per operation. An extra page of an operation the work does
 * not call cannot be part of it: that is a mistake in the accounting, not an allowance, so it throws.
 */
export function withExtraPages(fullPages: CallCounts, extraPages: CallCounts): CallCounts {
  const counts: Record<string, number> = { ...fullPages };
  for (const [operation, n] of Object.entries(extraPages)) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`extra pages of ${operation} must be a whole number ≥ 0, got ${n}`);
    if (n === 0) continue;
    if (!(operation in counts)) throw new RangeError(`${n} extra ${n === 1 ? 'page' : 'pages'} of ${operation}, an operation this read does not call`);
    counts[operation] = (counts[operation] ?? 0) + n;
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
