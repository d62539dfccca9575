// Writes are paced to AWS's published rate for each operation (MoveAccount 2/s, CreateOrganizationalUnit
// 1/s, ...), with independent steps in parallel within those rates. Against the emulator enforcing the
// same rates (time sped up 10×, orgctl's pacer told the same), apply is (almost) never throttled, the
// slow MoveAccount lane takes its time, and budget steps do not wait behind it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import type { StepResult } from '../../src/apply/apply-plan.js';
import { aDesiredOrg } from '../support/builders.js';
import { MGMT, snapshotOf } from './support/emulator-world.js';

const SCALE = 10;
const ACCOUNTS = Array.from({ length: 40 }, (_, i) => String(200000000000 + i));

describe('apply paces its writes to the published rates', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: { scale: SCALE } }));
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('40 moves and 10 budgets against rate limits: hardly any throttling, moves spread at 2/s (scaled), budgets not held up', async () => {
    emulator.seed(snapshotOf({ hasOrganization: true, ous: [{ path: '/Target', name: 'Target', parentPath: '/' }], accounts: [{ id: MGMT, parentPath: '/' }, ...ACCOUNTS.map((id) => ({ id, parentPath: '/' }))], budgets: [] }));
    const desired = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT).withOu('/Target');
    for (const id of ACCOUNTS) desired.withAccount(id, '/Target');
    for (let i = 0; i < 10; i++) desired.withBudget({ name: `b${i}`, notifications: [{ emails: ['ops@example.com'] }] });
    const port = createSdkPort({ endpoint: emulator.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, rateScale: SCALE });
    emulator.clearStats();
    const finished: StepResult[] = [];
    try {
      const outcome = await runApplyWorkflow({ port, desired: desired.build(), orgYamlSha256: '1'.repeat(64), confirm: async () => true, onStepFinished: (r) => finished.push(r) });
      expect(outcome.kind === 'applied' && outcome.converged).toBe(true);
    } finally {
      port.destroy();
    }
    const log = emulator.requestLog();
    // Unpaced, 40 moves against a burst of 3 would be throttled ~37 times. At 10× speed one slot is 50 ms, so
    // a test machine's scheduling jitter may still land one or two early; in production a slot is 500 ms.
    expect(log.filter((e) => e.fault === 'rate-limit').length).toBeLessThanOrEqual(2);
    // The moves that went through (a throttled one, allowed above, is retried and counted once here).
    const moves = log.filter((e) => e.operation === 'MoveAccount' && e.fault !== 'rate-limit').map((e) => e.time);
    expect(moves).toHaveLength(40);
    // 2/s × 20 = 40/s with a burst of 3: 40 moves cannot take much less than (40 − 3) / 40 s.
    expect(Math.max(...moves) - Math.min(...moves)).toBeGreaterThanOrEqual(((40 - 3) / (2 * SCALE)) * 1000 * 0.9);
    // Every budget was done before half the moves were.
    const lastBudget = finished.findLastIndex((r) => r.step.kind === 'createBudget');
    expect(finished.slice(0, lastBudget).filter((r) => r.step.kind === 'moveAccount').length).toBeLessThan(20);
  });
});
