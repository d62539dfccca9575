// The scale benchmark, as a function (bench/run.ts is its command line; the smoke test runs it on a
// tiny organization). One run: generate the organization, load it into the in-process emulator with
// rate limits at a time scale, then measure orgctl (each operation a process of its own, so memory
// and CPU are orgctl's alone) and the per-resource baseline against it, and compute every bound.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { startEmulator, type Emulator, type EmulatorSnapshot } from '../src/emulator/index.js';
import { expectedImportCalls } from '../src/importer/import-call-bound.js';
import type { Plan } from '../src/model/plan.js';
import { expectedReadCalls } from '../src/reader/read-call-bound.js';
import { expectedPolicyReadCalls } from '../src/kinds/policies/read-call-bound.js';
import type { BaselineRequest, BaselineResult } from './baseline-worker.js';
import { addCounts, phaseBound, qualify, sequentialBound, total, withInFlightFloor, type PhaseBound, type ServiceCounts } from './bounds.js';
import { importReadingFromSnapshot, liveFromSnapshot, livePoliciesFromSnapshot } from './live-from-snapshot.js';
import { runNodeWorker, ServerRecorder, type ServerView } from './measure.js';
import type { WorkerRequest, WorkerResult } from './orgctl-worker.js';
import { expectedAuditCalls } from './audit-bound.js';
import type { DesiredOrg } from '../src/model/desired.js';
import { desiredFrom, measurePureDiff, type PureDiffResult } from './pure-diff.js';
import { measureSmallOrg, type SmallOrgResult } from './small-org.js';
import { benchTags, changeOrg, closeAccountsChange, createAccountsChange, driftOrg, generateOrg, toOrgYaml, toSnapshot, type OrgSize, type SyntheticOrg } from './synthetic-org.js';
import { expectedTagReadCalls } from '../src/kinds/tags/read-call-bound.js';
import { measureEmulatorThroughput, type ThroughputResult } from './throughput.js';

export interface BenchOptions {
  readonly size: OrgSize;
  /** Time scale for both the emulator's buckets and orgctl's pacer. */
  readonly scale: number;
  readonly workDir: string;
  readonly driftFraction: number;
  readonly change: { readonly moveAccounts: number; readonly createOus: number; readonly updateBudgets: number };
  readonly baseline: boolean;
  readonly pureDiffRuns: number;
  readonly smallOrg: { readonly runs: number; readonly pauseMs: number } | false;
  readonly throughput: { readonly seconds: number } | false;
  readonly log: (line: string) => void;
  /**
   * How often the emulator sends AWS's empty pages and trailing NextTokens (probabilities). Default
   * FULL_PAGES: the lower bound assumes full pages, and random extra pages would make the committed
   * figures depend on the emulator's dice. Either way the extra pages served are counted per run and
   * reported beside the bound (ScenarioResult.extraPages), never mixed into it.
   */
  readonly pages?: BenchPages;
  /** (f) and (g): an apply that creates `create` accounts in the deepest OUs, and one that closes `close`; absent or false: not run. */
  readonly accountLifecycle?: { readonly create: number; readonly close: number } | false;
}

export interface BenchPages {
  readonly emptyPages: number;
  readonly trailingTokens: number;
}

/** Every listing page full, no trailing NextToken: what `npm run bench` measures against. */
export const FULL_PAGES: BenchPages = { emptyPages: 0, trailingTokens: 0 };

