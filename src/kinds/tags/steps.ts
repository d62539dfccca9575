// The steps of the tags kind: set and remove tags of a root, OU, account, budget or policy.

import type { StepBase } from '../../model/plan.js';
import type { TagTarget } from '../../model/refs.js';
import type { Tags } from '../../model/tags.js';

/**
 * Adds or overwrites tags (Organizations TagResource; Budgets TagResource for a budget). `target` names
 * the resource as it is in the live organization the plan was made from (an OU by its path before this
 * plan's renames), so the step needs no other step: new OUs and budgets get their tags in their create call.
 */
export interface TagResourceStep extends StepBase {
  readonly kind: 'tagResource';
  readonly target: TagTarget;
  /** The values the keys being set had; keys that were not set are absent. */
  readonly before: { readonly tags: Tags };
  readonly after: { readonly tags: Tags };
}

/** Removes tags by key (Organizations or Budgets UntagResource). `target` as for TagResourceStep. */
export interface UntagResourceStep extends StepBase {
  readonly kind: 'untagResource';
  readonly target: TagTarget;
  /** The tags removed, with the values they had. */
  readonly before: { readonly tags: Tags };
  readonly after: null;
}

export type TagStep = TagResourceStep | UntagResourceStep;
