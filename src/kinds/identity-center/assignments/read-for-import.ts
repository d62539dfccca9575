// What `orgctl import` reads of Identity Center (it has no org.yaml to say which principals matter): the
// organization instance in the region, every permission set whole (permission-sets/read.ts), every group
// and user of the directory, and the assignments of each (ListAccountAssignmentsForPrincipal). So its
// calls grow with the directory, once, at import; plan reads only the principals org.yaml names (read.ts).

import type { AwsPort } from '../../../aws/port.js';
import { PAGE_SIZES, pagesFor } from '../../../aws/page-sizes.js';
import type { LiveIdentityCenterAccess, LivePrincipal } from '../../../model/live.js';
import type { LiveIdentityCenterPermissionSets } from '../../../model/permission-sets.js';
import { READ_EVERYTHING, readPermissionSets } from '../permission-sets/read.js';

/** What was read, and the requests that took with full pages (import's call bound). */
export interface IdentityCenterImportRead {
  readonly permissionSets: LiveIdentityCenterPermissionSets;
  readonly access: LiveIdentityCenterAccess | undefined;
  readonly calls: Readonly<Record<string, number>>;
}

/** `access` undefined (and no permission sets): no organization instance of the management account in `region`. */
export async function readIdentityCenterForImport(port: AwsPort, region: string, managementAccountId: string): Promise<IdentityCenterImportRead> {
  const own = (await port.listIdentityCenterInstances(region)).find((i) => i.ownerAccountId === managementAccountId && i.identityStoreId !== undefined);
  if (!own?.identityStoreId) return { permissionSets: { region, instance: null, permissionSets: [] }, access: undefined, calls: { ListInstances: 1 } };
  const instance = { instanceArn: own.instanceArn, identityStoreId: own.identityStoreId };
  const [sets, groups, users] = await Promise.all([
    readPermissionSets(port, region, READ_EVERYTHING, own),
    port.listGroups(region, instance.identityStoreId),
    port.listUsers(region, instance.identityStoreId),
  ]);
  const permissionSets = sets.permissionSets.map((s) => ({ name: s.name, arn: s.arn }));
  const everyone = [...groups.map((g) => ({ type: 'GROUP' as const, ...g })), ...users.map((u) => ({ type: 'USER' as const, ...u }))];
  const lists = await Promise.all(everyone.map((p) => port.listAccountAssignmentsForPrincipal(region, instance.instanceArn, { type: p.type, id: p.id })));
  const assignments = lists.flat().map((a) => ({ accountId: a.accountId, permissionSetArn: a.permissionSetArn, principalType: a.principal.type, principalId: a.principal.id }));
  // The principals that hold an assignment: the ones org.yaml will name.
  const holders = new Set(assignments.map((a) => `${a.principalType}:${a.principalId}`));
  const principals: LivePrincipal[] = everyone.filter((p) => holders.has(`${p.type}:${p.id}`)).map((p) => ({ type: p.type, name: p.name, id: p.id }));
  const page = PAGE_SIZES.identityCenter;
  const perSet = (count: (s: (typeof sets.permissionSets)[number]) => number): number => sets.permissionSets.reduce((sum, s) => sum + count(s), 0);
  const n = sets.permissionSets.length;
  const calls = {
    ListInstances: 1,
    ListPermissionSets: pagesFor(n, page),
    DescribePermissionSet: n,
    ...(n > 0 && {
      ListManagedPoliciesInPermissionSet: perSet((s) => pagesFor(s.managedPolicies.length, page)),
      ListCustomerManagedPolicyReferencesInPermissionSet: perSet((s) => pagesFor(s.customerManagedPolicies.length, page)),
      GetInlinePolicyForPermissionSet: n,
      GetPermissionsBoundaryForPermissionSet: n,
      // SSO Admin's ListTagsForResource pages are AWS's choice; counted as one per set (a set has at most 50 tags).
      ListTagsForResource: n,
      ListAccountsForProvisionedPermissionSet: perSet((s) => pagesFor(s.provisionedAccountIds.length, page)),
    }),
    ListGroups: pagesFor(groups.length, page),
    ListUsers: pagesFor(users.length, page),
    ...(everyone.length > 0 && { ListAccountAssignmentsForPrincipal: lists.reduce((sum, list) => sum + pagesFor(list.length, page), 0) }),
  };
  return { permissionSets: sets, access: { region, instance, permissionSets, principals, externalDirectory: everyone.some((p) => p.external), assignments }, calls };
}