export interface ScenarioResult {
  readonly name: string;
  readonly description: string;
  readonly exitCode: number;
  /** Whole-process wall time of the orgctl process (spawn to exit). */
  readonly wallSeconds: number;
  /** The command alone, inside the process (node startup and module loading excluded). */
  readonly commandSeconds: number;
  /** Requests that reached the emulator, by operation. */
  readonly calls: ServiceCounts;
  readonly callsTotal: number;
  /** The fewest calls with full pages (expectedReadCalls and friends). */
  readonly lowerBound: ServiceCounts;
  readonly lowerBoundTotal: number;
  /**
   * Calls answered with an extra page (empty with a NextToken, or after a trailing NextToken), as the
   * emulator marked them: a separate figure, on top of the lower bound. Zero with FULL_PAGES.
   */
  readonly extraPages: ServiceCounts;
  readonly extraPagesTotal: number;
  /** callsTotal ÷ lowerBoundTotal (extra pages included in the calls, so it shows their cost too). */
  readonly callRatio: number;
  /** Requests beyond the lower bound that were neither throttled retries nor extra pages. */
  readonly callsBeyondBound: number;
  readonly repeatedReads: number;
  readonly repeatedExamples: readonly string[];
  readonly rateBound: { readonly phases: readonly PhaseBound[]; readonly seconds: number; readonly plainSeconds: number };
  /** wall ÷ rate bound (burst counted). */
  readonly wallRatio: number;
  readonly throttled: { readonly server: ServiceCounts; readonly client: ServiceCounts };
  readonly retried: ServiceCounts;
  readonly serverErrors: ServiceCounts;
  /** Port statistics total (client side), which must equal the server's count. */
  readonly clientCallsTotal: number;
  readonly peakRssMb: number;
  readonly cpuSeconds: number;
  readonly steps?: Readonly<Record<string, number>>;
}

export interface BaselineScenario {
  readonly wallSeconds: number;
  readonly calls: ServiceCounts;
  readonly callsTotal: number;
  readonly rateBound: PhaseBound;
  readonly wallRatio: number;
  /** Throttled requests, as the emulator saw them. */
  readonly throttled: ServiceCounts;
  /** Throttled requests the baseline's call runner retried, and other retries (client side). */
  readonly clientThrottled: ServiceCounts;
  readonly retried: ServiceCounts;
  readonly failed: number;
  readonly firstFailure?: string;
  /** baseline calls ÷ orgctl plan calls, on the same organization. */
  readonly callsVersusPlan: number;
  /** baseline wall ÷ orgctl plan wall. */
  readonly wallVersusPlan: number;
}

export interface BenchResults {
  readonly scale: number;
  readonly size: OrgSize;
  readonly organization: { readonly ous: number; readonly accounts: number; readonly budgets: number; readonly parentsWithSeveralPages: number; readonly orgYamlBytes: number };
  readonly scenarios: {
    readonly planNoChanges: ScenarioResult;
    readonly planAfterDrift: ScenarioResult & { readonly drift: { movedAccounts: number; addedOus: number; removedOus: number; changedBudgets: number } };
    readonly apply: ScenarioResult & { readonly change: { movedAccounts: number; createdOus: number; updatedBudgets: number } };
    readonly import: ScenarioResult;
    /** Absent in results measured before the tags kind. */
    readonly planWithTags?: ScenarioResult & { readonly tagged: { readonly ous: number; readonly accounts: number } };
    /** Absent in results measured before the account lifecycle, or when not asked for. */
    readonly createAccounts?: ScenarioResult & { readonly created: { readonly accounts: number; readonly ous: number } };
    readonly closeAccounts?: ScenarioResult & { readonly closed: { readonly accounts: number } };
  };
  readonly baseline: BaselineScenario | null;
  readonly pureDiff: PureDiffResult;
  readonly smallOrg: SmallOrgResult | null;
  readonly emulatorThroughput: ThroughputResult | null;
}

const WORKER_DIR = 'build/bench';
/** The orgctl worker sets AWS_REGION to this (as a CI job would), so plan's audit checks Identity Center there. */
const WORKER_REGION = 'us-east-1';
const ORGCTL_WORKER = `${WORKER_DIR}/orgctl-worker.js`;
const BASELINE_WORKER = `${WORKER_DIR}/baseline-worker.js`;

