// Runs plan steps through the port: independent steps in parallel, a step only after the steps
// it depends on have succeeded. Pacing to AWS's per-operation rates is the port's job; here each
// step kind gets its own small lane so one slow operation (MoveAccount, 2/s) never starves another.
// An error that retries could not cure stops the run: no new step starts, steps in flight finish.
// So does a stop request (the CLI's Ctrl-C): the run then returns with the rest as not run.

import type { AwsPort } from '../aws/port.js';
import type { LiveOrg } from '../model/live.js';
import type { Plan, PlanStep, StepKind } from '../model/plan.js';
import type { ResourceRef } from '../model/refs.js';
import { executeStep } from './execute-step.js';
import { stepHandler } from '../kinds/registry.js';
import { describeError } from '../text/describe-error.js';
import { IdRegistry } from './id-registry.js';

export type StepStatus = 'ok' | 'failed' | 'skipped';

export interface StepResult {
  readonly index: number;
  readonly step: PlanStep;
  readonly status: StepStatus;
  /** Wall time from start to finish; 0 for skipped steps. */
  readonly durationMs: number;
  /** Why it failed or was skipped. */
  readonly message?: string;
}

export interface ApplyRun {
  /** One per plan step, in plan order. */
  readonly results: readonly StepResult[];
  /** Every step succeeded. */
  readonly allSucceeded: boolean;
  /** Present when a stop was requested (ApplyOptions.signal) before the run ended. */
  readonly interrupted?: true;
  /** The IDs executors recorded for what they created (or found already created): the root, OUs, accounts by email. */
  readonly recorded?: readonly { readonly ref: ResourceRef; readonly id: string }[];
}

export interface ApplyOptions {
  readonly port: AwsPort;
  /** The live organization the plan was made from (its IDs resolve the plan's paths). */
  readonly live: LiveOrg;
  readonly managementAccountId: string;
  /** Steps of one kind in flight at once. */
  readonly laneWidth?: number;
  /** Stop requested: no new step starts, the steps in flight finish, the rest are reported as not run. */
  readonly signal?: AbortSignal;
  /** Called as each step starts. */
  readonly onStepStarted?: (index: number, step: PlanStep) => void;
  /** Called once per step: as it finishes, or (skipped steps) when the run ends. */
  readonly onStepFinished?: (result: StepResult) => void;
  readonly now?: () => number;
  /** Waits between polls of asynchronous work (account creation); default: a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_LANE_WIDTH = 4;

export async function applyPlan(plan: Plan, options: ApplyOptions): Promise<ApplyRun> {
  const { port, managementAccountId } = options;
  const now = options.now ?? (() => performance.now());
  const laneWidth = options.laneWidth ?? DEFAULT_LANE_WIDTH;
  const ids = IdRegistry.fromLive(options.live);
  const steps = plan.steps;
  // The planner and the plan file reader guarantee this; a plan that breaks it could deadlock or crash the run.
  steps.forEach((step, index) => {
    const bad = step.dependsOn.find((dep) => !Number.isInteger(dep) || dep < 0 || dep >= index);
    if (bad !== undefined) throw new Error(`invalid plan: step ${index} depends on step ${bad}, which does not come before it`);
  });
  const results: (StepResult | undefined)[] = new Array(steps.length);
  const waitingOn = steps.map((step) => new Set(step.dependsOn));
  // From the de-duplicated sets: a dependency listed twice must not release (and start) a step twice.
  const dependents = steps.map(() => [] as number[]);
  waitingOn.forEach((deps, index) => deps.forEach((dep) => dependents[dep]?.push(index)));

  const ready = new Map<StepKind, number[]>();
  const inFlight = new Map<StepKind, number>();
  let running = 0;
  /** Why no new step starts, once one of them happened first. */
  let stoppedBy: 'failure' | 'interrupt' | undefined;

  const enqueue = (index: number): void => {
    const kind = steps[index]!.kind;
    const lane = ready.get(kind) ?? [];
    lane.push(index);
    ready.set(kind, lane);
  };
  steps.forEach((_, index) => waitingOn[index]!.size === 0 && enqueue(index));

  return new Promise<ApplyRun>((resolve) => {
    const finish = (index: number, result: StepResult): void => {
      results[index] = result;
      notify(() => options.onStepFinished?.(result));
    };

    const pump = (): void => {
      if (stoppedBy === undefined && options.signal?.aborted) stoppedBy = 'interrupt';
      if (stoppedBy === undefined) {
        for (const [kind, lane] of ready) {
          if (lane.length === 0) continue;
          const width = Math.min(laneWidth, stepHandler(steps[lane[0]!]!).maxInFlight ?? laneWidth);
          while (lane.length > 0 && (inFlight.get(kind) ?? 0) < width) start(lane.shift()!);
        }
      }
      if (running > 0) return;
      // Nothing runs and nothing can start: report the rest, in plan order (dependencies come first).
      steps.forEach((step, index) => {
        if (!results[index]) finish(index, { index, step, status: 'skipped', durationMs: 0, message: whyNotRun(index) });
      });
      const all = results as StepResult[];
      resolve({ results: all, allSucceeded: all.every((r) => r.status === 'ok'), ...(options.signal?.aborted && { interrupted: true }), ...recordedOf(ids) });
    };

    const whyNotRun = (index: number): string => {
      const blocker = steps[index]!.dependsOn.find((dep) => results[dep]?.status !== 'ok');
      if (blocker !== undefined) {
        const dependency = steps[blocker]!;
        const what = results[blocker]?.status === 'failed' ? 'failed' : 'was not run';
        return `not started: it depends on step ${blocker} (${dependency.kind} ${dependency.address}), which ${what}`;
      }
      return stoppedBy === 'interrupt' ? 'not started: apply was interrupted' : 'not started: the run stopped after a failure';
    };

    const start = (index: number): void => {
      const step = steps[index]!;
      running += 1;
      inFlight.set(step.kind, (inFlight.get(step.kind) ?? 0) + 1);
      notify(() => options.onStepStarted?.(index, step));
      const startedAt = now();
      executeStep(step, { port, ids, managementAccountId, ...(options.sleep && { sleep: options.sleep }) })
        .then(
          () => {
            finish(index, { index, step, status: 'ok', durationMs: now() - startedAt });
            for (const dependent of dependents[index]!) {
              const waiting = waitingOn[dependent]!;
              waiting.delete(index);
              if (waiting.size === 0) enqueue(dependent);
            }
          },
          (error: unknown) => {
            stoppedBy ??= 'failure';
            finish(index, { index, step, status: 'failed', durationMs: now() - startedAt, message: describeError(error).message });
          },
        )
        .finally(() => {
          running -= 1;
          inFlight.set(step.kind, (inFlight.get(step.kind) ?? 1) - 1);
          pump();
        });
    };

    pump();
  });
}

/** What the run recorded, when anything (most runs create nothing). */
function recordedOf(ids: IdRegistry): Pick<ApplyRun, 'recorded'> {
  const recorded = ids.recorded();
  return recorded.length > 0 ? { recorded } : {};
}

/** A broken progress display must not abandon the steps in flight or hang the run; the results are returned anyway. */
function notify(listener: () => void): void {
  try {
    listener();
  } catch {
    // ignored on purpose (see above)
  }
}
