// The org.yaml of a 50,000-account organization (issue #12, item 11), as `orgctl import` writes it for the
// bench's synthetic organization: `orgctl validate` reads it. A file over the limit is refused by its size
// with a message that says so. The file is generated here, never committed.

import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importReadingFromSnapshot } from '../../bench/live-from-snapshot.js';
import { BENCH_SIZE, generateOrg, toSnapshot } from '../../bench/synthetic-org.js';
import { MAX_ORG_YAML_BYTES } from '../../src/config/limits.js';
import { buildImportedOrg } from '../../src/importer/build-imported-org.js';
import { renderImportedOrg } from '../../src/importer/render-imported-org.js';
import { runOrgctl } from '../importer/support/run-orgctl.js';

const dir = mkdtempSync(join(tmpdir(), 'orgctl-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('org.yaml size', () => {
  it('a 50,000-account organization, written as import writes it, validates', async () => {
    const org = generateOrg({ ...BENCH_SIZE, accounts: 50_000, ous: 2_000 });
    const imported = buildImportedOrg(importReadingFromSnapshot(toSnapshot(org)));
    const text = renderImportedOrg(imported);
    // Import writes the policy documents beside org.yaml.
    for (const file of imported.policyFiles) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.text);
    }
    // Above the old 1 MiB limit, within the new one.
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 1024 * 1024);
    writeFileSync(join(dir, 'large-org.yaml'), text);

    const run = await runOrgctl(['validate', '--file', 'large-org.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('large-org.yaml is valid: 2000 OUs, 50000 accounts placed, 100 budgets.\n');
    expect(run.code).toBe(0);
  }, 120_000);

  it('a file over the limit is refused by its size, with the limit and what an organization needs', async () => {
    const path = join(dir, 'huge.yaml');
    writeFileSync(path, '');
    // A sparse file: nothing on disk; read, it would be called binary instead.
    truncateSync(path, MAX_ORG_YAML_BYTES + 1024 * 1024);
    const run = await runOrgctl(['validate', '--file', 'huge.yaml'], { cwd: dir });
    expect(run.stderr).toBe(
      'huge.yaml: the file is 9.0 MiB; orgctl reads org.yaml files up to 8.0 MiB (an organization of 50,000 accounts needs 3 to 5 MiB). Is this the right file?\n' +
        '1 problem found in huge.yaml.\n',
    );
    expect(run.code).toBe(1);
  });
});
