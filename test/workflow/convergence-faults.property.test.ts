// Proof that apply converges with faults on (issue 5): throttling, ConcurrentModification, 500s and
// dropped connections (before the call, and after it took effect) on 10–20% of all calls. Apply may
// need more than one run, but converges within 3, and never leaves a duplicate: no second OU under a
// parent, no second budget, notification or subscriber, every account in one place, and each OU,
// budget and account move taking effect once (counted in the emulator's request log). Under both
// MoveAccount check orders, since AWS does not document how it answers a retried move.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorOptions, FaultSpec } from '../../src/emulator/index.js';
import { applyUntilConverged, startWatchedEmulator, type WatchedEmulator } from './support/converge.js';
import { MOVE_ACCOUNT_CHECK_ORDERS, type MoveAccountCheckOrder } from './support/move-account-orders.js';
import { buildScenario, desiredProblems, scenarioInputs } from './support/scenarios.js';

/** Faults on every operation, `total` of the calls in all, spread over the five kinds. */
function faultsAt(total: number, seed: number): FaultSpec {
  const share = total / 5;
  return { seed, rules: [{ operations: '*', rates: { throttle: share, conflict: share, error500: share, drop: share, 'drop-after': share } }] };
}

/** MoveAccount calls of the last case answered with this error. */
function movesAnswered(watched: WatchedEmulator, code: string): number {
  return watched.emulator.requestLog().filter((e) => e.operation === 'MoveAccount' && e.errorCode === code).length;
}

const WRITES = [
  'CreateOrganization',
  'CreateOrganizationalUnit',
  'UpdateOrganizationalUnit',
  'DeleteOrganizationalUnit',
  'MoveAccount',
  'budgets.CreateBudget',
  'budgets.UpdateBudget',
  'budgets.DeleteBudget',
  'budgets.CreateNotification',
  'budgets.UpdateNotification',
  'budgets.DeleteNotification',
  'budgets.CreateSubscriber',
  'budgets.DeleteSubscriber',
];

// The checks that the properties are not vacuous (enough faulty runs, enough stopped runs) are statistical,
// so CI runs a fixed sample; set ORGCTL_PROPERTY_SEED to explore others.
const PROPERTY_SEED = Number(process.env['ORGCTL_PROPERTY_SEED'] ?? 20261124);

describe('apply converges against the emulator with faults on', () => {
  // Half the cases also get small pages, empty pages with a NextToken, every client error as HTTP 400 (as
  // Organizations once answered), and AWS's undocumented choices made the other way (budget amounts echoed
  // verbatim, CreateBudget not atomic, OU names compared without case, a move from a wrong source allowed).
  // Independently, each case picks one of the two MoveAccount check orders: a retried move that already
  // happened is answered DuplicateAccount or AccountNotFound.
  let emulators: Map<MoveAccountCheckOrder, WatchedEmulator>[] = [];
  beforeAll(async () => {
    const start = async (options: EmulatorOptions) => {
      const byOrder = new Map<MoveAccountCheckOrder, WatchedEmulator>();
      for (const order of MOVE_ACCOUNT_CHECK_ORDERS) byOrder.set(order, await startWatchedEmulator({ ...options, quirks: { ...options.quirks, moveAccountCheckOrder: order } }));
      return byOrder;
    };
    emulators = [await start({}), await start({
        pageSize: 5,
        emptyPages: 0.1,
        statusCodes: 'legacy',
        quirks: { amountFormat: 'verbatim', createBudgetAtomic: false, ouNamesCaseSensitive: false, wrongSourceParent: 'ignore' },
      })];
  });
  afterAll(async () => {
    for (const watched of emulators.flatMap((byOrder) => [...byOrder.values()])) await watched.emulator.stop();
  });

  it('10–20% of calls fail: converges within 3 runs, with no duplicates', async () => {
    const seen = { cases: 0, faultyRuns: 0, multiRun: 0, notInSource: 0, orders: new Set<MoveAccountCheckOrder>() };
    await fc.assert(
      fc.asyncProperty(scenarioInputs({ small: 3, large: 1 }), fc.integer({ min: 10, max: 20 }), fc.nat(), fc.nat({ max: 1 }), fc.constantFrom(...MOVE_ACCOUNT_CHECK_ORDERS), async (input, percent, seed, which, order) => {
        const emulator = emulators[which]!.get(order)!;
        const scenario = buildScenario(input);
        fc.pre(desiredProblems(scenario.desired).length === 0);
        const result = await applyUntilConverged(emulator, scenario, { maxRuns: 3, faults: faultsAt(percent / 100, seed) });
        seen.cases += 1;
        seen.orders.add(order);
        if (order === 'sourceFirst') seen.notInSource += movesAnswered(emulator, 'AccountNotFoundException');
        if (result.kind === 'converged' && result.runs > 1) seen.multiRun += 1;
        const faults = emulator.emulator.requestLog().filter((e) => e.fault !== undefined).length;
        if (faults > 0) seen.faultyRuns += 1;
      }),
      { numRuns: Number(process.env['ORGCTL_PROPERTY_RUNS'] ?? 20), timeout: 90_000, seed: PROPERTY_SEED },
    );
    expect(seen.faultyRuns).toBeGreaterThan(seen.cases / 2);
    // Retried moves that already happened were answered "not in the source" (the sourceFirst order):
    // the case the DuplicateAccount answer used to hide.
    expect(seen.notInSource).toBeGreaterThan(0);
    expect([...seen.orders].sort()).toEqual([...MOVE_ACCOUNT_CHECK_ORDERS].sort());
  }, 300_000);

  it('with retries nearly off, runs stop part-way again and again; each next run resumes, and nothing is done twice', async () => {
    // Writes fail 40% of the time and get two attempts: most runs hit an error that "will not go away" and
    // stop, with the steps in flight finishing. Whatever state that leaves, the next run must carry on from it.
    const harsh = { throttled: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, other: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } };
    const seen = { cases: 0, stops: 0, orders: new Set<MoveAccountCheckOrder>() };
    await fc.assert(
      fc.asyncProperty(scenarioInputs({ small: 1, large: 0 }), fc.nat(), fc.constantFrom(...MOVE_ACCOUNT_CHECK_ORDERS), async (input, seed, order) => {
        const scenario = buildScenario(input);
        fc.pre(desiredProblems(scenario.desired).length === 0);
        const faults: FaultSpec = { seed, rules: [{ ...faultsAt(0.4, seed).rules[0]!, operations: WRITES }] };
        const result = await applyUntilConverged(emulators[0]!.get(order)!, scenario, { maxRuns: 40, faults, retryPolicy: harsh });
        seen.cases += 1;
        seen.orders.add(order);
        if (result.kind === 'converged') seen.stops += result.runs - 1;
      }),
      { numRuns: Number(process.env['ORGCTL_PROPERTY_RUNS'] ?? 12), timeout: 90_000, seed: PROPERTY_SEED },
    );
    // Runs that stopped part-way and were resumed by the next one (about one per case on average): the
    // property is not vacuous.
    expect(seen.stops).toBeGreaterThanOrEqual(seen.cases / 4);
    expect([...seen.orders].sort()).toEqual([...MOVE_ACCOUNT_CHECK_ORDERS].sort());
  }, 300_000);
});
