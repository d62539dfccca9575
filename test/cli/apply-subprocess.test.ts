// `orgctl apply` as a real process (bin/orgctl.js → build/cli.js), configured only through the
// environment (AWS_ENDPOINT_URL, credentials), against the emulator: stdin that is not a terminal,
// --auto-approve, and a saved plan gone stale.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorEnv, spawnOrgctl, workspace } from '../workflow/support/cli-harness.js';
import { CRASH_LIVE, crashDesired } from '../workflow/support/crash-scenario.js';
import { duplicatesIn, snapshotOf, writeCalls } from '../workflow/support/emulator-world.js';
import { orgYamlOf } from '../workflow/support/org-yaml.js';

describe('orgctl apply (real process)', () => {
  let emulator: Emulator;
  const ws = workspace({ 'org.yaml': orgYamlOf(crashDesired()) });
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
    emulator.seed(snapshotOf(CRASH_LIVE));
  });
  afterAll(async () => {
    await emulator.stop();
    ws.remove();
  });

  it('stdin is not a terminal: refuses without --auto-approve (exit 1, nothing written); applies with it (exit 0)', async () => {
    const env = emulatorEnv(emulator.url);
    emulator.clearStats();
    const refused = await spawnOrgctl(['apply'], { cwd: ws.dir, env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/Plan: \d+ to create, \d+ to update, \d+ to delete\./);
    expect(refused.stderr).toContain('Error: apply needs confirmation, and there is no terminal to ask on.');
    expect(writeCalls(emulator.requestLog())).toEqual([]);

    const applied = await spawnOrgctl(['apply', '--auto-approve'], { cwd: ws.dir, env });
    expect(applied.stderr).toBe('');
    const lines = applied.stdout.split('\n').filter((l) => /^(ok|FAILED|skipped) /.test(l));
    expect(lines.length).toBe(writeCalls(emulator.requestLog()).length);
    for (const line of lines) expect(line).toMatch(/^ok {6}\w+ \S+ \(\d+(ms|\.\ds)\)$/);
    expect(applied.stdout).toMatch(new RegExp(`Apply complete: ${lines.length} succeeded, 0 failed, 0 not run, in `));
    expect(applied.stdout).toContain('Checked: the organization now matches org.yaml.');
    expect(applied.code).toBe(0);
    expect(duplicatesIn(emulator.snapshot())).toEqual([]);
  });

  it('a saved plan made before org.yaml changed: "plan is stale, run plan again", exit 1, no write', async () => {
    emulator.seed(snapshotOf(CRASH_LIVE));
    const env = emulatorEnv(emulator.url);
    expect((await spawnOrgctl(['plan', '--out', 'plan.json'], { cwd: ws.dir, env })).code).toBe(0);
    ws.write('org.yaml', orgYamlOf(crashDesired()).replace('amount: 25', 'amount: 26'));
    emulator.clearStats();
    const stale = await spawnOrgctl(['apply', '--plan', 'plan.json'], { cwd: ws.dir, env });
    ws.write('org.yaml', orgYamlOf(crashDesired()));
    expect(stale.stderr).toContain('Error: plan is stale, run plan again. Nothing was changed.');
    expect(stale.stderr).toContain('org.yaml changed since the plan was made');
    expect(stale.code).toBe(1);
    expect(writeCalls(emulator.requestLog())).toEqual([]);
  });
});
