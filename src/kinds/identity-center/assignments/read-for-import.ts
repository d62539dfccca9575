// What `orgctl import` reads of Identity Center (it has no org.yaml to say which principals matter): the
// organization instance in the region, every permission set's name, every group and user of the directory,
// and the assignments of each (ListAccountAssignmentsForPrincipal). So its calls grow with the directory,
// once, at import; plan reads only the principals org.yaml names (read.ts).

import type { AwsPort } from '../../../aws/port.js';
import { PAGE_SIZES, pagesFor } from '../../../aws/page-sizes.js';
import type { LiveIdentityCenterAccess, LivePrincipal } from '../../../model/live.js';

/** What was read, and the requests that took with full pages (import's call bound). */
export interface IdentityCenterImportRead {
  readonly access: LiveIdentityCenterAccess | undefined;
  readonly calls: Readonly<Record<string, number>>;
}

/** `access` undefined: no organization instance of the management account in `region` (nothing to import). */
export async function readIdentityCenterForImport(port: AwsPort, region: string, managementAccountId: string): Promise<IdentityCenterImportRead> {
  const own = (await port.listIdentityCenterInstances(region)).find((i) => i.ownerAccountId === managementAccountId && i.identityStoreId !== undefined);
  if (!own?.identityStoreId) return { access: undefined, calls: { ListInstances: 1 } };
  const instance = { instanceArn: own.instanceArn, identityStoreId: own.identityStoreId };
  const [permissionSets, groups, users] = await Promise.all([
    port
      .listPermissionSetArns(region, instance.instanceArn)
      .then((arns) => Promise.all(arns.map(async (arn) => ({ arn, name: await port.describePermissionSetName(region, instance.instanceArn, arn) })))),
    port.listGroups(region, instance.identityStoreId),
    port.listUsers(region, instance.identityStoreId),
  ]);
  const everyone = [...groups.map((g) => ({ type: 'GROUP' as const, ...g })), ...users.map((u) => ({ type: 'USER' as const, ...u }))];
  const lists = await Promise.all(everyone.map((p) => port.listAccountAssignmentsForPrincipal(region, instance.instanceArn, { type: p.type, id: p.id })));
  const assignments = lists.flat().map((a) => ({ accountId: a.accountId, permissionSetArn: a.permissionSetArn, principalType: a.principal.type, principalId: a.principal.id }));
  // The principals that hold an assignment: the ones org.yaml will name.
  const holders = new Set(assignments.map((a) => `${a.principalType}:${a.principalId}`));
  const principals: LivePrincipal[] = everyone.filter((p) => holders.has(`${p.type}:${p.id}`)).map((p) => ({ type: p.type, name: p.name, id: p.id }));
  const page = PAGE_SIZES.identityCenter;
  const calls = {
    ListInstances: 1,
    ListPermissionSets: pagesFor(permissionSets.length, page),
    DescribePermissionSet: permissionSets.length,
    ListGroups: pagesFor(groups.length, page),
    ListUsers: pagesFor(users.length, page),
    ...(everyone.length > 0 && { ListAccountAssignmentsForPrincipal: lists.reduce((sum, list) => sum + pagesFor(list.length, page), 0) }),
  };
  return { access: { region, instance, permissionSets, principals, externalDirectory: everyone.some((p) => p.external), assignments }, calls };
}
