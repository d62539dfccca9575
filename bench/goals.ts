// The goals of issue 8, checked against one benchmark run. Each goal has a margin, the share of what
// the goal allows that the run used: above 1 fails, and the largest margin is the goal furthest from
// met. For "at most" goals it is measured ÷ limit, for "at least" goals limit ÷ measured; for ratios to
// a bound, whose best possible value is 1 (exactly the lower bound), it is (ratio − 1) ÷ (limit − 1).

import type { BenchResults, ScenarioResult } from './harness.js';
import { total } from './bounds.js';

export interface GoalResult {
  readonly goal: string;
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
  readonly margin: number;
}

const CALL_FACTOR = 1.1;
const WALL_FACTOR = 1.3;
const BASELINE_FACTOR = 10;
const RSS_LIMIT_MB = 300;
const PURE_DIFF_LIMIT_MS = 200;
const SMALL_ORG_LIMIT_MS = 1000;
const THROUGHPUT_MIN = 1000;
export const BENCH_LIMIT_SECONDS = 600;

function atMost(goal: string, measured: number, limit: number, format: (n: number) => string, targetText?: string): GoalResult {
  return { goal, target: targetText ?? `≤ ${format(limit)}`, measured: format(measured), pass: measured <= limit, margin: measured / limit };
}

/** A ratio to a lower bound: 1 is the best possible, so the margin is the share of the allowed excess used. */
function ratioAtMost(goal: string, ratio: number, limit: number, targetText: string): GoalResult {
  return { goal, target: targetText, measured: times(ratio), pass: ratio <= limit, margin: Math.max(0, ratio - 1) / (limit - 1) };
}

function atLeast(goal: string, measured: number, limit: number, format: (n: number) => string): GoalResult {
  return { goal, target: `≥ ${format(limit)}`, measured: format(measured), pass: measured >= limit, margin: limit / Math.max(measured, Number.MIN_VALUE) };
}

const times = (n: number): string => `${n.toFixed(3)}×`;

export function evaluateGoals(results: BenchResults, benchSeconds: number | null): GoalResult[] {
  const { planNoChanges, planAfterDrift, apply, import: imported, planWithTags, createAccounts, closeAccounts } = results.scenarios;
  const tagRuns = planWithTags ? [planWithTags] : [];
  // Applies whose writes are all in the bound (creations' polls included), so their calls are held to it too.
  const lifecycleRuns = ([createAccounts, closeAccounts] as (ScenarioResult | undefined)[]).filter((s): s is ScenarioResult => s !== undefined);
  const orgctlRuns: readonly ScenarioResult[] = [planNoChanges, planAfterDrift, apply, imported, ...tagRuns, ...lifecycleRuns];
  const goals: GoalResult[] = [];
  for (const s of [planNoChanges, planAfterDrift, imported, ...tagRuns, ...lifecycleRuns]) {
    goals.push(ratioAtMost(`Calls ≤ ${CALL_FACTOR} × lower bound: ${s.name}`, s.callRatio, CALL_FACTOR, `≤ ${CALL_FACTOR}× (${s.lowerBoundTotal} → ≤ ${Math.floor(s.lowerBoundTotal * CALL_FACTOR)})`));
  }
  const refetches = orgctlRuns.reduce((n, s) => n + s.repeatedReads + s.callsBeyondBound, 0);
  goals.push({
    goal: 'Zero calls fetching what the run already knows (repeated reads + calls beyond the bound, all runs)',
    target: '0',
    measured: String(refetches),
    pass: refetches === 0,
    margin: refetches === 0 ? 0 : 1 + refetches,
  });
  for (const s of [planNoChanges, planAfterDrift, imported, apply, ...tagRuns, ...lifecycleRuns]) {
    goals.push(ratioAtMost(`Wall time ≤ ${WALL_FACTOR} × rate-limit bound: ${s.name}`, s.wallRatio, WALL_FACTOR, `≤ ${WALL_FACTOR}× (${s.rateBound.seconds.toFixed(2)} s → ≤ ${(s.rateBound.seconds * WALL_FACTOR).toFixed(2)} s)`));
  }
  const throttled = orgctlRuns.reduce((n, s) => n + total(s.throttled.server), 0);
  const failedRuns = orgctlRuns.filter((s) => s.exitCode !== (s === planAfterDrift ? 2 : 0)).length;
  goals.push({
    goal: 'No step fails from throttling (every run succeeds; apply converges)',
    target: 'all succeed',
    measured: `${orgctlRuns.length - failedRuns}/${orgctlRuns.length} succeeded; ${throttled} throttled ${throttled === 1 ? 'request' : 'requests'}, all retried`,
    pass: failedRuns === 0,
    margin: failedRuns === 0 ? 0 : 1 + failedRuns,
  });
  if (results.baseline) {
    goals.push(atLeast('Fewer calls than the per-resource baseline (baseline ÷ plan)', results.baseline.callsVersusPlan, BASELINE_FACTOR, (n) => `${n.toFixed(1)}×`));
  }
  const peak = Math.max(...orgctlRuns.map((s) => s.peakRssMb));
  goals.push(atMost(`Peak RSS at ${results.organization.accounts.toLocaleString('en-US')} accounts (largest of all orgctl runs)`, peak, RSS_LIMIT_MB, (n) => `${n.toFixed(0)} MB`, `< ${RSS_LIMIT_MB} MB`));
  goals.push(
    atMost(`Pure diff (planOrg alone), median of ${results.pureDiff.runs} runs, worst case (${results.pureDiff.worstCase})`, results.pureDiff.worstMedianMs, PURE_DIFF_LIMIT_MS, (n) => `${n.toFixed(1)} ms`, `< ${PURE_DIFF_LIMIT_MS} ms`),
  );
  if (results.smallOrg) {
    goals.push(atMost(`Small organization (org.yaml): \`node bin/orgctl.js plan\` whole process, median of ${results.smallOrg.runs}`, results.smallOrg.medianMs, SMALL_ORG_LIMIT_MS, (n) => `${n.toFixed(0)} ms`, `< ${SMALL_ORG_LIMIT_MS} ms`));
  }
  if (results.emulatorThroughput) {
    goals.push(atLeast('Emulator throughput, simple calls on one core', results.emulatorThroughput.callsPerSecond, THROUGHPUT_MIN, (n) => `${n.toFixed(0)} calls/s`));
  }
  if (benchSeconds !== null) goals.push(atMost('`npm run bench` wall time', benchSeconds, BENCH_LIMIT_SECONDS, (n) => `${n.toFixed(0)} s`, `< ${BENCH_LIMIT_SECONDS} s`));
  return goals;
}

export function furthestFromMet(goals: readonly GoalResult[]): GoalResult | undefined {
  return goals.reduce<GoalResult | undefined>((worst, g) => (worst === undefined || g.margin > worst.margin ? g : worst), undefined);
}
