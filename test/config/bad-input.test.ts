// Every kind of bad org.yaml text gets a located message that says what is allowed, never an exception.
// (File-level problems — missing, directory, huge, binary — are in load-org-file.test.ts.)

import { describe, expect, it } from 'vitest';
import { MAX_ORG_YAML_BYTES } from '../../src/config/limits.js';
import { HEADER, lineOf, problemsOf, yamlDoc } from './support.js';

describe('YAML syntax', () => {
  it('malformed YAML: an unclosed flow list is located', () => {
    const text = yamlDoc('version: 1', 'organization: [a, b', 'root: {}');
    expect(problemsOf(text)).toEqual([{ line: 3, column: 1, message: expect.stringMatching(/^YAML syntax error: Flow sequence .* must be sufficiently indented and end with a \]/) }]);
  });

  it('malformed YAML: a tab used for indentation says to use spaces', () => {
    const text = yamlDoc('version: 1', 'organization:', '\tmanagementAccountId: "123456789012"');
    expect(problemsOf(text)).toContainEqual({ line: 3, column: 1, message: expect.stringContaining('indent with spaces, not tabs') });
  });

  it('malformed YAML: a second document is refused at its `---`', () => {
    const text = yamlDoc(...HEADER, '    A: {}', '---', 'version: 1');
    expect(problemsOf(text)).toEqual([{ line: 7, column: 1, message: expect.stringContaining('org.yaml holds one YAML document') }]);
  });

  it('a YAML tag is refused (org.yaml has no custom types)', () => {
    const text = yamlDoc('version: 1', 'organization: !Ref Something', 'root: {}');
    expect(problemsOf(text)).toEqual([{ line: 2, column: 15, message: expect.stringContaining('Unresolved tag: !Ref') }]);
  });

  it('an empty file, or one with only comments, is a file-level problem with a starting point', () => {
    for (const text of ['', '\n\n', '# just a comment\n']) {
      expect(problemsOf(text)).toEqual([{ message: expect.stringMatching(/^the file is empty\. It needs at least `version: 1`, `organization:`.*`root:`/) }]);
    }
  });

  it('a document that is not a mapping says what the top level must be', () => {
    expect(problemsOf(yamlDoc('- version: 1'))).toEqual([{ line: 1, column: 1, message: 'org.yaml must be a mapping (`key: value` lines), got a list.' }]);
  });

  it('nesting deeper than 64 levels is refused where it gets too deep (the parser would exhaust the stack)', () => {
    const deepMessage = 'the YAML here is nested more than 64 levels deep; a real org.yaml needs about 15. Is this the right file?';
    expect(problemsOf(`${'['.repeat(70)}${']'.repeat(70)}\n`)).toEqual([{ line: 1, column: 65, message: deepMessage }]);
    const indented = yamlDoc(...Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}a:`));
    expect(problemsOf(indented)).toEqual([{ line: 65, column: 65, message: deepMessage }]);
    // Pathological input is refused before the parser sees it: 1 MiB of brackets, 500,000 nested lists.
    expect(problemsOf('['.repeat(MAX_ORG_YAML_BYTES - 1))).toEqual([{ line: 1, column: 1025, message: deepMessage }]);
    expect(problemsOf(`${'- '.repeat(500_000)}x`)).toEqual([{ line: 1, column: 2049, message: deepMessage }]);
  });

  it('64 levels of nesting are still read (and judged by the schema)', () => {
    expect(problemsOf(`${'['.repeat(64)}${']'.repeat(64)}\n`)).toEqual([{ line: 1, column: 1, message: 'org.yaml must be a mapping (`key: value` lines), got a list.' }]);
  });

  it('text over the size limit is refused before parsing', () => {
    const text = `# ${'x'.repeat(MAX_ORG_YAML_BYTES)}\n`;
    expect(problemsOf(text)).toEqual([{ message: expect.stringContaining('larger than 8 MiB') }]);
  });
});

