// Whatever the text, parseOrgYaml returns a Result — it never throws — and every problem it reports
// points inside the file. Random edits of a valid org.yaml reach deep into the schema and rules.

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';

const VALID = readFileSync(new URL('../../org.yaml', import.meta.url), 'utf8');
const LINES = VALID.split('\n');

function checkResult(text: string): void {
  const result = parseOrgYaml(text, 'org.yaml');
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  const lineCount = text.split('\n').length;
  for (const error of result.errors) {
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.message).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack frames
    if (error.position) {
      expect(error.position.line).toBeGreaterThanOrEqual(1);
      expect(error.position.line).toBeLessThanOrEqual(lineCount);
      expect(error.position.column).toBeGreaterThanOrEqual(1);
    }
  }
}

const yamlish = fc.constantFrom('', ' ', '  ', ':', '- ', '{', '}', '[', ']', ',', '"', "'", '&a ', '*a', '#', '\t', '0', '012345678901', 'null', '~', 'true', '-1', 'x', 'ACTUAL', '\n', '|', '>', '!!str ', '? ');

describe('parseOrgYaml never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => checkResult(text)), { numRuns: 300 });
  });

  it('on a valid org.yaml with random edits (replaced, inserted or deleted lines and fragments)', () => {
    const edit = fc.record({
      line: fc.nat({ max: LINES.length - 1 }),
      column: fc.nat({ max: 40 }),
      kind: fc.constantFrom('insert', 'replace-line', 'delete-line', 'truncate'),
      fragment: fc.array(yamlish, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const lines = [...LINES];
        for (const { line, column, kind, fragment } of edits) {
          const current = lines[line] ?? '';
          if (kind === 'insert') lines[line] = current.slice(0, column) + fragment + current.slice(column);
          else if (kind === 'replace-line') lines[line] = fragment;
          else if (kind === 'delete-line') lines.splice(line, 1);
          else lines[line] = current.slice(0, column);
        }
        checkResult(lines.join('\n'));
      }),
      { numRuns: 400 },
    );
  });
});
