// A smoke test of the scale benchmark's harness (bench/harness.ts) on a tiny organization: every
// operation runs, as its own orgctl process, against the rate-limited emulator, and the call figures
// hold. No timing is asserted (speed is measured by `npm run bench`, never in tests).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { total } from '../../bench/bounds.js';
import { evaluateGoals } from '../../bench/goals.js';
import { runBenchmark, type BenchResults } from '../../bench/harness.js';
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
    });
    const { planNoChanges, planAfterDrift, apply, import: imported } = results.scenarios;
    for (const s of [planNoChanges, planAfterDrift, apply, imported]) {
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
    expect(apply.calls['organizations:MoveAccount']).toBe(8);
    expect(apply.calls['organizations:CreateOrganizationalUnit']).toBe(5);
    expect(apply.calls['budgets:UpdateBudget']).toBe(1);
    // The baseline reads per resource: many more calls for the same organization.
    expect(results.baseline!.failed).toBe(0);
    expect(results.baseline!.callsTotal).toBeGreaterThan(planNoChanges.callsTotal);
    expect(results.baseline!.calls['organizations:ListParents']).toBe(SIZE.accounts + SIZE.ous);
  }, 120_000);

  it('evaluates every goal', () => {
    const goals = evaluateGoals(results, null);
    expect(goals.map((g) => g.goal)).toEqual(expect.arrayContaining([expect.stringMatching(/^Calls ≤ 1.1/), expect.stringMatching(/^Wall time ≤ 1.3/), expect.stringMatching(/baseline/)]));
    for (const goal of goals) expect(goal.pass).toBe(goal.margin <= 1);
  });
});
