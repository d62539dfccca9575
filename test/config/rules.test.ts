// The rules of the issue that a single value cannot show: each one refused with its line, and its
// boundary accepted. Some are enforced by the schema (limits on one value, so editors show them
// too), the rest by src/config/rules (checks across values); these tests do not care which.

import { describe, expect, it } from 'vitest';
import { HEADER, columnOf, desiredOf, lineOf, problemsOf, yamlDoc } from './support.js';

const budgetWith = (...lines: string[]): string => yamlDoc(...HEADER, '    A: {}', 'budgets:', ...lines);
const notification = (threshold: number, extra = ''): string => `      - { type: ACTUAL, threshold: ${threshold}, emails: [a@example.com]${extra} }`;

describe('an account is placed once', () => {
  it('an account placed twice is reported at both places, each naming the other', () => {
    const text = yamlDoc(...HEADER, '    A:', '      accounts: ["111111111111"]  # <-first', '    B:', '      organizationalUnits:', '        C:', '          accounts: [{ id: "111111111111", name: Dev }]  # <-second');
    const first = lineOf(text, '<-first');
    const second = lineOf(text, '<-second');
    const message = `account 111111111111 is placed twice: under OU /A (line ${first}) and under OU /B/C (line ${second}). An account has exactly one parent; keep one placement.`;
    expect(problemsOf(text)).toEqual([
      { line: first, column: 18, message },
      { line: second, column: 22, message },
    ]);
  });

  it('twice in the same list counts too', () => {
    const text = yamlDoc(...HEADER, '    A:', '      accounts: ["111111111111", "111111111111"]');
    expect(problemsOf(text)).toEqual([
      { line: 7, column: 18, message: expect.stringContaining('account 111111111111 is placed twice: under OU /A (line 7) and under OU /A (line 7)') },
      { line: 7, column: 34, message: expect.stringContaining('account 111111111111 is placed twice') },
    ]);
  });

  it('the management account placed twice is an error that says it is the management account', () => {
    const text = yamlDoc(
      'version: 1',
      'organization:',
      '  managementAccountId: "123456789012"',
      'root:',
      '  accounts: ["123456789012"]',
      '  organizationalUnits:',
      '    Management:',
      '      accounts: ["123456789012"]',
    );
    expect(problemsOf(text)).toEqual([
      { line: 5, column: 14, message: expect.stringMatching(/^the management account 123456789012 is placed twice: under the root \(line 5\) and under OU \/Management \(line 8\)/) },
      { line: 8, column: 18, message: expect.stringMatching(/^the management account 123456789012 is placed twice/) },
    ]);
  });

  it('the management account missing from the tree is fine', () => {
    const desired = desiredOf(yamlDoc(...HEADER, '    A:', '      accounts: ["111111111111"]'));
    expect(desired.managementAccountId).toBe('123456789012');
  });
});

describe('OU tree depth (AWS: at most 5 levels under the root)', () => {
  function nested(depth: number): string {
    const lines = ['version: 1', 'organization:', '  managementAccountId: "123456789012"', 'root:'];
    for (let level = 1; level <= depth; level++) {
      const indent = '  '.repeat(2 * level - 1);
      lines.push(`${indent}organizationalUnits:`, `${indent}  L${level}:${level === depth ? ' {}' : ''}`);
    }
    return yamlDoc(...lines);
  }

  it('5 levels are accepted', () => {
    expect(problemsOf(nested(5))).toEqual([]);
  });

  it('a 6th level is refused at that OU only, not at its children', () => {
    const text = nested(7);
    expect(problemsOf(text)).toEqual([
      {
        line: lineOf(text, 'L6:'),
        column: columnOf(text, lineOf(text, 'L6:'), 'L6'),
        message: 'OU /L1/L2/L3/L4/L5/L6 is 6 levels below the root; AWS Organizations allows at most 5. Move it (and its children) higher up.',
      },
    ]);
  });
});

