// The orgctl side of one benchmark operation, run as its own process (bundled like the CLI) so its
// peak RSS and CPU are orgctl's alone: the emulator lives in the benchmark's process.
// It runs a real CLI command (plan, apply, import) through runCli, exactly as `orgctl` does, with the
// SDK port the CLI would build from the environment (same endpoint, same ORGCTL_RATE_SCALE pacing),
// passed in only so the port's call statistics can be reported afterwards.
//
//   node build/bench/orgctl-worker.js '{"argv":["plan"],"cwd":"/tmp/x","endpoint":"http://127.0.0.1:1234","rateScale":10}'
//
// Prints one JSON line (WorkerResult) on stdout; the command's own output goes to files in cwd.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSdkPort } from '../src/aws/sdk/create-sdk-port.js';
import type { CallStats } from '../src/aws/port.js';
import { runCli } from '../src/cli/main.js';

export interface WorkerRequest {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly endpoint: string;
  readonly rateScale: number;
}

export const IDENTITY_CENTER_REGION = 'us-east-1';

export interface WorkerResult {
  readonly exitCode: number;
  /** From process start (node's own startup excluded) to the command's exit code. */
  readonly commandMs: number;
  readonly stats: CallStats;
  /** Peak resident set size of this process, kilobytes (getrusage ru_maxrss). */
  readonly maxRssKb: number;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
}

const request = JSON.parse(process.argv[2] ?? '{}') as WorkerRequest;
// AWS_REGION as in a CI job (every command reads it from the environment it is given or from the process).
process.env['AWS_REGION'] = IDENTITY_CENTER_REGION;
const stdout: string[] = [];
const stderr: string[] = [];
const port = createSdkPort({ endpoint: request.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, rateScale: request.rateScale });
const started = performance.now();
const exitCode = await runCli(request.argv, {
  stdout: { write: (text: string) => stdout.push(text) },
  stderr: { write: (text: string) => stderr.push(text) },
  // With AWS_REGION set, plan's audit also checks Identity Center in that region.
  env: { ...process.env, ORGCTL_RATE_SCALE: String(request.rateScale) },
  cwd: request.cwd,
  awsPort: port,
});
const commandMs = performance.now() - started;
port.destroy();
writeFileSync(join(request.cwd, `${request.argv[0] ?? 'command'}.stdout.txt`), stdout.join(''));
writeFileSync(join(request.cwd, `${request.argv[0] ?? 'command'}.stderr.txt`), stderr.join(''));
const usage = process.resourceUsage();
const result: WorkerResult = {
  exitCode,
  commandMs,
  stats: port.stats(),
  maxRssKb: usage.maxRSS,
  cpuUserMs: usage.userCPUTime / 1000,
  cpuSystemMs: usage.systemCPUTime / 1000,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
