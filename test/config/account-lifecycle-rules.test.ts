// org.yaml rules for accounts orgctl creates, renames and closes (issue #15): each refused with its
// line and what to do, and its boundary accepted.

import { describe, expect, it } from 'vitest';
import { HEADER, desiredOf, problemsOf, yamlDoc } from './support.js';

const inA = (...entries: string[]): string => yamlDoc(...HEADER, '    A:', '      accounts:', ...entries.map((e) => `        - ${e}`));

describe('account entries to create, rename and close', () => {
  it('{ name, email } without an ID is accepted and normalized with its creation settings', () => {
    const desired = desiredOf(
      inA('{ name: team-x, email: aws+team-x@example.com, tags: { team: x }, iamUserAccessToBilling: DENY, roleName: Admin }', '{ id: "111111111111", name: old, closed: true }'),
    );
    expect(desired.root.organizationalUnits[0]!.accounts).toEqual([
      {
        name: 'team-x',
        email: 'aws+team-x@example.com',
        tags: { entries: [{ key: 'team', value: 'x', at: { line: 8, column: 66 } }], at: { line: 8, column: 58 } },
        creation: { iamUserAccessToBilling: 'DENY', roleName: 'Admin' },
        at: { line: 8, column: 11 },
      },
      { id: '111111111111', name: 'old', closed: true, at: { line: 9, column: 11 } },
    ]);
  });

  it('a mapping with neither id nor email is refused, saying email identifies the account', () => {
    expect(problemsOf(inA('{ name: team-x }'))).toEqual([
      { line: 8, column: 11, message: expect.stringContaining('without `id` needs `email`') },
    ]);
  });

  it('a malformed email is refused at the email', () => {
    expect(problemsOf(inA('{ name: team-x, email: "not an email" }'))).toEqual([
      { line: 8, column: 34, message: expect.stringContaining('an account email is 6 to 64 characters like aws+prod@example.com') },
    ]);
  });

  it('the same email twice anywhere in the tree (any case) is refused at the second, naming the first', () => {
    const text = yamlDoc(
      ...HEADER,
      '    A:',
      '      accounts: [{ name: x, email: Team@example.com }]',
      '    B:',
      '      accounts: [{ id: "111111111111", name: y, email: team@EXAMPLE.com }]',
    );
    expect(problemsOf(text)).toEqual([
      { line: 9, column: 18, message: expect.stringMatching(/^the email team@EXAMPLE\.com is already given to an account on line 7; /) },
    ]);
  });

  it('a new account name must be what CreateAccount accepts: 50 ASCII characters pass, 51 or non-ASCII are refused', () => {
    expect(problemsOf(inA(`{ name: ${'n'.repeat(50)}, email: a@example.com }`))).toEqual([]);
    expect(problemsOf(inA(`{ name: ${'n'.repeat(51)}, email: a@example.com }`))).toEqual([
      { line: 8, column: 11, message: expect.stringContaining('cannot be given to a new account: AWS accepts 1 to 50 printable ASCII characters') },
    ]);
    expect(problemsOf(inA('{ name: café, email: a@example.com }'))).toHaveLength(1);
  });

  it('closed: true on the management account is refused', () => {
    const text = yamlDoc('version: 1', 'organization:', '  managementAccountId: "123456789012"', 'root:', '  accounts: [{ id: "123456789012", name: m, closed: true }]');
    expect(problemsOf(text)).toEqual([
      { line: 5, column: 14, message: expect.stringContaining('the management account 123456789012 cannot be closed by orgctl') },
    ]);
  });

  it('options.closedAccountsOu must be a declared OU', () => {
    const ok = yamlDoc(...HEADER, '    Suspended: {}', 'options:', '  closedAccountsOu: /Suspended');
    expect(problemsOf(ok)).toEqual([]);
    expect(desiredOf(ok).options.closedAccountsOu).toBe('/Suspended');
    const missing = yamlDoc(...HEADER, '    A: {}', 'options:', '  closedAccountsOu: /Suspended');
    expect(problemsOf(missing)).toEqual([{ message: expect.stringContaining('options.closedAccountsOu is /Suspended, which is not an OU declared in org.yaml') }]);
  });
});
