// What the identity center kind reads, only when org.yaml has `identityCenter:`, in identityCenter.region
// (else AWS_REGION): ListInstances once, then side by side the permission sets (permission-sets/read.ts:
// the boundary and tags only where org.yaml declares them or prune needs them) and the principals org.yaml names with their assignments (assignments/read.ts,
// which takes the sets' names and ARNs from the first rather than listing them again).

import type { LiveOrg } from '../../model/live.js';
import type { KindReadContext } from '../kind.js';
import { readIdentityCenterAccess } from './assignments/read.js';
import { permissionSetReadPlan, readPermissionSets } from './permission-sets/read.js';

export async function readIdentityCenter(ctx: KindReadContext): Promise<Pick<LiveOrg, 'identityCenterPermissionSets' | 'identityCenterAccess'> | Record<string, never>> {
  const section = ctx.desired.identityCenter;
  if (section === undefined) return {};
  const region = section.region ?? ctx.defaultRegion;
  // No region: the plan says to set one (permission-sets/plan.ts, assignments/plan.ts).
  if (region === undefined) return { identityCenterAccess: { region: undefined, instance: null, permissionSets: [], principals: [], assignments: [] } };
  const instances = await ctx.port.listIdentityCenterInstances(region);
  // The organization instance is the management account's; an account instance elsewhere cannot assign across accounts.
  const own = instances.find((i) => i.ownerAccountId === ctx.callerAccountId && (i.status === undefined || i.status === 'ACTIVE')) ?? null;
  const setsRead = readPermissionSets(ctx.port, region, permissionSetReadPlan(section), own);
  const names = setsRead.then((read) => read.permissionSets);
  // Awaited through setsRead below; the access read may fail (or finish) before it looks at the names.
  names.catch(() => undefined);
  const [identityCenterPermissionSets, identityCenterAccess] = await Promise.all([setsRead, readIdentityCenterAccess(ctx, region, own, names)]);
  return { identityCenterPermissionSets, identityCenterAccess };
}
