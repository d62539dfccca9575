// A MoveAccount whose reply is lost after the move took effect is retried, and the retry names the old
// parent as the source of an account already in the destination. AWS does not document which of its two
// checks answers that: "already in the destination" (DuplicateAccountException) or "not in the source"
// (AccountNotFoundException). Apply must converge under either, by looking where the account is.

import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorQuirks } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { aDesiredOrg } from '../support/builders.js';
import { emulatorPort, MGMT, repeatedWrites, snapshotOf } from './support/emulator-world.js';

const MEMBER = '210987654321';

describe('apply: a MoveAccount retried after its reply was lost', () => {
  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  const cases: readonly [EmulatorQuirks['moveAccountCheckOrder'], string][] = [
    ['destinationFirst', 'DuplicateAccountException'],
    ['sourceFirst', 'AccountNotFoundException'],
  ];
  for (const [order, retryAnswer] of cases) {
    it(`moveAccountCheckOrder ${order}: the retry gets ${retryAnswer}, and the step is done`, async () => {
      emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, quirks: { moveAccountCheckOrder: order } }));
      emulator.seed(snapshotOf({ hasOrganization: true, ous: [{ path: '/Target', name: 'Target', parentPath: '/' }], accounts: [{ id: MGMT, parentPath: '/' }, { id: MEMBER, parentPath: '/' }], budgets: [] }));
      emulator.injectFault('MoveAccount', 'drop-after');
      const port = emulatorPort(emulator.url);
      try {
        const desired = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT).withOu('/Target').withAccount(MEMBER, '/Target').build();
        const outcome = await runApplyWorkflow({ port, desired, orgYamlSha256: '4'.repeat(64), confirm: async () => true });
        if (outcome.kind !== 'applied') throw new Error(outcome.kind);
        expect(outcome.run.results.map((r) => [r.step.kind, r.status, r.message])).toEqual([['moveAccount', 'ok', undefined]]);
        expect(outcome.converged).toBe(true);
      } finally {
        port.destroy();
      }
      const moves = emulator.requestLog().filter((e) => e.operation === 'MoveAccount');
      expect(moves.map((e) => e.fault ?? e.errorCode)).toEqual(['drop-after', retryAnswer]);
      expect(repeatedWrites(emulator.requestLog())).toEqual([]);
      const member = emulator.snapshot().organization?.accounts.find((a) => a.id === MEMBER);
      expect(member?.parentId).toBe(emulator.snapshot().organization?.organizationalUnits?.[0]?.id);
    });
  }
});
