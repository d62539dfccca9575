// Shrunk counterexamples and hand-picked hard cases of the apply convergence properties, replayed on
// every run. Each scenarios/*.json holds a ScenarioInput (test/workflow/support/scenarios.ts; arrays
// may be shorter than the generator's), why it is kept, and what must happen:
//   "converged": apply (with the file's faults, within maxRuns) leaves a plan with no steps and no duplicates;
//   "refused":   the first plan has errors and apply writes nothing.
// "options" overrides org.yaml's options when the generator no longer produces the case by itself.
// To keep a new counterexample: copy the input fast-check prints into a new file here, with a "why".
// Each runs under both MoveAccount check orders (AWS does not document how it answers a retried move).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../src/emulator/index.js';
import type { DesiredOptions } from '../../src/model/desired.js';
import { applyUntilConverged, startWatchedEmulator, type WatchedEmulator } from '../workflow/support/converge.js';
import { MOVE_ACCOUNT_CHECK_ORDERS, type MoveAccountCheckOrder } from '../workflow/support/move-account-orders.js';
import { buildScenario, desiredProblems, type ScenarioInput } from '../workflow/support/scenarios.js';

interface RegressionFile {
  readonly why: string;
  readonly expect: 'converged' | 'refused';
  readonly input: ScenarioInput;
  readonly faults?: FaultSpec;
  readonly maxRuns?: number;
  /** org.yaml options as they were when the case was found (the generator now avoids some combinations). */
  readonly options?: Partial<DesiredOptions>;
}

const DIR = new URL('./scenarios/', import.meta.url).pathname;
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('apply regressions (test/regressions/scenarios)', () => {
  const emulators = new Map<MoveAccountCheckOrder, WatchedEmulator>();
  beforeAll(async () => {
    for (const order of MOVE_ACCOUNT_CHECK_ORDERS) emulators.set(order, await startWatchedEmulator({ quirks: { moveAccountCheckOrder: order } }));
  });
  afterAll(async () => {
    for (const watched of emulators.values()) await watched.emulator.stop();
  });

  it('has scenarios to replay', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  for (const file of FILES) {
    const regression = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as RegressionFile;
    it.each(MOVE_ACCOUNT_CHECK_ORDERS)(`${file.replace(/\.json$/, '')}: ${regression.expect} (MoveAccount checks %s)`, async (order) => {
      expect(regression.why.length).toBeGreaterThan(20);
      const built = buildScenario(regression.input);
      const scenario = regression.options ? { ...built, desired: { ...built.desired, options: { ...built.desired.options, ...regression.options } } } : built;
      expect(desiredProblems(scenario.desired)).toEqual([]);
      const result = await applyUntilConverged(emulators.get(order)!, scenario, {
        maxRuns: regression.maxRuns ?? 1,
        ...(regression.faults ? { faults: regression.faults } : {}),
      });
      expect(result.kind).toBe(regression.expect);
    });
  }
});
