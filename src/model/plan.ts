// The plan: a serializable value with a closed set of step kinds. Each resource kind declares its
// steps in src/kinds/<kind>/steps.ts; PlanStep is their union. `kind` and the typed fields are for
// machines (apply looks up the step's handler by kind only); `reason` is for humans and never drives a decision.

import type { NotificationKey, SourcePosition, Subscriber, TimeUnit } from './desired.js';
import type { AuditReport } from './audit.js';
import type { AlternateContactStep } from '../kinds/alternate-contacts/steps.js';
import type { BreakGlassStep } from '../kinds/break-glass/steps.js';
import type { BudgetStep } from '../kinds/budgets/steps.js';
import type { OrganizationStep } from '../kinds/organization/steps.js';
import type { TagStep } from '../kinds/tags/steps.js';
import type { PolicyStep } from '../kinds/policies/steps.js';
import type { ServiceAccessStep } from '../kinds/service-access/steps.js';
import type { PermissionSetStep } from '../kinds/identity-center/permission-sets/steps.js';
import type { IdentityCenterAccessStep } from '../kinds/identity-center/assignments/steps.js';
import type { ApplyEstimate, Rehearsal } from './rehearsal.js';

export type * from '../kinds/alternate-contacts/steps.js';
export type * from '../kinds/budgets/steps.js';
export type * from '../kinds/organization/steps.js';
export type * from '../kinds/tags/steps.js';
export type * from '../kinds/policies/steps.js';
export type * from '../kinds/service-access/steps.js';
export type * from '../kinds/identity-center/permission-sets/steps.js';

/** 2: steps refer to OUs and the root by typed references (src/model/refs.ts) instead of path strings. */
export const PLAN_FORMAT_VERSION = 2;

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

export interface StepBase {
  /** Stable, human-readable identity of what the step touches, e.g. "ou:/Workloads/Prod". */
  readonly address: string;
  /** Why the step exists, for the reviewer. Never used by apply. */
  readonly reason: string;
  /** Indexes (into Plan.steps) of steps that must finish before this one starts. */
  readonly dependsOn: readonly number[];
}

/** Every step of every resource kind (one union member per kind, from src/kinds/<kind>/steps.ts). */
export type PlanStep = OrganizationStep | BudgetStep | AlternateContactStep | PolicyStep | TagStep | ServiceAccessStep | BreakGlassStep | PermissionSetStep | IdentityCenterAccessStep;

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
  /** Shown with the plan, never read by apply: how long AWS's published rates make applying it. */
  readonly applyEstimate?: ApplyEstimate;
  /** `plan --rehearse` and the PR comment: the plan applied to a copy of the organization in the emulator. */
  readonly rehearsal?: Rehearsal;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
