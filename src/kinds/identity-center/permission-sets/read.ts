// The permission sets' read, only when org.yaml has `identityCenter:`: ListInstances once in
// identityCenter.region, ListPermissionSets, then per set its description, policies, inline policy and
// provisioned accounts (SSO Admin has no call that returns a set whole). The boundary and the tags cost a
// call each per set, so plan reads them only where it compares them (PermissionSetReadPlan): the boundary
// of sets whose entry has `permissionsBoundary`, the tags of sets whose entry has `tags:` and of the sets
// prune may delete (managed-by: orgctl). Import reads everything (it writes what exists). Every call goes
// through the port's pacer at Identity Center's collective rate.

import type { AwsPort } from '../../../aws/port.js';
import type { DesiredIdentityCenter } from '../../../model/desired.js';
import type { IdentityCenterInstanceRef, LiveIdentityCenterPermissionSets, LivePermissionSet } from '../../../model/permission-sets.js';
import type { LiveOrg } from '../../../model/live.js';
import type { KindReadContext } from '../../kind.js';

export type PermissionSetsSlice = Pick<LiveOrg, 'identityCenterPermissionSets'>;

/** Which sets, by name, to read the boundary and the tags of. */
export interface PermissionSetReadPlan {
  readonly boundary: (name: string) => boolean;
  readonly tags: (name: string) => boolean;
}

/** Import's: every set whole. */
export const READ_EVERYTHING: PermissionSetReadPlan = { boundary: () => true, tags: () => true };

/** Plan's: only what the plan compares (permission-sets/plan.ts, document.ts). */
export function permissionSetReadPlan(section: DesiredIdentityCenter): PermissionSetReadPlan {
  const declared = new Map(section.permissionSets.map((s) => [s.name, s]));
  return {
    boundary: (name) => declared.get(name)?.permissionsBoundary !== undefined,
    tags: (name) => {
      const set = declared.get(name);
      return set === undefined ? section.prunePermissionSets : set.tags !== undefined;
    },
  };
}

export async function readPermissionSetsSlice(ctx: KindReadContext): Promise<PermissionSetsSlice> {
  const section = ctx.desired.identityCenter;
  const region = section?.region;
  // No section: nothing is read. No region: the plan says to set one (plan.ts).
  if (section === undefined || region === undefined) return {};
  return { identityCenterPermissionSets: await readPermissionSets(ctx.port, region, permissionSetReadPlan(section)) };
}

/** `found`: the instance, when the caller has listed the instances already (null: none); else ListInstances. */
export async function readPermissionSets(
  port: AwsPort,
  region: string,
  plan: PermissionSetReadPlan,
  found?: { readonly instanceArn: string } | null,
): Promise<LiveIdentityCenterPermissionSets> {
  const own = found !== undefined ? found : (await port.listIdentityCenterInstances(region)).find((i) => i.status === undefined || i.status === 'ACTIVE');
  if (own === undefined || own === null) return { region, instance: null, permissionSets: [] };
  const instance: IdentityCenterInstanceRef = { region, instanceArn: own.instanceArn };
  const arns = await port.listPermissionSets(instance);
  const sets = await Promise.all(arns.map((arn) => readPermissionSet(port, instance, arn, plan)));
  return { region, instance, permissionSets: sets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

async function readPermissionSet(port: AwsPort, instance: IdentityCenterInstanceRef, arn: string, plan: PermissionSetReadPlan): Promise<LivePermissionSet> {
  const described = port.describePermissionSet(instance, arn);
  // The plan is by name, which only DescribePermissionSet gives: these two wait for it.
  const boundaryRead = described.then(async (a) => (plan.boundary(a.name) ? ((await port.getPermissionsBoundaryForPermissionSet(instance, arn)) ?? null) : undefined));
  const tagsRead = described.then((a) => (plan.tags(a.name) ? port.listPermissionSetTags(instance, arn) : undefined));
  const [attributes, managed, customer, inline, boundary, tags, accounts] = await Promise.all([
    described,
    port.listManagedPoliciesInPermissionSet(instance, arn),
    port.listCustomerManagedPolicyReferencesInPermissionSet(instance, arn),
    port.getInlinePolicyForPermissionSet(instance, arn),
    boundaryRead,
    tagsRead,
    port.listAccountsForProvisionedPermissionSet(instance, arn),
  ]);
  return {
    arn,
    ...attributes,
    managedPolicies: [...managed].sort(),
    customerManagedPolicies: [...customer],
    inlinePolicy: inline,
    ...(boundary !== undefined && { permissionsBoundary: boundary }),
    ...(tags !== undefined && { tags }),
    provisionedAccountIds: [...accounts].sort(),
  };
}
