// `orgctl apply` in-process (runCli with a CliIo whose AWS port talks to our emulator over HTTP):
// confirmation, saved plans and staleness, progress lines and summary, failures, exit codes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { AwsCallError } from '../../src/aws/errors.js';
import type { AwsPort } from '../../src/aws/port.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { duplicatesIn, emulatorPort, MGMT, snapshotOf, writeCalls, type LiveWorld } from '../workflow/support/emulator-world.js';
import { orgctl, workspace } from '../workflow/support/cli-harness.js';
import { expectedEndState, expectEndStateMatches, readEndState } from '../support/end-state/index.js';

const DEV = '200000000001';
const PROD = '200000000002';

/** An organization with two accounts in the root, no OUs, no budgets. */
const LIVE: LiveWorld = {
  hasOrganization: true,
  ous: [],
  accounts: [
    { id: MGMT, parentPath: '/' },
    { id: DEV, parentPath: '/' },
    { id: PROD, parentPath: '/' },
  ],
  budgets: [],
};

/** Puts them in /Workloads/Dev and /Workloads/Prod and adds a budget: 6 steps. */
const ORG_YAML = `version: 1
organization:
  managementAccountId: "${MGMT}"
root:
  accounts: ["${MGMT}"]
  organizationalUnits:
    Workloads:
      organizationalUnits:
        Dev: { accounts: ["${DEV}"] }
        Prod: { accounts: ["${PROD}"] }
budgets:
  - name: monthly
    amount: 20
    unit: USD
    timeUnit: MONTHLY
    notifications:
      - { type: ACTUAL, threshold: 80, comparison: GREATER_THAN, emails: [ops@example.com] }
`;

const STEP_LINE = /^(ok|FAILED|skipped)\s+(\w+) (\S+)(?: \((\d+ms|\d+\.\d+s)\))?(?:: (.*))?$/;

function stepLines(stdout: string): string[][] {
  return stdout
    .split('\n')
    .map((line) => STEP_LINE.exec(line))
    .filter((m) => m !== null)
    .map((m) => [m[1]!, m[2]!, m[3]!]);
}

