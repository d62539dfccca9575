// What the access part of the identity center kind reads, only when org.yaml has an `identityCenter:`
// section, after the kind's read (../read.ts) has found the instance and read the permission sets: the groups
// and users org.yaml names (one GetGroupId / GetUserId each) and the assignments of those found
// (ListAccountAssignmentsForPrincipal, one listing each). So the calls grow with the principals org.yaml
// declares, never with accounts × permission sets:
//   D + Σ over found principals ⌈their assignments/100⌉ (at least 1 each)
// for D declared principals; plus the ListGroups and ListUsers pages of the whole
// directory only when a group `groups:` declares is missing (to tell whether an external identity
// provider owns the directory, which then must create it).

import type { LiveIdentityCenterAccess, LiveOrg, LivePrincipal } from '../../../model/live.js';
import type { DesiredIdentityCenter } from '../../../model/desired.js';
import type { KindReadContext } from '../../kind.js';
import type { IdentityCenterInstance } from '../../../model/security.js';


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

/**
 * The access part of the read, in `region`, for `own` (the management account's instance there, as the
 * kind's read found it; null: none), beside the kind's read of the permission sets (`sets`: their names and ARNs).
 */
export async function readIdentityCenterAccess(
  ctx: KindReadContext,
  region: string,
  own: IdentityCenterInstance | null,
  sets: PromiseLike<readonly { readonly name: string; readonly arn: string }[]>,
): Promise<LiveIdentityCenterAccess> {
  const section = ctx.desired.identityCenter;
  if (section === undefined || own?.identityStoreId === undefined) return { region, instance: null, permissionSets: [], principals: [], assignments: [] };
  const instance = { instanceArn: own.instanceArn, identityStoreId: own.identityStoreId };
  const { port } = ctx;
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
  const [externalDirectory, permissionSets] = await Promise.all([externalRead, sets]);
  return {
    region,
    instance,
    permissionSets: permissionSets.map((s) => ({ name: s.name, arn: s.arn })),
    principals,
    ...(externalDirectory !== undefined && { externalDirectory }),
    assignments: assignmentLists.flat().map((a) => ({ accountId: a.accountId, permissionSetArn: a.permissionSetArn, principalType: a.principal.type, principalId: a.principal.id })),
  };
}

/** An identity provider that synchronizes the directory marks its groups and users with ExternalIds. */
async function isExternalDirectory(ctx: KindReadContext, region: string, identityStoreId: string): Promise<boolean> {
  const [groups, users] = await Promise.all([ctx.port.listGroups(region, identityStoreId), ctx.port.listUsers(region, identityStoreId)]);
  return [...groups, ...users].some((p) => p.external);
}
