// Steps for the tags org.yaml declares: a resource with `tags:` gets exactly those, but for the keys
// orgctl never touches (`aws:` and `managed-by`). One TagResource with every key to add or change and
// one UntagResource with every key to remove, per resource. New OUs, accounts, budgets and policies get
// their tags in their create call (the organization, budgets and policies kinds), so they need no step here.

import { ouRef, type TagTarget } from '../../model/refs.js';
import { managedTags, type Tags } from '../../model/tags.js';
import { NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import { visibleText } from '../../text/visible-text.js';
import { declaredTags, tagRecord } from './declared.js';
import { refKeyOfTagTarget, tagsAddress } from './target.js';

/**
 * Removals first, and a resource's TagResource waits for its UntagResource: AWS counts the tags a
 * resource would have (at most 50), so replacing a key at the limit must remove before it adds.
 */
const Phase = { untag: 0, tag: 1 } as const;

export function planTagSteps(ctx: PlanContext): void {
  const declared = declaredTags(ctx.desired, ctx.live.accounts);
  if (declared.length === 0) return;
  const liveTags = new Map((ctx.live.resourceTags ?? []).map((entry) => [refKeyOfTagTarget(entry.target), entry]));
  const liveIdByFuturePath = new Map([...ctx.matching.futurePathById].map(([id, path]) => [path, id]));
  const liveAccounts = new Set(ctx.live.accounts.map((a) => a.id));
  const liveBudgets = new Set(ctx.live.budgets.map((b) => b.name));
  // A declared policy is the live customer policy of its name and type (as the policies kind matches them).
  const declaredTypes = new Map((ctx.desired.policies ?? []).map((p) => [p.name, p.type]));
  const livePolicies = new Map(
    (ctx.live.policies?.policies ?? []).filter((p) => !p.awsManaged && declaredTypes.get(p.name) === p.type).map((p) => [p.name, p]),
  );

  for (const { target, tags } of declared) {
    const address = tagsAddress(target);
    let liveTarget: TagTarget;
    switch (target.type) {
      case 'root':
        if (!ctx.live.root) {
          ctx.notes.warn(
            NoteCode.rootTagsAfterCreate,
            'the root of the organization this plan creates gets its tags from the next plan and apply (AWS creates the root with the organization).',
            {
              address,
              source: tags.at,
            },
          );
          continue;
        }
        liveTarget = target;
        break;
      case 'ou': {
        const id = liveIdByFuturePath.get(target.path);
        if (id === undefined) continue; // created by this plan, with its tags
        liveTarget = ouRef(ctx.tree.pathById.get(id)!);
        break;
      }
      case 'account':
        if (!liveAccounts.has(target.id)) continue; // not in the organization: the organization kind says so
        liveTarget = target;
        break;
      case 'budget':
        if (!liveBudgets.has(target.name)) continue; // created by this plan, with its tags
        liveTarget = target;
        break;
      case 'policy': {
        // Its tags come with the policies kind's read (which lists the policies, so has their IDs).
        const policy = livePolicies.get(target.name);
        if (policy === undefined) continue; // created by this plan, with its tags (the policies kind's CreatePolicy)
        if (policy.tags !== undefined) planResource(ctx, target, address, tagRecord(tags), policy.tags);
        else ctx.notes.error(NoteCode.tagsNotRead, `the tags of ${describeTarget(target)} were not read, so the plan cannot compare them; run the plan again.`, { address, source: tags.at });
        continue;
      }
    }
    const live = liveTags.get(refKeyOfTagTarget(liveTarget));
    if (live === undefined || live.tags === null) {
      ctx.notes.error(NoteCode.tagsNotRead, `the tags of ${describeTarget(target)} were not read, so the plan cannot compare them; run the plan again.`, {
        address,
        source: tags.at,
      });
      continue;
    }
    planResource(ctx, liveTarget, address, tagRecord(tags), live.tags);
  }
}

function planResource(ctx: PlanContext, target: TagTarget, address: string, desired: Tags, live: Tags): void {
  const current = managedTags(live);
  const set = Object.entries(desired).filter(([key, value]) => !Object.hasOwn(current, key) || current[key] !== value);
  const removed = Object.entries(current).filter(([key]) => !Object.hasOwn(desired, key));
  const untag =
    removed.length === 0
      ? undefined
      : ctx.graph.add(Phase.untag, {
          kind: 'untagResource',
          address,
          reason: `${removed.length === 1 ? '1 tag' : `${removed.length} tags`} not in org.yaml`,
          target,
          before: { tags: Object.fromEntries(removed) },
          after: null,
        });
  if (set.length > 0) {
    const before = Object.fromEntries(set.filter(([key]) => Object.hasOwn(current, key)).map(([key]) => [key, current[key]!]));
    const added = set.filter(([key]) => !Object.hasOwn(current, key)).length;
    ctx.graph.add(
      Phase.tag,
      {
        kind: 'tagResource',
        address,
        reason: describeCounts([
          [added, 'not set in AWS'],
          [set.length - added, 'with another value in AWS'],
        ]),
        target,
        before: { tags: before },
        after: { tags: Object.fromEntries(set) },
      },
      [untag],
    );
  }
}

/** "2 tags not set in AWS, 1 with another value in AWS". */
function describeCounts(parts: readonly (readonly [number, string])[]): string {
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what], i) => `${i === 0 ? (n === 1 ? '1 tag' : `${n} tags`) : n} ${what}`)
    .join(', ');
}

function describeTarget(target: TagTarget): string {
  switch (target.type) {
    case 'root':
      return 'the root';
    case 'ou':
      return `the OU ${target.path}`;
    case 'account':
      return `the account ${target.id}`;
    case 'budget':
      return `the budget "${target.name}"`;
    case 'policy':
      return `the policy "${visibleText(target.name)}"`;
  }
}
