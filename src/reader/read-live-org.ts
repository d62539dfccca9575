// Reads the live organization and its budgets in bulk through the port:
//   1. the guard: GetCallerIdentity, then DescribeOrganization (check-caller.ts);
//   2. the tree: ListRoots once, then ListOrganizationalUnitsForParent and ListAccountsForParent for
//      every parent as soon as it is discovered, many requests in flight per operation (the port's
//      pacer holds each operation to AWS's rate, so wall time approaches calls ÷ rate);
//   3. at the same time, budgets: DescribeBudgets, DescribeBudgetNotificationsForAccount (all
//      budgets' notifications in one paginated call), DescribeSubscribersForNotification per
//      notification, and ListTagsForResource only for the budgets `readTagsFor` selects.
//   4. once the guard has passed and the walk is under way, every resource kind's own read (read-kinds.ts:
//      the alternate contacts org.yaml declares), beside steps 2 and 3, merged into the result.
// Nothing is fetched twice and nothing the walk already knows is asked for (no DescribeAccount,
// ListParents, DescribeOrganizationalUnit or ListChildren).
// Someone else may change the organization while it is read: an OU the walk just listed is deleted
// before its children are listed (ParentNotFoundException), a budget disappears before its
// subscribers are read, an account moves and shows under two parents. Then the read is not one
// picture of the organization, so steps 2 and 3 run again, at most MAX_READS times in all; if it
// changes during every one, OrganizationChangedWhileReadError says so.

import { isAwsCallError } from '../aws/errors.js';
import type { AwsPort } from '../aws/port.js';
import type { ReadObservations } from '../kinds/kind.js';
import type { DesiredOrg, Subscriber } from '../model/desired.js';
import type { LiveAccount, LiveBudget, LiveOrg, LiveOrganization, LiveOu, LiveRoot } from '../model/live.js';
import { UserError } from '../model/errors.js';
import { ChangedUnderReadError, OrganizationChangedWhileReadError } from './changed-under-read.js';
import { checkCallerAccount, checkOrganizationOwner } from './check-caller.js';
import { readKinds } from './read-kinds.js';
import { WorkQueue } from './work-queue.js';

/**
 * The guard for a run without org.yaml (`orgctl import`): given what the guard read, returns the
 * management account to read as, or throws a UserError to refuse.
 */
export type ManagementAccountCheck = (callerAccountId: string, organization: LiveOrganization | null) => string;

export interface ReadLiveOptions {
  /**
   * organization.managementAccountId from org.yaml: the only account whose credentials are accepted.
   * Or a check that decides from the caller and DescribeOrganization (import has no org.yaml yet),
   * so no extra GetCallerIdentity or DescribeOrganization is needed.
   */
  readonly managementAccountId: string | ManagementAccountCheck;
  /**
   * Budgets whose tags to read (one ListTagsForResource each). The plan needs tags only for budgets
   * it might delete, so the shell passes "undeclared budgets, when pruneBudgets is on". Default: none.
   */
  readonly readTagsFor?: (budgetName: string) => boolean;
  readonly onProgress?: (progress: ReadProgress) => void;
  /**
   * Called once, after the guard has accepted the caller and the root's first listing has come back
   * (the walk's next requests are on their way). Reads that need only the caller's identity (plan's
   * audit) start then and run beside the bulk read; starting them any earlier would put their set-up
   * (loading SDK clients) in front of the walk's first requests, where pacing has no slack to hide it.
   */
  readonly onReadUnderWay?: (callerAccountId: string) => void;
  /**
   * org.yaml, for the resource kinds' own reads (what each declares it needs), started just before
   * onReadUnderWay; they fill `observations` for the audit. Without it (import) no kind read runs.
   */
  readonly kinds?: { readonly desired: DesiredOrg; readonly observations: ReadObservations };
  /** Requests in flight per list operation. Enough to keep each operation at its rate limit. Default 16. */
  readonly concurrency?: number;
}

export interface ReadProgress {
  /** Roots and OUs discovered so far, and how many of them have had their child OUs listed. */
  readonly parentsFound: number;
  readonly parentsListed: number;
  readonly ous: number;
  readonly accounts: number;
  readonly budgets: number;
}

