// The steps of the policies kind: enabling a policy type on the root, the policies themselves (by name)
// and their attachments to the root, OUs and accounts.

import type { OrgPolicyType } from '../../model/desired.js';
import type { StepBase } from '../../model/plan.js';
import type { Tags } from '../../model/tags.js';
import type { AccountEmailRef, AccountIdRef, ParentRef, PolicyRef, RootRef } from '../../model/refs.js';

/**
 * Where a policy is attached: the root, an OU by path (it may be created in the same plan) or an account by
 * ID, or by email when org.yaml creates it in the same plan (its ID comes from the ID registry).
 */
export type PolicyTargetRef = ParentRef | AccountIdRef | AccountEmailRef;

/** A policy as orgctl uploads it: `content` is the document as minified JSON. */
export interface PolicySpec {
  readonly name: string;
  readonly type: OrgPolicyType;
  readonly description: string;
  readonly content: string;
}

export interface EnablePolicyTypeStep extends StepBase {
  readonly kind: 'enablePolicyType';
  readonly root: RootRef;
  readonly before: null;
  readonly after: { readonly policyType: OrgPolicyType };
}

export interface CreatePolicyStep extends StepBase {
  readonly kind: 'createPolicy';
  readonly before: null;
  /**
   * Created with the tag managed-by=orgctl, so prunePolicies deletes only what orgctl made, and with the
   * tags org.yaml declares for it (`tags`, in the same call: no tag step for a new policy).
   */
  readonly after: PolicySpec & { readonly tags?: Tags };
}

export interface UpdatePolicyStep extends StepBase {
  readonly kind: 'updatePolicy';
  readonly policy: PolicyRef;
  readonly policyType: OrgPolicyType;
  /** `content` as AWS stores it. */
  readonly before: { readonly description: string; readonly content: string };
  /** `content` minified, as uploaded. */
  readonly after: { readonly description: string; readonly content: string };
}

export interface DeletePolicyStep extends StepBase {
  readonly kind: 'deletePolicy';
  readonly policy: PolicyRef;
  /** The policy as read from AWS; `id` is what apply deletes. */
  readonly before: { readonly id: string; readonly name: string; readonly type: OrgPolicyType; readonly description: string };
  readonly after: null;
}

interface AttachmentStep extends StepBase {
  readonly policy: PolicyRef;
  readonly policyType: OrgPolicyType;
  readonly target: PolicyTargetRef;
  /** How many accounts sit at or beneath the target (as org.yaml places them): whose effective policies change. */
  readonly accountsAffected: number;
}

export interface AttachPolicyStep extends AttachmentStep {
  readonly kind: 'attachPolicy';
  readonly before: null;
  readonly after: { readonly policyName: string };
}

export interface DetachPolicyStep extends AttachmentStep {
  readonly kind: 'detachPolicy';
  readonly before: { readonly policyName: string };
  readonly after: null;
}

export type PolicyStep = EnablePolicyTypeStep | CreatePolicyStep | UpdatePolicyStep | DeletePolicyStep | AttachPolicyStep | DetachPolicyStep;
