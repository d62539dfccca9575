// The call-count contract of the tags kind's read (read.ts), beside the bulk read's (src/reader/read-call-bound.ts):
// one Organizations ListTagsForResource per root, OU and account whose `tags:` org.yaml declares and that
// exists (more pages only past a page of tags: Organizations pages them, at most 50 per resource), and one
// Budgets ListTagsForResource per budget that declares `tags:` (not paginated; a declared budget not yet
// created costs the call that finds it missing). A customer policy that declares `tags:` and exists costs
// one Organizations ListTagsForResource too (per page), made by the policies kind's read, which lists the
// policies and so has their IDs. Nothing for resources without `tags:`: the bound grows only with what
// org.yaml declares.

import { PAGE_SIZES, pagesFor } from '../../aws/page-sizes.js';
import type { DesiredOrg } from '../../model/desired.js';
import type { LiveOrg } from '../../model/live.js';
import { indexLiveTree } from '../../planner/live-tree.js';
import { matchOus } from '../../planner/ou-matching.js';
import { declaredTags } from './declared.js';
import { refKeyOfTagTarget } from './target.js';

export interface TagReadCalls {
  /** Organizations ListTagsForResource (root, OUs, accounts, policies). */
  readonly organizations: number;
  /** Budgets ListTagsForResource. */
  readonly budgets: number;
}

export function expectedTagReadCalls(desired: DesiredOrg, live: LiveOrg): TagReadCalls {
  let organizations = 0;
  let budgets = 0;
  const tree = indexLiveTree(live);
  const liveOuPaths = new Set(matchOus(desired, tree).futurePathById.values());
  const accounts = new Set(live.accounts.map((a) => a.id));
  const tagCount = new Map((live.resourceTags ?? []).map((e) => [refKeyOfTagTarget(e.target), Object.keys(e.tags ?? {}).length]));
  const policyTypes = new Map((desired.policies ?? []).map((p) => [p.name, p.type]));
  for (const { target } of declaredTags(desired, live.accounts)) {
    if (target.type === 'budget') {
      budgets += 1;
      continue;
    }
    if (target.type === 'policy') {
      const policy = live.policies?.policies.find((p) => p.name === target.name && !p.awsManaged && p.type === policyTypes.get(p.name));
      if (policy) organizations += Math.max(1, pagesFor(Object.keys(policy.tags ?? {}).length, PAGE_SIZES.organizations));
      continue;
    }
    const exists = target.type === 'root' ? tree.rootId !== null : target.type === 'ou' ? liveOuPaths.has(target.path) : accounts.has(target.id);
    if (exists) organizations += Math.max(1, pagesFor(tagCount.get(refKeyOfTagTarget(target)) ?? 0, PAGE_SIZES.organizations));
  }
  return { organizations, budgets };
}