describe('duplicate keys', () => {
  it('names the key and the line of its first use', () => {
    const text = yamlDoc(...HEADER, '    Prod: {}', '    Dev: {}', '    Prod: {}');
    expect(problemsOf(text)).toEqual([{ line: 8, column: 5, message: expect.stringMatching(/^duplicate key `Prod`: it is already used on line 6 in this mapping/) }]);
  });

  it('finds duplicates at every level, reported together with schema problems', () => {
    const text = yamlDoc('version: 1', 'version: 1', 'organization:', '  managementAccountId: "123456789012"', '  featureSet: ALL', '  featureSet: all', 'root: {}');
    expect(problemsOf(text)).toEqual([
      { line: 2, column: 1, message: expect.stringContaining('duplicate key `version`: it is already used on line 1') },
      { line: 6, column: 3, message: expect.stringContaining('duplicate key `featureSet`: it is already used on line 5') },
      { line: 6, column: 15, message: expect.stringContaining('`featureSet` must be one of ALL, CONSOLIDATED_BILLING') },
    ]);
  });
});

describe('unknown keys, at any level, with the closest valid key', () => {
  const cases: { where: string; lines: string[]; marker: string; column: number; expected: RegExp }[] = [
    {
      where: 'top level',
      lines: [...HEADER, '    A: {}', 'budget: []  # <-'],
      marker: '# <-',
      column: 1,
      expected: /^unknown key `budget` at the top level of org\.yaml; did you mean `budgets`\? Allowed keys here: version, organization, root, budgets, options, security, policies, identityCenter\.$/,
    },
    {
      where: 'organization',
      lines: ['version: 1', 'organization:', '  managementAccountId: "123456789012"', '  featureset: ALL  # <-', 'root: {}'],
      marker: '# <-',
      column: 3,
      expected: /^unknown key `featureset` in `organization`; did you mean `featureSet`\?/,
    },
    {
      where: 'root',
      lines: ['version: 1', 'organization:', '  managementAccountId: "123456789012"', 'root:', '  organisationalUnits: {}  # <-'],
      marker: '# <-',
      column: 3,
      expected: /^unknown key `organisationalUnits` in `root`; did you mean `organizationalUnits`\? Allowed keys here: accounts, organizationalUnits, policies, tags\.$/,
    },
    {
      where: 'an OU',
      lines: [...HEADER, '    Workloads:', '      organizationalUnits:', '        Prod:', '          acounts: []  # <-'],
      marker: '# <-',
      column: 11,
      expected: /^unknown key `acounts` in OU `Prod`; did you mean `accounts`\? Allowed keys here: accounts, organizationalUnits, renamedFrom, policies, tags\.$/,
    },
    {
      where: 'an account mapping',
      lines: [...HEADER, '    A:', '      accounts:', '        - id: "111111111111"', '          name: Dev', '          nmae: Dev  # <-'],
      marker: '# <-',
      column: 11,
      expected: /^unknown key `nmae` in item 1 of `accounts`; did you mean `name`\?/,
    },
    {
      where: 'a budget',
      lines: [...HEADER, '    A: {}', 'budgets:', '  - name: b', '    amount: 1', '    timeunit: DAILY  # <-', '    notifications: [{ type: ACTUAL, threshold: 1, emails: [a@example.com] }]'],
      marker: '# <-',
      column: 5,
      expected: /^unknown key `timeunit` in item 1 of `budgets`; did you mean `timeUnit`\?/,
    },
    {
      where: 'a notification',
      lines: [...HEADER, '    A: {}', 'budgets:', '  - name: b', '    amount: 1', '    notifications:', '      - type: ACTUAL', '        threshold: 1', '        email: [a@example.com]  # <-'],
      marker: '# <-',
      column: 9,
      expected: /^unknown key `email` in item 1 of `notifications`; did you mean `emails`\?/,
    },
    {
      where: 'options',
      lines: [...HEADER, '    A: {}', 'options:', '  pruneOU: true  # <-'],
      marker: '# <-',
      column: 3,
      expected: /^unknown key `pruneOU` in `options`\. Allowed keys here: pruneOrganizationalUnits, pruneBudgets, unlistedAccounts, closedAccountsOu, prunePolicies, unlistedPolicyAttachments, pruneTrustedServices, pruneDelegatedAdministrators, prunePermissionSets, pruneAssignments\.$/,
    },
  ];

  it.each(cases)('in $where', ({ lines, marker, column, expected }) => {
    const text = yamlDoc(...lines);
    expect(problemsOf(text)).toEqual([{ line: lineOf(text, marker), column, message: expect.stringMatching(expected) }]);
  });

  it('an OU written directly under root (without organizationalUnits:) is explained', () => {
    const text = yamlDoc('version: 1', 'organization:', '  managementAccountId: "123456789012"', 'root:', '  Security: {}');
    expect(problemsOf(text)).toEqual([
      { line: 5, column: 3, message: expect.stringContaining('To declare an OU named "Security", put it under `organizationalUnits:`.') },
    ]);
  });
});

