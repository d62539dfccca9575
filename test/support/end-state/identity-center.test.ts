// The identity center oracle reports each way the assignments can differ from org.yaml's promise.

import { describe, expect, it } from 'vitest';
import { identityCenterKind } from './identity-center.js';
import { orgYamlDocument } from './org-yaml.js';

const YAML = (options: string[] = []) =>
  [
    'version: 1',
    'organization:',
    '  managementAccountId: "111111111111"',
    'root:',
    '  accounts: ["111111111111"]',
    '  organizationalUnits:',
    '    Workloads:',
    '      accounts: ["222222222222", { name: n, email: New@example.com }, { id: "444444444444", name: gone, closed: true }]',
    'identityCenter:',
    '  permissionSets:',
    '    Admin: {}',
    '  assignments:',
    '    - group: Admins',
    '      permissionSet: Admin',
    '      organizationalUnits: [/Workloads]',
    ...options,
  ].join('\n');

const state = (assignments: string[]) => ({ assignments, accountsByEmail: { 'new@example.com': '333333333333' } });
const check = (after: string[], before: string[] = [], options: string[] = []) => identityCenterKind.check(state(after), identityCenterKind.declared(orgYamlDocument(YAML(options))), state(before)).mismatches;

describe('end-state oracle: identity center', () => {
  it('expands OUs to placed accounts (by email once created; closed ones left out) and accepts exactly that', () => {
    expect(check(['Admin GROUP:Admins 222222222222', 'Admin GROUP:Admins 333333333333'])).toEqual([]);
  });

  it('reports a declared assignment AWS lacks, and one the apply added that org.yaml does not declare', () => {
    expect(check(['Admin GROUP:Admins 222222222222', 'Admin GROUP:Admins 111111111111'])).toEqual([
      'Admin GROUP:Admins 333333333333: declared, but AWS has no such assignment',
      'Admin GROUP:Admins 111111111111: assigned by the apply, though org.yaml does not declare it',
    ]);
  });

  it('without pruneAssignments an earlier assignment must stay; with it, one of a declared principal and set must go', () => {
    const declared = ['Admin GROUP:Admins 222222222222', 'Admin GROUP:Admins 333333333333'];
    expect(check(declared, ['Admin GROUP:Admins 111111111111'])).toEqual(['Admin GROUP:Admins 111111111111: removed, though pruneAssignments does not cover it']);
    expect(check([...declared, 'Admin GROUP:Admins 111111111111'], ['Admin GROUP:Admins 111111111111'], ['options:', '  pruneAssignments: true'])).toEqual([
      'Admin GROUP:Admins 111111111111: not declared and pruneAssignments is on, yet it is still assigned',
    ]);
    expect(check(declared, ['Admin GROUP:Admins 111111111111'], ['options:', '  pruneAssignments: true'])).toEqual([]);
  });
});
