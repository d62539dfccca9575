// What the access part of the identity center kind reads, only when org.yaml has an `identityCenter:`
// section: the instance (ListInstances), the permission sets' names (ListPermissionSets, one
// DescribePermissionSet each), the groups and users org.yaml names (one GetGroupId / GetUserId each) and the
// assignments of those found (ListAccountAssignmentsForPrincipal, one listing each). So the calls grow with
// the principals org.yaml declares and the permission sets that exist, never with accounts × permission sets:
//   1 + ⌈S/100⌉ + S + D + Σ over found principals ⌈their assignments/100⌉ (at least 1 each)
// for S permission sets and D declared principals; plus the ListGroups and ListUsers pages of the whole
// directory only when a group `groups:` declares is missing (to tell whether an external identity
// provider owns the directory, which then must create it).

import type { LiveIdentityCenterAccess, LiveOrg, LivePrincipal } from '../../../model/live.js';
import type { DesiredIdentityCenter } from '../../../model/desired.js';
import type { KindReadContext } from '../../kind.js';


/** The groups and users org.yaml names, each once, in org.yaml order. */
export function declaredPrincipals(section: DesiredIdentityCenter): { type: 'GROUP' | 'USER'; name: string }[] {
  const seen = new Set<string>();
  const out: { type: 'GROUP' | 'USER'; name: string }[] = [];
  const add = (type: 'GROUP' | 'USER', name: string): void => {
    const key = `${type}:${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ type, name });
  };
  for (const a of section.assignments) if (a.principal) add(a.principal.type, a.principal.name);
  for (const g of section.groups ?? []) add('GROUP', g.name);
  return out;
}

export async function readIdentityCenterAccess(ctx: KindReadContext): Promise<Pick<LiveOrg, 'identityCenterAccess'>> {
  const section = ctx.desired.identityCenter;
  if (section === undefined) return {};
  // identityCenter.region (or security.identityCenterRegion), else AWS_REGION as the shell passes it.
  const region = section.region ?? ctx.defaultRegion;
  const nothing = (r: string | undefined): LiveIdentityCenterAccess => ({ region: r, instance: null, permissionSets: [], principals: [], assignments: [] });
  if (region === undefined) return { identityCenterAccess: nothing(undefined) };
  const instances = await ctx.port.listIdentityCenterInstances(region);
  // The organization instance is the management account's; an account instance elsewhere cannot assign across accounts.
  const own = instances.find((i) => i.ownerAccountId === ctx.callerAccountId && i.identityStoreId !== undefined);
  if (!own?.identityStoreId) return { identityCenterAccess: nothing(region) };
  const instance = { instanceArn: own.instanceArn, identityStoreId: own.identityStoreId };
  const { port } = ctx;

  const permissionSetsRead = port
    .listPermissionSetArns(region, instance.instanceArn)
    .then((arns) => Promise.all(arns.map(async (arn) => ({ arn, name: await port.describePermissionSetName(region, instance.instanceArn, arn) }))));
  const principals: LivePrincipal[] = await Promise.all(
    declaredPrincipals(section).map(async ({ type, name }) => ({
      type,
      name,
      id: type === 'GROUP' ? await port.getGroupId(region, instance.identityStoreId, name) : await port.getUserId(region, instance.identityStoreId, name),
    })),
  );
  const declaredGroups = new Set((section.groups ?? []).map((g) => g.name));
  const groupMissing = principals.some((p) => p.type === 'GROUP' && p.id === null && declaredGroups.has(p.name));
  const externalRead = groupMissing ? isExternalDirectory(ctx, region, instance.identityStoreId) : Promise.resolve(undefined);
  const assignmentLists = await Promise.all(
    principals.flatMap((p) => (p.id === null ? [] : [port.listAccountAssignmentsForPrincipal(region, instance.instanceArn, { type: p.type, id: p.id })])),
  );
  const [permissionSets, externalDirectory] = await Promise.all([permissionSetsRead, externalRead]);
  return {
    identityCenterAccess: {
      region,
      instance,
      permissionSets,
      principals,
      ...(externalDirectory !== undefined && { externalDirectory }),
      assignments: assignmentLists.flat().map((a) => ({ accountId: a.accountId, permissionSetArn: a.permissionSetArn, principalType: a.principal.type, principalId: a.principal.id })),
    },
  };
}

/** An identity provider that synchronizes the directory marks its groups and users with ExternalIds. */
async function isExternalDirectory(ctx: KindReadContext, region: string, identityStoreId: string): Promise<boolean> {
  const [groups, users] = await Promise.all([ctx.port.listGroups(region, identityStoreId), ctx.port.listUsers(region, identityStoreId)]);
  return [...groups, ...users].some((p) => p.external);
}
