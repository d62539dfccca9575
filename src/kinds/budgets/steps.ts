// The steps of the budgets kind: budgets, their notifications and subscribers.

import type { NotificationKey, Subscriber } from '../../model/desired.js';
import type { BudgetLimitSpec, BudgetSpec, LiveBudgetSpec, NotificationSpec, StepBase } from '../../model/plan.js';
import type { Tags } from '../../model/tags.js';

export interface CreateBudgetStep extends StepBase {
  readonly kind: 'createBudget';
  readonly before: null;
  /**
   * Created together with its notifications and subscribers, and tagged in the same CreateBudget call
   * with orgctl's `managed-by` tag and `tags` (the budget's `tags:` from org.yaml; absent: none declared).
   */
  readonly after: BudgetSpec & { readonly tags?: Tags };
}

export interface UpdateBudgetStep extends StepBase {
  readonly kind: 'updateBudget';
  readonly before: { readonly amount: number | null; readonly unit: string; readonly timeUnit: string; readonly budgetType: string };
  readonly after: BudgetLimitSpec;
}

export interface DeleteBudgetStep extends StepBase {
  readonly kind: 'deleteBudget';
  /** The budget as read from AWS (orgctl deletes only budgets it tagged, but they may have been edited since). */
  readonly before: LiveBudgetSpec;
  readonly after: null;
}

export interface CreateNotificationStep extends StepBase {
  readonly kind: 'createNotification';
  readonly budgetName: string;
  readonly before: null;
  readonly after: NotificationSpec;
}

/** Changes a notification's key in place, so alerts never lapse between a delete and a create. */
export interface UpdateNotificationStep extends StepBase {
  readonly kind: 'updateNotification';
  readonly budgetName: string;
  readonly before: NotificationKey;
  readonly after: NotificationKey;
}

export interface DeleteNotificationStep extends StepBase {
  readonly kind: 'deleteNotification';
  readonly budgetName: string;
  readonly before: NotificationSpec;
  readonly after: null;
}

export interface CreateSubscriberStep extends StepBase {
  readonly kind: 'createSubscriber';
  readonly budgetName: string;
  /** The notification's key as it will be when this step runs (after any updateNotification). */
  readonly notification: NotificationKey;
  readonly before: null;
  readonly after: Subscriber;
}

export interface DeleteSubscriberStep extends StepBase {
  readonly kind: 'deleteSubscriber';
  readonly budgetName: string;
  readonly notification: NotificationKey;
  readonly before: Subscriber;
  readonly after: null;
}

export type BudgetStep =
  | CreateBudgetStep
  | UpdateBudgetStep
  | DeleteBudgetStep
  | CreateNotificationStep
  | UpdateNotificationStep
  | DeleteNotificationStep
  | CreateSubscriberStep
  | DeleteSubscriberStep;