/** Bundles the workers like the CLI (scripts/build.mjs), so they load as fast and weigh the same. */
export async function buildWorkers(): Promise<void> {
  await build({
    entryPoints: { 'orgctl-worker': 'bench/orgctl-worker.ts', 'baseline-worker': 'bench/baseline-worker.ts' },
    outdir: WORKER_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __orgctlCreateRequire } from 'node:module'; const require = __orgctlCreateRequire(import.meta.url);" },
  });
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const { scale, log } = options;
  await buildWorkers();
  const base = generateOrg(options.size);
  const baseSnapshot = toSnapshot(base);
  const baseYaml = toOrgYaml(base);
  const dirs = { plan: join(options.workDir, 'plan'), import: join(options.workDir, 'import'), apply: join(options.workDir, 'apply'), tags: join(options.workDir, 'tags') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dirs.plan, 'org.yaml'), baseYaml);

  const recorder = new ServerRecorder();
  const pages = options.pages ?? FULL_PAGES;
  const emulator = await startEmulator({
    snapshot: baseSnapshot,
    rateLimits: { scale },
    onRequest: recorder.onRequest,
    requestLogLimit: 1000,
    ...pages,
    createAccountDelayMs: CREATE_ACCOUNT_DELAY_MS,
  });
  try {
    const orgctl = (argv: readonly string[], cwd: string) => runOrgctl(emulator, recorder, { argv, cwd, endpoint: emulator.url, rateScale: scale });
    const baseDesired = desiredFrom(baseYaml);
    // The tree and budgets, plus the policies kind's read of the SCPs org.yaml declares and attaches.
    const readBound = (snapshot: EmulatorSnapshot, desired: DesiredOrg = baseDesired): ServiceCounts =>
      addCounts(qualify(expectedReadCalls(liveFromSnapshot(snapshot)), 'budgets'), qualify(expectedPolicyReadCalls(livePoliciesFromSnapshot(snapshot), desired), 'organizations'));

    const auditBound = (desired: DesiredOrg): ServiceCounts => expectedAuditCalls(desired, WORKER_REGION);

    // Warm-up, not measured: a plan at full speed, so the emulator's handlers are compiled and the
    // worker's bundle is in the file cache, as for a long-running AWS endpoint and an installed CLI.
    log('warm-up: one unmeasured plan without rate limits');
    emulator.setRateLimits(false);
    await runNodeWorker<WorkerResult>(ORGCTL_WORKER, [JSON.stringify({ argv: ['plan'], cwd: dirs.plan, endpoint: emulator.url, rateScale: 1000 } satisfies WorkerRequest)]);

    log(`(a) plan, no changes: ${base.ous.length} OUs, ${base.accounts.length} accounts, ${base.budgets.length} budgets, rate scale ${scale}`);
    const planBound = addCounts(readBound(emulator.snapshot()), auditBound(baseDesired));
    const planRun = await orgctl(['plan', '--detailed-exitcode', '--out', 'plan.json'], dirs.plan);
    const planNoChanges = scenario('plan, no changes', 'orgctl plan of the unchanged organization: read + diff + render', planRun, planBound, [phaseBound('read', planBound, scale)], scale);
    expectExit(planNoChanges, 0, 'plan of the unchanged organization should have no changes');
    log(`    ${summaryLine(planNoChanges)}`);

    let baseline: BaselineScenario | null = null;
    if (options.baseline) {
      log('baseline: per-resource refresh (Terraform provider style), paced at the same rates');
      baseline = await runBaseline(emulator, recorder, base.managementAccountId, baseSnapshot, options, planNoChanges);
      log(`    ${baseline.callsTotal} calls in ${baseline.wallSeconds.toFixed(1)} s; orgctl plan makes ${baseline.callsVersusPlan.toFixed(1)}x fewer calls`);
    }

    log('(d) import');
    // Import also looks for IAM Identity Center in the shell's region (AWS_REGION): the bench organization
    // has no instance, so that is one ListInstances page and nothing more.
    const importBound = addCounts(qualify(expectedImportCalls(importReadingFromSnapshot(emulator.snapshot())), 'organizations'), { 'sso-admin:ListInstances': 1 });
    const importRun = await orgctl(['import', '--out', 'imported.yaml', '--force'], dirs.import);
    const importScenario = scenario('import', 'orgctl import: read + build org.yaml + validate it + plan it against the read (must be "no changes")', importRun, importBound, [phaseBound('read', importBound, scale)], scale);
    expectExit(importScenario, 0, 'import should succeed');
    log(`    ${summaryLine(importScenario)}`);

    const drift = driftOrg(base, options.driftFraction);
    log(`(b) plan after ${Math.round(options.driftFraction * 100)}% drift: ${drift.movedAccounts} accounts moved, ${drift.addedOus} OU added, ${drift.removedOus} removed, ${drift.changedBudgets} budgets changed (out of band)`);
    emulator.seed(toSnapshot(drift.org));
    const driftBound = addCounts(readBound(emulator.snapshot()), auditBound(baseDesired));
    const driftRun = await orgctl(['plan', '--detailed-exitcode', '--out', 'plan.json'], dirs.plan);
    const planAfterDrift = {
      ...scenario('plan after drift', 'orgctl plan after out-of-band changes to 5% of the organization', driftRun, driftBound, [phaseBound('read', driftBound, scale)], scale),
      steps: stepsOf(join(dirs.plan, 'plan.json')),
      drift: { movedAccounts: drift.movedAccounts, addedOus: drift.addedOus, removedOus: drift.removedOus, changedBudgets: drift.changedBudgets },
    };
    expectExit(planAfterDrift, 2, 'plan after drift should have changes');
    log(`    ${summaryLine(planAfterDrift)}`);

    const change = changeOrg(base, options.change.moveAccounts, options.change.createOus, options.change.updateBudgets);
    log(`(c) apply: ${change.movedAccounts} accounts moved, ${change.createdOus} OUs created, ${change.updatedBudgets} budgets updated`);
    emulator.seed(baseSnapshot);
    const changeYaml = toOrgYaml(change.org);
    writeFileSync(join(dirs.apply, 'org.yaml'), changeYaml);
    // The plan apply shows first carries the audit; the check after the writes is the read alone.
    const readBefore = addCounts(readBound(emulator.snapshot(), desiredFrom(changeYaml)), auditBound(desiredFrom(changeYaml)));
    const writes: ServiceCounts = {
      'organizations:CreateOrganizationalUnit': change.createdOus,
      'organizations:MoveAccount': change.movedAccounts,
      'budgets:UpdateBudget': change.updatedBudgets,
    };
    const applyRun = await orgctl(['apply', '--auto-approve'], dirs.apply);
    const readAfter = readBound(emulator.snapshot(), desiredFrom(changeYaml));
    const applyPhases = [phaseBound('read (plan)', readBefore, scale), phaseBound('writes', writes, scale), phaseBound('read (re-plan)', readAfter, scale)];
    const apply = {
      ...scenario('apply', 'orgctl apply --auto-approve: read + plan + the writes + re-read and re-plan to check convergence', applyRun, addCounts(readBefore, writes, readAfter), applyPhases, scale),
      change: { movedAccounts: change.movedAccounts, createdOus: change.createdOus, updatedBudgets: change.updatedBudgets },
    };
    expectExit(apply, 0, 'apply should succeed and converge');
    log(`    ${summaryLine(apply)}`);

    // (e) Tags cost one call per declared resource (no bulk tag read exists): declared on every OU and 10% of accounts.
    const tags = benchTags(base);
    const taggedAccounts = base.accounts.filter((a) => tags.has(a.id)).length;
    log(`(e) plan with tags declared on every OU (${base.ous.length}) and 10% of accounts (${taggedAccounts})`);
    emulator.seed(toSnapshot(base, tags));
    const tagsYaml = toOrgYaml(base, tags);
    writeFileSync(join(dirs.tags, 'org.yaml'), tagsYaml);
    const tagsDesired = desiredFrom(tagsYaml);
    const tagCalls = expectedTagReadCalls(tagsDesired, liveFromSnapshot(emulator.snapshot()));
    const tagsBound = addCounts(readBound(emulator.snapshot()), auditBound(tagsDesired), {
      'organizations:ListTagsForResource': tagCalls.organizations,
      ...(tagCalls.budgets > 0 && { 'budgets:ListTagsForResource': tagCalls.budgets }),
    });
    const tagsRun = await orgctl(['plan', '--detailed-exitcode', '--out', 'plan.json'], dirs.tags);
    const planWithTags = {
      ...scenario('plan with tags', 'orgctl plan, tags declared on every OU and on 10% of accounts (one ListTagsForResource each)', tagsRun, tagsBound, [phaseBound('read', tagsBound, scale)], scale),
      tagged: { ous: base.ous.length, accounts: taggedAccounts },
    };
    expectExit(planWithTags, 0, 'plan with matching tags should have no changes');
    log(`    ${summaryLine(planWithTags)}`);

    const lifecycle = options.accountLifecycle ? await runAccountLifecycle(options.accountLifecycle, { emulator, base, baseSnapshot, workDir: options.workDir, scale, log, orgctl, readBound, auditBound }) : {};

    log(`pure diff: planOrg alone, ${options.pureDiffRuns} runs each`);
    const pureDiff = measurePureDiff(baseYaml, liveFromSnapshot(baseSnapshot), liveFromSnapshot(toSnapshot(drift.org)), changeYaml, options.pureDiffRuns);
    log(`    median ${pureDiff.worstMedianMs.toFixed(1)} ms (worst case: ${pureDiff.worstCase})`);

    await emulator.stop().catch(() => undefined);

    let smallOrg: SmallOrgResult | null = null;
    if (options.smallOrg) {
      log(`small organization: the repository's org.yaml, \`node bin/orgctl.js plan\` against \`orgctl emulator --rate-limits\` (its own process), ${options.smallOrg.runs} runs`);
      const dir = join(options.workDir, 'small');
      mkdirSync(dir, { recursive: true });
      smallOrg = await measureSmallOrg(dir, options.smallOrg.runs, options.smallOrg.pauseMs);
      log(`    median ${smallOrg.medianMs.toFixed(0)} ms (runs: ${smallOrg.wallMs.map((ms) => ms.toFixed(0)).join(', ')})`);
    }

    let emulatorThroughput: ThroughputResult | null = null;
    if (options.throughput) {
      log('emulator throughput (bench/emulator-throughput.ts)');
      emulatorThroughput = await measureEmulatorThroughput(options.throughput.seconds);
      log(`    ${emulatorThroughput.callsPerSecond} calls/s, ${emulatorThroughput.callsPerCpuSecond ?? '?'} calls per CPU-second`);
    }

    const parentsWithSeveralPages = countParentsWithSeveralPages(baseSnapshot);
    return {
      scale,
      size: options.size,
      organization: { ous: base.ous.length, accounts: base.accounts.length, budgets: base.budgets.length, parentsWithSeveralPages, orgYamlBytes: Buffer.byteLength(baseYaml) },
      scenarios: { planNoChanges, planAfterDrift, apply, import: importScenario, planWithTags, ...lifecycle },
      baseline,
      pureDiff,
      smallOrg,
      emulatorThroughput,
    };
  } finally {
    await emulator.stop().catch(() => undefined);
  }
}

