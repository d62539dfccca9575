// A missing snapshot fails the run instead of being written (vitest.config.ts `update: 'none'`), also
// without CI set; `-u` writes it on purpose. Without the setting, vitest writes it and passes on a laptop.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { laptopEnv, runVitest } from './run-vitest.js';

const FIXTURE = 'test/ci/fixtures/missing-snapshot.fixture.ts';

describe('a missing file snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orgctl-snapshot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails the run and is not written, with CI unset; -u writes it', async () => {
    const snapshot = join(dir, 'missing.txt');
    const env = laptopEnv({ ORGCTL_FIXTURE_SNAPSHOT: snapshot });

    const refused = await runVitest([FIXTURE], env);
    expect(refused.output).toMatch(/Snapshot .* mismatched/);
    expect(refused.code).toBe(1);
    expect(existsSync(snapshot)).toBe(false);

    const written = await runVitest([FIXTURE, '-u'], env);
    expect(written.code, written.output).toBe(0);
    expect(readFileSync(snapshot, 'utf8')).toBe('a snapshot nobody wrote\n');
  }, 240_000);
});
