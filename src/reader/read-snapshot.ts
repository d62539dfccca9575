// One attempt at reading the organization as it is now: every registered kind's snapshot read (the
// organization kind's tree walk, the budgets kind's budgets, ...) at once, through the same port and so
// the same pacer; the first failure stops them all from starting new requests.

import type { AwsPort } from '../aws/port.js';
import type { SnapshotReadContext } from '../kinds/kind.js';
import { RESOURCE_KINDS } from '../kinds/registry.js';
import type { LiveOrg, LiveOrganization, LiveRoot } from '../model/live.js';
import { ProgressCounter, type ReadProgress } from './read-progress.js';
import type { TreeDiscovery } from './discoveries.js';

export interface SnapshotReadOptions {
  readonly organization: LiveOrganization | null;
  readonly managementAccountId: string;
  readonly concurrency: number;
  readonly readTagsFor: (name: string) => boolean;
  readonly onProgress: ((progress: ReadProgress) => void) | undefined;
  /** Called when the read is under way (and at its end, for kinds that never said so). */
  readonly underWay: () => void;
  /** Called with the root as ListRoots answered (the policies kind reads its policy types from it). */
  readonly onRoot?: (root: LiveRoot) => void;
  /** Called with each part of the tree as it is found. */
  readonly discovered?: (part: TreeDiscovery) => void;
}

/** The kinds' slices of the live organization, merged (registry order). */
export async function readSnapshot(port: AwsPort, options: SnapshotReadOptions): Promise<Partial<LiveOrg>> {
  const abort = new AbortController();
  const progress = new ProgressCounter(options.onProgress, abort.signal);
  const stopOnFailure = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      abort.abort(error);
      throw error;
    });
  const ctx: SnapshotReadContext = {
    port,
    organization: options.organization,
    managementAccountId: options.managementAccountId,
    concurrency: options.concurrency,
    signal: abort.signal,
    readTagsFor: options.readTagsFor,
    progress: (delta) => progress.update(delta),
    underWay: options.underWay,
    onRoot: options.onRoot ?? (() => undefined),
    discovered: options.discovered ?? (() => undefined),
  };
  // Without an organization there is no tree to wait for: the read is under way at once.
  if (options.organization === null) options.underWay();
  // All start at once, in registry order (each kind's first requests are sent before the next starts).
  const slices = await Promise.all(RESOURCE_KINDS.map((kind) => stopOnFailure(kind.readSnapshot?.(ctx) ?? Promise.resolve({}))));
  options.underWay();
  return Object.assign({}, ...slices) as Partial<LiveOrg>;
}
