// `orgctl plan --out` (issue #12, item 5): a path that cannot be written is refused with the messages
// `import --out` gives, before any AWS call (the emulator receives no request), instead of a raw
// EISDIR/ENOENT after the whole read.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorEnv, spawnOrgctl, workspace } from '../workflow/support/cli-harness.js';
import { MGMT, snapshotOf, type LiveWorld } from '../workflow/support/emulator-world.js';

const LIVE: LiveWorld = { hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }], budgets: [] };
const ORG_YAML = `version: 1
organization:
  managementAccountId: "${MGMT}"
root:
  accounts: ["${MGMT}"]
`;

describe('orgctl plan --out', () => {
  let emulator: Emulator;
  const ws = workspace({ 'org.yaml': ORG_YAML });
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
    emulator.seed(snapshotOf(LIVE));
    mkdirSync(join(ws.dir, 'plans'));
  });
  beforeEach(() => emulator.clearStats());
  afterAll(async () => {
    await emulator.stop();
    ws.remove();
  });

  it('a directory: says so and what to pass instead, exit 1, no AWS request', async () => {
    const run = await spawnOrgctl(['plan', '--out', 'plans'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stderr).toBe('Error: plans is a directory; pass the path of the file to write with --out, e.g. --out plans/plan.json.\n');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    expect(emulator.requestLog()).toEqual([]);
  });

  it('a missing directory: says so, exit 1, no AWS request', async () => {
    const run = await spawnOrgctl(['plan', '-o', 'missing/dir/p.json'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stderr).toBe('Error: cannot write missing/dir/p.json: its directory does not exist, so nothing was written. Create it, or pass another --out.\n');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    expect(emulator.requestLog()).toEqual([]);
  });

  it('an absolute path under a missing directory: the same message', async () => {
    const missing = join(ws.dir, 'nowhere', 'p.json');
    const run = await spawnOrgctl(['plan', '--out', missing], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stderr).toBe(`Error: cannot write ${missing}: its directory does not exist, so nothing was written. Create it, or pass another --out.\n`);
    expect(run.code).toBe(1);
    expect(emulator.requestLog()).toEqual([]);
  });

  it('a writable path: the plan is written (and an existing plan file is replaced)', async () => {
    ws.write('plans/p.json', 'old');
    const run = await spawnOrgctl(['plan', '--out', 'plans/p.json'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(ws.dir, 'plans/p.json'), 'utf8'))).toMatchObject({ steps: [] });
    expect(emulator.requestLog().length).toBeGreaterThan(0);
  });
});