describe('OU names', () => {
  it('128 characters are accepted, 129 are refused at the name', () => {
    expect(problemsOf(yamlDoc(...HEADER, `    ${'n'.repeat(128)}: {}`))).toEqual([]);
    expect(problemsOf(yamlDoc(...HEADER, '    A: {}', `    ${'n'.repeat(129)}: {}`))).toEqual([
      { line: 7, column: 5, message: expect.stringMatching(/^OU name "n+…" is 129 characters long; an OU name is 1 to 128 characters long\.$/) },
    ]);
  });

  it('an empty OU name is refused', () => {
    expect(problemsOf(yamlDoc(...HEADER, '    "": {}'))).toEqual([{ line: 6, column: 5, message: 'OU name "" is 0 characters long; an OU name is 1 to 128 characters long.' }]);
  });
});

describe('notifications', () => {
  it('the same (type, comparison, threshold, thresholdType) twice, counting defaults, is refused at the second', () => {
    const text = budgetWith('  - name: b', '    amount: 1', '    notifications:', notification(80), notification(80, ', comparison: GREATER_THAN, thresholdType: PERCENTAGE'));
    expect(problemsOf(text)).toEqual([
      {
        line: 12,
        column: 9,
        message:
          'budget "b" has two notifications with type ACTUAL, comparison GREATER_THAN, threshold 80, thresholdType PERCENTAGE (counting defaults); the first is on line 11. AWS Budgets identifies a notification by these four fields: merge their subscribers into one.',
      },
    ]);
  });

  it('notifications that differ in any of the four fields are fine', () => {
    const text = budgetWith('  - name: b', '    amount: 1', '    notifications:', notification(80), notification(80, ', thresholdType: ABSOLUTE_VALUE'), notification(80, ', comparison: LESS_THAN'), notification(90));
    expect(problemsOf(text)).toEqual([]);
  });

  it('10 notifications are accepted; an 11th is refused at the 11th', () => {
    const ten = Array.from({ length: 10 }, (_, i) => notification(i + 1));
    expect(problemsOf(budgetWith('  - name: b', '    amount: 1', '    notifications:', ...ten))).toEqual([]);
    const text = budgetWith('  - name: b', '    amount: 1', '    notifications:', ...ten, notification(11));
    expect(problemsOf(text)).toEqual([{ line: 21, column: 9, message: '`notifications` has 11 entries; at most 10 are allowed. This is entry 11; remove 1.' }]);
  });

  it('a budget needs at least one notification', () => {
    expect(problemsOf(budgetWith('  - name: b', '    amount: 1', '    notifications: []'))).toEqual([{ line: 10, column: 5, message: '`notifications` is empty; it needs at least 1.' }]);
  });

  it('10 emails are accepted; 11 are refused at the 11th', () => {
    const emails = (n: number): string => Array.from({ length: n }, (_, i) => `u${i + 1}@example.com`).join(', ');
    expect(problemsOf(budgetWith('  - name: b', '    amount: 1', '    notifications:', `      - { type: ACTUAL, threshold: 1, emails: [${emails(10)}] }`))).toEqual([]);
    const text = budgetWith('  - name: b', '    amount: 1', '    notifications:', `      - { type: ACTUAL, threshold: 1, emails: [${emails(11)}] }`);
    expect(problemsOf(text)).toEqual([{ line: 11, column: columnOf(text, 11, 'u11@'), message: '`emails` has 11 entries; at most 10 are allowed. This is entry 11; remove 1.' }]);
  });

  it('the same email twice in a notification is refused at the repeat', () => {
    const text = budgetWith('  - name: b', '    amount: 1', '    notifications:', '      - type: ACTUAL', '        threshold: 1', '        emails:', '          - a@example.com', '          - b@example.com', '          - a@example.com');
    expect(problemsOf(text)).toEqual([{ line: 16, column: 13, message: '`emails` lists "a@example.com" twice (entries 1 and 3); list each once.' }]);
  });

  it.each(['billing', 'billing@example', 'a b@example.com', 'a@@example.com', '@example.com', 'billing@example..com', 'billing@-example.com'])(
    'invalid email address %j is refused at the address',
    (address) => {
      const text = budgetWith('  - name: b', '    amount: 1', '    notifications:', '      - type: ACTUAL', '        threshold: 1', '        emails:', `          - "${address}"`);
      expect(problemsOf(text)).toEqual([
        { line: 14, column: 13, message: `item 1 of \`emails\`: an email address looks like name@example.com (no spaces, one @, a domain with a dot); got "${address}".` },
      ]);
    },
  );

  it('ordinary addresses are accepted (plus tags, subdomains, dots, hyphens)', () => {
    const text = budgetWith('  - name: b', '    amount: 1', '    notifications:', "      - { type: ACTUAL, threshold: 1, emails: [first.last+aws@mail.example.co.uk, ops-team@x-y.example.com, o'brien@example.org] }");
    expect(problemsOf(text)).toEqual([]);
  });

  it('a notification without any subscriber is refused; sns alone is enough', () => {
    const none = budgetWith('  - name: b', '    amount: 1', '    notifications:', '      - type: ACTUAL', '        threshold: 1');
    expect(problemsOf(none)).toEqual([
      { line: 11, column: 9, message: 'item 1 of `notifications`: a notification needs at least one subscriber: `emails` (1 to 10 addresses), `sns` (an SNS topic ARN), or both.' },
    ]);
    const sns = budgetWith('  - name: b', '    amount: 1', '    notifications:', '      - { type: ACTUAL, threshold: 1, sns: "arn:aws:sns:us-east-1:123456789012:alerts" }');
    expect(problemsOf(sns)).toEqual([]);
  });

  it('a malformed SNS ARN is refused with an example of a good one', () => {
    const text = budgetWith('  - name: b', '    amount: 1', '    notifications:', '      - { type: ACTUAL, threshold: 1, sns: "arn:aws:sqs:us-east-1:123456789012:alerts" }');
    expect(problemsOf(text)).toEqual([{ line: 11, column: columnOf(text, 11, '"arn:'), message: expect.stringContaining('an SNS subscriber is a topic ARN like arn:aws:sns:us-east-1:123456789012:budget-alerts') }]);
  });

  it('a negative threshold is refused; 0 and large percentages are allowed', () => {
    const negative = budgetWith('  - name: b', '    amount: 1', '    notifications:', notification(-1));
    expect(problemsOf(negative)).toEqual([
      { line: 11, column: columnOf(negative, 11, '-1'), message: '`threshold` must be at least 0, got the number -1.' },
    ]);
    expect(problemsOf(budgetWith('  - name: b', '    amount: 1', '    notifications:', notification(0), notification(150)))).toEqual([]);
  });
});

