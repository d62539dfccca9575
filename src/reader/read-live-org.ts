// Reads the live organization in bulk through the port; what is read is the kinds' business:
//   1. the guard: GetCallerIdentity, then DescribeOrganization (check-caller.ts);
//   2. every resource kind's snapshot read at once (read-snapshot.ts: the organization kind's tree walk,
//      src/kinds/organization/read.ts; the budgets kind's budgets, src/kinds/budgets/read.ts), many
//      requests in flight per operation (the port's pacer holds each operation to AWS's rate, so wall
//      time approaches calls ÷ rate);
//   3. once the guard has passed and the walk is under way, every resource kind's own read (read-kinds.ts:
//      the alternate contacts org.yaml declares; the tags it declares, started as step 2 finds each
//      resource, discoveries.ts), beside step 2, merged into the result.
// Nothing is fetched twice.
// Someone else may change the organization while it is read: an OU the walk just listed is deleted
// before its children are listed (ParentNotFoundException), a budget disappears before its
// subscribers are read, an account moves and shows under two parents. Then the read is not one
// picture of the organization, so step 2 runs again, at most MAX_READS times in all; if it
// changes during every one, OrganizationChangedWhileReadError says so.

import type { AwsPort } from '../aws/port.js';
import type { ReadObservations } from '../kinds/kind.js';
import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg, LiveOrganization, LiveRoot } from '../model/live.js';
import { ChangedUnderReadError, OrganizationChangedWhileReadError } from './changed-under-read.js';
import { checkCallerAccount, checkOrganizationOwner } from './check-caller.js';
import { readKinds } from './read-kinds.js';
import type { ReadProgress } from './read-progress.js';
import { readSnapshot } from './read-snapshot.js';
import { Discoveries, type TreeDiscovery } from './discoveries.js';

export type { ReadProgress } from './read-progress.js';

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
   * Resources whose tags to read, by name (one ListTagsForResource each; today budgets). The plan needs
   * tags only for budgets it might delete, so the shell passes "undeclared budgets, when pruneBudgets is
   * on". Default: none.
   */
  readonly readTagsFor?: (name: string) => boolean;
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
  readonly kinds?: { readonly desired: DesiredOrg; readonly observations: ReadObservations; readonly defaultRegion?: string | undefined };
  /** Called with the root as ListRoots answered (its policy types included), so no one lists it again. */
  readonly onRoot?: (root: LiveRoot) => void;
  /** Requests in flight per list operation. Enough to keep each operation at its rate limit. Default 16. */
  readonly concurrency?: number;
}

const DEFAULT_CONCURRENCY = 16;
/** Whole snapshot reads (the tree, budgets, ...) before giving up on an organization that changes during each. */
export const MAX_READS = 3;

export async function readLiveOrg(port: AwsPort, options: ReadLiveOptions): Promise<LiveOrg> {
  const expected = options.managementAccountId;
  const callerAccountId = await port.getCallerAccountId();
  if (typeof expected === 'string') checkCallerAccount(callerAccountId, expected);
  const organization = await port.describeOrganization();
  if (typeof expected === 'string') checkOrganizationOwner(organization, callerAccountId, expected);
  const managementAccountId = typeof expected === 'string' ? expected : expected(callerAccountId, organization);
  let underWay = false;
  let kindReads: Promise<Partial<LiveOrg>> | undefined;
  // The first complete snapshot's tree, for the kinds' reads that need IDs (the tags kind).
  const treeRead = deferred<Pick<LiveOrg, 'root' | 'ous' | 'accounts'>>();
  treeRead.promise.catch(() => undefined);
  // The tree as the walk finds it, for the kinds' reads that start on IDs as they come (the tags kind).
  const discoveries = new Discoveries();
  // The root as ListRoots answered (with its policy types): the kinds get it instead of asking again.
  let listedRoot: LiveRoot | null = null;
  const onRoot = (root: LiveRoot): void => {
    listedRoot = root;
    options.onRoot?.(root);
  };
  const readUnderWay = (): void => {
    if (underWay) return;
    underWay = true;
    if (options.kinds) {
      kindReads = readKinds(
        port,
        options.kinds.desired,
        callerAccountId,
        options.kinds.observations,
        treeRead.promise,
        listedRoot,
        (listener) => discoveries.subscribe(listener),
        options.kinds.defaultRegion,
      );
      // If the bulk read fails, its error is the one reported; this must not surface as an unhandled rejection.
      kindReads.catch(() => undefined);
    }
    options.onReadUnderWay?.(callerAccountId);
  };

  const snapshot = {
    organization,
    managementAccountId,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    readTagsFor: options.readTagsFor ?? (() => false),
    onProgress: options.onProgress,
    underWay: readUnderWay,
    onRoot,
    discovered: (part: TreeDiscovery) => discoveries.publish(part),
  };
  const changes: ChangedUnderReadError[] = [];
  for (;;) {
    try {
      const slices = await readSnapshot(port, snapshot);
      treeRead.resolve({ root: slices.root ?? null, ous: slices.ous ?? [], accounts: slices.accounts ?? [] });
      return { callerAccountId, organization, ...slices, ...(await kindReads) } as LiveOrg;
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
