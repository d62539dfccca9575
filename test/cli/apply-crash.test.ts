// Crash test (issue 5): `orgctl apply --auto-approve` as a real process, killed with SIGKILL right
// after the emulator answered its k-th write, for several k; then apply again. It must converge, and
// nothing may exist or have happened twice.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type RequestLogEntry } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { emulatorEnv, spawnOrgctl, workspace } from '../workflow/support/cli-harness.js';
import { CRASH_LIVE, crashDesired } from '../workflow/support/crash-scenario.js';
import { duplicatesIn, emulatorPort, repeatedWrites, snapshotOf, writeCalls } from '../workflow/support/emulator-world.js';
import { orgYamlOf } from '../workflow/support/org-yaml.js';

describe('apply killed mid-run, then run again', () => {
  let emulator: Emulator;
  let onRequest: ((entry: RequestLogEntry) => void) | undefined;
  const ws = workspace({ 'org.yaml': orgYamlOf(crashDesired()) });
  let totalWrites = 0;

  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, onRequest: (entry) => onRequest?.(entry) }));
    // How many writes a whole apply makes, so the kill points fall inside the run.
    emulator.seed(snapshotOf(CRASH_LIVE));
    emulator.clearStats();
    const port = emulatorPort(emulator.url);
    const outcome = await runApplyWorkflow({ port, desired: crashDesired(), orgYamlSha256: 'f'.repeat(64), confirm: async () => true });
    port.destroy();
    expect(outcome.kind === 'applied' && outcome.converged).toBe(true);
    totalWrites = writeCalls(emulator.requestLog()).length;
  });
  afterAll(async () => {
    await emulator.stop();
    ws.remove();
  });

  it('the scenario has enough writes to crash in (renames, creates, 30 moves, deletes, budget changes)', () => {
    expect(totalWrites).toBeGreaterThan(40);
  });

  for (const at of ['first', 'second', 'quarter', 'half', 'late'] as const) {
    it(`killed after the ${at} write: the next apply converges, with no duplicates`, async () => {
      const k = { first: 1, second: 2, quarter: Math.ceil(totalWrites / 4), half: Math.ceil(totalWrites / 2), late: totalWrites - 8 }[at];
      emulator.seed(snapshotOf(CRASH_LIVE));
      emulator.clearStats();
      const env = emulatorEnv(emulator.url);

      let seen = 0;
      let kill: (() => void) | undefined;
      onRequest = (entry) => {
        if (writeCalls([entry]).length === 0) return;
        seen += 1;
        if (seen === k) kill?.();
      };
      const crashed = await spawnOrgctl(['apply', '--auto-approve'], { cwd: ws.dir, env, onSpawn: (k) => (kill = k) });
      onRequest = undefined;
      expect(crashed.signal).toBe('SIGKILL');
      // Requests already sent when the kill landed may still be carried out.
      expect(writeCalls(emulator.requestLog()).length).toBeGreaterThanOrEqual(k);

      const again = await spawnOrgctl(['apply', '--auto-approve'], { cwd: ws.dir, env });
      expect(again.stderr).toBe('');
      expect(again.stdout).toMatch(/Checked: the organization now matches org\.yaml\.|No changes/);
      expect(again.code).toBe(0);

      const port = emulatorPort(emulator.url);
      try {
        expect((await makePlan(port, crashDesired(), 'f'.repeat(64))).plan.steps).toEqual([]);
      } finally {
        port.destroy();
      }
      expect(duplicatesIn(emulator.snapshot())).toEqual([]);
      // Across both runs: each OU created, each budget created, each account moved once.
      expect(repeatedWrites(emulator.requestLog())).toEqual([]);
    });
  }
});
