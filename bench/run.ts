// `npm run bench`: the scale benchmark of issue 8. Prints every figure and pass/fail per goal; a
// full-size run writes bench/results.json and BENCHMARKS.md.
//
//   npm run bench                           full size (500 OUs, 5,000 accounts, 100 budgets), scale 10
//   npm run bench -- --scale 20             another time scale (emulator buckets and orgctl's pacer)
//   npm run bench -- --accounts 500 --ous 50 --budgets 10    a smaller organization (writes nothing)
//   npm run bench -- --no-baseline --no-small-org --no-throughput --no-account-lifecycle
//   npm run bench -- --render-only           BENCHMARKS.md again from bench/results.json (measures nothing)
//
// Not part of `npm test` or CI: it measures, it does not assert.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateGoals, furthestFromMet, type GoalResult } from './goals.js';
import { runBenchmark, type BenchOptions, type BenchResults } from './harness.js';
import { renderConsoleReport, renderMarkdownReport, type ReportContext } from './report.js';
import { BENCH_SIZE, type OrgSize } from './synthetic-org.js';
import { timeProcess } from './measure.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    ous: { type: 'string' },
    accounts: { type: 'string' },
    budgets: { type: 'string' },
    'no-baseline': { type: 'boolean' },
    'no-small-org': { type: 'boolean' },
    'no-throughput': { type: 'boolean' },
    'no-account-lifecycle': { type: 'boolean' },
    'no-write': { type: 'boolean' },
    'keep-work-dir': { type: 'boolean' },
    'render-only': { type: 'boolean' },
  },
});

if (values['render-only']) {
  // Re-renders BENCHMARKS.md from bench/results.json (after a change to the report's wording), measuring nothing.
  const saved = JSON.parse(readFileSync('bench/results.json', 'utf8')) as ReportContext & { results: BenchResults; goals: GoalResult[] };
  const { results: savedResults, goals: _oldGoals, furthestFromMet: _oldWorst, ...savedContext } = saved as typeof saved & { furthestFromMet?: unknown };
  const goals = evaluateGoals(savedResults, savedContext.benchSeconds);
  writeFileSync('bench/results.json', `${JSON.stringify({ ...savedContext, results: savedResults, goals, furthestFromMet: furthestFromMet(goals) ?? null }, null, 2)}\n`);
  writeFileSync('BENCHMARKS.md', renderMarkdownReport(savedResults, goals, savedContext));
  process.stdout.write('bench/results.json goals and BENCHMARKS.md re-rendered from the saved figures\n');
  process.exit(0);
}

const size: OrgSize = {
  ...BENCH_SIZE,
  ...(values.ous ? { ous: Number(values.ous) } : {}),
  ...(values.accounts ? { accounts: Number(values.accounts) } : {}),
  ...(values.budgets ? { budgets: Number(values.budgets) } : {}),
};
const fullSize = size.ous === BENCH_SIZE.ous && size.accounts === BENCH_SIZE.accounts && size.budgets === BENCH_SIZE.budgets;
const scale = Number(values.scale);
if (!(scale > 0)) throw new Error(`--scale must be a number above 0, got ${values.scale}`);

const started = performance.now();
const log = (line: string): void => void process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

log('building build/cli.js (npm run build) and the benchmark workers');
const buildRun = await timeProcess(process.execPath, ['scripts/build.mjs', 'cli']);
if (buildRun.code !== 0) throw new Error(`the CLI build failed:\n${buildRun.stderr}`);

const workDir = mkdtempSync(join(tmpdir(), 'orgctl-bench-'));
const options: BenchOptions = {
  size,
  scale,
  workDir,
  driftFraction: 0.05,
  change: fullSize ? { moveAccounts: 1000, createOus: 50, updateBudgets: 20 } : { moveAccounts: Math.round(size.accounts / 5), createOus: Math.max(5, Math.round(size.ous / 10)), updateBudgets: Math.max(1, Math.round(size.budgets / 5)) },
  baseline: !values['no-baseline'],
  pureDiffRuns: 9,
  smallOrg: values['no-small-org'] ? false : { runs: 9, pauseMs: 2500 },
  throughput: values['no-throughput'] ? false : { seconds: 5 },
  accountLifecycle: values['no-account-lifecycle'] ? false : { create: 50, close: 10 },
  log,
};

try {
  const results = await runBenchmark(options);
  const benchSeconds = (performance.now() - started) / 1000;
  const goals = evaluateGoals(results, benchSeconds);
  const context: ReportContext = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
    },
    benchSeconds,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  };
  process.stdout.write(`\n${renderConsoleReport(results, goals, context)}\n`);
  if (fullSize && !values['no-write']) {
    const worst = furthestFromMet(goals);
    writeFileSync('bench/results.json', `${JSON.stringify({ ...context, results, goals, furthestFromMet: worst ?? null }, null, 2)}\n`);
    writeFileSync('BENCHMARKS.md', renderMarkdownReport(results, goals, context));
    log('wrote bench/results.json and BENCHMARKS.md');
  } else {
    log('not a full-size run (or --no-write): bench/results.json and BENCHMARKS.md left as they are');
  }
  process.exitCode = goals.every((g) => g.pass) ? 0 : 1;
} finally {
  if (values['keep-work-dir']) log(`work directory kept: ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}
