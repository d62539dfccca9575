// Carries out the budgets kind's steps. Each is idempotent: a budget, notification or subscriber that
// already exists (or is already gone) counts as done, so a second apply converges.

import type { AwsPort } from '../../aws/port.js';
import { isAwsCallError } from '../../aws/errors.js';
import type { NotificationKey } from '../../model/desired.js';
import { MANAGED_BUDGET_TAG } from '../../model/live.js';
import type { BudgetSpec, NotificationSpec } from '../../model/plan.js';
import type { Tags } from '../../model/tags.js';
import type { StepContext } from '../../apply/step-context.js';
import { ignoring } from '../ignoring.js';
import type { UpdateNotificationStep } from './steps.js';

export async function createBudget(port: AwsPort, account: string, budget: BudgetSpec & { readonly tags?: Tags }): Promise<void> {
  // org.yaml cannot declare `managed-by` (config rules), so it cannot overwrite orgctl's mark.
  const tags = { ...budget.tags, [MANAGED_BUDGET_TAG.key]: MANAGED_BUDGET_TAG.value };
  try {
    await port.createBudget(account, budget, tags);
  } catch (error) {
    if (!isAwsCallError(error, 'alreadyExists')) throw error;
    // Created by an earlier run that may have stopped half-way: bring it to the declared shape.
    await port.updateBudget(account, budget);
    if (budget.tags && Object.keys(budget.tags).length > 0) await port.tagBudget(account, budget.name, budget.tags);
    for (const notification of budget.notifications) await createNotification(port, account, budget.name, notification);
  }
}

/** Creates a notification with its subscribers; one that already exists gets the subscribers it lacks. */
export async function createNotification(port: AwsPort, account: string, budgetName: string, notification: NotificationSpec): Promise<void> {
  try {
    await port.createNotification(account, budgetName, notification, notification.subscribers);
  } catch (error) {
    if (!isAwsCallError(error, 'alreadyExists')) throw error;
    for (const subscriber of notification.subscribers) {
      await ignoring('alreadyExists', () => port.createSubscriber(account, budgetName, notification, subscriber));
    }
  }
}

export async function updateNotification(step: UpdateNotificationStep, { port, managementAccountId: account }: StepContext): Promise<void> {
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
