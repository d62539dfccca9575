// Keeps test/mutations/mutations.json runnable as the sources change: every search string still occurs
// exactly once in its file, ids are unique, and the expected test files exist. It runs no mutation
// (that is `npm run mutate`).

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits, checkMutation, expandTestPattern, loadMutations, MUTATIONS_FILE } from '../../scripts/mutation-list.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const mutations = loadMutations(ROOT);

describe(MUTATIONS_FILE, () => {
  it('lists at least the 18 mutations of issue 19, each id once', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(18);
    const ids = mutations.map((m) => m.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('mutates product code in every area the suite guards', () => {
    const areas = ['src/planner/', 'src/kinds/', 'src/apply/', 'src/reader/', 'src/config/rules/', 'src/emulator/', 'src/render/', 'src/aws/'];
    for (const m of mutations) expect(m.file, m.id).toMatch(/^src\//);
    expect(areas.filter((area) => !mutations.some((m) => m.file.startsWith(area)))).toEqual([]);
  });

  it.each(mutations.map((m) => [m.id, m] as const))('%s: its search text occurs exactly once and its expected tests exist', (_id, mutation) => {
    expect(checkMutation(ROOT, mutation)).toEqual([]);
    expect(mutation.tests.some((t) => t.startsWith('test/mutations/'))).toBe(false);
  });
});

describe('the list checks themselves', () => {
  const edit = (search: string, replace = 'X') => ({ search, replace });

  it('refuses a search text that occurs twice or not at all, and applies one that occurs once', () => {
    expect(applyEdits('a b a', [edit('a')])).toEqual({ ok: false, problem: expect.stringContaining('occurs 2 times') });
    expect(applyEdits('a b a', [edit('c')])).toEqual({ ok: false, problem: expect.stringContaining('occurs nowhere') });
    expect(applyEdits('a b a', [edit('b')])).toEqual({ ok: true, text: 'a X a' });
  });

  it('applies several edits in order, each unique in the text its predecessors left', () => {
    expect(applyEdits('one two', [edit('one', 'two'), edit('two')])).toEqual({ ok: false, problem: "edit 2's search string occurs 2 times in the file (it must occur exactly once)" });
    expect(applyEdits('one two', [edit('one', '1'), edit('two', '2')])).toEqual({ ok: true, text: '1 2' });
  });

  it('takes "$" in a replacement literally', () => {
    expect(applyEdits('x', [edit('x', "'$&'")])).toEqual({ ok: true, text: "'$&'" });
  });

  const scratch = mkdtempSync(join(tmpdir(), 'mutation-list-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('expands "*" in a test pattern\'s last segment, and reports a pattern that matches nothing', () => {
    mkdirSync(join(scratch, 'test/x'), { recursive: true });
    for (const name of ['b.test.ts', 'a.test.ts', 'helper.ts']) writeFileSync(join(scratch, 'test/x', name), '');
    expect(expandTestPattern(scratch, 'test/x/*.test.ts')).toEqual(['test/x/a.test.ts', 'test/x/b.test.ts']);
    expect(expandTestPattern(scratch, 'test/x/a.test.ts')).toEqual(['test/x/a.test.ts']);
    expect(expandTestPattern(scratch, 'test/x/missing.test.ts')).toBeNull();
    expect(expandTestPattern(scratch, 'test/y/*.test.ts')).toBeNull();
    expect(expandTestPattern(scratch, 'test/*/a.test.ts')).toBeNull();
  });

  it('loads a list whose entries are well formed, and names the entry and field of one that is not', () => {
    const write = (list: unknown): void => {
      mkdirSync(join(scratch, dirname(MUTATIONS_FILE)), { recursive: true });
      writeFileSync(join(scratch, MUTATIONS_FILE), JSON.stringify(list));
    };
    const good = { id: 'area-bug', file: 'src/a.ts', description: 'd', search: 'a', replace: '', tests: ['test/a.test.ts'] };
    write([good]);
    expect(loadMutations(scratch)).toEqual([{ id: 'area-bug', file: 'src/a.ts', description: 'd', edits: [{ search: 'a', replace: '' }], tests: ['test/a.test.ts'] }]);
    write([good, { ...good, id: 'area-two', tests: [] }]);
    expect(() => loadMutations(scratch)).toThrow('mutation 2 (area-two): "tests" must be a non-empty array');
    write([{ ...good, replace: 'a' }]);
    expect(() => loadMutations(scratch)).toThrow('replace equals its search');
    write([{ ...good, id: 'Bad id' }]);
    expect(() => loadMutations(scratch)).toThrow('id must be lower-case words');
  });
});
