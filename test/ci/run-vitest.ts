// Runs vitest in a child process on chosen files, with a chosen environment, for tests of the test
// setup itself (moto required, snapshots never written by accident). The child uses
// fixtures/vitest.child.config.ts: the project's config without the global setup, so it never rebuilds
// build/cli.js under the other suites' feet.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHILD_CONFIG = 'test/ci/fixtures/vitest.child.config.ts';

export interface ChildRun {
  readonly code: number | null;
  /** stdout and stderr together, without ANSI colours. */
  readonly output: string;
}

export function runVitest(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', CHILD_CONFIG, ...args], { env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, '') });
    });
  });
}

/** The current PATH without every directory that holds a moto_server. */
export function pathWithoutMoto(path = process.env['PATH'] ?? ''): string {
  return path
    .split(delimiter)
    .filter((dir) => dir !== '' && !existsSync(join(dir, 'moto_server')))
    .join(delimiter);
}

/** The environment of a laptop: no CI variables (vitest and the moto helper both look at them). */
export function laptopEnv(overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['CI', 'GITHUB_ACTIONS', 'ORGCTL_SKIP_MOTO']) delete env[name];
  return { ...env, ...overrides };
}
