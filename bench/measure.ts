// Running one measured operation: a worker process (orgctl or the baseline) against the in-process
// emulator, with the emulator's view of the same calls (every request that arrived, throttles,
// reads repeated although nothing was written in between) collected for exactly that operation.

import { spawn } from 'node:child_process';
import type { RequestLogEntry } from '../src/emulator/index.js';
import type { ServiceCounts } from './bounds.js';

/** The emulator's record of one operation. */
export interface ServerView {
  /** Requests that arrived, by "service:Operation" (throttled ones included). */
  readonly calls: ServiceCounts;
  /** Requests the emulator's rate limiter refused (TooManyRequests / Throttling), by operation. */
  readonly throttled: ServiceCounts;
  /** Other failed requests, by "service:Operation:ErrorCode". */
  readonly errors: ServiceCounts;
  /**
   * Requests answered with an extra page (an empty page that carried a NextToken, or the empty page a
   * trailing NextToken led to), by "service:Operation": AWS's doing, not the client's, and not in the
   * full-page lower bound. Always empty when the emulator serves full pages (the bench's default).
   */
  readonly extraPages: ServiceCounts;
  /**
   * Successful reads that repeat an earlier successful read (same operation, same input, NextToken
   * included) with no successful write in between: calls that fetch what the run already knew.
   */
  readonly repeatedReads: number;
  readonly repeatedExamples: readonly string[];
}

const READ_PREFIXES = ['List', 'Describe', 'Get'];

/** Collects ServerView from the emulator's onRequest hook; start() begins a new operation. */
export class ServerRecorder {
  private calls: Record<string, number> = {};
  private throttled: Record<string, number> = {};
  private errors: Record<string, number> = {};
  private extraPages: Record<string, number> = {};
  private seen = new Set<string>();
  private repeated = 0;
  private examples: string[] = [];
  private trackRepeats = true;

  start(options: { trackRepeats: boolean }): void {
    this.calls = {};
    this.throttled = {};
    this.errors = {};
    this.extraPages = {};
    this.seen = new Set();
    this.repeated = 0;
    this.examples = [];
    this.trackRepeats = options.trackRepeats;
  }

  readonly onRequest = (entry: RequestLogEntry): void => {
    const key = `${entry.service}:${entry.operation}`;
    this.calls[key] = (this.calls[key] ?? 0) + 1;
    if (entry.fault === 'rate-limit') {
      this.throttled[key] = (this.throttled[key] ?? 0) + 1;
      return;
    }
    if (entry.status !== 200) {
      const errorKey = `${key}:${entry.errorCode ?? entry.status}`;
      this.errors[errorKey] = (this.errors[errorKey] ?? 0) + 1;
      return;
    }
    if (entry.extraPage) this.extraPages[key] = (this.extraPages[key] ?? 0) + 1;
    if (!this.trackRepeats) return;
    if (!READ_PREFIXES.some((p) => entry.operation.startsWith(p))) {
      // A write: what was read before may have changed, so reading it again is news.
      this.seen.clear();
      return;
    }
    const identity = `${key} ${JSON.stringify(entry.input)}`;
    if (this.seen.has(identity)) {
      this.repeated += 1;
      if (this.examples.length < 5) this.examples.push(identity);
    } else {
      this.seen.add(identity);
    }
  };

  view(): ServerView {
    return { calls: { ...this.calls }, throttled: { ...this.throttled }, errors: { ...this.errors }, extraPages: { ...this.extraPages }, repeatedReads: this.repeated, repeatedExamples: [...this.examples] };
  }
}

export interface ProcessRun<T> {
  readonly result: T;
  /** Whole-process wall time: spawn to exit, node's startup and module loading included. */
  readonly wallMs: number;
}

/** Runs `node script ...args`, parses the last stdout line as JSON. */
export async function runNodeWorker<T>(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ProcessRun<T>> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  const wallMs = performance.now() - started;
  const last = stdout.trim().split('\n').pop() ?? '';
  try {
    return { result: JSON.parse(last) as T, wallMs };
  } catch {
    throw new Error(`${script} exited with ${code} and printed no result.\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`);
  }
}

/** Runs a command and returns its exit code and whole-process wall time. */
export async function timeProcess(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<{ code: number | null; wallMs: number; stdout: string; stderr: string }> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env, ...(options.cwd ? { cwd: options.cwd } : {}) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  return { code, wallMs: performance.now() - started, stdout, stderr };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
