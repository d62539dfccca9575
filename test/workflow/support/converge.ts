// Runs apply (runApplyWorkflow, as the CLI does) against the emulator until the organization matches
// org.yaml or the run budget is spent, then checks what the issue promises: the plan has no steps,
// and nothing was done twice (no duplicate OUs, budgets, notifications or subscribers; every account
// in one place; each OU created, each budget created, each account moved at most once); and no budget
// that alerted stopped alerting at any moment of the apply. Then the end-state oracle (test/support/end-state)
// reads the organization with its own SDK calls and compares it with org.yaml field by field, so a
// planner blind to some difference cannot pass by planning nothing both times.

import { expect } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions, type FaultSpec, type RequestLogEntry } from '../../../src/emulator/index.js';
import { testEmulatorOptions } from '../../support/emulator.js';
import type { RetryPolicy } from '../../../src/aws/retry.js';
import { UserError } from '../../../src/model/errors.js';
import { NoteCode } from '../../../src/planner/index.js';
import { runApplyWorkflow } from '../../../src/workflow/apply-workflow.js';
import { makePlan } from '../../../src/workflow/make-plan.js';
import { duplicatesIn, emulatorPort, repeatedWrites, snapshotOf, writeCalls } from './emulator-world.js';
import { throughOrgYaml, withoutPositions } from './org-yaml.js';
import { expectedEndState, expectEndStateMatches, readEndState } from '../../support/end-state/index.js';
import type { Scenario } from './scenarios.js';

const SHA = 'e'.repeat(64);

export interface ConvergeOptions {
  readonly maxRuns: number;
  /** Faults during the apply runs (the first and final plans are read without faults). */
  readonly faults?: FaultSpec;
  /** Retries during the apply runs; default FAST_RETRIES (production's attempt counts). */
  readonly retryPolicy?: RetryPolicy;
}

export type ConvergeResult =
  /** The first plan had errors: apply refused and wrote nothing. */
  | { readonly kind: 'refused' }
  | { readonly kind: 'converged'; readonly runs: number; readonly steps: number; readonly failures: readonly string[] };

/** An emulator whose every answered request can be watched (the state is read right after it). */
export interface WatchedEmulator {
  readonly emulator: Emulator;
  watch(listener: ((entry: RequestLogEntry) => void) | undefined): void;
}

export async function startWatchedEmulator(options: EmulatorOptions = {}): Promise<WatchedEmulator> {
  let listener: ((entry: RequestLogEntry) => void) | undefined;
  const emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, ...options, onRequest: (entry) => listener?.(entry) }));
  return { emulator, watch: (next) => (listener = next) };
}

/** Budgets (by name) whose notifications have no subscriber, or that have no notification at all. */
function silentBudgets(emulator: Emulator, names: ReadonlySet<string>): string[] {
  const silent: string[] = [];
  for (const name of names) {
    const budget = (emulator.snapshot().budgets ?? []).find((b) => b.budget['BudgetName'] === name);
    const subscribers = (budget?.notifications ?? []).map((n) => ((n['Subscribers'] as unknown[] | undefined) ?? []).length);
    if (subscribers.length === 0 || subscribers.includes(0)) silent.push(name);
  }
  return silent;
}

export async function applyUntilConverged(watched: WatchedEmulator, generated: Scenario, options: ConvergeOptions): Promise<ConvergeResult> {
  const { emulator } = watched;
  // Through org.yaml text and orgctl's own parser, as the CLI reads it.
  const { desired, text } = throughOrgYaml(generated.desired);
  expect(withoutPositions(desired)).toEqual(generated.desired);
  const scenario = { ...generated, desired };
  emulator.setFaults(undefined);
  emulator.seed(snapshotOf(scenario.world));
  emulator.clearStats();
  const before = await readEndState({ endpoint: emulator.url });
  const port = emulatorPort(emulator.url);
  const applyPort = options.retryPolicy ? emulatorPort(emulator.url, undefined, options.retryPolicy) : port;
  try {
    const first = (await makePlan(port, scenario.desired, SHA)).plan;
    if (first.errors.length > 0) {
      await expect(runApplyWorkflow({ port, desired: scenario.desired, orgYamlSha256: SHA, confirm: async () => true })).rejects.toThrow(UserError);
      expect(writeCalls(emulator.requestLog())).toEqual([]);
      return { kind: 'refused' };
    }

    // A budget that alerts now and stays in org.yaml must alert at every moment of the apply: notifications
    // are updated in place and subscribers added before old ones leave. The one exception is announced in
    // the plan (an SNS-only notification whose topic changes is deleted and created again).
    const replaced = new Set(first.warnings.filter((w) => w.code === NoteCode.notificationReplaced).map((w) => w.address ?? ''));
    const mustAlert = new Set(
      scenario.world.budgets
        .filter((b) => b.notifications.length > 0 && scenario.desired.budgets.some((d) => d.name === b.name))
        .filter((b) => ![...replaced].some((address) => address.startsWith(`budget:${b.name}/`)))
        .map((b) => b.name),
    );
    const lapses: string[] = [];
    watched.watch((entry) => {
      if (entry.service !== 'budgets' || !/^(Create|Update|Delete)/.test(entry.operation)) return;
      const name = entry.input['BudgetName'] ?? (entry.input['Budget'] as { BudgetName?: unknown } | undefined)?.BudgetName;
      if (typeof name !== 'string' || !mustAlert.has(name)) return;
      for (const silent of silentBudgets(emulator, new Set([name]))) lapses.push(`budget ${silent} silent after ${entry.operation} ${JSON.stringify(entry.input)}`);
    });

    if (options.faults) emulator.setFaults(options.faults);
    const failures: string[] = [];
    let runs = 0;
    let converged = false;
    while (!converged && runs < options.maxRuns) {
      runs += 1;
      try {
        const outcome = await runApplyWorkflow({ port: applyPort, desired: scenario.desired, orgYamlSha256: SHA, confirm: async () => true });
        converged = outcome.kind === 'no-changes' || (outcome.kind === 'applied' && outcome.converged);
        if (outcome.kind === 'applied' && !outcome.run.allSucceeded) {
          failures.push(...outcome.run.results.filter((r) => r.status === 'failed').map((r) => `run ${runs}: ${r.step.kind} ${r.step.address}: ${r.message}`));
        }
      } catch (error) {
        // A read that retries could not save fails the whole run; the next run starts over from the live state.
        failures.push(`run ${runs}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    emulator.setFaults(undefined);
    watched.watch(undefined);
    expect(lapses).toEqual([]);

    const after = (await makePlan(port, scenario.desired, SHA)).plan;
    const remaining = after.steps.map((s) => `${s.kind} ${s.address}: ${s.reason}`);
    expect({ remaining, errors: after.errors.map((e) => e.message), failures: converged ? [] : failures }).toEqual({ remaining: [], errors: [], failures: [] });
    expect(converged).toBe(true);
    expect(duplicatesIn(emulator.snapshot())).toEqual([]);
    expect(repeatedWrites(emulator.requestLog())).toEqual([]);
    expectEndStateMatches(await readEndState({ endpoint: emulator.url }), expectedEndState(text, before));
    return { kind: 'converged', runs, steps: first.steps.length, failures };
  } finally {
    watched.watch(undefined);
    emulator.setFaults(undefined);
    port.destroy();
    if (applyPort !== port) applyPort.destroy();
  }
}