describe('account IDs', () => {
  it('an unquoted managementAccountId with a leading zero: say it was lost and how to quote it', () => {
    const text = yamlDoc('version: 1', 'organization:', '  managementAccountId: 012345678901', 'root: {}');
    expect(problemsOf(text)).toEqual([
      {
        line: 3,
        column: 24,
        message:
          '`managementAccountId`: account ID 012345678901 is not in quotes. YAML reads an unquoted ID as a number and drops leading zeros, so orgctl requires quotes: write "012345678901". Here it became 12345678901.',
      },
    ]);
  });

  it('any unquoted account ID is refused, in lists, in flow lists and in { id, name }', () => {
    const text = yamlDoc(
      ...HEADER,
      '    A:',
      '      accounts:',
      '        - 123456789012  # <-block',
      '        - { id: 210987654321, name: Dev }  # <-mapping',
      '    B:',
      '      accounts: [000000000001]  # <-flow',
    );
    expect(problemsOf(text)).toEqual([
      { line: lineOf(text, '<-block'), column: 11, message: expect.stringContaining('account ID 123456789012 is not in quotes') },
      { line: lineOf(text, '<-mapping'), column: 17, message: expect.stringContaining('write "210987654321"') },
      { line: lineOf(text, '<-flow'), column: 18, message: expect.stringContaining('write "000000000001". Here it became 1.') },
    ]);
  });

  it('IDs with 11 or 13 digits say how many digits they have', () => {
    const text = yamlDoc(...HEADER, '    A:', '      accounts: ["12345678901", "1234567890123"]');
    expect(problemsOf(text)).toEqual([
      { line: 7, column: 18, message: 'item 1 of `accounts`: an account ID is exactly 12 digits, written in quotes, like "012345678901"; got "12345678901" (it has 11 digits).' },
      { line: 7, column: 33, message: expect.stringContaining('got "1234567890123" (it has 13 digits)') },
    ]);
  });

  it('an unquoted 11-digit ID gets both hints at once', () => {
    const text = yamlDoc(...HEADER, '    A:', '      accounts: [12345678901]');
    expect(problemsOf(text)).toEqual([
      { line: 7, column: 18, message: expect.stringMatching(/write "12345678901"\. It also has 11 digits; an account ID has exactly 12\.$/) },
    ]);
  });

  it('an entry that is neither an ID nor a mapping lists both allowed forms', () => {
    const text = yamlDoc(...HEADER, '    A:', '      accounts: [["123456789012"]]');
    expect(problemsOf(text)).toEqual([
      { line: 7, column: 18, message: 'item 1 of `accounts`: an account is its 12-digit ID in quotes, like "012345678901", or a mapping like { id: "012345678901", name: "Prod" } or { name: "Prod", email: "aws+prod@example.com" }; got a list.' },
    ]);
  });

  it('a { id } mapping without a name says to write the ID alone instead', () => {
    const text = yamlDoc(...HEADER, '    A:', '      accounts: [{ id: "123456789012" }]');
    expect(problemsOf(text)).toEqual([{ line: 7, column: 18, message: expect.stringContaining('to give only the ID, write the quoted ID by itself') }]);
  });
});

