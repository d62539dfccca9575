// Carries out the tags kind's steps. TagResource and UntagResource are idempotent in AWS (setting a tag
// to the value it has, or removing a key the resource lacks, succeeds), so a second apply converges.

import type { StepContext } from '../../apply/step-context.js';
import type { TagTarget } from '../../model/refs.js';
import type { TagResourceStep, UntagResourceStep } from './steps.js';

export async function tagResource(step: TagResourceStep, ctx: StepContext): Promise<void> {
  await onTarget(step.target, ctx, {
    budget: (name) => ctx.port.tagBudget(ctx.managementAccountId, name, step.after.tags),
    organizations: (id) => ctx.port.tagResource(id, step.after.tags),
  });
}

export async function untagResource(step: UntagResourceStep, ctx: StepContext): Promise<void> {
  const keys = Object.keys(step.before.tags);
  await onTarget(step.target, ctx, {
    budget: (name) => ctx.port.untagBudget(ctx.managementAccountId, name, keys),
    organizations: (id) => ctx.port.untagResource(id, keys),
  });
}

/**
 * A budget by its ARN (the management account's, by name); a root, OU, account or policy by its ID. The OU is
 * resolved as it was when the plan was made (its ID does not change with this plan's renames).
 */
function onTarget(
  target: TagTarget,
  { ids }: StepContext,
  call: { budget: (name: string) => Promise<void>; organizations: (id: string) => Promise<void> },
): Promise<void> {
  switch (target.type) {
    case 'budget':
      return call.budget(target.name);
    case 'root':
      return call.organizations(ids.resolveAfter(target));
    case 'ou':
      return call.organizations(ids.resolveBefore(target));
    case 'account':
      return call.organizations(target.id);
    case 'policy':
      // An existing policy (one this plan creates gets its tags in CreatePolicy), found by name.
      return call.organizations(ids.resolveAfter(target));
  }
}
