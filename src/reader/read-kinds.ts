// Runs every registered kind's read (what it needs beyond the bulk tree and budgets) through the
// reader's port, and merges their slices of the live organization.

import type { AwsPort } from '../aws/port.js';
import type { KindReadContext, ReadObservations } from '../kinds/kind.js';
import { RESOURCE_KINDS } from '../kinds/registry.js';
import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg, LiveRoot } from '../model/live.js';

export async function readKinds(
  port: AwsPort,
  desired: DesiredOrg,
  callerAccountId: string,
  observations: ReadObservations,
  tree: KindReadContext['tree'],
  root: LiveRoot | null = null,
  onDiscovered: KindReadContext['onDiscovered'] = () => undefined,
  defaultRegion?: string,
): Promise<Partial<LiveOrg>> {
  const ctx: KindReadContext = { port, desired, callerAccountId, observations, tree, root, onDiscovered, defaultRegion };
  // All start at once (each kind's first calls are sent before this awaits), in registry order.
  const slices = await Promise.all(RESOURCE_KINDS.map((kind) => kind.read?.(ctx) ?? {}));
  return Object.assign({}, ...slices) as Partial<LiveOrg>;
}
