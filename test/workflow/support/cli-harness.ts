// Runs orgctl commands in-process (runCli with a recording CliIo) or as a real process, against an
// emulator, from a temporary directory holding org.yaml.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/main.js';
import type { AwsPort } from '../../../src/aws/port.js';
import { accessKeyIdFor } from '../../../src/emulator/index.js';
import { MGMT } from './emulator-world.js';

export const REPO = new URL('../../..', import.meta.url).pathname;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Questions asked on the terminal. */
  readonly prompts: readonly string[];
}

export interface InProcessOptions {
  readonly cwd: string;
  readonly port: AwsPort;
  /** The answer typed at the prompt; undefined: no terminal (stdin is not a TTY). */
  readonly answer?: string;
  readonly stdoutTTY?: boolean;
  readonly stderrTTY?: boolean;
  readonly env?: Readonly<Record<string, string>>;
}

export async function orgctl(args: readonly string[], options: InProcessOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const { answer } = options;
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.stderrTTY ?? false },
    env: options.env ?? {},
    cwd: options.cwd,
    awsPort: options.port,
    ...(answer !== undefined ? { prompt: async (question: string) => (prompts.push(question), answer) } : {}),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr, prompts };
}

/** A fresh directory with the given files; removed by the returned cleanup. */
export function workspace(files: Readonly<Record<string, string>>): { dir: string; write(file: string, text: string): void; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'orgctl-apply-'));
  const write = (file: string, text: string): void => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Environment for a real orgctl process talking to the emulator at `url` as `accountId`. */
export function emulatorEnv(url: string, accountId: string = MGMT): Record<string, string> {
  const { AWS_PROFILE: _profile, AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, AWS_SESSION_TOKEN: _token, ...rest } = process.env;
  return {
    ...(rest as Record<string, string>),
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: accessKeyIdFor(accountId),
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    // Pacing at AWS's rates would make every test take seconds; the emulator's rate limits are off.
    ORGCTL_RATE_SCALE: '1000',
    NO_COLOR: '1',
  };
}

export interface SpawnedRun extends CliRun {
  readonly signal: NodeJS.Signals | null;
}

/** Runs `node bin/orgctl.js ...args` (stdin not a TTY). `onSpawn` receives the child, e.g. to kill it. */
export function spawnOrgctl(
  args: readonly string[],
  options: { cwd: string; env: Readonly<Record<string, string>>; onSpawn?: (kill: () => void) => void },
): Promise<SpawnedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/orgctl.js'), ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr, prompts: [] }));
    options.onSpawn?.(() => child.kill('SIGKILL'));
  });
}

/** python3's pty module runs a command on a pseudo-terminal: a real TTY without native node modules. */
export const PTY_AVAILABLE = spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status === 0;

/**
 * Runs `node bin/orgctl.js ...args` on a pseudo-terminal (stdin, stdout and stderr are all the TTY),
 * typing `answer` and Enter once `prompt` appears. Everything the terminal showed comes back as stdout.
 */
export function spawnOrgctlOnTty(
  args: readonly string[],
  options: { cwd: string; env: Readonly<Record<string, string>>; prompt?: string; answer?: string },
): Promise<SpawnedRun> {
  return new Promise((resolve, reject) => {
    const script = 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)';
    const child = spawn('python3', ['-c', script, process.execPath, join(REPO, 'bin/orgctl.js'), ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!answered && options.prompt !== undefined && stdout.includes(options.prompt)) {
        answered = true;
        child.stdin.write(`${options.answer ?? ''}\n`);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr: '', prompts: answered ? [options.prompt ?? ''] : [] }));
  });
}
