// Rehearses a plan before anyone applies it: copies the live organization the plan was read from into
// an in-process emulator (rate limits off, no faults), applies the plan there through the ordinary SDK
// port, and plans again. The port is given the emulator's endpoint and static credentials explicitly,
// so the rehearsal never reaches AWS whatever the environment says: no AWS calls beyond the plan's reads.

import { applyPlan } from '../apply/apply-plan.js';
import type { RetryPolicy } from '../aws/retry.js';
import { createSdkPort } from '../aws/sdk/create-sdk-port.js';
import { accessKeyIdFor, startEmulator, type Emulator } from '../emulator/index.js';
import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import type { Rehearsal } from '../model/rehearsal.js';
import { describeError } from '../text/describe-error.js';
import { plural } from '../text/plural.js';
import { makePlan } from '../workflow/make-plan.js';
import { snapshotOfLive } from './snapshot-of-live.js';

export interface RehearsalInput {
  readonly plan: Plan;
  /** The live organization the plan was made from. */
  readonly live: LiveOrg;
  readonly desired: DesiredOrg;
  readonly orgYamlSha256: string;
}

/** The emulator answers at once and never throttles: pacing off, and a refusal is final at its first answer. */
const REHEARSAL_RATE_SCALE = 1_000_000;
const REHEARSAL_RETRIES: RetryPolicy = {
  throttled: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
  other: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
};

export async function rehearsePlan(input: RehearsalInput): Promise<Rehearsal> {
  const { plan, live, desired } = input;
  if (plan.errors.length > 0) return { outcome: 'skipped', reason: `the plan has ${plural(plan.errors.length, 'error')}` };
  let emulator: Emulator;
  try {
    emulator = await startEmulator({ snapshot: snapshotOfLive(live), accountId: live.callerAccountId, rateLimits: false, createAccountDelayMs: 0, closeAccountDelayMs: 0 });
  } catch (error) {
    return { outcome: 'skipped', reason: `the organization could not be copied into the emulator: ${describeError(error).message}` };
  }
  const port = createSdkPort({
    endpoint: emulator.url,
    credentials: { accessKeyId: accessKeyIdFor(live.callerAccountId), secretAccessKey: 'rehearsal' },
    rateScale: REHEARSAL_RATE_SCALE,
    retryPolicy: REHEARSAL_RETRIES,
  });
  try {
    const run = await applyPlan(plan, { port, live, managementAccountId: desired.managementAccountId });
    const applied = run.results.filter((r) => r.status === 'ok').length;
    const failed = run.results.find((r) => r.status === 'failed');
    if (failed) {
      return {
        outcome: 'refused',
        applied,
        step: { index: failed.index, kind: failed.step.kind, address: failed.step.address },
        reason: failed.message ?? 'refused',
      };
    }
    const after = (await makePlan(port, desired, input.orgYamlSha256, { audit: false })).plan;
    const remaining = after.steps.length;
    return remaining === 0 ? { outcome: 'converged', applied } : { outcome: 'not-converged', applied, remaining };
  } finally {
    port.destroy();
    await emulator.stop();
  }
}