interface OrgctlRun {
  readonly worker: WorkerResult;
  readonly wallMs: number;
  readonly server: ServerView;
}

async function runOrgctl(emulator: Emulator, recorder: ServerRecorder, request: WorkerRequest): Promise<OrgctlRun> {
  // Full buckets, as after a quiet period at AWS.
  emulator.setRateLimits({ scale: request.rateScale });
  recorder.start({ trackRepeats: true });
  const run = await runNodeWorker<WorkerResult>(ORGCTL_WORKER, [JSON.stringify(request)]);
  return { worker: run.result, wallMs: run.wallMs, server: recorder.view() };
}

function scenario(name: string, description: string, run: OrgctlRun, lowerBound: ServiceCounts, phases: readonly PhaseBound[], scale: number): ScenarioResult {
  void scale;
  const { server, worker } = run;
  const bound = sequentialBound(phases);
  // Extra pages are AWS's (the emulator's) doing and are counted apart; what is left above the bound is orgctl's.
  const callsBeyondBound = Object.entries(server.calls).reduce(
    (sum, [op, n]) => sum + Math.max(0, n - (server.throttled[op] ?? 0) - (server.extraPages[op] ?? 0) - (lowerBound[op] ?? 0)),
    0,
  );
  const wallSeconds = run.wallMs / 1000;
  return {
    name,
    description,
    exitCode: worker.exitCode,
    wallSeconds,
    commandSeconds: worker.commandMs / 1000,
    calls: sortKeys(server.calls),
    callsTotal: total(server.calls),
    lowerBound: sortKeys(lowerBound),
    lowerBoundTotal: total(lowerBound),
    extraPages: sortKeys(server.extraPages),
    extraPagesTotal: total(server.extraPages),
    callRatio: total(server.calls) / Math.max(1, total(lowerBound)),
    callsBeyondBound,
    repeatedReads: server.repeatedReads,
    repeatedExamples: server.repeatedExamples,
    rateBound: { phases, seconds: bound.seconds, plainSeconds: bound.plainSeconds },
    wallRatio: bound.seconds > 0 ? wallSeconds / bound.seconds : Infinity,
    throttled: { server: sortKeys(server.throttled), client: sortKeys(worker.stats.throttled) },
    retried: sortKeys(worker.stats.retried),
    serverErrors: sortKeys(server.errors),
    clientCallsTotal: total(worker.stats.calls),
    peakRssMb: worker.maxRssKb / 1024,
    cpuSeconds: (worker.cpuUserMs + worker.cpuSystemMs) / 1000,
  };
}

