// The permission set executors, idempotent: a create that finds the set (ConflictException, a
// retried run) adopts it; an update changes what differs between the plan's before and after and
// takes "already attached" and "not attached" as done; provisioning polls with backoff until
// SUCCEEDED, and a FAILED request is an error with AWS's reason.

import { StepPreconditionError, type StepContext } from '../../../apply/step-context.js';
import { isAwsCallError } from '../../../aws/errors.js';
import type { AwsPort } from '../../../aws/port.js';
import { PERMISSION_SET_MANAGED_BY_TAG, type IdentityCenterInstanceRef, type ProvisioningStatus } from '../../../model/permission-sets.js';
import { ignoring } from '../../ignoring.js';
import { changedFields, refKey } from './document.js';
import type { CreatePermissionSetStep, DeletePermissionSetStep, PermissionSetSpec, ProvisionPermissionSetStep, UpdatePermissionSetStep } from './steps.js';

const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 10_000;
/** Provisioning takes seconds to minutes; past this the step stops (provisioning again later is harmless). */
const PROVISIONING_DEADLINE_MS = 15 * 60_000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function createPermissionSet(step: CreatePermissionSetStep, { port }: StepContext): Promise<void> {
  const { instance, after } = step;
  const tags = { ...(after.tags ?? {}), [PERMISSION_SET_MANAGED_BY_TAG.key]: PERMISSION_SET_MANAGED_BY_TAG.value };
  let arn: string;
  try {
    arn = await port.createPermissionSet(instance, { name: after.name, description: after.description, sessionDuration: after.sessionDuration }, tags);
  } catch (error) {
    // A set of that name exists (an earlier run created it, then stopped): finish it.
    const existing = await findByName(port, instance, after.name, error);
    arn = existing;
  }
  // CreatePermissionSet set the attributes and tags; the policies, boundary and inline policy follow.
  const created: PermissionSetSpec = {
    name: after.name,
    ...(after.description !== undefined && { description: after.description }),
    sessionDuration: after.sessionDuration,
    managedPolicies: [],
    customerManagedPolicies: [],
    ...(after.tags !== undefined && { tags: after.tags }),
  };
  await applyChanges(port, instance, arn, created, after);
}

export async function updatePermissionSet(step: UpdatePermissionSetStep, { port }: StepContext): Promise<void> {
  await applyChanges(port, step.instance, step.permissionSetArn, step.before, step.after);
}

export async function deletePermissionSet(step: DeletePermissionSetStep, { port }: StepContext): Promise<void> {
  await ignoring('notFound', () => port.deletePermissionSet(step.instance, step.permissionSetArn));
}

export async function provisionPermissionSet(step: ProvisionPermissionSetStep, ctx: StepContext): Promise<void> {
  const { port } = ctx;
  const sleep = ctx.sleep ?? defaultSleep;
  const requestId = await port.provisionPermissionSet(step.instance, step.permissionSetArn);
  let status: ProvisioningStatus = { status: 'IN_PROGRESS' };
  let waited = 0;
  let delay = FIRST_POLL_MS;
  for (;;) {
    status = await port.describePermissionSetProvisioningStatus(step.instance, requestId);
    if (status.status !== 'IN_PROGRESS') break;
    if (waited >= PROVISIONING_DEADLINE_MS) {
      throw new StepPreconditionError(
        `provisioning permission set "${step.after.name}" (request ${requestId}) is still IN_PROGRESS after ${PROVISIONING_DEADLINE_MS / 60_000} minutes; run apply again later.`,
      );
    }
    await sleep(delay);
    waited += delay;
    delay = Math.min(MAX_POLL_MS, delay * 2);
  }
  if (status.status === 'FAILED') {
    throw new StepPreconditionError(
      `provisioning permission set "${step.after.name}" failed (request ${requestId}): AWS said: ${status.failureReason ?? 'no reason given'}. Fix the cause, then run plan and apply again.`,
    );
  }
}

/** The calls that turn `before` into `after`, each idempotent. */
async function applyChanges(port: AwsPort, instance: IdentityCenterInstanceRef, arn: string, before: PermissionSetSpec, after: PermissionSetSpec): Promise<void> {
  const fields = new Set(changedFields(before, after));
  if (fields.has('description') || fields.has('sessionDuration')) {
    await port.updatePermissionSet(instance, arn, {
      ...(after.description !== undefined && { description: after.description }),
      sessionDuration: after.sessionDuration,
    });
  }
  for (const policy of after.managedPolicies.filter((p) => !before.managedPolicies.includes(p))) {
    await alreadyDone(() => port.attachManagedPolicyToPermissionSet(instance, arn, policy));
  }
  for (const policy of before.managedPolicies.filter((p) => !after.managedPolicies.includes(p))) {
    await ignoring('notFound', () => port.detachManagedPolicyFromPermissionSet(instance, arn, policy));
  }
  const beforeRefs = new Set(before.customerManagedPolicies.map(refKey));
  const afterRefs = new Set(after.customerManagedPolicies.map(refKey));
  for (const ref of after.customerManagedPolicies.filter((r) => !beforeRefs.has(refKey(r)))) {
    await alreadyDone(() => port.attachCustomerManagedPolicyReferenceToPermissionSet(instance, arn, ref));
  }
  for (const ref of before.customerManagedPolicies.filter((r) => !afterRefs.has(refKey(r)))) {
    await ignoring('notFound', () => port.detachCustomerManagedPolicyReferenceFromPermissionSet(instance, arn, ref));
  }
  if (fields.has('inlinePolicy')) {
    if (after.inlinePolicy !== undefined) await port.putInlinePolicyToPermissionSet(instance, arn, after.inlinePolicy);
    else await ignoring('notFound', () => port.deleteInlinePolicyFromPermissionSet(instance, arn));
  }
  if (fields.has('permissionsBoundary')) {
    if (after.permissionsBoundary !== undefined) await port.putPermissionsBoundaryToPermissionSet(instance, arn, after.permissionsBoundary);
    else await ignoring('notFound', () => port.deletePermissionsBoundaryFromPermissionSet(instance, arn));
  }
  if (fields.has('tags') && after.tags !== undefined) {
    const beforeTags = before.tags ?? {};
    const removed = Object.keys(beforeTags).filter((key) => !(key in after.tags!));
    const changed = Object.fromEntries(Object.entries(after.tags).filter(([key, value]) => beforeTags[key] !== value));
    if (Object.keys(changed).length > 0) await port.tagPermissionSet(instance, arn, changed);
    if (removed.length > 0) await port.untagPermissionSet(instance, arn, removed);
  }
}

/** SSO Admin answers ConflictException for a policy that is already attached: a retried run finds it done. */
async function alreadyDone(attach: () => Promise<void>): Promise<void> {
  try {
    await attach();
  } catch (error) {
    if (isAwsCallError(error) && error.code === 'ConflictException') return;
    throw error;
  }
}

async function findByName(port: AwsPort, instance: IdentityCenterInstanceRef, name: string, error: unknown): Promise<string> {
  if (!(isAwsCallError(error) && error.code === 'ConflictException')) throw error;
  for (const arn of await port.listPermissionSets(instance)) {
    if ((await port.describePermissionSet(instance, arn)).name === name) return arn;
  }
  throw error;
}