describe('budget names', () => {
  const named = (name: string): string => budgetWith(`  - name: ${JSON.stringify(name)}`, '    amount: 1', '    notifications:', notification(80));
  const nameRule = 'a budget name is 1 to 100 characters, without `:`, `\\` or `/action/`';

  it.each(['team:a', 'team\\a', 'x/action/y'])('%j is refused at the name', (name) => {
    expect(problemsOf(named(name))).toEqual([{ line: 8, column: 11, message: `\`name\`: ${nameRule}; got "${name}".` }]);
  });

  it('100 characters are accepted, 101 are refused', () => {
    expect(problemsOf(named('b'.repeat(100)))).toEqual([]);
    expect(problemsOf(named('b'.repeat(101)))).toEqual([{ line: 8, column: 11, message: `\`name\` is 101 characters long; ${nameRule}.` }]);
  });

  it('an empty name is refused', () => {
    expect(problemsOf(named(''))).toEqual([{ line: 8, column: 11, message: `\`name\` is 0 characters long; ${nameRule}.` }]);
  });

  it('two budgets with the same name: the second is refused, naming the first', () => {
    const text = budgetWith('  - name: same', '    amount: 1', '    notifications:', notification(80), '  - name: same', '    amount: 2', '    notifications:', notification(80));
    expect(problemsOf(text)).toEqual([
      { line: 12, column: 5, message: 'budget name "same" is already used on line 8; budget names must be unique. Rename one, or merge their notifications.' },
    ]);
  });
});

