// The plan: a serializable value with a closed set of step kinds.
// `kind` and the typed fields are for machines (apply switches on kind only);
// `reason` is for humans and must never drive a decision.

import type {
  FeatureSet,
  NotificationKey,
  SourcePosition,
  Subscriber,
  TimeUnit,
} from './desired.js';
import type { AuditReport } from './audit.js';
import type { AlternateContactSpec } from './security.js';

export const PLAN_FORMAT_VERSION = 1;

/** A budget as orgctl declares it: a COST budget with a fixed limit. */
export interface BudgetLimitSpec {
  readonly name: string;
  readonly amount: number;
  readonly unit: string;
  readonly timeUnit: TimeUnit;
}

export interface NotificationSpec extends NotificationKey {
  readonly subscribers: readonly Subscriber[];
}

export interface BudgetSpec extends BudgetLimitSpec {
  readonly notifications: readonly NotificationSpec[];
}

/** A budget as read from AWS: it may lack a fixed limit (planned or auto-adjusted budgets) or not be a COST budget. */
export interface LiveBudgetSpec {
  readonly name: string;
  readonly budgetType: string;
  readonly amount: number | null;
  readonly unit: string;
  readonly timeUnit: string;
  readonly notifications: readonly NotificationSpec[];
}

interface StepBase {
  /** Stable, human-readable identity of what the step touches, e.g. "ou:/Workloads/Prod". */
  readonly address: string;
  /** Why the step exists, for the reviewer. Never used by apply. */
  readonly reason: string;
  /** Indexes (into Plan.steps) of steps that must finish before this one starts. */
  readonly dependsOn: readonly number[];
}

export interface CreateOrganizationStep extends StepBase {
  readonly kind: 'createOrganization';
  readonly before: null;
  readonly after: { readonly featureSet: FeatureSet };
}

export interface CreateOrganizationalUnitStep extends StepBase {
  readonly kind: 'createOrganizationalUnit';
  readonly before: null;
  /** parentPath is resolved to an ID at apply time; the parent may be created by an earlier step. */
  readonly after: { readonly path: string; readonly name: string; readonly parentPath: string };
}

export interface RenameOrganizationalUnitStep extends StepBase {
  readonly kind: 'renameOrganizationalUnit';
  /** `path` is the OU's path when the step runs: after the renames of its ancestors that precede it in the plan. */
  readonly before: { readonly path: string; readonly name: string; readonly id: string };
  readonly after: { readonly path: string; readonly name: string };
}

export interface DeleteOrganizationalUnitStep extends StepBase {
  readonly kind: 'deleteOrganizationalUnit';
  /** `path` is the OU's path when the step runs (after earlier renames of its ancestors); `id` is what apply deletes. */
  readonly before: { readonly path: string; readonly name: string; readonly id: string };
  readonly after: null;
}

export interface MoveAccountStep extends StepBase {
  readonly kind: 'moveAccount';
  readonly accountId: string;
  /** parentPath as in the live organization the plan was made from (resolve it with that snapshot's IDs). */
  readonly before: { readonly parentPath: string; readonly accountName: string };
  /** parentPath as in org.yaml; the OU may be created or renamed by an earlier step. */
  readonly after: { readonly parentPath: string };
}

export interface CreateBudgetStep extends StepBase {
  readonly kind: 'createBudget';
  readonly before: null;
  /** Created together with its notifications and subscribers. */
  readonly after: BudgetSpec;
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

/** Sets one alternate contact of the management account (Account PutAlternateContact, an upsert). */
export interface PutAlternateContactStep extends StepBase {
  readonly kind: 'putAlternateContact';
  /** The contact as AWS had it; null when that contact type was not set. */
  readonly before: AlternateContactSpec | null;
  /** All four fields: what org.yaml declares, the rest kept from `before`. */
  readonly after: AlternateContactSpec;
}

export type PlanStep =
  | CreateOrganizationStep
  | CreateOrganizationalUnitStep
  | RenameOrganizationalUnitStep
  | DeleteOrganizationalUnitStep
  | MoveAccountStep
  | CreateBudgetStep
  | UpdateBudgetStep
  | DeleteBudgetStep
  | CreateNotificationStep
  | UpdateNotificationStep
  | DeleteNotificationStep
  | CreateSubscriberStep
  | DeleteSubscriberStep
  | PutAlternateContactStep;

export type StepKind = PlanStep['kind'];

/** What a step does, for summaries ("Plan: 4 to create, 1 to update, 0 to delete"). */
export type StepAction = 'create' | 'update' | 'delete';

export interface PlanNote {
  /** Machine-readable code, e.g. "account-name-differs", "ou-not-empty". */
  readonly code: string;
  readonly message: string;
  readonly address?: string;
  /** Position in org.yaml when the note is about something declared there. */
  readonly source?: SourcePosition;
}

export interface PlanInputs {
  /** sha256 of the org.yaml bytes the plan was made from. */
  readonly orgYamlSha256: string;
  /** sha256 of the canonical live document the plan was made from. */
  readonly liveStateSha256: string;
}

export interface Plan {
  readonly version: typeof PLAN_FORMAT_VERSION;
  /** In an order that respects AWS (parents before children, moves before deletes). */
  readonly steps: readonly PlanStep[];
  /** Do not block apply. */
  readonly warnings: readonly PlanNote[];
  /** A plan with errors cannot be applied. */
  readonly errors: readonly PlanNote[];
  readonly inputs: PlanInputs;
  /**
   * The root-credential audit, made with the plan and shown before it. Informational: it never blocks
   * apply, is not part of `inputs`, and is absent when the plan was made without it.
   */
  readonly audit?: AuditReport;
}

export function actionOf(kind: StepKind): StepAction {
  switch (kind) {
    case 'createOrganization':
    case 'createOrganizationalUnit':
    case 'createBudget':
    case 'createNotification':
    case 'createSubscriber':
      return 'create';
    case 'renameOrganizationalUnit':
    case 'moveAccount':
    case 'updateBudget':
    case 'updateNotification':
    case 'putAlternateContact':
      return 'update';
    case 'deleteOrganizationalUnit':
    case 'deleteBudget':
    case 'deleteNotification':
    case 'deleteSubscriber':
      return 'delete';
    default:
      return assertNever(kind);
  }
}

/** actionOf, refined by the step's values: setting a contact that was not set is a create. */
export function actionOfStep(step: PlanStep): StepAction {
  if (step.kind === 'putAlternateContact' && step.before === null) return 'create';
  return actionOf(step.kind);
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
