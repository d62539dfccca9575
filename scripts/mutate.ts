// `npm run mutate`: a targeted mutation check. Each mutation in test/mutations/mutations.json plants one
// deliberate bug in one source file; the test files listed with it must then fail.
//
//   npm run mutate                                   every mutation, its expected test files; records RESULTS.md
//   npm run mutate -- planner-budget-timeunit        only the named mutations (prints, records nothing)
//   npm run mutate -- --all-tests planner-budget-timeunit    the whole suite instead (to check a survivor)
//   npm run mutate -- --no-baseline                  skip the unmutated run of the expected tests first
//   npm run mutate -- --no-record                    print only, leave RESULTS.md as it is
//   npm run mutate -- --timeout 600                  seconds per test run; a run that takes longer counts as caught
//   npm run mutate -- --list                         list the mutations and their expected tests
//
// The working tree is never changed: everything runs in a temporary copy of the repository (the files Git
// knows, node_modules symlinked), where one source file at a time is mutated and restored. vitest's global
// setup rebuilds build/cli.js in the copy, and the Action bundle (dist/index.js) is rebuilt there when a
// test that runs it is about to, so tests that spawn either run the mutated code. Outcomes: caught (the
// tests failed), survived (they passed), invalid (a search string does not occur exactly once, or an
// expected test file is missing). Each run's vitest output is in build/mutate/<id>.log.
// Exit code: 0 every mutation caught; 1 one survived or is invalid; 2 bad usage or a failing baseline.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { applyEdits, checkMutation, expectedTestFiles, loadMutations, MUTATIONS_FILE, type Mutation } from './mutation-list.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_FILE = 'test/mutations/RESULTS.md';
const LOG_DIR = 'build/mutate';

type Outcome = 'caught' | 'survived' | 'invalid';

interface MutationResult {
  readonly mutation: Mutation;
  readonly outcome: Outcome;
  readonly seconds: number;
  /** The first failing test, the passing count, or what makes the mutation invalid. */
  readonly detail: string;
}

interface TestRun {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly passed: number;
  readonly failed: readonly string[];
  /** Test files that failed before any test ran (a syntax error, a failing import). */
  readonly brokenFiles: readonly string[];
  readonly seconds: number;
}