describe('amounts', () => {
  const budget = (amount: string): string =>
    yamlDoc(...HEADER, '    A: {}', 'budgets:', '  - name: b', `    amount: ${amount}`, '    notifications: [{ type: ACTUAL, threshold: 1, emails: [a@example.com] }]');

  it.each([
    ['-5', '`amount` must be greater than 0, got the number -5.'],
    ['0', '`amount` must be greater than 0, got the number 0.'],
    ['ten', '`amount` must be a number greater than 0, got the text "ten".'],
    ['"10"', '`amount` must be a number, not text: remove the quotes around 10.'],
    ['.inf', '`amount` must be a number greater than 0, got Infinity.'],
    ['', '`amount` must be a number greater than 0, got nothing (an empty value).'],
  ])('amount: %s', (amount, message) => {
    expect(problemsOf(budget(amount))).toEqual([{ line: 9, column: amount === '' ? 5 : 13, message }]);
  });

  it('a positive decimal amount is fine', () => {
    expect(problemsOf(budget('0.01'))).toEqual([]);
  });
});

describe('enum values anywhere', () => {
  const cases: { key: string; line: string; allowed: string; guess?: string }[] = [
    { key: 'featureSet', line: '  featureSet: all', allowed: 'ALL, CONSOLIDATED_BILLING', guess: 'ALL' },
    { key: 'timeUnit', line: '    timeUnit: WEEKLY', allowed: 'DAILY, MONTHLY, QUARTERLY, ANNUALLY' },
    { key: 'type', line: '      - type: ACTUALS', allowed: 'ACTUAL, FORECASTED', guess: 'ACTUAL' },
    { key: 'thresholdType', line: '        thresholdType: PERCENT', allowed: 'PERCENTAGE, ABSOLUTE_VALUE' },
    { key: 'comparison', line: '        comparison: GREATER_THEN', allowed: 'GREATER_THAN, LESS_THAN, EQUAL_TO', guess: 'GREATER_THAN' },
    { key: 'unlistedAccounts', line: '  unlistedAccounts: warn', allowed: 'ignore, error' },
  ];

  function documentWith(key: string, badLine: string): string {
    const good: Record<string, string> = {
      featureSet: '  featureSet: ALL',
      timeUnit: '    timeUnit: MONTHLY',
      type: '      - type: ACTUAL',
      thresholdType: '        thresholdType: PERCENTAGE',
      comparison: '        comparison: GREATER_THAN',
      unlistedAccounts: '  unlistedAccounts: ignore',
    };
    const line = (k: string): string => `${k === key ? badLine : (good[k] ?? '')}  # <-${k}`;
    return yamlDoc(
      'version: 1',
      'organization:',
      '  managementAccountId: "123456789012"',
      line('featureSet'),
      'root: {}',
      'budgets:',
      '  - name: b',
      '    amount: 1',
      line('timeUnit'),
      '    notifications:',
      line('type'),
      '        threshold: 50',
      line('thresholdType'),
      line('comparison'),
      '        emails: [a@example.com]',
      'options:',
      line('unlistedAccounts'),
    );
  }

  it.each(cases)('$key', ({ key, line, allowed, guess }) => {
    const text = documentWith(key, line);
    const value = line.split(': ')[1] ?? '';
    const column = line.indexOf(value) + 1;
    expect(problemsOf(text)).toEqual([
      {
        line: lineOf(text, `# <-${key}`),
        column,
        message: `\`${key}\` must be one of ${allowed}, got the text "${value}".${guess ? ` Did you mean ${guess}?` : ''}`,
      },
    ]);
  });

  it('the same document with every enum valid passes', () => {
    expect(problemsOf(documentWith('none', ''))).toEqual([]);
  });
});

