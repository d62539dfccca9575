// The mutation list (test/mutations/mutations.json): reading it, checking it against a source tree and
// applying one mutation's edits. Shared by `npm run mutate` (scripts/mutate.ts) and the unit test that
// keeps the list valid (test/mutations/mutation-list.test.ts), so both judge a mutation the same way.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const MUTATIONS_FILE = 'test/mutations/mutations.json';

export interface Edit {
  /** Exact text that must occur exactly once in the file (after the mutation's earlier edits). */
  readonly search: string;
  readonly replace: string;
}

export interface Mutation {
  /** Lower-case words joined by "-", starting with the area ("planner-", "apply-", ...). */
  readonly id: string;
  /** Repository-relative path of the one source file the mutation changes. */
  readonly file: string;
  /** The bug the mutation models, in one line. */
  readonly description: string;
  /** One edit, or several places in the same file that together make one bug. */
  readonly edits: readonly Edit[];
  /** Test files (repository-relative; "*" allowed in the last path segment) expected to fail. */
  readonly tests: readonly string[];
}

/** The list as written: `search` + `replace` for one edit, or `edits` for several. */
interface WrittenMutation {
  readonly id?: unknown;
  readonly file?: unknown;
  readonly description?: unknown;
  readonly search?: unknown;
  readonly replace?: unknown;
  readonly edits?: unknown;
  readonly tests?: unknown;
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/** Reads and shape-checks the list; throws an Error naming the entry and field at the first problem. */
export function loadMutations(root: string): Mutation[] {
  const path = join(root, MUTATIONS_FILE);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${MUTATIONS_FILE}: expected an array of mutations`);
  return parsed.map((entry: WrittenMutation, index) => {
    const where = `${MUTATIONS_FILE}: mutation ${index + 1}${typeof entry.id === 'string' ? ` (${entry.id})` : ''}`;
    const text = (value: unknown, field: string): string => {
      if (typeof value !== 'string' || value === '') throw new Error(`${where}: "${field}" must be a non-empty string`);
      return value;
    };
    const replacement = (value: unknown, field: string): string => {
      if (typeof value !== 'string') throw new Error(`${where}: "${field}" must be a string ("" deletes the search text)`);
      return value;
    };
    const id = text(entry.id, 'id');
    if (!ID.test(id)) throw new Error(`${where}: id must be lower-case words joined by "-", like "planner-budget-timeunit"`);
    let edits: Edit[];
    if (entry.edits !== undefined) {
      if (entry.search !== undefined || entry.replace !== undefined) throw new Error(`${where}: give either "search" + "replace" or "edits", not both`);
      if (!Array.isArray(entry.edits) || entry.edits.length === 0) throw new Error(`${where}: "edits" must be a non-empty array`);
      edits = entry.edits.map((edit: { search?: unknown; replace?: unknown }, i: number) => ({
        search: text(edit.search, `edits[${i}].search`),
        replace: replacement(edit.replace, `edits[${i}].replace`),
      }));
    } else {
      edits = [{ search: text(entry.search, 'search'), replace: replacement(entry.replace, 'replace') }];
    }
    for (const edit of edits) if (edit.search === edit.replace) throw new Error(`${where}: an edit's replace equals its search (no change)`);
    const tests = entry.tests;
    if (!Array.isArray(tests) || tests.length === 0 || !tests.every((t): t is string => typeof t === 'string' && t !== '')) {
      throw new Error(`${where}: "tests" must be a non-empty array of test file paths`);
    }
    return { id, file: text(entry.file, 'file'), description: text(entry.description, 'description'), edits, tests };
  });
}

/** How often `search` occurs in `text` (non-overlapping). */
export function occurrences(text: string, search: string): number {
  let count = 0;
  for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + search.length)) count += 1;
  return count;
}

export type Applied = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

/** The file's text with the mutation's edits applied in order; each search must occur exactly once when its turn comes. */
export function applyEdits(original: string, edits: readonly Edit[]): Applied {
  let text = original;
  for (const [i, edit] of edits.entries()) {
    const found = occurrences(text, edit.search);
    if (found !== 1) {
      const which = edits.length > 1 ? `edit ${i + 1}'s search string` : 'the search string';
      return { ok: false, problem: `${which} occurs ${found === 0 ? 'nowhere' : `${found} times`} in the file (it must occur exactly once)` };
    }
    text = text.replace(edit.search, () => edit.replace);
  }
  return { ok: true, text };
}

/**
 * Test files for the patterns, repository-relative and sorted. A pattern is a path, or a path whose
 * last segment holds "*" (any run of characters but "/"). Returns null for a pattern matching nothing.
 */
export function expandTestPattern(root: string, pattern: string): string[] | null {
  const slash = pattern.lastIndexOf('/');
  const dir = slash === -1 ? '' : pattern.slice(0, slash);
  const name = pattern.slice(slash + 1);
  if (dir.includes('*')) return null;
  if (!name.includes('*')) return existsSync(join(root, pattern)) && statSync(join(root, pattern)).isFile() ? [pattern] : null;
  if (!existsSync(join(root, dir))) return null;
  const matcher = new RegExp(`^${name.split('*').map(escapeRegExp).join('[^/]*')}$`);
  const found = readdirSync(join(root, dir))
    .filter((entry) => matcher.test(entry) && statSync(join(root, dir, entry)).isFile())
    .map((entry) => `${dir}/${entry}`)
    .sort();
  return found.length > 0 ? found : null;
}

/** Everything wrong with one mutation against the tree at `root` (empty: it can run). */
export function checkMutation(root: string, mutation: Mutation): string[] {
  const problems: string[] = [];
  const source = join(root, mutation.file);
  if (!existsSync(source)) problems.push(`${mutation.file} does not exist`);
  else {
    const applied = applyEdits(readFileSync(source, 'utf8'), mutation.edits);
    if (!applied.ok) problems.push(`${mutation.file}: ${applied.problem}`);
  }
  for (const pattern of mutation.tests) {
    if (!pattern.endsWith('.test.ts')) problems.push(`expected test "${pattern}" is not a *.test.ts file`);
    else if (expandTestPattern(root, pattern) === null) problems.push(`expected test "${pattern}" matches no file`);
  }
  return problems;
}

/** The expected test files of a mutation, de-duplicated and sorted (patterns that match nothing are left out). */
export function expectedTestFiles(root: string, mutation: Mutation): string[] {
  return [...new Set(mutation.tests.flatMap((pattern) => expandTestPattern(root, pattern) ?? []))].sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
