// Creates a break-glass user: CreateUser with orgctl's tags (no login profile, no access keys: a person
// enrols the MFA device, and sets a console password only if the organization's policy wants one), then
// AttachUserPolicy. Idempotent: a user orgctl created already (an earlier run, or one that stopped
// between the calls) gets the policy attached; a user orgctl did not create is never touched.

import { StepPreconditionError, type StepContext } from '../../apply/step-context.js';
import { isAwsCallError } from '../../aws/errors.js';
import { isOrgctlBreakGlassUser } from '../../model/break-glass.js';
import type { CreateBreakGlassUserStep } from './steps.js';

export async function createBreakGlassUser(step: CreateBreakGlassUserStep, { port }: StepContext): Promise<void> {
  const { userName, tags, policyArn } = step.after;
  try {
    await port.createIamUser(userName, tags);
  } catch (error) {
    if (!isAwsCallError(error, 'alreadyExists')) throw error;
    const existing = await port.getIamUser(userName);
    if (!isOrgctlBreakGlassUser(existing.tags)) {
      throw new StepPreconditionError(
        `the IAM user ${userName} exists and orgctl did not create it (it lacks the tags managed-by: orgctl and orgctl:role: break-glass), so orgctl leaves it alone; run \`orgctl plan\` again.`,
      );
    }
  }
  await port.attachUserPolicy(userName, policyArn);
}
