// The labels input: `orgctl: changes` while the pull request's plan has steps, `orgctl: deletes` while
// it deletes or closes anything. Added and removed to match each plan; other labels are left alone.

import type { Plan } from '../model/plan.js';
import { countActions } from '../render/describe-step.js';
import type { ActionDeps } from './report.js';

export const PLAN_LABELS = { changes: 'orgctl: changes', deletes: 'orgctl: deletes' } as const;

/** The orgctl labels a plan calls for. */
export function labelsForPlan(plan: Plan): Set<string> {
  const wanted = new Set<string>();
  if (plan.steps.length > 0) wanted.add(PLAN_LABELS.changes);
  if (countActions(plan).delete > 0) wanted.add(PLAN_LABELS.deletes);
  return wanted;
}

export async function syncPlanLabels(deps: ActionDeps, prNumber: number, plan: Plan): Promise<void> {
  const wanted = labelsForPlan(plan);
  const present = new Set(await deps.github.listLabels(prNumber));
  const toAdd = [...wanted].filter((label) => !present.has(label));
  const toRemove = Object.values(PLAN_LABELS).filter((label) => present.has(label) && !wanted.has(label));
  if (toAdd.length > 0) await deps.github.addLabels(prNumber, toAdd);
  for (const label of toRemove) await deps.github.removeLabel(prNumber, label);
  if (toAdd.length + toRemove.length > 0) deps.log(`Labels of #${prNumber}: added ${toAdd.join(', ') || 'none'}; removed ${toRemove.join(', ') || 'none'}.`);
}
