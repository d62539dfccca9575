// The tags kind's reads. There is no bulk tag read in Organizations or Budgets: each resource's tags
// cost one ListTagsForResource. So plan reads only the resources whose `tags:` org.yaml declares (the
// call bound grows with what is declared, not with the organization), and import reads every root, OU
// and account only with --include-tags. Plan's reads start as the walk finds each declared resource
// (ctx.onDiscovered), so they run beside the walk at their own rate instead of after it.

import type { AwsPort } from '../../aws/port.js';
import type { DesiredOrg } from '../../model/desired.js';
import { childPath, ROOT_PATH } from '../../model/paths.js';
import { indexDesired } from '../../planner/desired-index.js';
import type { DiscoveryListener } from '../../reader/discoveries.js';
import { orNull, TagReads } from './tag-reads.js';
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
  // The root, OUs and accounts: started as the walk finds them, when the complete tree is sure to ask for them too.
  const tagReads = new TagReads(port, CONCURRENCY);
  ctx.onDiscovered(readAsFound(ctx.desired, tagReads));

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
      reads.push({ target: liveTarget, read: () => tagReads.read(id) });
    }
  }
  const organizations = Promise.all(reads.map(async ({ target, read }): Promise<LiveResourceTags> => ({ target, tags: await read() })));
  const [budgets, organizationTags] = await Promise.all([budgetsDone, organizations]);
  return { resourceTags: [...organizationTags, ...budgets] };
}

/**
 * What to read as the walk finds it: exactly what the complete tree will ask for (so the calls stay at
 * the bound) — the root; an OU at a path org.yaml declares with tags, unless org.yaml renames an OU
 * (`renamedFrom`: then which live OU an org.yaml path names is known only from the whole tree); an
 * account declared with tags by ID, or by an email the account has.
 */
function readAsFound(desired: DesiredOrg, tagReads: TagReads): DiscoveryListener {
  const declared = declaredTags(desired);
  const index = indexDesired(desired);
  const rootDeclared = declared.some((d) => d.target.type === 'root');
  const ouPaths = index.ous.some((ou) => ou.renamedFrom !== undefined)
    ? new Set<string>()
    : new Set(declared.flatMap((d) => (d.target.type === 'ou' ? [d.target.path] : [])));
  const accountIds = new Set(declared.flatMap((d) => (d.target.type === 'account' ? [d.target.id] : [])));
  const emails = new Set(index.newAccounts.filter((a) => a.account.tags !== undefined).map((a) => a.email.toLowerCase()));
  const pathById = new Map<string, string>();
  return (part) => {
    if (part.root) {
      pathById.set(part.root.id, ROOT_PATH);
      if (rootDeclared) tagReads.start(part.root.id);
    }
    for (const ou of part.ous ?? []) {
      const parentPath = pathById.get(ou.parentId);
      if (parentPath === undefined) continue;
      const path = childPath(parentPath, ou.name);
      pathById.set(ou.id, path);
      if (ouPaths.has(path)) tagReads.start(ou.id);
    }
    for (const account of part.accounts ?? []) {
      if (accountIds.has(account.id) || emails.has(account.email.toLowerCase())) tagReads.start(account.id);
    }
  };
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

