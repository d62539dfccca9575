// Whether AWS compares OU names case-sensitively is not documented (aws-facts.md §2.4). Against an
// emulator that compares them without case, apply fails the step with advice instead of a bare AWS error,
// and org.yaml's renamedFrom then makes it converge.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { aDesiredOrg } from '../support/builders.js';
import { expectedEndState, expectEndStateMatches, readEndState } from '../support/end-state/index.js';
import { emulatorPort, MGMT, snapshotOf } from './support/emulator-world.js';

describe('apply when AWS compares OU names without case', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, quirks: { ouNamesCaseSensitive: false } }));
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('"Prod" next to a live "prod": the step fails saying how to rename; with renamedFrom it converges', async () => {
    emulator.seed(snapshotOf({ hasOrganization: true, ous: [{ path: '/prod', name: 'prod', parentPath: '/' }], accounts: [{ id: MGMT, parentPath: '/' }], budgets: [] }));
    const before = await readEndState({ endpoint: emulator.url });
    const port = emulatorPort(emulator.url);
    try {
      const plain = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT).withOu('/Prod').build();
      const first = await runApplyWorkflow({ port, desired: plain, orgYamlSha256: '3'.repeat(64), confirm: async () => true });
      if (first.kind !== 'applied') throw new Error(first.kind);
      expect(first.converged).toBe(false);
      expect(first.run.results.find((r) => r.status === 'failed')?.message).toContain('declare "Prod" with renamedFrom: "prod"');

      const renamed = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT).withOu('/Prod', { renamedFrom: 'prod' }).build();
      const second = await runApplyWorkflow({ port, desired: renamed, orgYamlSha256: '3'.repeat(64), confirm: async () => true });
      expect(second.kind === 'applied' && second.converged).toBe(true);
      expect(emulator.snapshot().organization?.organizationalUnits?.map((o) => o.name)).toEqual(['Prod']);
      // Read without orgctl: /Prod is the renamed OU (same ID), the account where declared.
      expectEndStateMatches(await readEndState({ endpoint: emulator.url }), expectedEndState(renamed, before));
    } finally {
      port.destroy();
    }
  });
});
