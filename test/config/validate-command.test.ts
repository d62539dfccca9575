// `orgctl validate`: in-process through runCli with a fake CliIo, and once as a real process.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';

const REPO = new URL('../..', import.meta.url).pathname;
const VALID = readFileSync(join(REPO, 'org.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'orgctl-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function validate(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd,
  };
  const code = await runCli(['validate', ...args], io);
  return { code, stdout, stderr };
}

function workspace(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return root;
}

describe('orgctl validate (in-process)', () => {
  it('a valid org.yaml in the current directory: exit 0 and one summary line on stdout', async () => {
    const cwd = workspace('valid', { 'org.yaml': VALID });
    expect(await validate([], cwd)).toEqual({ code: 0, stdout: 'org.yaml is valid: 8 OUs, 1 account placed, 1 budget.\n', stderr: '' });
  });

  it('counts OUs at every depth, accounts everywhere, and budgets, with plurals', async () => {
    const cwd = workspace('counts', {
      'org.yaml': [
        'version: 1',
        'organization: { managementAccountId: "123456789012" }',
        'root:',
        '  accounts: ["111111111111"]',
        '  organizationalUnits:',
        '    A: { organizationalUnits: { B: { accounts: ["222222222222", "333333333333"] } } }',
        '',
      ].join('\n'),
    });
    expect((await validate([], cwd)).stdout).toBe('org.yaml is valid: 2 OUs, 3 accounts placed, 0 budgets.\n');
  });

  it('--file is read relative to the working directory and named as given', async () => {
    const cwd = workspace('file-flag', { 'config/prod.yaml': VALID });
    expect(await validate(['--file', 'config/prod.yaml'], cwd)).toMatchObject({ code: 0, stdout: 'config/prod.yaml is valid: 8 OUs, 1 account placed, 1 budget.\n' });
    expect(await validate(['-f', 'config/prod.yaml'], cwd)).toMatchObject({ code: 0 });
  });

  it('an invalid file: exit 1, every problem as FILE:LINE:COL on stderr, then the count; nothing on stdout', async () => {
    const cwd = workspace('invalid', {
      'org.yaml': [
        'version: 1',
        'organization:',
        '  managementAccountId: 012345678901',
        'root:',
        '  organisationalUnits: {}',
        'budgets:',
        '  - { name: b, amount: -1, notifications: [{ type: ACTUAL, threshold: 1, emails: [a@example.com] }] }',
        '',
      ].join('\n'),
    });
    const run = await validate([], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      expect.stringMatching(/^org\.yaml:3:24: `managementAccountId`: account ID 012345678901 is not in quotes\./),
      expect.stringMatching(/^org\.yaml:5:3: unknown key `organisationalUnits` in `root`; did you mean `organizationalUnits`\?/),
      'org.yaml:7:24: `amount` must be greater than 0, got the number -1.',
      '3 problems found in org.yaml.',
      '',
    ]);
  });

  it('no org.yaml: a file-level error naming the path it looked for', async () => {
    const cwd = workspace('none', {});
    expect(await validate([], cwd)).toEqual({
      code: 1,
      stdout: '',
      stderr: `org.yaml: file not found (looked for ${join(cwd, 'org.yaml')}). Run orgctl in the directory that holds org.yaml, or pass --file <path>.\n1 problem found in org.yaml.\n`,
    });
  });

  it('--help prints usage and exits 0', async () => {
    const run = await validate(['--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: orgctl validate \[--file <path>\]/);
    expect(run.stdout).toContain('-f, --file <path>');
  });

  it('an unknown option is a usage error, exit 1', async () => {
    expect(await validate(['--fiel', 'x'], dir)).toEqual({ code: 1, stdout: '', stderr: "Error: Unknown option '--fiel'. Did you mean --file? Run `orgctl validate --help` for usage.\n" });
  });
});

describe('orgctl validate (real process, built CLI)', () => {
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [join(REPO, 'bin/orgctl.js'), 'validate', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it("validates the repository's own org.yaml from the repository root", () => {
    const result = run([], REPO);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 0,
      stdout: 'org.yaml is valid: 8 OUs, 1 account placed, 1 budget.\n',
      stderr: '',
    });
  });

  it('refuses a binary file with exit code 1 and no stack trace', () => {
    const cwd = workspace('binary', { 'org.yaml': '' });
    writeFileSync(join(cwd, 'org.yaml'), Uint8Array.from([0, 1, 2, 3, 255]));
    const result = run(['--file', 'org.yaml'], cwd);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'org.yaml: the file is not a text file (it contains a NUL byte at byte 0). org.yaml must be UTF-8 text; if your editor saved it as UTF-16, save it as UTF-8.\n1 problem found in org.yaml.\n',
    );
  });
});
