// `orgctl plan` as a real process while someone else changes the organization under its read (issue #12
// item 9): an OU the walk has just found is deleted before the walk has listed its children. The
// emulator's onRequest hook makes the change right after it answers the walk's first request about the
// OU, so the walk's other requests about it meet ParentNotFoundException.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmulatorSnapshot, type RequestLogEntry } from '../../src/emulator/index.js';
import { MAX_READS } from '../../src/reader/read-live-org.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorEnv, spawnOrgctl, workspace } from '../workflow/support/cli-harness.js';
import { MGMT, ROOT_ID, snapshotOf, writeCalls, type LiveWorld } from '../workflow/support/emulator-world.js';

const APP = '200000000001';

const LIVE: LiveWorld = {
  hasOrganization: true,
  ous: [
    { path: '/Sandbox', name: 'Sandbox', parentPath: '/' },
    { path: '/Prod', name: 'Prod', parentPath: '/' },
  ],
  accounts: [
    { id: MGMT, parentPath: '/' },
    { id: APP, parentPath: '/Prod' },
  ],
  budgets: [],
};

const ORG_YAML = `version: 1
organization:
  managementAccountId: "${MGMT}"
root:
  accounts: ["${MGMT}"]
  organizationalUnits:
    Sandbox: {}
    Prod: { accounts: ["${APP}"] }
`;

/** The snapshot with the OU `ouId` (which holds nothing) deleted, and with `replacement` added when given. */
function withoutOu(snapshot: EmulatorSnapshot, ouId: string, replacement?: { id: string; name: string }): EmulatorSnapshot {
  const org = snapshot.organization!;
  const ous = (org.organizationalUnits ?? []).filter((ou) => ou.id !== ouId);
  return { ...snapshot, organization: { ...org, organizationalUnits: replacement ? [...ous, { ...replacement, parentId: org.root.id }] : ous } };
}

describe('orgctl plan while someone else changes the organization', () => {
  let emulator: Emulator;
  let afterAnswer: ((entry: RequestLogEntry) => void) | undefined;
  const ws = workspace({ 'org.yaml': ORG_YAML });
  const sandboxId = (): string => emulator.snapshot().organization!.organizationalUnits!.find((ou) => ou.name === 'Sandbox')!.id;
  /** Requests of the walk that ask about `ouId` (its child OUs or its accounts, any page). */
  const asksAbout = (entry: RequestLogEntry, ouId: string): boolean => entry.input['ParentId'] === ouId && entry.operation.endsWith('ForParent');

  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, onRequest: (entry) => afterAnswer?.(entry) }));
  });
  beforeEach(() => {
    afterAnswer = undefined;
    emulator.seed(snapshotOf(LIVE));
    emulator.clearStats();
  });
  afterAll(async () => {
    await emulator.stop();
    ws.remove();
  });

  it('Sandbox is deleted once, mid-walk: plan reads again and plans from the new state (exit 0)', async () => {
    const sandbox = sandboxId();
    afterAnswer = (entry) => {
      if (!asksAbout(entry, sandbox)) return;
      afterAnswer = undefined;
      emulator.seed(withoutOu(emulator.snapshot(), sandbox));
    };
    const run = await spawnOrgctl(['plan'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The re-read saw Sandbox gone, so the plan creates it again.
    expect(run.stdout).toContain('+ ou:/Sandbox  # not in the live organization');
    expect(run.stdout).toMatch(/Plan: 1 to create, 0 to update, 0 to delete\./);
    const log = emulator.requestLog();
    expect(log.filter((e) => e.errorCode === 'ParentNotFoundException').length).toBeGreaterThan(0);
    expect(log.filter((e) => e.operation === 'ListRoots' && e.status === 200 && !e.extraPage)).toHaveLength(2);
    expect(writeCalls(log)).toEqual([]);
  });

  it(`Sandbox is deleted and made again during every read: exit 1, a plain message, ${MAX_READS} reads, nothing written`, async () => {
    let sandbox = sandboxId();
    let made = 0;
    afterAnswer = (entry) => {
      if (!asksAbout(entry, sandbox)) return;
      // Someone's script: delete Sandbox and make it again, so it has a new ID.
      made += 1;
      const again = { id: `ou-${ROOT_ID.slice(2)}-again${String(made).padStart(3, '0')}`, name: 'Sandbox' };
      emulator.seed(withoutOu(emulator.snapshot(), sandbox, again));
      sandbox = again.id;
    };
    const run = await spawnOrgctl(['plan'], { cwd: ws.dir, env: emulatorEnv(emulator.url) });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `Error: the organization changed while orgctl was reading it, each of the ${MAX_READS} times it tried, so orgctl has no consistent view of it to work from. ` +
        'The reads changed nothing; run the command again once no one else is changing the organization.',
    );
    expect(lines.slice(1)).toHaveLength(MAX_READS);
    lines.slice(1).forEach((line, i) => expect(line).toMatch(new RegExp(`^  read ${i + 1}: List(OrganizationalUnits|Accounts)ForParent answered ParentNotFoundException for ou-appl-\\w+, which this read had found moments before\\.$`)));
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(made).toBe(MAX_READS);
    expect(writeCalls(emulator.requestLog())).toEqual([]);
  });
});
