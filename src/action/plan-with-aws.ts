// Plans org.yaml against the live organization through a session opened for this one plan, with what
// the comment shows beside it: the estimated apply time and, when asked, the rehearsal (which makes no
// AWS call: it runs in the built-in emulator).

import type { LoadedOrgFile } from '../config/load-org-file.js';
import type { Plan } from '../model/plan.js';
import { withPlanExtras } from '../rehearsal/plan-extras.js';
import { makePlan } from '../workflow/make-plan.js';
import type { ActionDeps } from './report.js';

export async function planWithAws(deps: ActionDeps, loaded: LoadedOrgFile, options: { readonly rehearse?: boolean } = {}): Promise<Plan> {
  const aws = deps.openAws();
  let planned;
  try {
    planned = await makePlan(aws.port, loaded.desired, loaded.sha256);
  } finally {
    aws.close();
  }
  return withPlanExtras(planned, { desired: loaded.desired, orgYamlSha256: loaded.sha256, rehearse: options.rehearse ?? false });
}
