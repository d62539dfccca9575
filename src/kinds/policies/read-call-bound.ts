// The call-count contract of the policies kind's read (read.ts), for the bench and tests: with full
// pages and no retries, exactly these requests. Proportional to policies and attachments, never to the
// number of OUs and accounts (the root's policy types come from the bulk read's ListRoots): ListPolicies per page of each type read, ListTargetsForPolicy
// per page of each policy's targets, DescribePolicy per declared policy that exists, ListTagsForResource
// per customer policy prune may delete.

import { PAGE_SIZES, pagesFor } from '../../aws/page-sizes.js';
import type { DesiredOrg } from '../../model/desired.js';
import type { LivePolicies } from '../../model/live.js';
import { usesPolicies } from './read.js';

export function expectedPolicyReadCalls(live: LivePolicies, desired: DesiredOrg): Record<string, number> {
  if (!usesPolicies(desired)) return {};
  const declared = new Map((desired.policies ?? []).map((p) => [p.name, p.type]));
  const prune = desired.options.prunePolicies ?? false;
  const counts: Record<string, number> = {};
  const page = PAGE_SIZES.organizations;
  counts['ListPolicies'] = live.readTypes.reduce((n, type) => n + pagesFor(live.policies.filter((p) => p.type === type).length, page), 0);
  const targets = live.policies.reduce((n, p) => n + pagesFor(p.targets.length, page), 0);
  if (targets > 0) counts['ListTargetsForPolicy'] = targets;
  const described = live.policies.filter((p) => !p.awsManaged && declared.get(p.name) === p.type).length;
  if (described > 0) counts['DescribePolicy'] = described;
  const tagged = live.policies.filter((p) => prune && !p.awsManaged && declared.get(p.name) !== p.type).length;
  if (tagged > 0) counts['ListTagsForResource'] = tagged;
  return counts;
}