const { values: options, positionals: ids } = parseArgs({
  allowPositionals: true,
  options: {
    'all-tests': { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    'no-record': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '600' },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

let current: ChildProcess | undefined;
let workDir: string | undefined;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\nmutate: ${signal}; stopping (the working tree was never changed)`);
    cleanUp();
    process.exit(130);
  });
}

main().then(
  (code) => {
    cleanUp();
    process.exit(code);
  },
  (error: unknown) => {
    cleanUp();
    console.error(`mutate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);

async function main(): Promise<number> {
  if (options.help) {
    const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
    console.log(source.slice(0, source.indexOf('\n\n')).replace(/^\/\/ ?/gm, ''));
    return 0;
  }
  const timeoutMs = Number(options.timeout) * 1000;
  if (!(timeoutMs > 0)) throw new Error(`--timeout must be a number of seconds, got "${options.timeout}"`);

  const all = loadMutations(ROOT);
  const unknown = ids.filter((id) => !all.some((m) => m.id === id));
  if (unknown.length > 0) throw new Error(`no mutation named ${unknown.join(', ')} in ${MUTATIONS_FILE}; npm run mutate -- --list shows them`);
  const selected = ids.length > 0 ? all.filter((m) => ids.includes(m.id)) : all;

  if (options.list) {
    for (const m of selected) console.log(`${m.id}\n  ${m.file}: ${m.description}\n  expected: ${m.tests.join(', ')}`);
    return 0;
  }

  const startedAt = Date.now();
  workDir = mkdtempSync(join(tmpdir(), 'orgctl-mutate-'));
  const copy = join(workDir, 'repo');
  copyRepository(ROOT, copy);
  mkdirSync(join(ROOT, LOG_DIR), { recursive: true });
  console.log(`mutate: ${selected.length} mutation(s) in a copy at ${copy}; logs in ${LOG_DIR}/`);

  const runnable = selected.filter((m) => checkMutation(copy, m).length === 0);
  if (!options['no-baseline'] && runnable.length > 0) {
    const files = options['all-tests'] ? null : [...new Set(runnable.flatMap((m) => expectedTestFiles(copy, m)))].sort();
    process.stdout.write(`baseline: the ${files ? `${files.length} expected test files` : 'whole suite'} without mutations ... `);
    if (usesActionBundle(copy, files)) rebuildActionBundle(copy);
    const run = await runVitest(copy, files, { bail: false, timeoutMs, log: 'baseline' });
    console.log(`${run.exitCode === 0 ? 'pass' : 'FAIL'} (${run.seconds.toFixed(0)} s)`);
    if (run.exitCode !== 0) {
      console.error(`The expected tests fail without any mutation, so no mutation can be judged: ${describeFailure(run)}. See ${LOG_DIR}/baseline.log.`);
      return 2;
    }
  }

  const results: MutationResult[] = [];
  for (const [i, mutation] of selected.entries()) {
    process.stdout.write(`[${i + 1}/${selected.length}] ${mutation.id} ... `);
    const result = await runMutation(copy, mutation, timeoutMs);
    results.push(result);
    console.log(`${result.outcome} (${result.seconds.toFixed(1)} s)${result.outcome === 'caught' ? '' : `: ${result.detail}`}`);
  }
  const totalSeconds = (Date.now() - startedAt) / 1000;

  console.log(`\n${renderConsoleTable(results)}\n`);
  const count = (outcome: Outcome): number => results.filter((r) => r.outcome === outcome).length;
  const summary = `${count('caught')} caught, ${count('survived')} survived${count('invalid') > 0 ? `, ${count('invalid')} invalid` : ''}`;

  if (ids.length === 0 && !options['no-record']) {
    writeFileSync(join(ROOT, RESULTS_FILE), renderResults(results, summary, totalSeconds));
    console.log(`Recorded in ${RESULTS_FILE}.`);
  } else {
    console.log(`Not recorded in ${RESULTS_FILE} (${options['no-record'] ? '--no-record' : 'only some mutations ran'}).`);
  }
  console.log(summary);
  return count('caught') === results.length ? 0 : 1;
}

async function runMutation(copy: string, mutation: Mutation, timeoutMs: number): Promise<MutationResult> {
  const started = Date.now();
  const seconds = (): number => (Date.now() - started) / 1000;
  const problems = checkMutation(copy, mutation);
  if (problems.length > 0) return { mutation, outcome: 'invalid', seconds: seconds(), detail: problems.join('; ') };

  const path = join(copy, mutation.file);
  const original = readFileSync(path, 'utf8');
  const applied = applyEdits(original, mutation.edits);
  if (!applied.ok) return { mutation, outcome: 'invalid', seconds: seconds(), detail: applied.problem };
  writeFileSync(path, applied.text);
  try {
    const files = options['all-tests'] ? null : expectedTestFiles(copy, mutation);
    if (usesActionBundle(copy, files)) rebuildActionBundle(copy);
    const run = await runVitest(copy, files, { bail: true, timeoutMs, log: mutation.id });
    if (run.exitCode === 0 && !run.timedOut) {
      return { mutation, outcome: 'survived', seconds: seconds(), detail: `${run.passed} tests passed${files ? ` in ${files.join(', ')}` : ' (whole suite)'}` };
    }
    return { mutation, outcome: 'caught', seconds: seconds(), detail: describeFailure(run) };
  } finally {
    writeFileSync(path, original);
  }
}

function describeFailure(run: TestRun): string {
  if (run.timedOut) return `the tests did not finish within ${options.timeout} s (counted as caught)`;
  if (run.failed.length > 0) return `${run.failed[0]}${run.failed.length > 1 ? ` (and ${run.failed.length - 1} more)` : ''}`;
  if (run.brokenFiles.length > 0) return `test file failed to run: ${run.brokenFiles.join(', ')}`;
  return `vitest exited with code ${run.exitCode}`;
}

/** The files Git knows (tracked and untracked-but-not-ignored, as they are now), and node_modules as a symlink. */
function copyRepository(from: string, to: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: from, encoding: 'utf8' });
  const files = listed.status === 0 ? listed.stdout.split('\0').filter(Boolean) : walk(from, '');
  for (const file of files) {
    const source = join(from, file);
    if (!existsSync(source)) continue; // deleted in the working tree, not yet in a commit
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(source, join(to, file));
  }
  symlinkSync(join(from, 'node_modules'), join(to, 'node_modules'), 'dir');
}

/** Without Git: every file but the generated and installed ones. */
function walk(root: string, dir: string): string[] {
  const skip = new Set(['node_modules', '.git', 'build', 'coverage', '.orgctl']);
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name)) return [];
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(root, path) : entry.isFile() ? [path] : [];
  });
}

/**
 * Whether any of the test files (null: all) runs the Action bundle: it, or a test helper it imports
 * (relative imports under test/, followed transitively), names dist/index.js.
 */
