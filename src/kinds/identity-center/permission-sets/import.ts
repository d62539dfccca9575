// How import writes permission sets back: every set of the instance, by name, with its description,
// session duration, policies, boundary and own tags (not managed-by or aws: keys), and its inline policy
// in policies/ps-<name>-inline.json (written beside org.yaml, as the policies kind writes its
// documents). No assignments: they are not read yet. Nothing when Identity Center was not read.

import type { DesiredIdentityCenter, DesiredPermissionSet } from '../../../model/desired.js';
import { PERMISSION_SET_MANAGED_BY_TAG, type LiveIdentityCenterPermissionSets, type LivePermissionSet } from '../../../model/permission-sets.js';
import { byNaturalOrder } from '../../../importer/natural-order.js';

export function importPermissionSets(read: LiveIdentityCenterPermissionSets | null): DesiredIdentityCenter | undefined {
  if (read === null || read.instance === null) return undefined;
  const files = new Set<string>();
  return {
    region: read.region,
    permissionSets: [...read.permissionSets].sort((a, b) => byNaturalOrder(a.name, b.name)).map((set) => importSet(set, files)),
    assignments: [],
    prunePermissionSets: false,
    pruneAssignments: false,
  };
}

function importSet(set: LivePermissionSet, files: Set<string>): DesiredPermissionSet {
  const tags = Object.fromEntries(Object.entries(set.tags ?? {}).filter(([key]) => key !== PERMISSION_SET_MANAGED_BY_TAG.key && !key.startsWith('aws:')).sort(([a], [b]) => byNaturalOrder(a, b)));
  return {
    name: set.name,
    ...(set.description !== undefined && { description: set.description }),
    sessionDuration: set.sessionDuration,
    managedPolicies: [...set.managedPolicies],
    ...(set.customerManagedPolicies.length > 0 && { customerManagedPolicies: set.customerManagedPolicies }),
    ...(set.inlinePolicy !== undefined && { inlinePolicyFile: uniqueFile(set.name, files), inlinePolicy: JSON.parse(set.inlinePolicy) as unknown }),
    ...(set.permissionsBoundary != null && { permissionsBoundary: set.permissionsBoundary }),
    ...(Object.keys(tags).length > 0 && { tags }),
  };
}

/** "policies/ps-AdministratorAccess-inline.json", unique among the files this import writes (names differ only in case on some disks). */
function uniqueFile(name: string, taken: Set<string>): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  let file = `policies/ps-${safe}-inline.json`;
  for (let n = 2; taken.has(file.toLowerCase()); n++) file = `policies/ps-${safe}-inline-${n}.json`;
  taken.add(file.toLowerCase());
  return file;
}