const DEFAULT_CONCURRENCY = 16;
/** Whole reads of the tree and budgets before giving up on an organization that changes during each. */
export const MAX_READS = 3;

interface Tree {
  readonly root: LiveRoot | null;
  readonly ous: readonly LiveOu[];
  readonly accounts: readonly LiveAccount[];
}

export async function readLiveOrg(port: AwsPort, options: ReadLiveOptions): Promise<LiveOrg> {
  const expected = options.managementAccountId;
  const callerAccountId = await port.getCallerAccountId();
  if (typeof expected === 'string') checkCallerAccount(callerAccountId, expected);
  const organization = await port.describeOrganization();
  if (typeof expected === 'string') checkOrganizationOwner(organization, callerAccountId, expected);
  const managementAccountId = typeof expected === 'string' ? expected : expected(callerAccountId, organization);
  let underWay = false;
  let kindReads: Promise<Partial<LiveOrg>> | undefined;
  // The first complete walk of the tree, for the kinds' reads that need IDs.
  const treeRead = deferred<Tree>();
  treeRead.promise.catch(() => undefined);
  const readUnderWay = (): void => {
    if (underWay) return;
    underWay = true;
    if (options.kinds) {
      kindReads = readKinds(port, options.kinds.desired, callerAccountId, options.kinds.observations, treeRead.promise);
      // If the bulk read fails, its error is the one reported; this must not surface as an unhandled rejection.
      kindReads.catch(() => undefined);
    }
    options.onReadUnderWay?.(callerAccountId);
  };

  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const changes: ChangedUnderReadError[] = [];
  for (;;) {
    try {
      const bulk = await readBulk(port, organization !== null, managementAccountId, options, concurrency, readUnderWay, treeRead.resolve);
      return { callerAccountId, organization, ...bulk, ...(await kindReads) };
    } catch (error) {
      if (!(error instanceof ChangedUnderReadError)) {
        treeRead.reject(error);
        throw error;
      }
      changes.push(error);
      if (changes.length >= MAX_READS) {
        const failure = new OrganizationChangedWhileReadError(changes);
        treeRead.reject(failure);
        throw failure;
      }
    }
  }
}

/** One read of the tree and the budgets, side by side; the first failure stops both. */
async function readBulk(
  port: AwsPort,
  hasOrganization: boolean,
  managementAccountId: string,
  options: ReadLiveOptions,
  concurrency: number,
  readUnderWay: () => void,
  treeDone: (tree: Tree) => void,
): Promise<Tree & { budgets: LiveBudget[] }> {
  // One failure stops both walks from starting new requests.
  const abort = new AbortController();
  const progress = new ProgressCounter(options.onProgress, abort.signal);
  const stopOnFailure = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      abort.abort(error);
      throw error;
    });

  if (!hasOrganization) readUnderWay();
  const [tree, budgets] = await Promise.all([
    stopOnFailure(
      (hasOrganization ? readTree(port, concurrency, abort.signal, progress, readUnderWay) : Promise.resolve<Tree>({ root: null, ous: [], accounts: [] })).then((tree) => {
        treeDone(tree);
        return tree;
      }),
    ),
    stopOnFailure(readBudgets(port, managementAccountId, options.readTagsFor ?? (() => false), concurrency, abort.signal, progress)),
  ]);
  readUnderWay();
  return { ...tree, budgets };
}

/**
 * `work` asks about `subject`, which this read found moments ago; NotFound then means someone removed
 * it since (ParentNotFoundException, NotFoundException, ...): the organization changed under the read.
 */
function foundMomentsAgo<T>(work: Promise<T>, subject: string): Promise<T> {
  return work.catch((error: unknown) => {
    if (isAwsCallError(error, 'notFound')) throw new ChangedUnderReadError(error, subject);
    throw error;
  });
}

