// The management account left out of org.yaml's tree (issue #12, item 12; docs/org-yaml.md "Rules"):
// it is an account org.yaml does not place like any other. With `unlistedAccounts: ignore` the plan
// reports it and leaves it where it is; with `unlistedAccounts: error` the plan fails until it is placed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorEnv, spawnOrgctl, workspace } from '../workflow/support/cli-harness.js';
import { MGMT, snapshotOf, type LiveWorld } from '../workflow/support/emulator-world.js';

const MEMBER = '200000000001';
const LIVE: LiveWorld = {
  hasOrganization: true,
  ous: [],
  accounts: [
    { id: MGMT, parentPath: '/' },
    { id: MEMBER, parentPath: '/' },
  ],
  budgets: [],
};

const orgYaml = (unlistedAccounts: 'ignore' | 'error', placeManagement: boolean): string => `version: 1
organization:
  managementAccountId: "${MGMT}"
root:
  accounts: [${placeManagement ? `"${MGMT}", ` : ''}"${MEMBER}"]
options:
  unlistedAccounts: ${unlistedAccounts}
`;

describe('the management account left out of the tree', () => {
  let emulator: Emulator;
  const ws = workspace({
    'ignore.yaml': orgYaml('ignore', false),
    'error.yaml': orgYaml('error', false),
    'error-placed.yaml': orgYaml('error', true),
  });
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
    emulator.seed(snapshotOf(LIVE));
  });
  afterAll(async () => {
    await emulator.stop();
    ws.remove();
  });

  it('unlistedAccounts: ignore: reported as an unlisted account, left where it is (exit 0, no changes)', async () => {
    const run = await spawnOrgctl(['plan', '--file', 'ignore.yaml', '--detailed-exitcode'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stdout).toContain(`1 account in the organization is not in org.yaml: ${MGMT} (acct-${MGMT}) in /; orgctl leaves them where they are`);
    expect(run.code).toBe(0);
  });

  it('unlistedAccounts: error: the plan fails (exit 1) naming the management account', async () => {
    const run = await spawnOrgctl(['plan', '--file', 'error.yaml'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stdout).toContain(`1 account in the organization is not in org.yaml: ${MGMT} (acct-${MGMT}) in /; declare where they belong in org.yaml`);
    expect(run.stdout).toContain('This plan has 1 error and cannot be applied.');
    expect(run.code).toBe(1);
  });

  it('unlistedAccounts: error with the management account placed: no error (exit 0)', async () => {
    const run = await spawnOrgctl(['plan', '--file', 'error-placed.yaml', '--detailed-exitcode'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stdout).not.toContain('not in org.yaml');
    expect(run.code).toBe(0);
  });
});
