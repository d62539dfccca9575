// The accounts module of the end-state oracle finds what it should: a missing creation, a name not
// changed, an account not closed, an account closed that org.yaml does not mark closed.

import { describe, expect, it } from 'vitest';
import { aLiveOrg } from '../builders.js';
import { compareEndState, endStateOfLive, expectedEndState } from './index.js';

const YAML = (accounts: string) => `version: 1
organization: { managementAccountId: "123456789012" }
root:
  accounts:
${accounts}
`;

describe('end-state oracle: accounts', () => {
  const live = aLiveOrg().withAccount('123456789012', '/', { name: 'm' }).withAccount('222222222222', '/', { name: 'old-name', email: 'x@example.com' });
  const before = endStateOfLive(live.build());

  it('reports a name not changed, an account not closed and an email-declared account not created', () => {
    const declared = YAML(['    - { id: "123456789012", name: m }', '    - { id: "222222222222", name: new-name }', '    - { name: fresh, email: fresh@example.com }'].join('\n'));
    expect(compareEndState(before, expectedEndState(declared, before)).mismatches).toEqual([
      '[organization] account fresh@example.com: declared in /, not in the organization',
      '[accounts] account 222222222222: named "old-name"; org.yaml names it "new-name"',
      '[accounts] account fresh@example.com: declared by email, yet no account has it',
    ]);
    const closed = YAML(['    - "123456789012"', '    - { id: "222222222222", name: old-name, closed: true }'].join('\n'));
    expect(compareEndState(before, expectedEndState(closed, before)).mismatches).toEqual(['[accounts] account 222222222222: closed: true, yet it is ACTIVE']);
  });

  it('accepts the state org.yaml promises, and flags an account closed without closed: true', () => {
    const after = endStateOfLive(live.withAccount('333333333333', '/', { name: 'fresh', email: 'Fresh@example.com' }).build());
    const declared = YAML(['    - "123456789012"', '    - { id: "222222222222", name: old-name }', '    - { name: fresh, email: fresh@example.com }'].join('\n'));
    expect(compareEndState(after, expectedEndState(declared, before)).mismatches).toEqual([]);
    const suspended = endStateOfLive(aLiveOrg().withAccount('123456789012', '/', { name: 'm' }).withAccount('222222222222', '/', { name: 'old-name', email: 'x@example.com', state: 'SUSPENDED' }).build());
    expect(compareEndState(suspended, expectedEndState(YAML('    - "123456789012"\n    - "222222222222"'), before)).mismatches).toEqual([
      '[accounts] account 222222222222: SUSPENDED, yet org.yaml does not mark it closed',
    ]);
  });
});
