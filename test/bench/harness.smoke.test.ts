// A smoke test of the scale benchmark's harness (bench/harness.ts) on a tiny organization: every
// operation runs, as its own orgctl process, against the rate-limited emulator, and the call figures
// hold. No timing is asserted (speed is measured by `npm run bench`, never in tests).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { total } from '../../bench/bounds.js';
import { evaluateGoals, furthestFromMet, type GoalResult } from '../../bench/goals.js';
import { runBenchmark, type BenchResults, type ScenarioResult } from '../../bench/harness.js';
import { changeOrg, driftOrg, generateOrg, toOrgYaml } from '../../bench/synthetic-org.js';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import { REALISTIC_PAGES } from '../support/emulator.js';

const SIZE = { ous: 8, accounts: 45, budgets: 2, depth: 3, notificationsPerBudget: 2, subscribersPerNotification: 2, policies: 1 };

describe('the synthetic organization', () => {
  it('has the requested size and depth, and its org.yaml validates', () => {
    const org = generateOrg({ ...SIZE, ous: 40, depth: 5, accounts: 300 });
    expect(org.ous).toHaveLength(40);
    expect(org.accounts).toHaveLength(300);
    const depth = (id: string): number => (id === org.rootId ? 0 : 1 + depth(org.ous.find((ou) => ou.id === id)!.parentId));
    expect(Math.max(...org.ous.map((ou) => depth(ou.id)))).toBe(5);
    expect(parseOrgYaml(toOrgYaml(org), 'org.yaml').ok).toBe(true);
  });

  it('drift and change touch what they say', () => {
    const org = generateOrg({ ...SIZE, accounts: 200, budgets: 20 });
    const drift = driftOrg(org, 0.05);
    expect(drift.org.accounts.filter((a, i) => a.parentId !== org.accounts[i]!.parentId)).toHaveLength(drift.movedAccounts);
    expect(drift.movedAccounts).toBeGreaterThanOrEqual(10);
    const change = changeOrg(org, 40, 10, 4);
    expect(change.org.accounts.filter((a, i) => a.parentId !== org.accounts[i]!.parentId)).toHaveLength(40);
    expect(change.org.ous).toHaveLength(org.ous.length + 10);
    expect(change.org.budgets.filter((b, i) => b.amount !== org.budgets[i]!.amount)).toHaveLength(4);
    expect(parseOrgYaml(toOrgYaml(change.org), 'org.yaml').ok).toBe(true);
  });
});

