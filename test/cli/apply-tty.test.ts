// `orgctl apply` on a real terminal (a pseudo-terminal from python3's pty module): the question is
// asked on the terminal and only "yes" applies; on a terminal a run that takes more than a few seconds
// shows a progress bar.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorEnv, PTY_AVAILABLE, spawnOrgctlOnTty, workspace } from '../workflow/support/cli-harness.js';
import { CRASH_LIVE, crashDesired } from '../workflow/support/crash-scenario.js';
import { snapshotOf, writeCalls } from '../workflow/support/emulator-world.js';
import { orgYamlOf } from '../workflow/support/org-yaml.js';

const QUESTION = 'Only "yes" is accepted: ';

describe.skipIf(!PTY_AVAILABLE)('orgctl apply on a terminal', () => {
  let emulator: Emulator;
  const ws = workspace({ 'org.yaml': orgYamlOf(crashDesired()) });
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
  });
  afterAll(async () => {
    await emulator.stop();
    ws.remove();
  });

  it('answering "no" changes nothing (exit 1)', async () => {
    emulator.seed(snapshotOf(CRASH_LIVE));
    emulator.clearStats();
    const run = await spawnOrgctlOnTty(['apply'], { cwd: ws.dir, env: emulatorEnv(emulator.url), prompt: QUESTION, answer: 'no' });
    expect(run.prompts).toHaveLength(1);
    expect(run.stdout).toContain('Apply cancelled. Nothing was changed.');
    expect(run.code).toBe(1);
    expect(writeCalls(emulator.requestLog())).toEqual([]);
  });

  it('answering "yes" applies (exit 0); a slow run draws the progress bar on the terminal', async () => {
    emulator.seed(snapshotOf(CRASH_LIVE));
    // Every MoveAccount takes 400 ms: 30 moves, 4 at a time, make a run of several seconds.
    emulator.setFaults('MoveAccount: latency=400ms');
    try {
      const run = await spawnOrgctlOnTty(['apply'], { cwd: ws.dir, env: emulatorEnv(emulator.url), prompt: QUESTION, answer: 'yes' });
      expect(run.prompts).toHaveLength(1);
      expect(run.stdout).toContain('Checked: the organization now matches org.yaml.');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/\r\x1b\[2K\[#*\.*\] \d+\/\d+ steps, \d+\.\ds/);
    } finally {
      emulator.setFaults(undefined);
    }
  });
});
