// Carries out the organization kind's steps. Each is idempotent: an OU that now exists, an account
// already in its destination, an OU already gone all count as done, so a second apply converges.

import { isAwsCallError } from '../../aws/errors.js';
import type { FeatureSet } from '../../model/desired.js';
import { parentPathOf } from '../../model/paths.js';
import { ouRef, parentRef, pathOfParent, ROOT_REF } from '../../model/refs.js';
import { StepPreconditionError, type StepContext } from '../../apply/step-context.js';
import { ignoring } from '../ignoring.js';
import type {
  CreateOrganizationalUnitStep,
  DeleteOrganizationalUnitStep,
  MoveAccountStep,
  RenameOrganizationalUnitStep,
} from './steps.js';

export async function createOrganization(ctx: StepContext, featureSet: FeatureSet): Promise<void> {
  const { port, ids, managementAccountId } = ctx;
  let organization = await port.describeOrganization();
  if (!organization) {
    try {
      organization = await port.createOrganization(featureSet);
    } catch (error) {
      // AlreadyInOrganizationException: an earlier run created it; read it back below.
      if (!isAwsCallError(error) || error.code !== 'AlreadyInOrganizationException') throw error;
      organization = await port.describeOrganization();
    }
  }
  if (!organization || organization.managementAccountId !== managementAccountId) {
    throw new StepPreconditionError(
      `the organization's management account is ${organization?.managementAccountId ?? 'unknown'}, not ${managementAccountId}`,
    );
  }
  const [root] = await port.listRoots();
  if (!root) throw new StepPreconditionError('the new organization has no root yet');
  ids.record(ROOT_REF, root.id);
}

export async function createOrganizationalUnit(step: CreateOrganizationalUnitStep, { port, ids }: StepContext): Promise<void> {
  const parentId = ids.resolveAfter(step.after.parent);
  const tags = step.after.tags ?? {};
  try {
    const ou = await port.createOrganizationalUnit(parentId, step.after.name, tags);
    ids.record(ouRef(step.after.path), ou.id);
  } catch (error) {
    if (!isAwsCallError(error, 'alreadyExists')) throw error;
    // Created by an attempt whose reply was lost, or by an earlier run: use it, with its declared tags
    // (TagResource sets them again, harmlessly, when that create had them).
    const siblings = await port.listOrganizationalUnitsForParent(parentId);
    const existing = siblings.find((ou) => ou.name === step.after.name);
    if (existing && Object.keys(tags).length > 0) await port.tagResource(existing.id, tags);
    if (existing) return ids.record(ouRef(step.after.path), existing.id);
    const variant = siblings.find((ou) => ou.name.toLowerCase() === step.after.name.toLowerCase());
    if (!variant) throw error;
    throw new StepPreconditionError(
      `AWS refuses "${step.after.name}" because an OU named "${variant.name}" exists under ${pathOfParent(step.after.parent)} (it compares OU names ` +
        `without regard to case). To rename that OU, declare "${step.after.name}" with renamedFrom: "${variant.name}" in org.yaml.`,
    );
  }
}

export async function renameOrganizationalUnit(step: RenameOrganizationalUnitStep, { port, ids }: StepContext): Promise<void> {
  try {
    await port.renameOrganizationalUnit(step.before.id, step.after.name);
  } catch (error) {
    // Already renamed by an earlier run: the new name is taken by this very OU.
    if (!isAwsCallError(error, 'alreadyExists')) throw error;
    const parentId = ids.resolveAfter(parentRef(parentPathOf(step.after.path)));
    const holder = (await port.listOrganizationalUnitsForParent(parentId)).find((ou) => ou.name === step.after.name);
    if (holder?.id !== step.before.id) throw error;
  }
  ids.renamed(ouRef(step.before.path), ouRef(step.after.path));
}

export async function deleteOrganizationalUnit(step: DeleteOrganizationalUnitStep, { port, ids }: StepContext): Promise<void> {
  await ignoring('notFound', () => port.deleteOrganizationalUnit(step.before.id));
  ids.deleted(ouRef(step.before.path));
}

/**
 * Moves the account. A refused move is still done when the account is already in the destination (an
 * attempt whose reply was lost, or an earlier run). DuplicateAccountException says so; but a retry also
 * fails AWS's "is it in the source?" check, and AWS does not document which check answers first
 * (AccountNotFoundException if that one does). So on any other error, look where the account is.
 */
export async function moveAccount(step: MoveAccountStep, { port, ids }: StepContext): Promise<void> {
  // A new account (created earlier in this run) sits in the root, where CreateAccount puts it.
  const accountId = step.accountId ?? ids.resolveAfter(step.account!);
  const source = step.accountId !== undefined ? ids.resolveBefore(step.before.parent) : ids.resolveAfter(step.before.parent);
  const destination = ids.resolveAfter(step.after.parent);
  try {
    await port.moveAccount(accountId, source, destination);
  } catch (error) {
    if (isAwsCallError(error, 'alreadyExists')) return;
    const arrived = await port.listAccountsForParent(destination).then(
      (accounts) => accounts.some((account) => account.id === accountId),
      () => false, // the look failed too: the move's own error says more
    );
    if (!arrived) throw error;
  }
}