describe('bench harness on a tiny organization', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'orgctl-bench-smoke-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  let results: BenchResults;

  it('runs plan, drift, apply, import and the baseline; calls stay at the lower bound plus the extra pages served', async () => {
    results = await runBenchmark({
      size: SIZE,
      scale: 20,
      workDir,
      driftFraction: 0.1,
      change: { moveAccounts: 8, createOus: 5, updateBudgets: 1 },
      baseline: true,
      pureDiffRuns: 1,
      smallOrg: false,
      throughput: false,
      log: () => undefined,
      // npm run bench serves full pages; here the accounting must hold with AWS's empty and trailing pages too.
      pages: REALISTIC_PAGES,
      accountLifecycle: { create: 6, close: 2 },
    });
    const { planNoChanges, planAfterDrift, apply, import: imported, planWithTags, createAccounts, closeAccounts } = results.scenarios;
    for (const s of [planNoChanges, planAfterDrift, apply, imported, planWithTags!, createAccounts!, closeAccounts!]) {
      // Nothing fetched twice, nothing beyond the bound but retries of throttled calls and the extra pages served.
      expect(s.repeatedReads, s.name).toBe(0);
      expect(s.callsBeyondBound, s.name).toBe(0);
      expect(s.callsTotal, s.name).toBeGreaterThanOrEqual(s.lowerBoundTotal + s.extraPagesTotal);
      // Without throttling, the calls are exactly the bound plus the extra pages.
      if (total(s.throttled.server) === 0) expect(s.callsTotal, s.name).toBe(s.lowerBoundTotal + s.extraPagesTotal);
      // The emulator saw what the port counted.
      expect(s.clientCallsTotal, s.name).toBe(s.callsTotal);
      expect(s.peakRssMb, s.name).toBeGreaterThan(0);
      expect(s.rateBound.seconds, s.name).toBeGreaterThan(0);
    }
    expect([planNoChanges, planAfterDrift, apply, imported].reduce((n, s) => n + s.extraPagesTotal, 0)).toBeGreaterThan(0);
    expect(planAfterDrift.steps?.['moveAccount']).toBeGreaterThan(0);
    // Tags: one ListTagsForResource per declared OU and account (every OU, every tenth account), none without tags.
    expect(planWithTags!.tagged).toEqual({ ous: SIZE.ous, accounts: Math.ceil(SIZE.accounts / 10) });
    expect(planWithTags!.lowerBound['organizations:ListTagsForResource']).toBe(SIZE.ous + Math.ceil(SIZE.accounts / 10));
    expect(planNoChanges.calls['organizations:ListTagsForResource'] ?? 0).toBe(0);
    // Writes that went through: a throttled request is retried and counted in calls as well.
    const written = (op: string): number => (apply.calls[op] ?? 0) - (apply.throttled.server[op] ?? 0);
    expect(written('organizations:MoveAccount')).toBe(8);
    expect(written('organizations:CreateOrganizationalUnit')).toBe(5);
    expect(written('budgets:UpdateBudget')).toBe(1);
    // Account lifecycle: each creation started, polled and moved into a nested OU; each closure one call; all in the bound.
    const lifecycleWritten = (s: ScenarioResult, op: string): number => (s.calls[op] ?? 0) - (s.throttled.server[op] ?? 0);
    expect(createAccounts!.created.accounts).toBe(6);
    expect(lifecycleWritten(createAccounts!, 'organizations:CreateAccount')).toBe(6);
    expect(lifecycleWritten(createAccounts!, 'organizations:MoveAccount')).toBe(6);
    expect(createAccounts!.lowerBound['organizations:DescribeCreateAccountStatus']).toBe(6);
    expect(createAccounts!.rateBound.phases.map((p) => p.name)).toEqual(['read (plan)', 'writes', 'read (re-plan)']);
    expect(lifecycleWritten(closeAccounts!, 'organizations:CloseAccount')).toBe(2);
    expect(closeAccounts!.calls['organizations:CreateAccount'] ?? 0).toBe(0);
    // The baseline reads per resource: many more calls for the same organization.
    expect(results.baseline!.failed).toBe(0);
    expect(results.baseline!.callsTotal).toBeGreaterThan(planNoChanges.callsTotal);
    expect(results.baseline!.calls['organizations:ListParents']).toBe(SIZE.accounts + SIZE.ous);
  }, 120_000);

  it('evaluates every goal', () => {
    const goals = evaluateGoals(results, null);
    expect(goals.map((g) => g.goal)).toEqual(expect.arrayContaining([expect.stringMatching(/^Calls ≤ 1.1/), expect.stringMatching(/^Wall time ≤ 1.3/), expect.stringMatching(/baseline/)]));
  });
});

/** A scenario whose figures pass every goal, for the hand-made results below to change one at a time. */
function scenario(name: string, figures: Partial<ScenarioResult>): ScenarioResult {
  const none = {};
  return {
    name,
    description: name,
    exitCode: 0,
    wallSeconds: 1,
    commandSeconds: 1,
    calls: none,
    callsTotal: 100,
    lowerBound: none,
    lowerBoundTotal: 100,
    callRatio: 1,
    callsBeyondBound: 0,
    extraPages: none,
    extraPagesTotal: 0,
    repeatedReads: 0,
    repeatedExamples: [],
    rateBound: { phases: [], seconds: 1, plainSeconds: 1 },
    wallRatio: 1,
    throttled: { server: none, client: none },
    retried: none,
    serverErrors: none,
    clientCallsTotal: 100,
    peakRssMb: 100,
    cpuSeconds: 1,
    ...figures,
  };
}