async function runBaseline(
  emulator: Emulator,
  recorder: ServerRecorder,
  managementAccountId: string,
  snapshot: EmulatorSnapshot,
  options: BenchOptions,
  plan: ScenarioResult,
): Promise<BaselineScenario> {
  const org = snapshot.organization!;
  const request: BaselineRequest = {
    endpoint: emulator.url,
    rateScale: options.scale,
    managementAccountId,
    accountIds: org.accounts.map((a) => a.id),
    ouIds: (org.organizationalUnits ?? []).map((ou) => ou.id),
    budgetNames: (snapshot.budgets ?? []).map((b) => String(b.budget['BudgetName'])),
    concurrency: 8,
  };
  const file = join(options.workDir, 'baseline-request.json');
  writeFileSync(file, JSON.stringify(request));
  emulator.setRateLimits({ scale: options.scale });
  recorder.start({ trackRepeats: false });
  const run = await runNodeWorker<BaselineResult>(BASELINE_WORKER, [file]);
  const server = recorder.view();
  const bound = phaseBound('per-resource read', server.calls, options.scale);
  const wallSeconds = run.wallMs / 1000;
  return {
    wallSeconds,
    calls: sortKeys(server.calls),
    callsTotal: total(server.calls),
    rateBound: bound,
    wallRatio: wallSeconds / bound.seconds,
    throttled: sortKeys(server.throttled),
    clientThrottled: sortKeys(run.result.throttled),
    retried: sortKeys(run.result.retried),
    failed: run.result.failed,
    ...(run.result.firstFailure ? { firstFailure: run.result.firstFailure } : {}),
    callsVersusPlan: total(server.calls) / plan.callsTotal,
    wallVersusPlan: wallSeconds / plan.wallSeconds,
  };
}

