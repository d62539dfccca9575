// security.breakGlassUsers entries: a user name (checked by the audit only) or { name, create: true }
// (orgctl creates the user); both forms mix in one list, and a bad entry says what an entry looks like.

import { describe, expect, it } from 'vitest';
import { desiredOf, problemsOf, yamlDoc } from './support.js';

const head = ['version: 1', 'organization:', '  managementAccountId: "111111111111"', 'root: {}', 'security:', '  breakGlassUsers:'];

describe('security.breakGlassUsers with create', () => {
  it('reads names and { name, create } mappings, with positions', () => {
    const text = yamlDoc(...head, '    - audited-only', '    - { name: break-glass, create: true }', '    - { name: not-created, create: false }');
    expect(desiredOf(text).security?.breakGlassUsers).toEqual([
      { name: 'audited-only', at: { line: 7, column: 7 } },
      { name: 'break-glass', create: true, at: { line: 8, column: 7 } },
      { name: 'not-created', at: { line: 9, column: 7 } },
    ]);
  });

  it('refuses an unknown key or a bad name, saying what an entry looks like', () => {
    const problems = problemsOf(yamlDoc(...head, '    - { name: break-glass, creat: true }'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 7 });
    expect(problems[0]?.message).toMatch(/break-glass user is an IAM user name|creat/);
    expect(problemsOf(yamlDoc(...head, '    - { name: "bad name", create: true }'))).not.toEqual([]);
  });

  it('the case-insensitive uniqueness rule covers both forms', () => {
    const problems = problemsOf(yamlDoc(...head, '    - break-glass', '    - { name: Break-Glass, create: true }'));
    expect(problems.map((p) => p.message).join('\n')).toMatch(/same IAM user/);
  });
});