function usesActionBundle(copy: string, files: readonly string[] | null): boolean {
  if (files === null) return true;
  const seen = new Set<string>();
  const queue = [...files];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file) || !file.startsWith('test/') || !existsSync(join(copy, file))) continue;
    seen.add(file);
    const text = readFileSync(join(copy, file), 'utf8');
    if (text.includes('dist/index.js')) return true;
    for (const [, specifier] of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
      queue.push(relative(copy, resolve(copy, dirname(file), specifier!.replace(/\.js$/, '.ts'))));
    }
  }
  return false;
}

/** Tests that run the Action use dist/index.js, which vitest's global setup does not rebuild. */
function rebuildActionBundle(copy: string): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'action'], { cwd: copy, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building dist/index.js in the copy failed: ${built.stderr.trim()}`);
}

async function runVitest(copy: string, files: readonly string[] | null, how: { bail: boolean; timeoutMs: number; log: string }): Promise<TestRun> {
  const started = Date.now();
  const jsonPath = join(workDir!, `${how.log}.json`);
  rmSync(jsonPath, { force: true });
  const logFd = openSync(join(ROOT, LOG_DIR, `${how.log}.log`), 'w');
  const args = [
    join(copy, 'node_modules/vitest/vitest.mjs'),
    'run',
    ...(how.bail ? ['--bail=1'] : []),
    '--reporter=dot',
    '--reporter=json',
    `--outputFile.json=${jsonPath}`,
    ...(files ?? []),
  ];
  let timedOut = false;
  const exitCode = await new Promise<number | null>((resolveExit) => {
    // Its own process group, so a timeout or Ctrl-C ends vitest and everything the tests spawned.
    const child = spawn(process.execPath, args, { cwd: copy, detached: true, stdio: ['ignore', logFd, logFd], env: { ...withoutColor(process.env), NO_COLOR: '1' } });
    current = child;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, how.timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
  killGroup(current!); // stragglers the tests left behind
  current = undefined;
  closeSync(logFd);
  return { exitCode, timedOut, ...readReport(jsonPath, copy), seconds: (Date.now() - started) / 1000 };
}

interface JsonReport {
  numPassedTests?: number;
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { status: string; fullName: string }[];
  }[];
}

function readReport(jsonPath: string, copy: string): Pick<TestRun, 'passed' | 'failed' | 'brokenFiles'> {
  if (!existsSync(jsonPath)) return { passed: 0, failed: [], brokenFiles: [] };
  const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as JsonReport;
  const failed: string[] = [];
  const brokenFiles: string[] = [];
  for (const file of report.testResults ?? []) {
    const name = relative(copy, file.name);
    const failing = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failing) failed.push(`${name} › ${a.fullName}`);
    if (file.status === 'failed' && failing.length === 0) brokenFiles.push(name);
  }
  return { passed: report.numPassedTests ?? 0, failed, brokenFiles };
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

function cleanUp(): void {
  if (current) killGroup(current);
  current = undefined;
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
}

function renderConsoleTable(results: readonly MutationResult[]): string {
  const rows = [['mutation', 'outcome', 'seconds', 'caught by / why'], ...results.map((r) => [r.mutation.id, r.outcome, r.seconds.toFixed(1), r.detail])];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ')).join('\n');
}

function renderResults(results: readonly MutationResult[], summary: string, totalSeconds: number): string {
  const git = (...args: string[]): string => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short=12', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'src', 'test', 'scripts') !== '';
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Mutation check results',
    '',
    `Written by \`npm run mutate\`${options['all-tests'] ? ' --all-tests' : ''}; do not edit by hand. The mutations and the tests expected`,
    `to catch each are in [mutations.json](mutations.json); how to run it is in README.md ("Development").`,
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Commit: ${commit}${dirty ? ' with uncommitted changes in src/, test/ or scripts/' : ''}`,
    `- Tests run per mutation: ${options['all-tests'] ? 'the whole suite' : 'its expected test files'} (vitest --bail=1)`,
    `- Machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end; ${totalSeconds.toFixed(0)} s in all`,
    `- Result: **${summary}**`,
    '',
    '| Mutation | File | Outcome | Seconds | Caught by (first failing test) / why not |',
    '|---|---|---|---:|---|',
    ...results.map((r) => `| \`${r.mutation.id}\` | ${r.mutation.file} | ${r.outcome} | ${r.seconds.toFixed(1)} | ${cell(r.detail)} |`),
  ];
  const notCaught = results.filter((r) => r.outcome !== 'caught');
  if (notCaught.length > 0) {
    lines.push('', '## Not caught', '');
    for (const r of notCaught) {
      lines.push(`- \`${r.mutation.id}\` (${r.outcome}): ${cell(r.mutation.description)} Expected to be caught by: ${r.mutation.tests.join(', ')}.`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Plain text in the logs: FORCE_COLOR would win over NO_COLOR. */
function withoutColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, ...rest } = env;
  return rest;
}
