// The call-count contract of `orgctl import`, like expectedReadCalls for plan: the exact requests it
// makes for what it read when AWS returns full pages and nothing is retried. It is also the lower
// bound for this work: the bulk read's bound, plus the policies kind's read of every enabled type
// (ListPolicies and ListTargetsForPolicy pages, DescribePolicy per customer policy), plus (with tags) one ListTagsForResource per root, OU, account and customer policy. Counts are keyed by
// operation name, as CallStats are, so Organizations' and Budgets' ListTagsForResource share a key.

import { PAGE_SIZES, pagesFor } from '../aws/page-sizes.js';
import { expectedReadCalls, type CallCounts } from '../reader/read-call-bound.js';
import type { ImportReading } from './read-for-import.js';

export function expectedImportCalls(reading: ImportReading): CallCounts {
  const counts: Record<string, number> = { ...expectedReadCalls(reading.live) };
  const add = (operation: string, n: number): void => {
    if (n > 0) counts[operation] = (counts[operation] ?? 0) + n;
  };
  if (reading.policies !== null) {
    const { readTypes, policies } = reading.policies;
    add('ListPolicies', readTypes.reduce((sum, type) => sum + pagesFor(policies.filter((p) => p.type === type).length, PAGE_SIZES.organizations), 0));
    add('ListTargetsForPolicy', policies.reduce((sum, p) => sum + pagesFor(p.targets.length, PAGE_SIZES.organizations), 0));
    add('DescribePolicy', policies.filter((p) => !p.awsManaged).length);
    // With tags: each customer policy's (read beside its content).
    if (reading.resourceTags !== null) {
      add('ListTagsForResource', policies.filter((p) => !p.awsManaged).reduce((sum, p) => sum + pagesFor(Object.keys(p.tags ?? {}).length, PAGE_SIZES.organizations), 0));
    }
  }
  // ListTagsForResource takes no MaxResults and AWS documents no page size; counted at 20 per page
  // (the emulator's), so one call per resource unless it has more than 20 of its 50 possible tags.
  if (reading.resourceTags !== null) {
    add('ListTagsForResource', [...reading.resourceTags.values()].reduce((sum, tags) => sum + pagesFor(Object.keys(tags).length, PAGE_SIZES.organizations), 0));
  }
  // Identity Center (only when the shell named its region): the instance, permission sets, directory and each principal's assignments.
  for (const [operation, n] of Object.entries(reading.identityCenterCalls ?? {})) add(operation, n);
  return counts;
}
