// What `orgctl import` reads, all through the port:
//   1. the organization and budgets with the same bulk reader as plan (readLiveOrg), guarded by
//      checkImportCaller instead of org.yaml's managementAccountId;
//   2. the organization policies of every type enabled on the root, with their targets and (for the
//      customer policies) content, through the policies kind's read (src/kinds/policies/read.ts);
//   3. trusted access and delegated administrators (all features only), as the service-access kind reads them;
//   4. only with includeTags: the tags of the root, every OU and account (one ListTagsForResource
//      each: the tags kind's readEveryResourceTags), of every budget (read by readLiveOrg) and of every
//      customer policy (read in step 2), since tags cost a call per resource.
//   5. only with identityCenterRegion: IAM Identity Center there: permission sets, groups, users and assignments
//      (the identity center kind's assignments/read-for-import.ts).
// Steps 2 to 5 start once the tree is known and run side by side (separate rate buckets).

import type { AwsPort } from '../aws/port.js';
import { readPolicies } from '../kinds/policies/read.js';
import type { LiveOrg, LiveOrganization, LivePolicies, LiveRoot } from '../model/live.js';
import { readServiceAccess, type ServiceAccessSlice } from '../kinds/service-access/read.js';
import { readLiveOrg, type ReadProgress } from '../reader/read-live-org.js';
import { WorkQueue } from '../reader/work-queue.js';
import { checkImportCaller } from './import-caller.js';
import { readEveryResourceTags } from '../kinds/tags/read.js';
import { readIdentityCenterForImport } from '../kinds/identity-center/assignments/read-for-import.js';

export type Tags = Readonly<Record<string, string>>;

export interface ImportReading {
  /** As read by readLiveOrg; budgets carry tags when includeTags was set. */
  readonly live: LiveOrg;
  readonly organization: LiveOrganization;
  readonly root: LiveRoot;
  /** Every policy of the types enabled on the root; null when the organization has no policies (CONSOLIDATED_BILLING). */
  readonly policies: LivePolicies | null;
  /** Tags of the root, OUs and accounts by ID; null when tags were not read. */
  readonly resourceTags: ReadonlyMap<string, Tags> | null;
  /** The Identity Center requests import made (with full pages), when it read Identity Center. */
  readonly identityCenterCalls?: Readonly<Record<string, number>>;
}

export interface ImportReadOptions {
  /** Also read tags: one ListTagsForResource per root, OU, account and budget. Default false. */
  readonly includeTags?: boolean;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Requests in flight per operation (as readLiveOrg). Default 16. */
  readonly concurrency?: number;
  /** Where IAM Identity Center lives (`--identity-center-region`, else AWS_REGION): its permission sets, groups and assignments are imported; absent: not read. */
  readonly identityCenterRegion?: string;
}

const DEFAULT_CONCURRENCY = 16;

export async function readForImport(port: AwsPort, options: ImportReadOptions = {}): Promise<ImportReading> {
  const includeTags = options.includeTags ?? false;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  let listedRoot: LiveRoot | undefined;
  // With tags, each customer policy's tags too (AWS refuses tags on AWS-managed policies).
  const everyCustomerPolicy = { types: [], describe: (p: { awsManaged: boolean }) => !p.awsManaged, readTags: (p: { awsManaged: boolean }) => includeTags && !p.awsManaged };
  // Started as soon as the root is listed, beside the tree walk: a policy attached everywhere (FullAWSAccess)
  // has as many pages of targets as the organization has accounts and OUs, and pages are read one by one.
  let policiesRead: Promise<LivePolicies> | undefined;
  const live = await readLiveOrg(port, {
    managementAccountId: checkImportCaller,
    onRoot: (root) => {
      listedRoot = root;
      if (policiesRead) return;
      policiesRead = readPolicies(port, root, everyCustomerPolicy);
      // Awaited below; until then a failure must not count as unhandled (the walk may fail first).
      policiesRead.catch(() => undefined);
    },
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
  const region = options.identityCenterRegion;
  const [policies, resourceTags, serviceAccess, identityCenter] = await Promise.all([
    stopOnFailure(organization.featureSet === 'ALL' ? (policiesRead ?? readPolicies(port, listedRoot ?? root, everyCustomerPolicy)) : Promise.resolve(null)),
    stopOnFailure(includeTags ? readEveryResourceTags(port, live, concurrency, abort.signal) : Promise.resolve(null)),
    // Trusted access needs all features: a consolidated-billing organization has none to import.
    stopOnFailure(
      organization.featureSet === 'ALL' ? readServiceAccess(port, { trustedServices: true, delegatedAdministrators: true }) : Promise.resolve<ServiceAccessSlice>({}),
    ),
    // Identity Center (regional): permission sets, directory and assignments, in the region import was given.
    stopOnFailure(region !== undefined ? readIdentityCenterForImport(port, region, organization.managementAccountId) : Promise.resolve(undefined)),
  ]);
  const access = identityCenter?.access;
  return {
    live: {
      ...live,
      ...serviceAccess,
      ...(identityCenter !== undefined && { identityCenterPermissionSets: identityCenter.permissionSets }),
      ...(access !== undefined && { identityCenterAccess: access }),
    },
    organization,
    root,
    policies,
    resourceTags,
    ...(identityCenter !== undefined && { identityCenterCalls: identityCenter.calls }),
  };
}