describe('orgctl apply (in-process, against the emulator)', () => {
  let emulator: Emulator;
  let port: SdkPort;
  let ws: ReturnType<typeof workspace>;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
    port = emulatorPort(emulator.url);
  });
  afterAll(async () => {
    port.destroy();
    await emulator.stop();
  });
  beforeEach(() => {
    emulator.seed(snapshotOf(LIVE));
    emulator.clearStats();
    ws = workspace({ 'org.yaml': ORG_YAML });
  });
  afterEach(() => ws.remove());

  const apply = (args: string[], options: { answer?: string; stderrTTY?: boolean; port?: AwsPort } = {}) =>
    orgctl(['apply', ...args], { cwd: ws.dir, port: options.port ?? port, ...options });
  const writes = () => writeCalls(emulator.requestLog());

  it('without a terminal and without --auto-approve: prints the plan, refuses, exit 1, nothing changed', async () => {
    const run = await apply([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Plan: 4 to create, 2 to update, 0 to delete.');
    expect(run.stderr).toContain('there is no terminal to ask on');
    expect(run.stderr).toContain('--auto-approve');
    expect(writes()).toEqual([]);
  });

  it('on a terminal, "yes" applies: a line per step, a summary, the check, exit 0', async () => {
    const before = await readEndState({ endpoint: emulator.url });
    const run = await apply([], { answer: 'yes' });
    expect(run.prompts).toEqual(['\nApply 6 steps? Only "yes" is accepted: ']);
    expect(run.code).toBe(0);
    const lines = stepLines(run.stdout);
    expect(lines.map(([status]) => status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(lines.map(([, kind, address]) => `${kind} ${address}`).sort()).toEqual(
      [
        'createBudget budget:monthly',
        'createOrganizationalUnit ou:/Workloads',
        'createOrganizationalUnit ou:/Workloads/Dev',
        'createOrganizationalUnit ou:/Workloads/Prod',
        `moveAccount account:${DEV}`,
        `moveAccount account:${PROD}`,
      ].sort(),
    );
    expect(run.stdout).toMatch(/Apply complete: 6 succeeded, 0 failed, 0 not run, in \d+(ms|\.\ds)\.\n/);
    expect(run.stdout).toContain('Checked: the organization now matches org.yaml.');
    expect((await orgctl(['plan', '--detailed-exitcode'], { cwd: ws.dir, port })).code).toBe(0);
    // And so it does, read without orgctl (test/support/end-state).
    expectEndStateMatches(await readEndState({ endpoint: emulator.url }), expectedEndState(ORG_YAML, before));
  });

  it('on a terminal, anything but "yes" declines: exit 1, nothing changed', async () => {
    for (const answer of ['no', 'y', 'YES please', '']) {
      const run = await apply([], { answer });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('Apply cancelled. Nothing was changed.');
    }
    expect(writes()).toEqual([]);
  });

  it('--auto-approve asks nothing; a second apply has nothing to do (exit 0, no writes)', async () => {
    const first = await apply(['--auto-approve'], { answer: 'no' });
    expect(first.prompts).toEqual([]);
    expect(first.code).toBe(0);
    emulator.clearStats();
    const second = await apply(['--auto-approve']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('No changes');
    expect(writes()).toEqual([]);
  });

  it('--plan applies exactly the reviewed plan, without asking', async () => {
    expect((await orgctl(['plan', '--out', 'plan.json'], { cwd: ws.dir, port })).code).toBe(0);
    const saved = JSON.parse(readFileSync(join(ws.dir, 'plan.json'), 'utf8')) as { steps: { kind: string; address: string }[] };
    const run = await apply(['--plan', 'plan.json'], { answer: 'no' });
    expect(run.prompts).toEqual([]);
    expect(run.code).toBe(0);
    expect(stepLines(run.stdout).map(([, kind, address]) => `${kind} ${address}`).sort()).toEqual(saved.steps.map((s) => `${s.kind} ${s.address}`).sort());
    expect(writes()).toHaveLength(saved.steps.length);
  });

  it('--plan refuses a plan made before org.yaml was edited: "plan is stale", exit 1, no write', async () => {
    await orgctl(['plan', '--out', 'plan.json'], { cwd: ws.dir, port });
    ws.write('org.yaml', ORG_YAML.replace('amount: 20', 'amount: 30'));
    emulator.clearStats();
    const run = await apply(['--plan', 'plan.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('plan is stale, run plan again');
    expect(run.stderr).toContain('org.yaml changed since the plan was made');
    expect(writes()).toEqual([]);
    expect(Object.keys(emulator.counters()).filter((op) => /:(Create|Update|Delete|Move)/.test(op))).toEqual([]);
  });

  it('--plan refuses a plan made before the organization changed out of band: "plan is stale", exit 1, no write', async () => {
    await orgctl(['plan', '--out', 'plan.json'], { cwd: ws.dir, port });
    const root = (await port.listRoots())[0]!.id;
    await port.createOrganizationalUnit(root, 'Sandbox'); // someone else, in the console
    emulator.clearStats();
    const run = await apply(['--plan', 'plan.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('plan is stale, run plan again');
    expect(run.stderr).toContain('the live organization changed since the plan was made');
    expect(writes()).toEqual([]);
  });

  it('--plan with a missing or broken file: a clear error, exit 1, nothing read from AWS or changed', async () => {
    const missing = await apply(['--plan', 'nope.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json: file not found');
    ws.write('broken.json', '{"version": 1, "steps": [');
    const broken = await apply(['--plan', 'broken.json']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.json is not a plan orgctl can apply');
    // Each problem is located, file:line:col, as for org.yaml.
    expect(broken.stderr).toMatch(/broken\.json:1:\d+: /);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    expect(emulator.requestLog()).toEqual([]);
  });

  it('--plan with a plan an older orgctl wrote (format version 1): says to plan again, exit 1, nothing changed', async () => {
    expect((await orgctl(['plan', '--out', 'plan.json'], { cwd: ws.dir, port })).code).toBe(0);
    // What the previous orgctl wrote for the same plan: OU paths where version 2 has references.
    const asVersion1 = readFileSync(join(ws.dir, 'plan.json'), 'utf8')
      .replace('"version": 2', '"version": 1')
      .replace(/"parent": \{\s*"type": "root"\s*\}/g, '"parentPath": "/"')
      .replace(/"parent": \{\s*"type": "ou",\s*"path": ("[^"]*")\s*\}/g, '"parentPath": $1');
    expect(asVersion1).toContain('"parentPath": "/Workloads"');
    ws.write('old.json', asVersion1);
    const run = await apply(['--plan', 'old.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('old.json is not a plan orgctl can apply');
    expect(run.stderr).toMatch(/old\.json:2:\d+: this plan file is in format version 1, made by an older orgctl/);
    expect(run.stderr).toContain('Run `orgctl plan` again');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(writes()).toEqual([]);
  });

  it('a step that keeps failing: exit 1, the summary lists what was done, what failed and why; apply again converges', async () => {
    emulator.injectFault('CreateBudget', 'error500', 50);
    const run = await apply(['--auto-approve']);
    expect(run.code).toBe(1);
    const lines = stepLines(run.stdout);
    expect(lines.filter(([s]) => s === 'FAILED')).toEqual([['FAILED', 'createBudget', 'budget:monthly']]);
    expect(run.stdout).toMatch(/FAILED\s+createBudget budget:monthly \(\d+m?s\): CreateBudget failed: InternalErrorException/);
    expect(run.stdout).toMatch(/Apply stopped: \d succeeded, 1 failed, \d not run, in /);
    expect(run.stdout).toContain('Failed:\n  createBudget budget:monthly: CreateBudget failed:');
    expect(run.stdout).toContain('The organization does not match org.yaml yet; what remains:');
    expect(run.stdout).toContain('+ budget:monthly');
    emulator.setFaults(undefined);
    emulator.reset();
    emulator.seed(snapshotOf(LIVE));
    const again = await apply(['--auto-approve']);
    expect(again.code).toBe(0);
    expect(duplicatesIn(emulator.snapshot())).toEqual([]);
  });

  it('exit 1 when every step succeeded but the organization still differs afterwards', async () => {
    // Another tool moves the management account out of the root while orgctl applies.
    let moved = false;
    const meddling: AwsPort = new Proxy(port, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'createBudget' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: Parameters<AwsPort['createBudget']>) => {
          if (!moved) {
            moved = true;
            const root = (await target.listRoots())[0]!.id;
            const elsewhere = await target.createOrganizationalUnit(root, 'Elsewhere');
            await target.moveAccount(MGMT, root, elsewhere.id);
          }
          return target.createBudget(...args);
        };
      },
    });
    const run = await apply(['--auto-approve'], { port: meddling });
    expect(run.stdout).toContain('Apply complete: 6 succeeded, 0 failed, 0 not run');
    expect(run.stdout).toContain('The organization does not match org.yaml yet; what remains:');
    expect(run.stdout).toContain(`account:${MGMT}`);
    expect(run.stdout).toContain('Run `orgctl apply` again to continue.');
    expect(run.code).toBe(1);
  });

  it('the check after the steps fails: the run summary is still printed, then the error; exit 1', async () => {
    let wrote = false;
    const failingCheck: AwsPort = new Proxy(port, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (property === 'listRoots' && wrote) return async () => Promise.reject(new AwsCallError('ListRoots', 'accessDenied', 'AccessDeniedException', 'not allowed'));
        if (String(property).startsWith('create') || property === 'moveAccount') wrote = true;
        return value.bind(target);
      },
    });
    const run = await apply(['--auto-approve'], { port: failingCheck });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Apply complete: 6 succeeded, 0 failed, 0 not run');
    expect(run.stderr).toContain('Error: the steps ran, but the check afterwards could not read the organization');
    expect(run.stderr).toContain('ListRoots failed: AccessDeniedException');
    expect(run.stdout).not.toContain('Checked: the organization now matches');
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const run = await apply(['--auto-approve']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\r');
  });
});
