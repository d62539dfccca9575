// Emulator throughput: starts `orgctl emulator` (from source, in its own process, so it has one core
// of its own), seeds an organization, fires simple calls over raw keep-alive HTTP with concurrency,
// and prints calls per second, latency, and calls per CPU-second of the emulator process.
//
//   npx tsx bench/emulator-throughput.ts [--seconds 5] [--concurrency 16] [--accounts 1000]
//
// A benchmark, not a test: it asserts nothing, it reports (the target is ≥ 1,000 simple calls/s).

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { EmulatorSnapshot } from '../src/emulator/index.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
    accounts: { type: 'string', default: '1000' },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const ACCOUNTS = Number(values.accounts);

const MANAGEMENT = '123456789012';
const ROOT = 'r-ab12';

function organization(accounts: number): EmulatorSnapshot {
  const ous = Array.from({ length: 50 }, (_, i) => ({ id: `ou-ab12-${String(i).padStart(8, '0')}`, name: `ou-${i}`, parentId: ROOT }));
  return {
    formatVersion: 1,
    organization: {
      id: 'o-abcdefghij',
      managementAccountId: MANAGEMENT,
      root: { id: ROOT },
      organizationalUnits: ous,
      accounts: [
        { id: MANAGEMENT, name: 'management', email: 'm@example.com', parentId: ROOT },
        // A fifth of the accounts directly under the root, so ListAccountsForParent(root) pages fully.
        ...Array.from({ length: accounts }, (_, i) => ({
          id: String(300000000000 + i),
          name: `acct-${i}`,
          email: `acct-${i}@example.com`,
          parentId: i % 5 === 0 ? ROOT : (ous[i % ous.length]?.id ?? ROOT),
        })),
      ],
    },
    quotas: { maxAccounts: accounts + 10 },
  };
}

/** Starts the emulator from source and resolves with its URL and process ID. */
async function startEmulatorProcess(stateFile: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'emulator', '--port', '0', '--state', stateFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /AWS_ENDPOINT_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited early (${code})`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** User + system CPU seconds used so far by a process (Linux /proc). */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : undefined;
  } catch {
    return undefined;
  }
}

const CALLS = [
  { target: 'AWSOrganizationsV20161128.DescribeOrganization', body: '{}' },
  { target: 'AWSOrganizationsV20161128.ListRoots', body: '{}' },
  { target: 'AWSOrganizationsV20161128.ListAccountsForParent', body: JSON.stringify({ ParentId: ROOT, MaxResults: 20 }) },
];

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function call(url: URL, n: number): Promise<number> {
  const { target, body } = CALLS[n % CALLS.length] ?? CALLS[0]!;
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: '/', method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function drive(url: URL, seconds: number): Promise<{ calls: number; errors: number; latencies: number[] }> {
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  let errors = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const status = await call(url, n++);
        latencies.push(performance.now() - started);
        if (status !== 200) errors += 1;
      }
    }),
  );
  return { calls: latencies.length, errors, latencies };
}

const dir = mkdtempSync(join(tmpdir(), 'orgctl-bench-'));
const stateFile = join(dir, 'state.json');
writeFileSync(stateFile, JSON.stringify(organization(ACCOUNTS)));
const emulator = await startEmulatorProcess(stateFile);
const url = new URL(emulator.url);
try {
  await drive(url, 1); // warm-up: JIT, sockets
  await fetch(`${emulator.url}/_emulator/clear-stats`, { method: 'POST' });
  const cpuBefore = cpuSeconds(emulator.pid);
  const started = performance.now();
  const result = await drive(url, SECONDS);
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(emulator.pid);
  const counters = (await (await fetch(`${emulator.url}/_emulator/counters`)).json()) as Record<string, number>;
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const pct = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2);
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  const perSecond = result.calls / wall;
  process.stdout.write(
    [
      `Emulator throughput (${ACCOUNTS + 1} accounts; DescribeOrganization, ListRoots, ListAccountsForParent page of 20; no rate limits)`,
      `  concurrency ${CONCURRENCY}, ${wall.toFixed(1)} s: ${result.calls} calls, ${result.errors} errors`,
      `  throughput: ${Math.round(perSecond)} calls/s (target >= 1,000)`,
      `  latency: p50 ${pct(50)} ms, p99 ${pct(99)} ms`,
      cpu === undefined
        ? '  emulator CPU: not measurable on this platform'
        : `  emulator CPU: ${cpu.toFixed(2)} s over ${wall.toFixed(1)} s (${Math.round((cpu / wall) * 100)}% of one core); ${Math.round(result.calls / cpu)} calls per CPU-second`,
      `  server counters: ${Object.entries(counters).map(([k, v]) => `${k}=${v}`).join(', ')}`,
      '',
    ].join('\n'),
  );
} finally {
  agent.destroy();
  await emulator.stop();
}
