// A saved plan (`plan --out`) is made from org.yaml AND the policy files it names (`file:`): editing a
// policy file afterwards makes `apply --plan` refuse the plan as stale, as editing org.yaml does, so a
// reviewed plan never uploads a document nobody reviewed.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { orgctl, workspace } from '../workflow/support/cli-harness.js';
import { emulatorPort, MGMT, snapshotOf, writeCalls } from '../workflow/support/emulator-world.js';

const DENY_LEAVE = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }, null, 2);

const ORG_YAML = `version: 1
organization:
  managementAccountId: "${MGMT}"
policies:
  DenyLeave:
    file: policies/deny-leave.json
root:
  policies: [FullAWSAccess, DenyLeave]
  accounts: ["${MGMT}"]
`;

describe('apply --plan with a policy file edited after plan --out', () => {
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
    emulator.seed(snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }], budgets: [] }));
    ws = workspace({ 'org.yaml': ORG_YAML, 'policies/deny-leave.json': DENY_LEAVE });
  });
  afterEach(() => ws.remove());

  it('refuses: "plan is stale", exit 1, no write', async () => {
    expect((await orgctl(['plan', '--out', 'plan.json'], { cwd: ws.dir, port })).code).toBe(0);
    ws.write('policies/deny-leave.json', DENY_LEAVE.replace('organizations:LeaveOrganization', 'account:CloseAccount'));
    emulator.clearStats();
    const run = await orgctl(['apply', '--plan', 'plan.json'], { cwd: ws.dir, port });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('plan is stale, run plan again');
    expect(run.stderr).toContain('org.yaml changed since the plan was made');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(writeCalls(emulator.requestLog())).toEqual([]);
  });

  it('applies the reviewed plan when neither org.yaml nor the policy file changed', async () => {
    expect((await orgctl(['plan', '--out', 'plan.json'], { cwd: ws.dir, port })).code).toBe(0);
    const run = await orgctl(['apply', '--plan', 'plan.json'], { cwd: ws.dir, port });
    expect([run.code, run.stderr]).toEqual([0, expect.not.stringContaining('stale')]);
    expect(writeCalls(emulator.requestLog()).length).toBeGreaterThan(0);
  });
});