function expectExit(result: ScenarioResult, expected: number, what: string): void {
  if (result.exitCode !== expected) throw new Error(`${result.name}: exit code ${result.exitCode}, expected ${expected} (${what}). See the *.stdout.txt / *.stderr.txt files in the work directory.`);
}

function stepsOf(planFile: string): Record<string, number> {
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
  const counts: Record<string, number> = {};
  for (const step of plan.steps) counts[step.kind] = (counts[step.kind] ?? 0) + 1;
  return counts;
}

function countParentsWithSeveralPages(snapshot: EmulatorSnapshot): number {
  const per = new Map<string, number>();
  for (const a of snapshot.organization?.accounts ?? []) per.set(a.parentId, (per.get(a.parentId) ?? 0) + 1);
  return [...per.values()].filter((n) => n > 20).length;
}

function sortKeys(counts: ServiceCounts): ServiceCounts {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function summaryLine(s: ScenarioResult): string {
  return (
    `${s.callsTotal} calls (lower bound ${s.lowerBoundTotal}, ${s.callRatio.toFixed(3)}x; extra pages ${s.extraPagesTotal}), ` +
    `${s.wallSeconds.toFixed(2)} s (rate bound ${s.rateBound.seconds.toFixed(2)} s, ${s.wallRatio.toFixed(2)}x), ` +
    `throttled ${total(s.throttled.server)}, peak RSS ${s.peakRssMb.toFixed(0)} MB`
  );
}

/** The emulator completes an account creation this long after CreateAccount (not scaled: AWS takes minutes, at no published rate). */
const CREATE_ACCOUNT_DELAY_MS = 200;
/** AWS runs at most 5 creations at once (aws-facts.md §2.6). */
const CREATIONS_IN_FLIGHT = 5;

interface LifecycleContext {
  readonly emulator: Emulator;
  readonly base: SyntheticOrg;
  readonly baseSnapshot: EmulatorSnapshot;
  readonly workDir: string;
  readonly scale: number;
  readonly log: (line: string) => void;
  readonly orgctl: (argv: readonly string[], cwd: string) => Promise<OrgctlRun>;
  readonly readBound: (snapshot: EmulatorSnapshot, desired?: DesiredOrg) => ServiceCounts;
  readonly auditBound: (desired: DesiredOrg) => ServiceCounts;
}

/**
 * (f) apply creating accounts into the deepest OUs, (g) apply closing accounts, each from the base
 * organization. Like (c), the bound is the plan's read, the writes and the re-plan's read. Creation's
 * writes: CreateAccount, one DescribeCreateAccountStatus each (orgctl first polls after 250 ms, the
 * emulator completes a creation after 200 ms), one ListCreateAccountStatus (requests an earlier run left
 * in progress), one MoveAccount each; their time is CreateAccount's rate (0.1/s, burst 3) or, if longer,
 * the rounds of 5 creations in flight. Closure's: CloseAccount per account, at its rate (0.05/s, burst 1).
 */
async function runAccountLifecycle(
  counts: { readonly create: number; readonly close: number },
  ctx: LifecycleContext,
): Promise<Pick<BenchResults['scenarios'], 'createAccounts' | 'closeAccounts'>> {
  const { emulator, scale, log } = ctx;
  const applyWith = async (name: string, description: string, yaml: string, writes: ServiceCounts, floor?: (writes: PhaseBound) => PhaseBound) => {
    const dir = join(ctx.workDir, name.replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'org.yaml'), yaml);
    emulator.seed(ctx.baseSnapshot);
    const desired = desiredFrom(yaml);
    const readBefore = addCounts(ctx.readBound(emulator.snapshot(), desired), ctx.auditBound(desired));
    const run = await ctx.orgctl(['apply', '--auto-approve'], dir);
    const readAfter = ctx.readBound(emulator.snapshot(), desired);
    const writePhase = phaseBound('writes', writes, scale);
    const phases = [phaseBound('read (plan)', readBefore, scale), floor ? floor(writePhase) : writePhase, phaseBound('read (re-plan)', readAfter, scale)];
    const result = scenario(name, description, run, addCounts(readBefore, writes, readAfter), phases, scale);
    expectExit(result, 0, `${name} should succeed and converge`);
    log(`    ${summaryLine(result)}`);
    return result;
  };

  const creation = createAccountsChange(ctx.base, counts.create);
  log(`(f) apply creating ${creation.accounts} accounts into ${creation.ous} of the deepest OUs`);
  const createAccounts = {
    ...(await applyWith(
      'apply creating accounts',
      `orgctl apply --auto-approve creating ${creation.accounts} accounts (CreateAccount, polled until SUCCEEDED, then MoveAccount into a nested OU)`,
      toOrgYaml(creation.org),
      {
        'organizations:CreateAccount': creation.accounts,
        'organizations:DescribeCreateAccountStatus': creation.accounts,
        'organizations:ListCreateAccountStatus': 1,
        'organizations:MoveAccount': creation.accounts,
      },
      (writes) => withInFlightFloor(writes, 'organizations:CreateAccount in flight', creation.accounts, CREATIONS_IN_FLIGHT, CREATE_ACCOUNT_DELAY_MS / 1000),
    )),
    created: { accounts: creation.accounts, ous: creation.ous },
  };

  const closure = closeAccountsChange(ctx.base, counts.close);
  log(`(g) apply closing ${closure.accounts} accounts`);
  const closeAccounts = {
    ...(await applyWith(
      'apply closing accounts',
      `orgctl apply --auto-approve closing ${closure.accounts} accounts (closed: true; CloseAccount each, within the closure quota)`,
      toOrgYaml(closure.org),
      { 'organizations:CloseAccount': closure.accounts },
    )),
    closed: { accounts: closure.accounts },
  };
  emulator.seed(ctx.baseSnapshot);
  return { createAccounts, closeAccounts };
}
