// Carries out one plan step through the port. Switches on `kind` only.
// Every step is idempotent: when AWS says the work is already done (an OU that now exists,
// an account already in its destination, a notification already present), the step succeeds,
// so a second apply after a crash or a failure converges instead of failing or duplicating.

import type { AwsPort } from '../aws/port.js';
import { isAwsCallError, type AwsErrorKind } from '../aws/errors.js';
import type { NotificationKey } from '../model/desired.js';
import { MANAGED_BUDGET_TAG } from '../model/live.js';
import { parentPathOf } from '../model/paths.js';
import { assertNever, type BudgetSpec, type NotificationSpec, type PlanStep } from '../model/plan.js';
import type { OuIds } from './ou-ids.js';

export interface StepContext {
  readonly port: AwsPort;
  readonly ouIds: OuIds;
  readonly managementAccountId: string;
}

/** A step could not start because something it needs is missing (not an AWS error). */
export class StepPreconditionError extends Error {
  override readonly name = 'StepPreconditionError';
}

export async function executeStep(step: PlanStep, ctx: StepContext): Promise<void> {
  const { port, ouIds, managementAccountId: account } = ctx;
  switch (step.kind) {
    case 'createOrganization':
      return createOrganization(ctx, step.after.featureSet);
    case 'createOrganizationalUnit': {
      const parentId = requireAfterId(ouIds, step.after.parentPath);
      try {
        const ou = await port.createOrganizationalUnit(parentId, step.after.name);
        ouIds.created(step.after.path, ou.id);
      } catch (error) {
        if (!isAwsCallError(error, 'alreadyExists')) throw error;
        // Created by an attempt whose reply was lost, or by an earlier run: use it.
        const siblings = await port.listOrganizationalUnitsForParent(parentId);
        const existing = siblings.find((ou) => ou.name === step.after.name);
        if (existing) return ouIds.created(step.after.path, existing.id);
        const variant = siblings.find((ou) => ou.name.toLowerCase() === step.after.name.toLowerCase());
        if (!variant) throw error;
        throw new StepPreconditionError(
          `AWS refuses "${step.after.name}" because an OU named "${variant.name}" exists under ${step.after.parentPath} (it compares OU names ` +
            `without regard to case). To rename that OU, declare "${step.after.name}" with renamedFrom: "${variant.name}" in org.yaml.`,
        );
      }
      return;
    }
    case 'renameOrganizationalUnit': {
      try {
        await port.renameOrganizationalUnit(step.before.id, step.after.name);
      } catch (error) {
        // Already renamed by an earlier run: the new name is taken by this very OU.
        if (!isAwsCallError(error, 'alreadyExists')) throw error;
        const parentId = requireAfterId(ouIds, parentPathOf(step.after.path));
        const holder = (await port.listOrganizationalUnitsForParent(parentId)).find((ou) => ou.name === step.after.name);
        if (holder?.id !== step.before.id) throw error;
      }
      ouIds.renamed(step.before.path, step.after.path);
      return;
    }
    case 'deleteOrganizationalUnit':
      await ignoring('notFound', () => port.deleteOrganizationalUnit(step.before.id));
      ouIds.deleted(step.before.path);
      return;
    case 'moveAccount': {
      const source = requireBeforeId(ouIds, step.before.parentPath);
      const destination = requireAfterId(ouIds, step.after.parentPath);
      return moveAccount(port, step.accountId, source, destination);
    }
    case 'createBudget':
      return createBudget(port, account, step.after);
    case 'updateBudget':
      return port.updateBudget(account, step.after);
    case 'deleteBudget':
      return ignoring('notFound', () => port.deleteBudget(account, step.before.name));
    case 'createNotification':
      return createNotification(port, account, step.budgetName, step.after);
    case 'updateNotification':
      try {
        await port.updateNotification(account, step.budgetName, step.before, step.after);
      } catch (error) {
        // Already done by an attempt whose reply was lost: AWS answers NotFound (the old key is gone) or
        // DuplicateRecord (the new key exists), depending on which it checks first. It is done only if
        // the new key answers and the old one does not; otherwise the error stands.
        if (!isAwsCallError(error, 'notFound') && !isAwsCallError(error, 'alreadyExists')) throw error;
        const done = (await notificationExists(port, account, step.budgetName, step.after)) && !(await notificationExists(port, account, step.budgetName, step.before));
        if (!done) throw error;
      }
      return;
    case 'deleteNotification':
      return ignoring('notFound', () => port.deleteNotification(account, step.budgetName, step.before));
    case 'createSubscriber':
      return ignoring('alreadyExists', () => port.createSubscriber(account, step.budgetName, step.notification, step.after));
    case 'deleteSubscriber':
      return ignoring('notFound', () => port.deleteSubscriber(account, step.budgetName, step.notification, step.before));
    case 'putAlternateContact':
      // An upsert of the caller's own contact (no AccountId: the management account may not name itself):
      // running it twice leaves the same contact.
      return port.putAlternateContact(step.after);
    default:
      return assertNever(step);
  }
}

async function createOrganization(ctx: StepContext, featureSet: 'ALL' | 'CONSOLIDATED_BILLING'): Promise<void> {
  const { port, ouIds, managementAccountId } = ctx;
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
  ouIds.setRoot(root.id);
}

/**
 * Moves the account. A refused move is still done when the account is already in the destination (an
 * attempt whose reply was lost, or an earlier run). DuplicateAccountException says so; but a retry also
 * fails AWS's "is it in the source?" check, and AWS does not document which check answers first
 * (AccountNotFoundException if that one does). So on any other error, look where the account is.
 */
async function moveAccount(port: AwsPort, accountId: string, source: string, destination: string): Promise<void> {
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

async function createBudget(port: AwsPort, account: string, budget: BudgetSpec): Promise<void> {
  try {
    await port.createBudget(account, budget, { [MANAGED_BUDGET_TAG.key]: MANAGED_BUDGET_TAG.value });
  } catch (error) {
    if (!isAwsCallError(error, 'alreadyExists')) throw error;
    // Created by an earlier run that may have stopped half-way: bring it to the declared shape.
    await port.updateBudget(account, budget);
    for (const notification of budget.notifications) await createNotification(port, account, budget.name, notification);
  }
}

/** Creates a notification with its subscribers; one that already exists gets the subscribers it lacks. */
async function createNotification(port: AwsPort, account: string, budgetName: string, notification: NotificationSpec): Promise<void> {
  try {
    await port.createNotification(account, budgetName, notification, notification.subscribers);
  } catch (error) {
    if (!isAwsCallError(error, 'alreadyExists')) throw error;
    for (const subscriber of notification.subscribers) {
      await ignoring('alreadyExists', () => port.createSubscriber(account, budgetName, notification, subscriber));
    }
  }
}

async function notificationExists(port: AwsPort, account: string, budgetName: string, key: NotificationKey): Promise<boolean> {
  try {
    await port.describeSubscribersForNotification(account, budgetName, key);
    return true;
  } catch (error) {
    if (isAwsCallError(error, 'notFound')) return false;
    throw error;
  }
}

async function ignoring(kind: AwsErrorKind, call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!isAwsCallError(error, kind)) throw error;
  }
}

function requireBeforeId(ouIds: OuIds, path: string): string {
  const id = ouIds.beforeId(path);
  if (!id) throw new StepPreconditionError(`no OU at ${path} in the organization the plan was made from`);
  return id;
}

function requireAfterId(ouIds: OuIds, path: string): string {
  const id = ouIds.afterId(path);
  if (!id) throw new StepPreconditionError(`the OU ${path} does not exist (a step that creates it failed or was skipped)`);
  return id;
}
