// The small-organization figure: the repository's org.yaml planned by the real CLI
// (`node bin/orgctl.js plan`) against `orgctl emulator` running in its own process, with AWS's rate
// limits at 1× on both sides, as a user would see it. Whole-process wall time, several runs, median.

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORGANIZATIONS_RATE_LIMITS } from '../src/aws/rate-limits.js';
import { parseOrgYaml } from '../src/config/parse-org-yaml.js';
import type { EmulatorSnapshot, SnapshotAccount, SnapshotOu } from '../src/emulator/index.js';
import type { DesiredNode, DesiredOrg } from '../src/model/desired.js';
import { median, timeProcess } from './measure.js';

/** An emulator state that matches org.yaml exactly, so the plan has no changes. */
export function snapshotFromDesired(desired: DesiredOrg): EmulatorSnapshot {
  const rootId = 'r-smll';
  const ous: SnapshotOu[] = [];
  const accounts: SnapshotAccount[] = [];
  const place = (node: DesiredNode, parentId: string): void => {
    for (const a of node.accounts) accounts.push({ id: a.id!, name: a.name ?? `account-${a.id}`, email: a.email ?? `${a.id}@example.com`, parentId });
    for (const ou of node.organizationalUnits) {
      const id = `ou-smll-${String(ous.length + 1).padStart(8, '0')}`;
      ous.push({ id, name: ou.name, parentId });
      place(ou, id);
    }
  };
  place(desired.root, rootId);
  if (!accounts.some((a) => a.id === desired.managementAccountId)) {
    accounts.push({ id: desired.managementAccountId, name: 'management', email: `${desired.managementAccountId}@example.com`, parentId: rootId });
  }
  return {
    formatVersion: 1,
    accountId: desired.managementAccountId,
    organization: { id: 'o-smallorg01', featureSet: desired.featureSet, managementAccountId: desired.managementAccountId, root: { id: rootId }, organizationalUnits: ous, accounts },
    budgets: desired.budgets.map((b) => ({
      accountId: desired.managementAccountId,
      budget: { BudgetName: b.name, BudgetType: 'COST', TimeUnit: b.timeUnit, BudgetLimit: { Amount: String(b.amount), Unit: b.unit } },
      notifications: b.notifications.map((n) => ({
        Notification: { NotificationType: n.type, ComparisonOperator: n.comparison, Threshold: n.threshold, ThresholdType: n.thresholdType },
        Subscribers: n.subscribers.map((s) => ({ SubscriptionType: s.type, Address: s.address })),
      })),
      tags: { 'managed-by': 'orgctl' },
    })),
    quotas: { maxAccounts: accounts.length + 10 },
  };
}

/** Where one run's time went, from the emulator's request log (arrival times). */
export interface SmallOrgPhases {
  /** Spawn to the first request (node start-up, loading the bundle, reading org.yaml). */
  readonly startupMs: number;
  /** First to last request (the guard, the read at AWS's rates, the audit). */
  readonly awsMs: number;
  /** Last request to exit (planning, rendering, closing). */
  readonly tailMs: number;
  readonly requests: number;
  readonly throttled: number;
}

export interface SmallOrgResult {
  readonly runs: number;
  readonly wallMs: readonly number[];
  readonly medianMs: number;
  /** Medians of each phase over the runs. */
  readonly medianPhases: SmallOrgPhases;
  readonly phases: readonly SmallOrgPhases[];
  /** The least time pacing at AWS's rates can take for this organization's read (see pacingFloorMs). */
  readonly pacingFloorMs: number;
  readonly exitCodes: readonly (number | null)[];
  /** Parents (root + OUs) and budgets in org.yaml, for the reader of the figure. */
  readonly ous: number;
  readonly budgets: number;
}