async function readTree(port: AwsPort, concurrency: number, signal: AbortSignal, progress: ProgressCounter, readUnderWay: () => void): Promise<Tree> {
  const roots = await port.listRoots();
  signal.throwIfAborted();
  const root = roots[0];
  if (!root) throw new UserError('the organization reports no root (ListRoots returned none); AWS Organizations always has one, so retry later.');

  const ouQueue = new WorkQueue(concurrency, signal);
  const accountQueue = new WorkQueue(concurrency, signal);
  const childOus = new Map<string, readonly { id: string; name: string }[]>();
  const childAccounts = new Map<string, readonly Omit<LiveAccount, 'parentId'>[]>();
  const seen = new Set<string>();

  const visit = (parentId: string): void => {
    if (seen.has(parentId)) return; // a tree cannot repeat a node; never loop if AWS says otherwise
    seen.add(parentId);
    progress.update({ parentsFound: 1 });
    ouQueue.add(async () => {
      const ous = await foundMomentsAgo(port.listOrganizationalUnitsForParent(parentId), parentId);
      childOus.set(parentId, ous);
      progress.update({ parentsListed: 1, ous: ous.length });
      for (const ou of ous) visit(ou.id);
      readUnderWay();
    });
    accountQueue.add(async () => {
      const accounts = await foundMomentsAgo(port.listAccountsForParent(parentId), parentId);
      childAccounts.set(parentId, accounts);
      progress.update({ accounts: accounts.length });
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

async function readBudgets(
  port: AwsPort,
  accountId: string,
  readTagsFor: (budgetName: string) => boolean,
  concurrency: number,
  signal: AbortSignal,
  progress: ProgressCounter,
): Promise<LiveBudget[]> {
  const summaries = await port.describeBudgets(accountId);
  progress.update({ budgets: summaries.length });
  if (summaries.length === 0) return [];
  signal.throwIfAborted();
  const notificationsOf = new Map((await port.describeBudgetNotificationsForAccount(accountId)).map((e) => [e.budgetName, e.notifications]));

  const queue = new WorkQueue(concurrency, signal);
  const subscribers = new Map<string, Subscriber[][]>();
  const tags = new Map<string, Readonly<Record<string, string>>>();
  for (const budget of summaries) {
    const lists: Subscriber[][] = [];
    subscribers.set(budget.name, lists);
    (notificationsOf.get(budget.name) ?? []).forEach((notification, index) => {
      queue.add(async () => {
        lists[index] = [...(await foundMomentsAgo(port.describeSubscribersForNotification(accountId, budget.name, notification), `budget "${budget.name}"`))];
      });
    });
    if (readTagsFor(budget.name)) {
      queue.add(async () => {
        tags.set(budget.name, await foundMomentsAgo(port.listBudgetTags(accountId, budget.name), `budget "${budget.name}"`));
      });
    }
  }
  await queue.idle();

  return summaries.map((b) => {
    const budgetTags = tags.get(b.name);
    return {
      name: b.name,
      budgetType: b.budgetType,
      amount: b.amount,
      unit: b.unit,
      timeUnit: b.timeUnit,
      notifications: (notificationsOf.get(b.name) ?? []).map((n, i) => ({ ...n, subscribers: subscribers.get(b.name)?.[i] ?? [] })),
      ...(budgetTags ? { tags: budgetTags } : {}),
    };
  });
}

class ProgressCounter {
  private counts = { parentsFound: 0, parentsListed: 0, ous: 0, accounts: 0, budgets: 0 };

  constructor(
    private readonly listener: ((progress: ReadProgress) => void) | undefined,
    /** Once the read has failed, answers still arriving from it are not progress (a re-read counts afresh). */
    private readonly stopped: AbortSignal,
  ) {}

  update(delta: Partial<ReadProgress>): void {
    if (!this.listener || this.stopped.aborted) return;
    const c = this.counts;
    this.counts = {
      parentsFound: c.parentsFound + (delta.parentsFound ?? 0),
      parentsListed: c.parentsListed + (delta.parentsListed ?? 0),
      ous: c.ous + (delta.ous ?? 0),
      accounts: c.accounts + (delta.accounts ?? 0),
      budgets: c.budgets + (delta.budgets ?? 0),
    };
    this.listener(this.counts);
  }
}

/** A promise with its settle functions; settling it again does nothing. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
