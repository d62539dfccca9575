// What the CLI and the Action show with a plan beyond its steps: the estimated apply time, and (when
// asked) the rehearsal. Neither is read by apply, so a plan file is the same with or without them.

import type { DesiredOrg } from '../model/desired.js';
import type { Plan } from '../model/plan.js';
import { estimateApply } from '../render/apply-estimate.js';
import type { PlannedOrg } from '../workflow/make-plan.js';
import { rehearsePlan } from './rehearse-plan.js';

export interface PlanExtrasOptions {
  readonly desired: DesiredOrg;
  readonly orgYamlSha256: string;
  readonly rehearse: boolean;
}

export async function withPlanExtras(planned: PlannedOrg, options: PlanExtrasOptions): Promise<Plan> {
  const { plan, live } = planned;
  const estimated: Plan = plan.steps.length > 0 ? { ...plan, applyEstimate: estimateApply(plan.steps) } : plan;
  if (!options.rehearse) return estimated;
  const rehearsal = await rehearsePlan({ plan, live, desired: options.desired, orgYamlSha256: options.orgYamlSha256 });
  return { ...estimated, rehearsal };
}
