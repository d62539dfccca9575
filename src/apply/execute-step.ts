// Carries out one plan step through the port: the step's resource kind has the handler (src/kinds/).
// Every step is idempotent: when AWS says the work is already done (an OU that now exists,
// an account already in its destination, a notification already present), the step succeeds,
// so a second apply after a crash or a failure converges instead of failing or duplicating.

import { stepHandler } from '../kinds/registry.js';
import type { PlanStep } from '../model/plan.js';
import type { StepContext } from './step-context.js';

export { StepPreconditionError, type StepContext } from './step-context.js';

export function executeStep(step: PlanStep, ctx: StepContext): Promise<void> {
  return stepHandler(step).execute(step, ctx);
}
