// The resources whose `tags:` org.yaml declares, in org.yaml order: the root, OUs (by their org.yaml
// path), accounts, budgets and policies. The read, the plan and the end-state checks all start from this list.

import type { DesiredOrg, DesiredTags } from '../../model/desired.js';
import type { LiveAccount } from '../../model/live.js';
import { indexDesired } from '../../planner/desired-index.js';
import { type TagTarget, ROOT_REF, refKeyOfTagTarget } from './target.js';

export interface DeclaredTags {
  /** As org.yaml names it (an OU by its org.yaml path). */
  readonly target: TagTarget;
  readonly tags: DesiredTags;
}

/**
 * `liveAccounts`: to match the accounts org.yaml declares by email alone. One that no live account has
 * is created by this plan with its tags (the organization kind's CreateAccount), so it is not listed.
 */
export function declaredTags(desired: DesiredOrg, liveAccounts: readonly LiveAccount[] = []): DeclaredTags[] {
  const out: DeclaredTags[] = [];
  const seen = new Set<string>();
  const add = (target: TagTarget, tags: DesiredTags | undefined): void => {
    if (!tags || seen.has(refKeyOfTagTarget(target))) return;
    seen.add(refKeyOfTagTarget(target));
    out.push({ target, tags });
  };
  add(ROOT_REF, desired.root.tags);
  const index = indexDesired(desired, liveAccounts);
  for (const ou of index.ous) add({ type: 'ou', path: ou.path }, ou.tags);
  for (const [id, { account }] of index.accounts) add({ type: 'account', id }, account.tags);
  for (const budget of desired.budgets) add({ type: 'budget', name: budget.name }, budget.tags);
  for (const policy of desired.policies ?? []) add({ type: 'policy', name: policy.name }, policy.tags);
  return out;
}

/** Whether org.yaml declares any `tags:` (accounts declared by email alone included, matched or not). */
export function declaresTags(desired: DesiredOrg): boolean {
  return declaredTags(desired).length > 0 || indexDesired(desired).newAccounts.some((a) => a.account.tags !== undefined);
}

/** The declared tags as a record (keys are unique: YAML mappings refuse duplicate keys). */
export function tagRecord(tags: DesiredTags): Readonly<Record<string, string>> {
  return Object.fromEntries(tags.entries.map((t) => [t.key, t.value]));
}
