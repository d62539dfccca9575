// Reading org.yaml from disk: every way a file can be unusable is a file-level diagnostic, never a throw.

import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ORG_YAML_BYTES } from '../../src/config/limits.js';
import { loadOrgFile } from '../../src/config/load-org-file.js';

const dir = mkdtempSync(join(tmpdir(), 'orgctl-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VALID = readFileSync(new URL('../../org.yaml', import.meta.url));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function problemsLoading(path: string, displayName = 'org.yaml'): Promise<{ file: string; position?: unknown; message: string }[]> {
  const result = await loadOrgFile(path, displayName);
  return result.ok ? [] : result.errors.map((d) => ({ file: d.file, ...(d.position ? { position: d.position } : {}), message: d.message }));
}

describe('loadOrgFile', () => {
  it('loads a valid file with its text and the SHA-256 of its bytes', async () => {
    const path = file('valid.yaml', VALID);
    const result = await loadOrgFile(path, 'org.yaml');
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.value.text).toBe(VALID.toString('utf8'));
    expect(result.value.sha256).toBe(createHash('sha256').update(VALID).digest('hex'));
    expect(result.value.desired.managementAccountId).toBe('123456789012');
  });

  it('names the file as the user did (displayName), defaulting to the path', async () => {
    const missing = join(dir, 'nope.yaml');
    expect((await problemsLoading(missing, 'configs/org.yaml'))[0]?.file).toBe('configs/org.yaml');
    const result = await loadOrgFile(missing);
    expect(result.ok ? undefined : result.errors[0]?.file).toBe(missing);
  });

  it('a missing file says where it looked and what to do', async () => {
    const missing = join(dir, 'missing.yaml');
    expect(await problemsLoading(missing)).toEqual([
      { file: 'org.yaml', message: `file not found (looked for ${missing}). Run orgctl in the directory that holds org.yaml, or pass --file <path>.` },
    ]);
  });

  it('a directory is refused', async () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    expect(await problemsLoading(sub)).toEqual([{ file: 'org.yaml', message: 'the path is a directory, not a file. Pass the path of the org.yaml file itself with --file.' }]);
  });

  it('a device such as /dev/zero is refused instead of read forever', async () => {
    expect(await problemsLoading('/dev/zero')).toEqual([{ file: 'org.yaml', message: expect.stringMatching(/^the path is not a regular file/) }]);
  });

  it('an empty file is refused with a starting point', async () => {
    expect(await problemsLoading(file('empty.yaml', ''))).toEqual([{ file: 'org.yaml', message: expect.stringMatching(/^the file is empty\. It needs at least `version: 1`/) }]);
  });

  it('a 10 MB file is refused by its size, before it is read', async () => {
    // A sparse file: 10 MB of NUL bytes on paper, nothing on disk. Were it read, it would be called binary instead.
    const path = file('huge.yaml', '');
    truncateSync(path, 10 * 1024 * 1024);
    expect(await problemsLoading(path)).toEqual([
      { file: 'org.yaml', message: 'the file is 10.0 MiB; orgctl reads org.yaml files up to 8.0 MiB (an organization of 50,000 accounts needs 3 to 5 MiB). Is this the right file?' },
    ]);
  });

  it('a file exactly at the limit is read (and judged on its content)', async () => {
    const path = file('at-limit.yaml', Buffer.concat([VALID, Buffer.alloc(MAX_ORG_YAML_BYTES - VALID.length, ' ')]));
    expect(await problemsLoading(path)).toEqual([]);
  });

  it('a binary file (NUL bytes) is refused', async () => {
    const path = file('binary.yaml', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]));
    expect(await problemsLoading(path)).toEqual([
      { file: 'org.yaml', message: 'the file is not a text file (it contains a NUL byte at byte 7). org.yaml must be UTF-8 text; if your editor saved it as UTF-16, save it as UTF-8.' },
    ]);
  });

  it('a UTF-16 file is refused with the encoding hint', async () => {
    const path = file('utf16.yaml', Buffer.from(`\ufeff${VALID.toString('utf8')}`, 'utf16le'));
    expect((await problemsLoading(path))[0]?.message).toContain('save it as UTF-8');
  });

  it('invalid UTF-8 (e.g. Latin-1 text) is refused', async () => {
    const path = file('latin1.yaml', Buffer.from('version: 1\n# caf\xe9\n', 'latin1'));
    expect(await problemsLoading(path)).toEqual([{ file: 'org.yaml', message: 'the file is not valid UTF-8 text (it looks binary, or uses another encoding). Save it as UTF-8.' }]);
  });

  it('a UTF-8 byte order mark is accepted', async () => {
    const path = file('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), VALID]));
    expect(await problemsLoading(path)).toEqual([]);
  });

  it('content problems come back located, with the display name', async () => {
    const path = file('bad.yaml', 'version: 1\norganization:\n  managementAccountId: 123456789012\nroot: {}\n');
    expect(await problemsLoading(path, 'org.yaml')).toEqual([
      { file: 'org.yaml', position: { line: 3, column: 24 }, message: expect.stringContaining('write "123456789012"') },
    ]);
  });
});