/** Starts `node bin/orgctl.js emulator` and resolves with its URL once it listens. */
async function startEmulatorProcess(stateFile: string, extraArgs: readonly string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['bin/orgctl.js', 'emulator', '--port', '0', '--state', stateFile, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /AWS_ENDPOINT_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`orgctl emulator exited early (${code}): ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function measureSmallOrg(workDir: string, runs: number, pauseMs: number): Promise<SmallOrgResult> {
  const orgYaml = readFileSync('org.yaml', 'utf8');
  const parsed = parseOrgYaml(orgYaml, 'org.yaml');
  if (!parsed.ok) throw new Error(`the repository's org.yaml does not validate: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const snapshot = snapshotFromDesired(parsed.value);
  const stateFile = join(workDir, 'small-org-state.json');
  writeFileSync(stateFile, JSON.stringify(snapshot));
  writeFileSync(join(workDir, 'org.yaml'), orgYaml);
  const emulator = await startEmulatorProcess(stateFile, ['--rate-limits']);
  const env = {
    ...process.env,
    AWS_ENDPOINT_URL: emulator.url,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    ORGCTL_RATE_SCALE: '',
    NO_COLOR: '1',
  };
  const bin = join(process.cwd(), 'bin/orgctl.js');
  const wallMs: number[] = [];
  const phases: SmallOrgPhases[] = [];
  const exitCodes: (number | null)[] = [];
  const admin = (path: string, method = 'GET'): Promise<unknown> => fetch(`${emulator.url}/_emulator/${path}`, { method }).then((r) => r.json());
  try {
    // One unmeasured run warms the OS file cache, as on a developer's machine.
    await timeProcess(process.execPath, [bin, 'plan', '--detailed-exitcode'], { env, cwd: workDir });
    for (let i = 0; i < runs; i++) {
      // AWS's buckets refill between runs (ListRoots and DescribeOrganization: 2 requests at 1/s).
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      await admin('clear-stats', 'POST');
      const spawnedAt = Date.now();
      const run = await timeProcess(process.execPath, [bin, 'plan', '--detailed-exitcode'], { env, cwd: workDir });
      if (run.code !== 0) throw new Error(`orgctl plan of the small organization exited with ${run.code} (0 = no changes expected):\n${run.stdout}\n${run.stderr}`);
      const log = (await admin('requests')) as { time: number; fault?: string }[];
      const first = Math.min(...log.map((e) => e.time)) - spawnedAt;
      const last = Math.max(...log.map((e) => e.time)) - spawnedAt;
      phases.push({ startupMs: first, awsMs: last - first, tailMs: run.wallMs - last, requests: log.length, throttled: log.filter((e) => e.fault === 'rate-limit').length });
      wallMs.push(run.wallMs);
      exitCodes.push(run.code);
    }
  } finally {
    await emulator.stop();
  }
  const countOus = (node: DesiredNode): number => node.organizationalUnits.reduce((n, ou) => n + 1 + countOus(ou), 0);
  const ous = countOus(parsed.value.root);
  const medianOf = (pick: (p: SmallOrgPhases) => number): number => median(phases.map(pick));
  return {
    runs,
    wallMs,
    medianMs: median(wallMs),
    medianPhases: { startupMs: medianOf((p) => p.startupMs), awsMs: medianOf((p) => p.awsMs), tailMs: medianOf((p) => p.tailMs), requests: medianOf((p) => p.requests), throttled: medianOf((p) => p.throttled) },
    phases,
    pacingFloorMs: pacingFloorMs(ous + 1),
    exitCodes,
    ous,
    budgets: parsed.value.budgets.length,
  };
}

/**
 * The read lists OUs and accounts once per parent. With `parents` calls of ListOrganizationalUnitsForParent
 * (and as many of ListAccountsForParent: 5/s, burst 8, at 1×) the calls beyond what orgctl's pacer sends at
 * once (the burst less its headroom) wait one interval each: the least time pacing takes.
 */
export function pacingFloorMs(parents: number): number {
  const limit = ORGANIZATIONS_RATE_LIMITS['ListOrganizationalUnitsForParent']!;
  const atOnce = Math.floor(limit.burst - 1);
  return (Math.max(0, parents - atOnce) * 1000) / limit.rate;
}
