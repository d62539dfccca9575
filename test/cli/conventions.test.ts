// CLI conventions (issue #18, part 3): "did you mean" for mistyped commands and options, --no-color,
// NO_COLOR only when non-empty, --profile NAME as the AWS CLI has it.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessKeyIdFor, startEmulator, type Emulator } from '../../src/emulator/index.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorEnv, orgctl, spawnOrgctl, workspace } from '../workflow/support/cli-harness.js';
import { MGMT, snapshotOf } from '../workflow/support/emulator-world.js';

const ORG_YAML = (management: string): string => `version: 1
organization:
  managementAccountId: "${management}"
root:
  accounts: ["${management}"]
  organizationalUnits:
    Workloads: {}
`;

describe('did you mean', () => {
  const ws = workspace({ 'org.yaml': ORG_YAML(MGMT) });
  afterAll(() => ws.remove());

  it('suggests the closest command', async () => {
    const run = await orgctl(['plna'], { cwd: ws.dir, port: new FakeAwsPort() });
    expect(run.stderr).toBe('orgctl: unknown command "plna". Did you mean "plan"? Commands: validate, plan, apply, import, audit, emulator, demo, explain.\n');
    expect(run.code).toBe(1);
  });

  it('suggests nothing for a word far from every command', async () => {
    const run = await orgctl(['terraform'], { cwd: ws.dir, port: new FakeAwsPort() });
    expect(run.stderr).toBe('orgctl: unknown command "terraform". Commands: validate, plan, apply, import, audit, emulator, demo, explain.\n');
  });

  it('suggests the closest option of the command', async () => {
    const run = await orgctl(['validate', '--fiel', 'org.yaml'], { cwd: ws.dir, port: new FakeAwsPort() });
    expect(run.stderr).toBe("Error: Unknown option '--fiel'. Did you mean --file? Run `orgctl validate --help` for usage.\n");
    expect(run.code).toBe(1);
    const plan = await orgctl(['plan', '--detailed-exit-code'], { cwd: ws.dir, port: new FakeAwsPort() });
    expect(plan.stderr).toContain('Did you mean --detailed-exitcode?');
  });
});

describe('colour', () => {
  const ws = workspace({ 'org.yaml': ORG_YAML(FakeAwsPort.MANAGEMENT_ACCOUNT_ID) });
  afterAll(() => ws.remove());
  const ESC = '\u001b[';
  const plan = async (args: readonly string[], env: Record<string, string>) => {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    return orgctl(['plan', ...args], { cwd: ws.dir, env, port: fake, stdoutTTY: true });
  };

  it('is on at a terminal, off with --no-color (before or after the command)', async () => {
    expect((await plan([], {})).stdout).toContain(ESC);
    expect((await plan(['--no-color'], {})).stdout).not.toContain(ESC);
    const before = await orgctl(['--no-color', 'validate'], { cwd: ws.dir, port: new FakeAwsPort(), stdoutTTY: true });
    expect(before.code).toBe(0);
  });

  it('is off with NO_COLOR set to anything, and on with NO_COLOR empty', async () => {
    expect((await plan([], { NO_COLOR: '1' })).stdout).not.toContain(ESC);
    expect((await plan([], { NO_COLOR: '' })).stdout).toContain(ESC);
  });
});

describe('--profile NAME', () => {
  let emulator: Emulator;
  const ws = workspace({ 'org.yaml': ORG_YAML(MGMT) });
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
    emulator.seed(snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }], budgets: [] }));
    // The emulator acts as the account an access key ends in: [default] is a member account, [org-admin] the management account.
    writeFileSync(
      join(ws.dir, 'credentials'),
      `[default]\naws_access_key_id = ${accessKeyIdFor('210987654321')}\naws_secret_access_key = x\n\n[org-admin]\naws_access_key_id = ${accessKeyIdFor(MGMT)}\naws_secret_access_key = x\n`,
    );
    writeFileSync(join(ws.dir, 'config'), '[default]\nregion = us-east-1\n\n[profile org-admin]\nregion = us-east-1\n');
  });
  afterAll(async () => {
    await emulator.stop();
    ws.remove();
  });

  const env = (): Record<string, string> => {
    const { AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, ...rest } = emulatorEnv(emulator.url);
    return { ...rest, AWS_SHARED_CREDENTIALS_FILE: join(ws.dir, 'credentials'), AWS_CONFIG_FILE: join(ws.dir, 'config') };
  };

  it('uses the named profile of the shared files instead of the default one', async () => {
    const asDefault = await spawnOrgctl(['plan'], { cwd: ws.dir, env: env() });
    expect(asDefault.code).toBe(1);
    expect(asDefault.stderr).toContain('210987654321');

    const asAdmin = await spawnOrgctl(['plan', '--profile', 'org-admin'], { cwd: ws.dir, env: env() });
    expect(asAdmin.stderr).toBe('');
    expect(asAdmin.code).toBe(0);
    expect(asAdmin.stdout).toContain('+ ou:/Workloads');
    const eq = await spawnOrgctl(['--profile=org-admin', 'plan'], { cwd: ws.dir, env: env() });
    expect(eq.code).toBe(0);
  });

  it('needs a name', async () => {
    const run = await orgctl(['plan', '--profile'], { cwd: ws.dir, port: new FakeAwsPort() });
    expect(run.stderr).toBe('Error: --profile needs the name of a profile in your AWS config files, e.g. --profile org-admin.\n');
    expect(run.code).toBe(1);
  });
});

describe('plan: a progress line while it reads', () => {
  const ws = workspace({ 'org.yaml': ORG_YAML(FakeAwsPort.MANAGEMENT_ACCOUNT_ID) });
  afterAll(() => ws.remove());
  const largeOrg = (): FakeAwsPort => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    for (let i = 0; i < 300; i += 1) fake.seedAccount({ id: String(300000000000 + i), name: `a${i}`, parentId: rootId });
    return fake;
  };

  it('on a terminal: drawn on stderr, then cleared, so the plan on stdout is untouched', async () => {
    const run = await orgctl(['plan'], { cwd: ws.dir, port: largeOrg(), stderrTTY: true });
    expect(run.stderr).toMatch(/^\r\u001b\[2KReading: \d+ OUs, \d+ accounts, \d+ budgets/);
    expect(run.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(run.stdout).not.toContain('Reading:');
  });

  it('not on a terminal: nothing', async () => {
    const run = await orgctl(['plan'], { cwd: ws.dir, port: largeOrg() });
    expect(run.stderr).toBe('');
  });
});
