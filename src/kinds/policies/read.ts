// The policies kind's read, in calls proportional to the policies and their attachments, never one per
// OU or account: the root's enabled policy types (from the bulk read's ListRoots), ListPolicies per type org.yaml uses
// or the root has enabled, ListTargetsForPolicy per policy of those types, DescribePolicy (content) per
// policy org.yaml declares, and ListTagsForResource per customer policy prune may delete or whose `tags:`
// org.yaml declares (counted in the tags kind's bound, src/kinds/tags/read-call-bound.ts).
// Nothing when org.yaml uses no policies, so plans of such files make no call and hash as before.
// `orgctl import` reads through readPolicies too (every enabled type, every customer policy's content).

import type { AwsPort, PolicySummary } from '../../aws/port.js';
import { isAwsCallError } from '../../aws/errors.js';
import { AWS_MANAGED_POLICIES } from '../../model/aws-managed-policies.js';
import type { DesiredNode, DesiredOrg, OrgPolicyType } from '../../model/desired.js';
import type { LiveOrg, LivePolicies, LivePolicy, LiveRoot } from '../../model/live.js';
import { WorkQueue } from '../../reader/work-queue.js';
import type { KindReadContext } from '../kind.js';

const CONCURRENCY = 8;

export interface PolicyReadPlan {
  /** Types to list besides those enabled on the root. */
  readonly types: readonly OrgPolicyType[];
  /** Which listed policies to DescribePolicy (their content). */
  readonly describe: (policy: PolicySummary) => boolean;
  /** Which listed policies to read the tags of. */
  readonly readTags: (policy: PolicySummary) => boolean;
}

export function readPoliciesSlice(ctx: KindReadContext): Promise<Pick<LiveOrg, 'policies'>> {
  const { desired } = ctx;
  if (!usesPolicies(desired)) return Promise.resolve({});
  const declared = new Map((desired.policies ?? []).map((p) => [p.name, p.type]));
  const prune = desired.options.prunePolicies ?? false;
  // The tags kind compares the tags of the policies that declare `tags:`; this read has their IDs.
  const tagsDeclared = new Set((desired.policies ?? []).filter((p) => p.tags !== undefined).map((p) => p.name));
  return readPolicies(ctx.port, ctx.root, {
    types: [...declared.values(), ...referencedManagedTypes(desired)],
    describe: (p) => !p.awsManaged && declared.get(p.name) === p.type,
    readTags: (p) => !p.awsManaged && (declared.get(p.name) === p.type ? tagsDeclared.has(p.name) : prune),
  }).then((policies) => ({ policies }));
}

/** Whether org.yaml declares a policy or lists `policies:` on any node. */
export function usesPolicies(desired: DesiredOrg): boolean {
  if ((desired.policies ?? []).length > 0) return true;
  const anyNode = (node: DesiredNode): boolean =>
    node.policies !== undefined || node.accounts.some((a) => a.policies !== undefined) || node.organizationalUnits.some(anyNode);
  return anyNode(desired.root);
}

function referencedManagedTypes(desired: DesiredOrg): OrgPolicyType[] {
  const types: OrgPolicyType[] = [];
  const visit = (node: DesiredNode): void => {
    for (const list of [node.policies, ...node.accounts.map((a) => a.policies)]) {
      for (const ref of list ?? []) {
        const type = AWS_MANAGED_POLICIES[ref.name];
        if (type) types.push(type);
      }
    }
    node.organizationalUnits.forEach(visit);
  };
  visit(desired.root);
  return types;
}

/**
 * `root`: the root as the bulk read listed it (null: no organization, so no policies); undefined: not
 * known, so this lists it (ListRoots).
 */
export async function readPolicies(port: AwsPort, root: LiveRoot | null | undefined, plan: PolicyReadPlan): Promise<LivePolicies> {
  let listed = root;
  if (listed === undefined) {
    try {
      listed = (await port.listRoots())[0] ?? null;
    } catch (error) {
      if (!isAwsCallError(error, 'notInUse')) throw error;
      listed = null;
    }
  }
  // No organization yet (the plan creates it): no policies either.
  if (listed === null) return { enabledTypes: [], readTypes: [], policies: [] };
  const enabledTypes = (listed.policyTypes ?? []).filter((t) => t.status === 'ENABLED' || t.status === 'PENDING_ENABLE').map((t) => t.type as OrgPolicyType);
  const readTypes = [...new Set([...enabledTypes, ...plan.types])].sort();
  const summaries = (await Promise.all(readTypes.map((type) => port.listPolicies(type)))).flat();

  const abort = new AbortController();
  const queue = new WorkQueue(CONCURRENCY, abort.signal);
  const targets = new Map<string, readonly string[]>();
  const details = new Map<string, { description: string; content: string }>();
  const tags = new Map<string, Readonly<Record<string, string>>>();
  for (const summary of summaries) {
    queue.add(async () => {
      targets.set(summary.id, (await port.listTargetsForPolicy(summary.id)).map((t) => t.id));
    });
    if (plan.describe(summary)) {
      queue.add(async () => {
        const detail = await port.describePolicy(summary.id);
        details.set(summary.id, { description: detail.description, content: detail.content });
      });
    }
    if (plan.readTags(summary)) {
      queue.add(async () => {
        tags.set(summary.id, await port.listResourceTags(summary.id));
      });
    }
  }
  await queue.idle();
  const policies = summaries.map((summary): LivePolicy => {
    const detail = details.get(summary.id);
    const tagged = tags.get(summary.id);
    return {
      id: summary.id,
      name: summary.name,
      type: summary.type,
      awsManaged: summary.awsManaged,
      description: detail?.description ?? summary.description ?? '',
      ...(detail ? { content: detail.content } : {}),
      ...(tagged ? { tags: tagged } : {}),
      targets: targets.get(summary.id) ?? [],
    };
  });
  return { enabledTypes: [...enabledTypes].sort(), readTypes, policies };
}
