// Plan-time notes name the org.yaml the user gave with --file (issue #12, item 4): `sub/prod-org.yaml:7:7`,
// not `org.yaml:7:7`, in plan's text and markdown output and in what apply prints, as `validate` already does.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorEnv, spawnOrgctl, workspace } from '../workflow/support/cli-harness.js';
import { MGMT, snapshotOf, type LiveWorld } from '../workflow/support/emulator-world.js';

const MEMBER = '200000000001';
const MISSING = '299999999999';

const LIVE: LiveWorld = {
  hasOrganization: true,
  ous: [],
  accounts: [
    { id: MGMT, parentPath: '/' },
    { id: MEMBER, parentPath: '/' },
  ],
  budgets: [],
};

// Line 7, column 7: an account the organization does not have (a plan error);
// line 8, column 7: a member with a creation-only setting although it exists (a plan warning).
const ORG_YAML = `version: 1
organization:
  managementAccountId: "${MGMT}"
root:
  accounts:
    - "${MGMT}"
    - "${MISSING}"
    - { id: "${MEMBER}", name: not-its-name, roleName: Admin }
`;

describe('plan notes name the file given with --file', () => {
  let emulator: Emulator;
  const ws = workspace({ 'sub/prod-org.yaml': ORG_YAML });
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
    emulator.seed(snapshotOf(LIVE));
  });
  afterAll(async () => {
    await emulator.stop();
    ws.remove();
  });

  it('plan (text): FILE:LINE:COL is sub/prod-org.yaml', async () => {
    const run = await spawnOrgctl(['plan', '--file', 'sub/prod-org.yaml'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stdout).toContain(`account ${MISSING} is declared in org.yaml but is not in the organization; invite it (or create it) first, or remove it from org.yaml. (sub/prod-org.yaml:7:7)`);
    expect(run.stdout).toMatch(/ \(sub\/prod-org\.yaml:8:7\)\n/);
    expect(run.stdout).not.toMatch(/[ (]org\.yaml:\d+:\d+/);
    expect(run.code).toBe(1);
  });

  it('plan --format markdown: the same location', async () => {
    const run = await spawnOrgctl(['plan', '-f', 'sub/prod-org.yaml', '--format', 'markdown'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    // Markdown escapes the hyphen and the dot.
    expect(run.stdout).toContain('_(sub/prod\\-org\\.yaml:7:7)_');
    expect(run.stdout).toContain('_(sub/prod\\-org\\.yaml:8:7)_');
    expect(run.stdout).not.toMatch(/[ (]org\\?\.yaml:\d+:\d+/);
    expect(run.code).toBe(1);
  });

  it('apply prints the plan it refuses with the same location', async () => {
    const run = await spawnOrgctl(['apply', '--file', 'sub/prod-org.yaml', '--auto-approve'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stdout).toContain('(sub/prod-org.yaml:7:7)');
    expect(run.stdout).not.toMatch(/[ (]org\.yaml:\d+:\d+/);
    expect(run.stderr).toContain('Error: the plan has 1 error');
    expect(run.code).toBe(1);
  });
});
