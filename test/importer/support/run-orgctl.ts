// Runs the orgctl CLI in-process with a given AWS port, capturing stdout, stderr and the exit code.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsPort } from '../../../src/aws/port.js';
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runOrgctl(args: readonly string[], options: { readonly cwd: string; readonly port?: AwsPort; readonly env?: Readonly<Record<string, string>> }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    cwd: options.cwd,
    ...(options.port ? { awsPort: options.port } : {}),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** A fresh temporary directory, removed by the returned function. */
export async function tempDir(): Promise<{ readonly dir: string; readonly remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'orgctl-import-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
