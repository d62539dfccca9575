// Carries out the policies kind's steps. Each is idempotent: a type already enabled, a policy already
// created (found by name), an attachment already there or already gone counts as done, so a second
// apply converges. Policies are named by reference; created IDs go into the ID registry.

import type { StepContext } from '../../apply/step-context.js';
import { isAwsCallError } from '../../aws/errors.js';
import { MANAGED_POLICY_TAG } from '../../model/live.js';
import type { ResourceRef } from '../../model/refs.js';
import type { AttachPolicyStep, CreatePolicyStep, DeletePolicyStep, DetachPolicyStep, EnablePolicyTypeStep } from './steps.js';

export async function enablePolicyType(step: EnablePolicyTypeStep, { port, ids }: StepContext): Promise<void> {
  try {
    await port.enablePolicyType(ids.resolveAfter(step.root), step.after.policyType);
  } catch (error) {
    if (!isAwsCallError(error) || error.code !== 'PolicyTypeAlreadyEnabledException') throw error;
  }
}

export async function createPolicy(step: CreatePolicyStep, { port, ids }: StepContext): Promise<void> {
  const { tags, ...spec } = step.after;
  const ref: ResourceRef = { type: 'policy', name: spec.name };
  try {
    const created = await port.createPolicy(spec, { ...tags, [MANAGED_POLICY_TAG.key]: MANAGED_POLICY_TAG.value });
    ids.record(ref, created.id);
  } catch (error) {
    if (!isAwsCallError(error, 'alreadyExists')) throw error;
    // Created by an earlier run whose reply was lost, or that stopped half-way: bring it to the declared shape.
    const existing = (await port.listPolicies(spec.type)).find((p) => p.name === spec.name && !p.awsManaged);
    if (!existing) throw error;
    await port.updatePolicy(existing.id, { description: spec.description, content: spec.content });
    if (tags !== undefined && Object.keys(tags).length > 0) await port.tagResource(existing.id, tags);
    ids.record(ref, existing.id);
  }
}

export async function deletePolicy(step: DeletePolicyStep, { port, ids }: StepContext): Promise<void> {
  try {
    await port.deletePolicy(step.before.id);
  } catch (error) {
    if (!isAwsCallError(error, 'notFound')) throw error;
  }
  ids.deleted(step.policy);
}

export async function attachPolicy(step: AttachPolicyStep, { port, ids }: StepContext): Promise<void> {
  try {
    await port.attachPolicy(ids.resolveAfter(step.policy), ids.resolveAfter(step.target));
  } catch (error) {
    if (!isAwsCallError(error, 'alreadyExists')) throw error;
  }
}

export async function detachPolicy(step: DetachPolicyStep, { port, ids }: StepContext): Promise<void> {
  const policyId = ids.findAfter(step.policy) ?? ids.resolveBefore(step.policy);
  const targetId = ids.findAfter(step.target) ?? ids.resolveBefore(step.target);
  try {
    await port.detachPolicy(policyId, targetId);
  } catch (error) {
    // Already detached, or the policy or target is gone (with it, the attachment).
    if (!isAwsCallError(error) || (error.code !== 'PolicyNotAttachedException' && error.kind !== 'notFound')) throw error;
  }
}
