// The tags kind's reads. There is no bulk tag read in Organizations or Budgets: each resource's tags
// cost one ListTagsForResource. So plan reads only the resources whose `tags:` org.yaml declares (the
// call bound grows with what is declared, not with the organization), and import reads every root, OU
// and account only with --include-tags.

import { isAwsCallError } from '../../aws/errors.js';
import type { AwsPort } from '../../aws/port.js';
import type { LiveOrg, LiveResourceTags } from '../../model/live.js';
import { ouRef, type TagTarget } from '../../model/refs.js';
import type { Tags } from '../../model/tags.js';
import { indexLiveTree } from '../../planner/live-tree.js';
import { matchOus } from '../../planner/ou-matching.js';
import { WorkQueue } from '../../reader/work-queue.js';
import type { KindReadContext } from '../kind.js';
import { declaredTags, declaresTags } from './declared.js';

/** Requests in flight; the port's pacer holds each operation to AWS's rate. */
const CONCURRENCY = 16;

type LiveTreeRead = Pick<LiveOrg, 'root' | 'ous' | 'accounts'>;

export async function readDeclaredTags(ctx: KindReadContext): Promise<Pick<LiveOrg, 'resourceTags'>> {
  if (!declaresTags(ctx.desired)) return {};
  const declared = declaredTags(ctx.desired);
  const reads: { target: TagTarget; read: () => Promise<Tags | null> }[] = [];
  const { port } = ctx;
  // Budgets are named by ARN (account and name): no need to wait for the tree.
  for (const { target } of declared) {
    if (target.type === 'budget') reads.push({ target, read: () => orNull(port.listBudgetTags(ctx.callerAccountId, target.name)) });
  }
  const budgetsDone = runAll(reads.splice(0));

  const tree = await ctx.tree;
  if (tree.root) {
    const index = indexLiveTree(tree);
    // An OU declared under a new name (renamedFrom) is the live OU it will be renamed from.
    const liveIdByDesiredPath = new Map([...matchOus(ctx.desired, index).futurePathById].map(([id, path]) => [path, id]));
    const accountIds = new Set(tree.accounts.map((a) => a.id));
    // Accounts declared by email alone are known by ID only now.
    for (const { target } of declaredTags(ctx.desired, tree.accounts)) {
      const id =
        target.type === 'root'
          ? tree.root.id
          : target.type === 'ou'
            ? liveIdByDesiredPath.get(target.path)
            : target.type === 'account' && accountIds.has(target.id)
              ? target.id
              : undefined;
      // Not in the organization (yet): a new OU gets its tags when it is created; an unknown account is the organization kind's note.
      if (id === undefined || target.type === 'budget') continue;
      const liveTarget: TagTarget = target.type === 'ou' ? ouRef(index.pathById.get(id)!) : target;
      reads.push({ target: liveTarget, read: () => orNull(port.listResourceTags(id)) });
    }
  }
  const [budgets, organizations] = await Promise.all([budgetsDone, runAll(reads)]);
  return { resourceTags: [...organizations, ...budgets] };
}

/**
 * Import with --include-tags: the tags of the root, every OU and every account, by ID (one
 * ListTagsForResource each; budgets' tags come with the bulk read's budgets).
 */
export async function readEveryResourceTags(port: AwsPort, live: LiveTreeRead, concurrency: number, signal?: AbortSignal): Promise<Map<string, Tags>> {
  const tags = new Map<string, Tags>();
  if (!live.root) return tags;
  const queue = new WorkQueue(concurrency, signal);
  for (const id of [live.root.id, ...live.ous.map((ou) => ou.id), ...live.accounts.map((a) => a.id)]) {
    queue.add(async () => {
      tags.set(id, await port.listResourceTags(id));
    });
  }
  await queue.idle();
  return tags;
}

async function runAll(
  reads: readonly { target: TagTarget; read: () => Promise<Tags | null> }[],
  concurrency = CONCURRENCY,
  signal?: AbortSignal,
): Promise<LiveResourceTags[]> {
  const results: (LiveResourceTags | undefined)[] = new Array(reads.length);
  const queue = new WorkQueue(concurrency, signal);
  reads.forEach(({ target, read }, i) =>
    queue.add(async () => {
      results[i] = { target, tags: await read() };
    }),
  );
  await queue.idle();
  return results.filter((r): r is LiveResourceTags => r !== undefined);
}

/** A resource that is not there (a budget still to be created, something deleted meanwhile) has no tags to compare. */
function orNull(read: Promise<Tags>): Promise<Tags | null> {
  return read.catch((error: unknown) => {
    if (isAwsCallError(error, 'notFound')) return null;
    throw error;
  });
}
