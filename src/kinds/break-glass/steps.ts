// The steps of the break-glass kind.

import type { StepBase } from '../../model/plan.js';

/**
 * Creates a break-glass IAM user org.yaml declares with `create: true` (IAM CreateUser with orgctl's
 * tags, no login profile, no access keys) and attaches `policyArn` (AttachUserPolicy). Also planned for a
 * user orgctl created whose policy is missing (an apply stopped between the two calls): then it only attaches.
 */
export interface CreateBreakGlassUserStep extends StepBase {
  readonly kind: 'createBreakGlassUser';
  /** null: no such IAM user. Else the user orgctl created, with the policies attached so far. */
  readonly before: { readonly attachedPolicies: readonly string[] } | null;
  readonly after: BreakGlassUserSpec;
}

export interface BreakGlassUserSpec {
  readonly userName: string;
  /** The tags CreateUser gives it: managed-by: orgctl and orgctl:role: break-glass. */
  readonly tags: Readonly<Record<string, string>>;
  /** arn:aws:iam::aws:policy/AdministratorAccess. */
  readonly policyArn: string;
}

export type BreakGlassStep = CreateBreakGlassUserStep;
