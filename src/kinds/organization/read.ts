// The organization kind's part of the live read: the tree. ListRoots once, then
// ListOrganizationalUnitsForParent and ListAccountsForParent for every parent as soon as it is
// discovered, many requests in flight per operation (the port's pacer holds each operation to AWS's
// rate, so wall time approaches calls ÷ rate). Nothing the walk already knows is asked for (no
// DescribeAccount, ListParents, DescribeOrganizationalUnit or ListChildren).

import type { LiveAccount, LiveOrg, LiveOu } from '../../model/live.js';
import { UserError } from '../../model/errors.js';
import { ChangedUnderReadError, foundMomentsAgo } from '../../reader/changed-under-read.js';
import { WorkQueue } from '../../reader/work-queue.js';
import type { SnapshotReadContext } from '../kind.js';

type Tree = Pick<LiveOrg, 'root' | 'ous' | 'accounts'>;

export async function readTree(ctx: SnapshotReadContext): Promise<Tree> {
  if (ctx.organization === null) return { root: null, ous: [], accounts: [] };
  const { port, concurrency, signal } = ctx;
  const roots = await port.listRoots();
  signal.throwIfAborted();
  if (roots[0]) ctx.onRoot(roots[0]);
  // The tree's root is its ID and name; its policy types are the policies kind's business (its own read).
  const root = roots[0] && { id: roots[0].id, name: roots[0].name };
  if (!root) throw new UserError('the organization reports no root (ListRoots returned none); AWS Organizations always has one, so retry later.');
  // Each part of the tree goes to the kinds' reads as soon as it is listed (the tags of declared OUs and accounts start then).
  ctx.discovered({ root });

  const ouQueue = new WorkQueue(concurrency, signal);
  const accountQueue = new WorkQueue(concurrency, signal);
  const childOus = new Map<string, readonly { id: string; name: string }[]>();
  const childAccounts = new Map<string, readonly Omit<LiveAccount, 'parentId'>[]>();
  const seen = new Set<string>();

  const visit = (parentId: string): void => {
    if (seen.has(parentId)) return; // a tree cannot repeat a node; never loop if AWS says otherwise
    seen.add(parentId);
    ctx.progress({ parentsFound: 1 });
    ouQueue.add(async () => {
      const ous = await foundMomentsAgo(port.listOrganizationalUnitsForParent(parentId), parentId);
      childOus.set(parentId, ous);
      ctx.discovered({ ous: ous.map((ou) => ({ id: ou.id, name: ou.name, parentId })) });
      ctx.progress({ parentsListed: 1, ous: ous.length });
      for (const ou of ous) visit(ou.id);
      ctx.underWay();
    });
    accountQueue.add(async () => {
      const accounts = await foundMomentsAgo(port.listAccountsForParent(parentId), parentId);
      childAccounts.set(parentId, accounts);
      ctx.discovered({ accounts: accounts.map((a) => ({ id: a.id, name: a.name, email: a.email, state: a.state, parentId })) });
      ctx.progress({ accounts: accounts.length });
    });
  };
  visit(root.id);
  // Every parent is known once the OU walk is done; only then can the account queue drain for good.
  await ouQueue.idle();
  await accountQueue.idle();

  // Depth-first from the root, in the order AWS listed siblings: stable output for stable input.
  const ous: LiveOu[] = [];
  const accounts: LiveAccount[] = [];
  const parentOf = new Map<string, string>();
  const emit = (parentId: string): void => {
    for (const a of childAccounts.get(parentId) ?? []) {
      // An account moved between the listings of its old and its new parent.
      const other = parentOf.get(a.id);
      if (other !== undefined) throw new ChangedUnderReadError(undefined, `account ${a.id}`, `listed under both ${other} and ${parentId}`);
      parentOf.set(a.id, parentId);
      accounts.push({ id: a.id, name: a.name, email: a.email, state: a.state, parentId });
    }
    for (const ou of childOus.get(parentId) ?? []) {
      ous.push({ id: ou.id, name: ou.name, parentId });
      emit(ou.id);
    }
  };
  emit(root.id);
  return { root, ous, accounts };
}
