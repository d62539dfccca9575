// `orgctl emulator` as users run it: the bundled CLI in a child process, its output, snapshot loading
// and saving on SIGTERM, and errors for bad flags, specs and files (exit 1, no stack trace).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateOrganizationalUnitCommand, DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorSnapshot } from '../../src/emulator/index.js';
import { MANAGEMENT, orgs } from './helpers.js';

const CLI = join(process.cwd(), 'build/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'orgctl-emulator-cli-'));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

/** Starts `orgctl emulator <args>` and waits for the AWS_ENDPOINT_URL line. */
async function startCli(args: readonly string[]): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'emulator', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /AWS_ENDPOINT_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`emulator exited with ${code}: ${err}`)));
  });
  return { child, url, stdout: () => out, stderr: () => err, exited };
}

function runCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'emulator', ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const config = (url: string) => ({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

const STATE: EmulatorSnapshot = {
  formatVersion: 1,
  organization: {
    id: 'o-abcdefghij',
    managementAccountId: MANAGEMENT,
    root: { id: 'r-ab12' },
    accounts: [{ id: MANAGEMENT, name: 'management', email: 'm@example.com', parentId: 'r-ab12' }],
  },
};

describe('orgctl emulator', () => {
  it('serves the --state snapshot, prints how to connect, and saves to --save on SIGTERM', async () => {
    const state = join(dir, 'state.json');
    const saved = join(dir, 'saved.json');
    writeFileSync(state, JSON.stringify(STATE));
    const running = await startCli(['--port', '0', '--state', state, '--save', saved, '--log']);
    expect(running.stdout()).toContain(`export AWS_ENDPOINT_URL=${running.url}`);
    expect(running.stdout()).toContain('AWS_ACCESS_KEY_ID=test');
    expect(running.stdout()).toContain('organization o-abcdefghij with 1 account, ');
    const client = orgs(config(running.url));
    expect((await client.send(new DescribeOrganizationCommand({}))).Organization?.Id).toBe('o-abcdefghij');
    await client.send(new CreateOrganizationalUnitCommand({ ParentId: 'r-ab12', Name: 'Added' }));
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const written = JSON.parse(readFileSync(saved, 'utf8')) as EmulatorSnapshot;
    expect(written.organization?.organizationalUnits?.map((o) => o.name)).toEqual(['Added']);
    expect(running.stderr()).toMatch(/organizations:CreateOrganizationalUnit -> 200/);
    expect(running.stderr()).toContain(`state saved to ${saved}`);
  });

  it('POST /_emulator/save writes the --save file while running; SIGINT stops it', async () => {
    const saved = join(dir, 'live.json');
    const running = await startCli(['--port', '0', '--save', saved, '--account-id', '111122223333']);
    const res = await fetch(`${running.url}/_emulator/save`, { method: 'POST' });
    expect(await res.json()).toEqual({ saved });
    expect((JSON.parse(readFileSync(saved, 'utf8')) as EmulatorSnapshot).accountId).toBe('111122223333');
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
  });

  it('--help explains the options', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--rate-scale <n>');
    expect(result.stdout).toContain('--faults <spec>');
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535 \(got "abc"\)/],
    [['--account-id', '12'], /--account-id must be a 12-digit AWS account ID/],
    [['--faults', '*: thrott=10%'], /--faults is not valid: unknown fault "thrott"/],
    [['--rate-scale', '10'], /--rate-scale only applies with --rate-limits/],
    [['--empty-pages', '2'], /--empty-pages must be a number from 0 to 1/],
    [['--trailing-tokens', '1.5'], /--trailing-tokens must be a number from 0 to 1/],
    [['--state', join(dir, 'missing.json')], /missing\.json does not exist/],
    [['--bogus'], /Unknown option '--bogus'.*orgctl emulator --help/],
    [['--save', join(dir, 'no-such-folder', 'state.json')], /--save .*the folder .*no-such-folder does not exist/],
  ])('%j fails with a clear message, exit 1 and no stack trace', (args, message) => {
    const result = runCli(args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad snapshot names the file, line and column of each problem', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "formatVersion": 1,\n  "accountId": "12"\n}\n');
    const result = runCli(['--state', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${bad}:3:16: accountId "12" is not valid: expected 12 digits`);
  });

  it('a port in use is an actionable error', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = runCli(['--port', String(port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
