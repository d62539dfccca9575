// apply, end to end: plan from the live state, refuse a stale or errored plan, confirm, run the steps,
// then plan again and report whether the organization now matches org.yaml.

import { isDeepStrictEqual } from 'node:util';
import { applyPlan, type ApplyRun, type StepResult } from '../apply/apply-plan.js';
import type { AwsPort } from '../aws/port.js';
import type { DesiredOrg } from '../model/desired.js';
import { StalePlanError, UserError } from '../model/errors.js';
import type { Plan } from '../model/plan.js';
import { plural } from '../text/plural.js';
import { makePlan } from './make-plan.js';
import { describeError } from '../text/describe-error.js';

export interface ApplyWorkflowOptions {
  readonly port: AwsPort;
  readonly desired: DesiredOrg;
  readonly orgYamlSha256: string;
  /** A reviewed plan (`plan --out`): apply exactly it, or refuse when it is stale. */
  readonly savedPlan?: Plan;
  /** Shown the plan about to run; false declines. */
  readonly confirm: (plan: Plan) => Promise<boolean>;
  readonly onPlanned?: (plan: Plan) => void;
  readonly onStepFinished?: (result: StepResult) => void;
  /**
   * Stop requested (the CLI's Ctrl-C): no new step starts, the steps in flight finish, and the check
   * afterwards is skipped (or abandoned, if it is under way); the outcome is then 'interrupted'.
   */
  readonly signal?: AbortSignal;
  readonly now?: () => number;
}

export type ApplyOutcome =
  | { readonly kind: 'no-changes'; readonly plan: Plan }
  | { readonly kind: 'declined'; readonly plan: Plan }
  | {
      readonly kind: 'applied';
      readonly plan: Plan;
      readonly run: ApplyRun;
      /** The plan made after the last step: empty when the organization matches org.yaml. */
      readonly after: Plan;
      readonly converged: boolean;
      readonly wallMs: number;
    }
  /** Stopped on request: `run` says what was done; whether the organization matches org.yaml was not checked. */
  | { readonly kind: 'interrupted'; readonly plan: Plan; readonly run: ApplyRun; readonly wallMs: number };

export async function runApplyWorkflow(options: ApplyWorkflowOptions): Promise<ApplyOutcome> {
  const { port, desired, orgYamlSha256, savedPlan } = options;
  const now = options.now ?? (() => performance.now());
  const fresh = await makePlan(port, desired, orgYamlSha256);
  if (savedPlan) assertNotStale(savedPlan, fresh.plan);
  const plan = savedPlan ?? fresh.plan;
  options.onPlanned?.(plan);

  if (plan.errors.length > 0) {
    throw new UserError(`the plan has ${plural(plan.errors.length, 'error')}; nothing was changed. Fix org.yaml (or the organization) and plan again.`,
      plan.errors.map((e) => e.message));
  }
  if (plan.steps.length === 0) return { kind: 'no-changes', plan };
  if (!(await options.confirm(plan))) return { kind: 'declined', plan };

  const started = now();
  const run = await applyPlan(plan, {
    port,
    live: fresh.live,
    managementAccountId: desired.managementAccountId,
    ...(options.onStepFinished ? { onStepFinished: options.onStepFinished } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const interrupted = { kind: 'interrupted', plan, run } as const;
  if (options.signal?.aborted) return { ...interrupted, wallMs: now() - started };
  let after: Plan | undefined;
  try {
    // The check needs the organization, not the audit again: nothing apply does changes root credentials.
    after = (await unlessAborted(makePlan(port, desired, orgYamlSha256, { audit: false }), options.signal))?.plan;
  } catch (error) {
    throw new ApplyCheckFailedError(plan, run, now() - started, error);
  }
  if (after === undefined) return { ...interrupted, wallMs: now() - started };
  const converged = after.steps.length === 0 && after.errors.length === 0;
  return { kind: 'applied', plan, run, after, converged, wallMs: now() - started };
}

/** The steps ran (see `run`), but reading the organization afterwards failed, so whether it matches is unknown. */
export class ApplyCheckFailedError extends UserError {
  override readonly name = 'ApplyCheckFailedError';
  constructor(
    readonly plan: Plan,
    readonly run: ApplyRun,
    readonly wallMs: number,
    cause: unknown,
  ) {
    super('the steps ran, but the check afterwards could not read the organization, so whether it now matches org.yaml is unknown. Run `orgctl plan` to see what remains.', [
      describeError(cause).message,
    ]);
  }
}

/** The promise's value, or undefined as soon as `signal` aborts (the promise is then left to settle unobserved). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function assertNotStale(saved: Plan, fresh: Plan): void {
  const changed: string[] = [];
  if (saved.inputs.orgYamlSha256 !== fresh.inputs.orgYamlSha256) changed.push('org.yaml changed since the plan was made');
  if (saved.inputs.liveStateSha256 !== fresh.inputs.liveStateSha256) changed.push('the live organization changed since the plan was made');
  // Same inputs, other steps: the file was edited, or made by another orgctl version. Apply only what was reviewed
  // and what this orgctl would plan itself, never a hand-made step list.
  if (changed.length === 0 && !isDeepStrictEqual(saved.steps, JSON.parse(JSON.stringify(fresh.steps)))) {
    changed.push('the plan file\'s steps are not the ones orgctl plans from these inputs (edited, or made by another orgctl version)');
  }
  if (changed.length > 0) throw new StalePlanError('plan is stale, run plan again. Nothing was changed.', changed);
}
