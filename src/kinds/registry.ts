// Every resource kind orgctl manages, in plan order, and the lookups the engine derives from them once.
// Adding a kind is one folder (src/kinds/<kind>/) plus one entry here and its step union in model/plan.ts.

import type { LiveOrg } from '../model/live.js';
import type { PlanStep, StepAction, StepKind } from '../model/plan.js';
import { alternateContactsKind } from './alternate-contacts/index.js';
import { breakGlassKind } from './break-glass/index.js';
import { budgetsKind } from './budgets/index.js';
import { identityCenterKind } from './identity-center/index.js';
import type { KindPlanSection, ResourceKind, StepDetails, StepHandler, StepHandlers } from './kind.js';
import { organizationKind } from './organization/index.js';
import { policiesKind } from './policies/index.js';
import { serviceAccessKind } from './service-access/index.js';
import { tagsKind } from './tags/index.js';

const KINDS = [organizationKind, budgetsKind, alternateContactsKind, policiesKind, tagsKind, serviceAccessKind, identityCenterKind, breakGlassKind] as const;

/** In plan order: a kind's steps come after those of the kinds before it. */
export const RESOURCE_KINDS: readonly ResourceKind<never>[] = KINDS;

/**
 * Every LiveOrg field is owned by a kind, so the stale-plan fingerprint (composed from the kinds') cannot
 * miss one: a field no kind lists in `liveFields` does not compile here (and
 * test/planner/live-state-coverage.test.ts checks that changing any field changes the fingerprint).
 */
type UnownedLiveField = Exclude<keyof LiveOrg, (typeof KINDS)[number]['liveFields'][number]>;
const EVERY_LIVE_FIELD_OWNED: [UnownedLiveField] extends [never] ? true : { unownedLiveField: UnownedLiveField } = true;
void EVERY_LIVE_FIELD_OWNED;

/** Every step kind's handler; the compiler names a step kind no registered kind handles. */
const STEP_HANDLERS = {
  ...organizationKind.steps,
  ...budgetsKind.steps,
  ...alternateContactsKind.steps,
  ...tagsKind.steps,
  ...policiesKind.steps,
  ...serviceAccessKind.steps,
  ...breakGlassKind.steps,
  ...identityCenterKind.steps,
} satisfies StepHandlers<StepKind>;

/** The renderers' groups, in display order: each kind's groups, kinds in registry order. */
export const STEP_GROUPS: readonly string[] = RESOURCE_KINDS.flatMap((kind) => kind.groups);

export function stepHandler<S extends PlanStep>(step: S): StepHandler<S> {
  return STEP_HANDLERS[step.kind] as unknown as StepHandler<S>;
}

/** What steps of a kind do (create, update or delete). */
export function actionOf(kind: StepKind): StepAction {
  return STEP_HANDLERS[kind].action;
}

/** actionOf, refined by the step's values where its kind says they matter. */
export function actionOfStep(step: PlanStep): StepAction {
  const handler = stepHandler(step);
  return handler.actionOf?.(step) ?? handler.action;
}

export function groupOf(step: PlanStep): string {
  return stepHandler(step).group;
}

export function describeStepDetails(step: PlanStep): StepDetails {
  return stepHandler(step).describe(step);
}

/** The sections kinds add to the plan comment from its steps, in registry order. */
export function planSections(steps: readonly PlanStep[]): KindPlanSection[] {
  return RESOURCE_KINDS.flatMap((kind) => {
    const section = kind.planSection?.(steps);
    return section === undefined ? [] : [section];
  });
}
