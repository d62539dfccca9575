// A plan's digest: what a reviewer saw, in 64 hex characters. Apply on merge compares the digest the
// plan comment recorded with the digest of the plan it makes again (src/action/reviewed-plan.ts).

import type { Plan } from '../model/plan.js';
import { planDigestText, stepIdentityText } from '../planner/index.js';
import { sha256 } from './make-plan.js';

/** Characters of a step's key: enough to tell a plan's steps apart, short enough to record hundreds. */
const STEP_KEY_LENGTH = 12;

/** sha256 of the plan's steps (canonical JSON, without their wording). */
export function planDigest(plan: Pick<Plan, 'steps'>): string {
  return sha256(planDigestText(plan));
}

/** One short key per step, in plan order: which steps two plans share, for saying what differs. */
export function stepKeys(plan: Pick<Plan, 'steps'>): string[] {
  return plan.steps.map((step) => sha256(stepIdentityText(step)).slice(0, STEP_KEY_LENGTH));
}
