// Plans org.yaml against the live organization through a session opened for this one plan.

import type { LoadedOrgFile } from '../config/load-org-file.js';
import type { Plan } from '../model/plan.js';
import { makePlan } from '../workflow/make-plan.js';
import type { ActionDeps } from './report.js';

export async function planWithAws(deps: ActionDeps, loaded: LoadedOrgFile): Promise<Plan> {
  const aws = deps.openAws();
  try {
    return (await makePlan(aws.port, loaded.desired, loaded.sha256)).plan;
  } finally {
    aws.close();
  }
}
