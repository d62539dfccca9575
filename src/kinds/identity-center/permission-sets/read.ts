// The permission sets' read, only when org.yaml has `identityCenter:`: ListInstances once in
// identityCenter.region, ListPermissionSets, then per set its description, policies, inline policy,
// boundary, tags and provisioned accounts (SSO Admin has no call that returns a set whole). Every call
// goes through the port's pacer at Identity Center's collective rate.

import type { AwsPort } from '../../../aws/port.js';
import type { IdentityCenterInstanceRef, LiveIdentityCenterPermissionSets, LivePermissionSet } from '../../../model/permission-sets.js';
import type { LiveOrg } from '../../../model/live.js';
import type { KindReadContext } from '../../kind.js';

export type PermissionSetsSlice = Pick<LiveOrg, 'identityCenterPermissionSets'>;

export async function readPermissionSetsSlice(ctx: KindReadContext): Promise<PermissionSetsSlice> {
  const region = ctx.desired.identityCenter?.region;
  // No section: nothing is read. No region: the plan says to set one (plan.ts).
  if (region === undefined) return {};
  return { identityCenterPermissionSets: await readPermissionSets(ctx.port, region) };
}

/** `found`: the instance, when the caller has listed the instances already (null: none); else ListInstances. */
export async function readPermissionSets(port: AwsPort, region: string, found?: { readonly instanceArn: string } | null): Promise<LiveIdentityCenterPermissionSets> {
  const own = found !== undefined ? found : (await port.listIdentityCenterInstances(region)).find((i) => i.status === undefined || i.status === 'ACTIVE');
  if (own === undefined || own === null) return { region, instance: null, permissionSets: [] };
  const instance: IdentityCenterInstanceRef = { region, instanceArn: own.instanceArn };
  const arns = await port.listPermissionSets(instance);
  const sets = await Promise.all(arns.map((arn) => readPermissionSet(port, instance, arn)));
  return { region, instance, permissionSets: sets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

async function readPermissionSet(port: AwsPort, instance: IdentityCenterInstanceRef, arn: string): Promise<LivePermissionSet> {
  const [attributes, managed, customer, inline, boundary, tags, accounts] = await Promise.all([
    port.describePermissionSet(instance, arn),
    port.listManagedPoliciesInPermissionSet(instance, arn),
    port.listCustomerManagedPolicyReferencesInPermissionSet(instance, arn),
    port.getInlinePolicyForPermissionSet(instance, arn),
    port.getPermissionsBoundaryForPermissionSet(instance, arn),
    port.listPermissionSetTags(instance, arn),
    port.listAccountsForProvisionedPermissionSet(instance, arn),
  ]);
  return {
    arn,
    ...attributes,
    managedPolicies: [...managed].sort(),
    customerManagedPolicies: [...customer],
    inlinePolicy: inline,
    permissionsBoundary: boundary,
    tags,
    provisionedAccountIds: [...accounts].sort(),
  };
}