describe('other single-value checks', () => {
  it('booleans must be true or false (YAML 1.2: `yes` is text)', () => {
    const text = yamlDoc(...HEADER, '    A: {}', 'options:', '  pruneBudgets: yes');
    expect(problemsOf(text)).toEqual([{ line: 8, column: 17, message: '`pruneBudgets` must be true or false, got the text "yes".' }]);
  });

  it('an OU that is not a mapping', () => {
    const text = yamlDoc(...HEADER, '    A: true');
    expect(problemsOf(text)).toEqual([{ line: 6, column: 8, message: 'OU `A` must be a mapping (`key: value` lines) or empty, got true.' }]);
  });

  it('an empty `accounts:` says to write a list', () => {
    const text = yamlDoc(...HEADER, '    A:', '      accounts:');
    expect(problemsOf(text)).toEqual([{ line: 7, column: 7, message: '`accounts` is empty; write a list, e.g. `accounts: []` for none.' }]);
  });

  it('missing required keys are named, with what they are', () => {
    const text = yamlDoc('version: 1', 'organization:', '  featureSet: ALL', 'budgets: []');
    expect(problemsOf(text)).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(/^org\.yaml is missing the required key `root`\./) },
      { line: 2, column: 1, message: expect.stringMatching(/^`organization` is missing the required key `managementAccountId`\. `managementAccountId`: The 12-digit ID of the management account/) },
    ]);
  });

  it('a missing version is required too', () => {
    const text = yamlDoc('organization:', '  managementAccountId: "123456789012"', 'root: {}');
    expect(problemsOf(text)).toEqual([{ line: 1, column: 1, message: expect.stringContaining('missing the required key `version`') }]);
  });
});

describe('version', () => {
  it('`version: 2` gets one clear message, not a list of schema differences', () => {
    const text = yamlDoc('version: 2', 'organizations: {}', 'tree: {}');
    expect(problemsOf(text)).toEqual([
      {
        line: 1,
        column: 10,
        message: 'org.yaml is written in format version 2, but this orgctl reads version 1 only. Use an orgctl release that reads version 2, or write the file in the version 1 format (docs/org-yaml.md).',
      },
    ]);
  });

  it('`version: "1"` (text) says to remove the quotes', () => {
    const text = yamlDoc('version: "1"', 'organization:', '  managementAccountId: "123456789012"', 'root: {}');
    expect(problemsOf(text)).toEqual([{ line: 1, column: 10, message: '`version` must be a number, not text: remove the quotes around 1.' }]);
  });
});

describe('YAML aliases', () => {
  it('an alias bomb is refused quickly, at the first alias', () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const text = yamlDoc(...levels);
    expect(problemsOf(text)).toEqual([{ line: 2, column: 8, message: expect.stringContaining('expand to more than 100 copies, which looks like an alias bomb') }]);
  });

  it('an alias to an anchor that does not exist is located', () => {
    const text = yamlDoc(...HEADER, '    A:', '      accounts: [*missing]');
    expect(problemsOf(text)).toEqual([{ line: 7, column: 18, message: expect.stringContaining('Unresolved alias') }]);
  });

  it('modest alias use is allowed (e.g. one email list shared by notifications)', () => {
    const text = yamlDoc(
      ...HEADER,
      '    A: {}',
      'budgets:',
      '  - name: b',
      '    amount: 1',
      '    notifications:',
      '      - { type: ACTUAL, threshold: 50, emails: &team [a@example.com, b@example.com] }',
      '      - { type: ACTUAL, threshold: 100, emails: *team }',
    );
    expect(problemsOf(text)).toEqual([]);
  });

  it('a problem inside an aliased value is reported once, where the value is written', () => {
    const text = yamlDoc(
      ...HEADER,
      '    A: {}',
      'budgets:',
      '  - name: b',
      '    amount: 1',
      '    notifications:',
      '      - { type: ACTUAL, threshold: 50, emails: &team [not-an-email] }',
      '      - { type: ACTUAL, threshold: 100, emails: *team }',
    );
    expect(problemsOf(text)).toEqual([{ line: 11, column: 55, message: expect.stringContaining('an email address looks like name@example.com') }]);
  });
});

describe('all problems at once', () => {
  it('reports every schema problem, sorted by position, not just the first', () => {
    const text = yamlDoc(
      'version: 1',
      'organization:',
      '  managementAccountId: 12345',
      '  featureSet: SOME',
      'root:',
      '  organizationalUnits:',
      '    A: {acounts: []}',
      'budgets:',
      '  - name: "x:y"',
      '    amount: 0',
      '    notifications: []',
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 24],
      [4, 15],
      [7, 9],
      [9, 11],
      [10, 13],
      [11, 5],
    ]);
  });
});
