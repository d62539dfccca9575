// Each kind normalizes its own section(s) of org.yaml through `normalize` (src/kinds/kind.ts), and
// src/config/merge-desired-parts.ts merges the parts into DesiredOrg: shared sections (`options:`,
// `security:`) field by field, and a field two owners fill is refused instead of silently overwritten.

import { describe, expect, it } from 'vitest';
import { mergeDesiredParts } from '../../src/config/merge-desired-parts.js';
import type { WrittenOrgYaml } from '../../src/config/written-org-yaml.js';
import { alternateContactsKind } from '../../src/kinds/alternate-contacts/index.js';
import { budgetsKind } from '../../src/kinds/budgets/index.js';
import type { NormalizeContext } from '../../src/kinds/kind.js';
import { organizationKind } from '../../src/kinds/organization/index.js';
import { RESOURCE_KINDS } from '../../src/kinds/registry.js';

const WRITTEN: WrittenOrgYaml = {
  version: 1,
  organization: { managementAccountId: '123456789012' },
  root: { organizationalUnits: { Prod: { accounts: ['210987654321'] } } },
  budgets: [{ name: 'monthly', amount: 10, notifications: [{ type: 'ACTUAL', threshold: 80, emails: ['a@example.com'] }] }],
  options: { pruneBudgets: true },
  security: { breakGlassUsers: ['breakglass'], alternateContacts: { billing: { email: 'billing@example.com' } } },
};
const ctx: NormalizeContext = { written: WRITTEN, positionOf: () => undefined };

describe('each kind normalizes its own sections', () => {
  it('the organization kind: the organization, the tree and its options', () => {
    expect(organizationKind.normalize!(ctx)).toEqual({
      managementAccountId: '123456789012',
      featureSet: 'ALL',
      root: {
        accounts: [],
        organizationalUnits: [{ name: 'Prod', path: '/Prod', accounts: [{ id: '210987654321' }], organizationalUnits: [] }],
      },
      options: { pruneOrganizationalUnits: false, unlistedAccounts: 'ignore' },
    });
  });

  it('the budgets kind: budgets with defaults, and pruneBudgets', () => {
    expect(budgetsKind.normalize!(ctx)).toEqual({
      budgets: [
        {
          name: 'monthly',
          amount: 10,
          unit: 'USD',
          timeUnit: 'MONTHLY',
          notifications: [
            { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE', subscribers: [{ type: 'EMAIL', address: 'a@example.com' }] },
          ],
        },
      ],
      options: { pruneBudgets: true },
    });
  });

  it('the alternate-contacts kind: its field of security:, nothing without the section', () => {
    expect(alternateContactsKind.normalize!(ctx)).toEqual({ security: { alternateContacts: [{ type: 'BILLING', email: 'billing@example.com' }] } });
    const { security: _security, ...withoutSecurity } = WRITTEN;
    expect(alternateContactsKind.normalize!({ written: withoutSecurity, positionOf: () => undefined })).toEqual({});
  });

  it('no two registered kinds normalize the same field', () => {
    expect(() => mergeDesiredParts(RESOURCE_KINDS.flatMap((kind) => (kind.normalize ? [[kind.name, kind.normalize(ctx)] as const] : [])))).not.toThrow();
  });
});

describe('mergeDesiredParts', () => {
  it('merges a shared section field by field, keeping whole values whole', () => {
    const merged = mergeDesiredParts([
      ['a', { budgets: [], options: { pruneBudgets: true } }],
      ['b', { managementAccountId: '123456789012', options: { pruneOrganizationalUnits: false, unlistedAccounts: 'error' } }],
    ]);
    expect(merged).toEqual({ budgets: [], managementAccountId: '123456789012', options: { pruneBudgets: true, pruneOrganizationalUnits: false, unlistedAccounts: 'error' } });
  });

  it('refuses a field two owners fill, naming both', () => {
    expect(() => mergeDesiredParts([['a', { budgets: [] }], ['b', { budgets: [] }]])).toThrow('DesiredOrg.budgets is normalized by both a and b');
    expect(() => mergeDesiredParts([['a', { options: { pruneBudgets: true } }], ['b', { options: { pruneBudgets: false } }]])).toThrow(
      'DesiredOrg.options.pruneBudgets is normalized by both a and b',
    );
    expect(() => mergeDesiredParts([['a', { featureSet: 'ALL' }], ['b', { featureSet: 'CONSOLIDATED_BILLING' }]])).toThrow('by both a and b');
  });
});
