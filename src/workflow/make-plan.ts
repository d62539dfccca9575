// Reads the live organization through the port and plans it against org.yaml.
// Shared by plan, apply, the Action and the demo, so they all plan the same way.

import { createHash } from 'node:crypto';
import type { AwsPort } from '../aws/port.js';
import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import { planOrg, serializeLiveState } from '../planner/index.js';
import { readLiveOrg, type ReadProgress } from '../reader/read-live-org.js';

export interface PlannedOrg {
  readonly plan: Plan;
  /** The live organization the plan was made from; apply resolves the plan's paths with its IDs. */
  readonly live: LiveOrg;
}

export interface MakePlanOptions {
  readonly onReadProgress?: (progress: ReadProgress) => void;
}

export async function makePlan(port: AwsPort, desired: DesiredOrg, orgYamlSha256: string, options: MakePlanOptions = {}): Promise<PlannedOrg> {
  const declaredBudgets = new Set(desired.budgets.map((b) => b.name));
  const live = await readLiveOrg(port, {
    managementAccountId: desired.managementAccountId,
    // Tags tell which budgets orgctl manages; only budgets that pruning might delete need them.
    readTagsFor: (name) => desired.options.pruneBudgets && !declaredBudgets.has(name),
    ...(options.onReadProgress ? { onProgress: options.onReadProgress } : {}),
  });
  const liveStateSha256 = sha256(serializeLiveState(live));
  return { plan: planOrg(desired, live, { orgYamlSha256, liveStateSha256 }), live };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
