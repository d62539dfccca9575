// Counted nouns go through plural() ("1 step", "3 steps"), never "step(s)": a user reads these lines in the
// terminal, the PR comment and the job log. This scans every source file for the "(s)" form of the nouns
// orgctl counts, outside comments.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const NOUN_S = /\b(?:error|step|change|page|account|problem|budget|member|warning|note|OU|item|request|call|issue|comment|notification|subscriber|run|attempt|read)\(s\)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('counted nouns', () => {
  it('no message in src/ writes a counted noun as "noun(s)"', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('src')) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const code = line.trimStart().startsWith('//') || line.trimStart().startsWith('*') ? '' : line;
          if (NOUN_S.test(code)) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
