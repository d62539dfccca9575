// What `orgctl import` reads, all through the port:
//   1. the organization and budgets with the same bulk reader as plan (readLiveOrg), guarded by
//      checkImportCaller instead of org.yaml's managementAccountId;
//   2. service control policies other than FullAWSAccess and their targets (ListPolicies, then one
//      ListTargetsForPolicy per such policy): org.yaml cannot express them, so they are listed;
//   3. only with includeTags: the tags of the root, every OU and account (one ListTagsForResource
//      each: the tags kind's readEveryResourceTags) and of every budget (read by readLiveOrg), since
//      tags cost a call per resource.
// Steps 2 and 3 start once the tree is known and run side by side (separate rate buckets).

import type { AwsPort, PolicySummary, PolicyTarget } from '../aws/port.js';
import type { LiveOrg, LiveOrganization, LiveRoot } from '../model/live.js';
import { readLiveOrg, type ReadProgress } from '../reader/read-live-org.js';
import { WorkQueue } from '../reader/work-queue.js';
import { checkImportCaller } from './import-caller.js';
import { readEveryResourceTags } from '../kinds/tags/read.js';

export type Tags = Readonly<Record<string, string>>;

export interface ScpAttachments {
  readonly policy: PolicySummary;
  /** Where the policy is attached directly. */
  readonly targets: readonly PolicyTarget[];
}

export type ScpReading =
  | {
      readonly kind: 'read';
      /** How many SCPs ListPolicies returned, FullAWSAccess included. */
      readonly listed: number;
      /** The customer-managed SCPs (every SCP but FullAWSAccess), with their targets. */
      readonly policies: readonly ScpAttachments[];
    }
  /** CONSOLIDATED_BILLING organizations have no SCPs. */
  | { readonly kind: 'unavailable' };

export interface ImportReading {
  /** As read by readLiveOrg; budgets carry tags when includeTags was set. */
  readonly live: LiveOrg;
  readonly organization: LiveOrganization;
  readonly root: LiveRoot;
  readonly scps: ScpReading;
  /** Tags of the root, OUs and accounts by ID; null when tags were not read. */
  readonly resourceTags: ReadonlyMap<string, Tags> | null;
}

export interface ImportReadOptions {
  /** Also read tags: one ListTagsForResource per root, OU, account and budget. Default false. */
  readonly includeTags?: boolean;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Requests in flight per operation (as readLiveOrg). Default 16. */
  readonly concurrency?: number;
}

const DEFAULT_CONCURRENCY = 16;

export async function readForImport(port: AwsPort, options: ImportReadOptions = {}): Promise<ImportReading> {
  const includeTags = options.includeTags ?? false;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const live = await readLiveOrg(port, {
    managementAccountId: checkImportCaller,
    ...(includeTags ? { readTagsFor: () => true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    concurrency,
  });
  const { organization, root } = live;
  // checkImportCaller refuses a missing organization, and readLiveOrg refuses an organization without a root.
  if (!organization || !root) throw new Error('readLiveOrg returned no organization or root after the import guard accepted the caller');

  const abort = new AbortController();
  const stopOnFailure = <T>(work: Promise<T>): Promise<T> =>
    work.catch((error: unknown) => {
      abort.abort(error);
      throw error;
    });
  const [scps, resourceTags] = await Promise.all([
    stopOnFailure(organization.featureSet === 'ALL' ? readScps(port, concurrency, abort.signal) : Promise.resolve<ScpReading>({ kind: 'unavailable' })),
    stopOnFailure(includeTags ? readEveryResourceTags(port, live, concurrency, abort.signal) : Promise.resolve(null)),
  ]);
  return { live, organization, root, scps, resourceTags };
}

async function readScps(port: AwsPort, concurrency: number, signal: AbortSignal): Promise<ScpReading> {
  const listed = await port.listPolicies('SERVICE_CONTROL_POLICY');
  signal.throwIfAborted();
  // FullAWSAccess is the AWS-managed default attached everywhere; orgctl's model already assumes it.
  const custom = listed.filter((policy) => !policy.awsManaged);
  const targets = new Map<string, readonly PolicyTarget[]>();
  const queue = new WorkQueue(concurrency, signal);
  for (const policy of custom) {
    queue.add(async () => {
      targets.set(policy.id, await port.listTargetsForPolicy(policy.id));
    });
  }
  await queue.idle();
  return { kind: 'read', listed: listed.length, policies: custom.map((policy) => ({ policy, targets: targets.get(policy.id) ?? [] })) };
}