describe('the goals, on hand-made results with known passing and failing figures', () => {
  const drift = { movedAccounts: 0, addedOus: 0, removedOus: 0, changedBudgets: 0 };
  const change = { movedAccounts: 0, createdOus: 0, updatedBudgets: 0 };
  const phases = { startupMs: 0, awsMs: 0, tailMs: 0, requests: 0, throttled: 0 };
  const results: BenchResults = {
    scale: 1,
    size: SIZE,
    organization: { ous: 8, accounts: 45, budgets: 2, parentsWithSeveralPages: 0, orgYamlBytes: 0 },
    scenarios: {
      // Calls: exactly the bound (margin 0); wall: exactly the allowed 1.3× (passes, margin 1).
      planNoChanges: scenario('plan (no changes)', { callRatio: 1, wallRatio: 1.3, peakRssMb: 150 }),
      // Exit code 2 is what plan --detailed-exitcode answers after drift: a success.
      planAfterDrift: { ...scenario('plan after drift', { callRatio: 1.05, wallRatio: 1.39, exitCode: 2 }), drift },
      // Failed (exit code 1), one repeated read and two calls beyond the bound.
      apply: { ...scenario('apply', { wallRatio: 0.9, exitCode: 1, repeatedReads: 1, callsBeyondBound: 2, peakRssMb: 120 }), change },
      import: scenario('import', { callRatio: 1.2, wallRatio: 1.15 }),
    },
    baseline: {
      wallSeconds: 8,
      calls: {},
      callsTotal: 800,
      rateBound: { name: 'baseline', operations: [], limiting: '', plainSeconds: 1, seconds: 1 },
      wallRatio: 1,
      throttled: {},
      clientThrottled: {},
      retried: {},
      failed: 0,
      callsVersusPlan: 8,
      wallVersusPlan: 8,
    },
    pureDiff: { runs: 3, cases: [], worstMedianMs: 250, worstCase: 'many moves' },
    smallOrg: { runs: 5, wallMs: [400], medianMs: 400, medianPhases: phases, phases: [phases], pacingFloorMs: 0, exitCodes: [0], ous: 3, budgets: 1 },
    emulatorThroughput: { callsPerSecond: 2000, callsPerCpuSecond: null, emulatorCpuShare: null, latencyP50Ms: null, latencyP99Ms: null, report: '' },
  };
  const goals = evaluateGoals(results, 300);
  const goal = (pattern: RegExp): GoalResult => goals.find((g) => pattern.test(g.goal)) ?? expect.fail(`no goal matches ${pattern}`);

  it('call ratios: margin = share of the allowed 10 % excess used; above the limit fails', () => {
    expect(goal(/^Calls .*: plan \(no changes\)$/)).toMatchObject({ pass: true, margin: 0 });
    expect(goal(/^Calls .*: plan after drift$/).pass).toBe(true);
    expect(goal(/^Calls .*: plan after drift$/).margin).toBeCloseTo(0.5);
    expect(goal(/^Calls .*: import$/).pass).toBe(false);
    expect(goal(/^Calls .*: import$/).margin).toBeCloseTo(2);
  });

  it('wall ratios: exactly the limit passes with margin 1; below the bound is margin 0', () => {
    expect(goal(/^Wall time .*: plan \(no changes\)$/)).toMatchObject({ pass: true, margin: 1 });
    expect(goal(/^Wall time .*: plan after drift$/).pass).toBe(false);
    expect(goal(/^Wall time .*: plan after drift$/).margin).toBeCloseTo(1.3);
    expect(goal(/^Wall time .*: import$/).margin).toBeCloseTo(0.5);
    expect(goal(/^Wall time .*: apply$/)).toMatchObject({ pass: true, margin: 0 });
  });

  it('refetches and failed runs: any fails, margin 1 + count; drift’s exit code 2 is a success', () => {
    expect(goal(/^Zero calls fetching/)).toMatchObject({ pass: false, measured: '3', margin: 4 });
    expect(goal(/^No step fails/)).toMatchObject({ pass: false, margin: 2 });
    expect(goal(/^No step fails/).measured).toMatch(/^3\/4 succeeded/);
  });

  it('at-least and at-most goals: margin = limit ÷ measured or measured ÷ limit', () => {
    expect(goal(/baseline/)).toMatchObject({ pass: false, margin: 1.25 });
    expect(goal(/^Peak RSS/)).toMatchObject({ pass: true, measured: '150 MB', margin: 0.5 });
    expect(goal(/^Pure diff/)).toMatchObject({ pass: false, margin: 1.25 });
    expect(goal(/^Small organization/)).toMatchObject({ pass: true, margin: 0.4 });
    expect(goal(/^Emulator throughput/)).toMatchObject({ pass: true, margin: 0.5 });
    expect(goal(/npm run bench. wall time$/)).toMatchObject({ pass: true, margin: 0.5 });
  });

  it('evaluates all 15 goals, 6 of them failing; the furthest from met is the refetch goal', () => {
    expect(goals).toHaveLength(15);
    expect(goals.filter((g) => !g.pass).map((g) => g.goal.split(':')[0]?.split(' (')[0])).toEqual([
      'Calls ≤ 1.1 × lower bound',
      'Zero calls fetching what the run already knows',
      'Wall time ≤ 1.3 × rate-limit bound',
      'No step fails from throttling',
      'Fewer calls than the per-resource baseline',
      'Pure diff',
    ]);
    expect(furthestFromMet(goals)?.goal).toMatch(/^Zero calls fetching/);
  });
});