describe('user text in messages', () => {
  it('control characters in names are shown as escapes, so each problem stays on one line', () => {
    const text = budgetWith('  - name: "a\\nb"', '    amount: 1', '    notifications:', notification(80), '  - name: "a\\nb"', '    amount: 1', '    notifications:', notification(80));
    expect(problemsOf(text)).toEqual([{ line: 12, column: 5, message: expect.stringContaining('budget name "a\\nb" is already used on line 8') }]);
    const key = problemsOf(yamlDoc(...HEADER, '    A: { "x\\u001b[31m": 1 }'));
    expect(key).toEqual([{ line: 6, column: 10, message: expect.stringContaining('unknown key `x\\u001b[31m` in OU `A`') }]);
  });
});

describe('renamedFrom', () => {
  it('equal to its own name is refused', () => {
    const text = yamlDoc(...HEADER, '    Prod:', '      renamedFrom: Prod');
    expect(problemsOf(text)).toEqual([
      { line: 6, column: 5, message: 'OU /Prod has `renamedFrom: Prod`, its own name. Remove `renamedFrom`, or set it to the OU\'s previous name.' },
    ]);
  });

  it('naming a sibling that is still declared is refused', () => {
    const text = yamlDoc(...HEADER, '    Workloads:', '      organizationalUnits:', '        Production:', '          renamedFrom: Prod', '        Prod: {}');
    expect(problemsOf(text)).toEqual([
      {
        line: 8,
        column: 9,
        message: 'OU /Workloads/Production has `renamedFrom: Prod`, but an OU named Prod is also declared under /Workloads (line 10). One OU cannot be both renamed and kept; remove one of them.',
      },
    ]);
  });

  it('two siblings claiming the same old name are both refused', () => {
    const text = yamlDoc(...HEADER, '    A:', '      renamedFrom: Old', '    B:', '      renamedFrom: Old');
    expect(problemsOf(text)).toEqual([
      { line: 6, column: 5, message: 'OUs /A and /B both have `renamedFrom: Old`; only one OU can take over Old.' },
      { line: 8, column: 5, message: 'OUs /B and /A both have `renamedFrom: Old`; only one OU can take over Old.' },
    ]);
  });

  it('the same old name under different parents is fine, and reaches the model', () => {
    const desired = desiredOf(yamlDoc(...HEADER, '    A:', '      organizationalUnits:', '        New: { renamedFrom: Old }', '    B:', '      organizationalUnits:', '        New: { renamedFrom: Old }'));
    const renamed = desired.root.organizationalUnits.flatMap((ou) => ou.organizationalUnits.map((child) => [child.path, child.renamedFrom]));
    expect(renamed).toEqual([
      ['/A/New', 'Old'],
      ['/B/New', 'Old'],
    ]);
  });
});

describe('several rule problems are all reported, in file order', () => {
  it('duplicate account, duplicate budget and a too-deep OU together', () => {
    const text = yamlDoc(
      ...HEADER,
      '    A:',
      '      accounts: ["111111111111"]',
      '      organizationalUnits: { B: { organizationalUnits: { C: { organizationalUnits: { D: { organizationalUnits: { E: { organizationalUnits: { F: {} } } } } } } } } }',
      '    G:',
      '      accounts: ["111111111111"]',
      'budgets:',
      `  - { name: x, amount: 1, notifications: [{ type: ACTUAL, threshold: 1, emails: [a@example.com] }] }`,
      `  - { name: x, amount: 1, notifications: [{ type: ACTUAL, threshold: 1, emails: [a@example.com] }] }`,
    );
    expect(problemsOf(text).map((p) => `${p.line}:${p.message.slice(0, 30)}`)).toEqual([
      '7:account 111111111111 is placed',
      '8:OU /A/B/C/D/E/F is 6 levels be',
      '10:account 111111111111 is placed',
      '13:budget name "x" is already use',
    ]);
  });
});
