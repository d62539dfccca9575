// org.yaml → DesiredOrg: defaults, OU paths, subscribers and positions.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import { normalizeOrg } from '../../src/config/normalize.js';
import { HEADER, columnOf, desiredOf, yamlDoc } from './support.js';

const ISSUE_EXAMPLE = yamlDoc(
  '# yaml-language-server: $schema=./schema/org.schema.json',
  'version: 1',
  'organization:',
  '  managementAccountId: "123456789012"',
  '  featureSet: ALL',
  'root:',
  '  accounts: []',
  '  organizationalUnits:',
  '    Management:',
  '      accounts: ["123456789012"]',
  '    Security: {}',
  '    Workloads:',
  '      organizationalUnits:',
  '        Prod: {}',
  '        NonProd: {}',
  'budgets:',
  '  - name: monthly-guardrail',
  '    amount: 10',
  '    unit: USD',
  '    timeUnit: MONTHLY',
  '    notifications:',
  '      - type: ACTUAL',
  '        threshold: 80',
  '        thresholdType: PERCENTAGE',
  '        comparison: GREATER_THAN',
  '        emails: [billing@example.com]',
  'options:',
  '  pruneOrganizationalUnits: false',
  '  pruneBudgets: false',
  '  unlistedAccounts: ignore',
);

describe('normalizeOrg', () => {
  it('builds the whole desired organization, with paths and positions', () => {
    expect(desiredOf(ISSUE_EXAMPLE)).toEqual({
      managementAccountId: '123456789012',
      featureSet: 'ALL',
      root: {
        accounts: [],
        organizationalUnits: [
          { name: 'Management', path: '/Management', at: { line: 9, column: 5 }, accounts: [{ id: '123456789012', at: { line: 10, column: 18 } }], organizationalUnits: [] },
          { name: 'Security', path: '/Security', at: { line: 11, column: 5 }, accounts: [], organizationalUnits: [] },
          {
            name: 'Workloads',
            path: '/Workloads',
            at: { line: 12, column: 5 },
            accounts: [],
            organizationalUnits: [
              { name: 'Prod', path: '/Workloads/Prod', at: { line: 14, column: 9 }, accounts: [], organizationalUnits: [] },
              { name: 'NonProd', path: '/Workloads/NonProd', at: { line: 15, column: 9 }, accounts: [], organizationalUnits: [] },
            ],
          },
        ],
      },
      budgets: [
        {
          name: 'monthly-guardrail',
          amount: 10,
          unit: 'USD',
          timeUnit: 'MONTHLY',
          at: { line: 17, column: 5 },
          notifications: [
            {
              type: 'ACTUAL',
              threshold: 80,
              thresholdType: 'PERCENTAGE',
              comparison: 'GREATER_THAN',
              subscribers: [{ type: 'EMAIL', address: 'billing@example.com' }],
              at: { line: 22, column: 9 },
            },
          ],
        },
      ],
      options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' },
    });
  });

  it('applies every default when keys are omitted', () => {
    const desired = desiredOf(
      yamlDoc(
        'version: 1',
        'organization:',
        '  managementAccountId: "123456789012"',
        'root: {}',
        'budgets:',
        '  - name: b',
        '    amount: 5',
        '    notifications:',
        '      - { type: FORECASTED, threshold: 100, emails: [a@example.com] }',
      ),
    );
    expect(desired.featureSet).toBe('ALL');
    expect(desired.root).toEqual({ accounts: [], organizationalUnits: [] });
    expect(desired.options).toEqual({ pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' });
    const [budget] = desired.budgets;
    expect(budget).toMatchObject({ unit: 'USD', timeUnit: 'MONTHLY' });
    expect(budget?.notifications[0]).toMatchObject({ type: 'FORECASTED', threshold: 100, thresholdType: 'PERCENTAGE', comparison: 'GREATER_THAN' });
  });

  it('keeps explicit non-default values', () => {
    const desired = desiredOf(
      yamlDoc(
        'version: 1',
        'organization: { managementAccountId: "123456789012", featureSet: CONSOLIDATED_BILLING }',
        'root: {}',
        'budgets:',
        '  - { name: b, amount: 2.5, unit: EUR, timeUnit: QUARTERLY, notifications: [{ type: ACTUAL, threshold: 40, thresholdType: ABSOLUTE_VALUE, comparison: LESS_THAN, emails: [a@example.com] }] }',
        'options: { pruneOrganizationalUnits: true, pruneBudgets: true, unlistedAccounts: error }',
      ),
    );
    expect(desired.featureSet).toBe('CONSOLIDATED_BILLING');
    expect(desired.options).toEqual({ pruneOrganizationalUnits: true, pruneBudgets: true, unlistedAccounts: 'error' });
    expect(desired.budgets[0]).toMatchObject({ amount: 2.5, unit: 'EUR', timeUnit: 'QUARTERLY' });
    expect(desired.budgets[0]?.notifications[0]).toMatchObject({ thresholdType: 'ABSOLUTE_VALUE', comparison: 'LESS_THAN' });
  });

  it('turns emails and sns into subscribers, emails first in file order', () => {
    const desired = desiredOf(
      yamlDoc(...HEADER, '    A: {}', 'budgets:', '  - name: b', '    amount: 1', '    notifications:', '      - { type: ACTUAL, threshold: 1, sns: "arn:aws:sns:eu-west-1:123456789012:alerts", emails: [z@example.com, a@example.com] }'),
    );
    expect(desired.budgets[0]?.notifications[0]?.subscribers).toEqual([
      { type: 'EMAIL', address: 'z@example.com' },
      { type: 'EMAIL', address: 'a@example.com' },
      { type: 'SNS', address: 'arn:aws:sns:eu-west-1:123456789012:alerts' },
    ]);
  });

  it('reads named accounts, empty OUs, and OU names that look like numbers or contain "/"', () => {
    const text = yamlDoc(...HEADER, '    Empty:', '    2024: {}', '    "a/b%":', '      accounts: [{ id: "011111111111", name: "Dev account" }, "022222222222"]');
    const desired = desiredOf(text);
    expect(desired.root.organizationalUnits.map((ou) => [ou.name, ou.path])).toEqual(
      expect.arrayContaining([
        ['Empty', '/Empty'],
        ['2024', '/2024'],
        ['a/b%', '/a%2Fb%25'],
      ]),
    );
    const slashed = desired.root.organizationalUnits.find((ou) => ou.name === 'a/b%');
    expect(slashed?.accounts).toEqual([
      { id: '011111111111', name: 'Dev account', at: { line: 9, column: 18 } },
      { id: '022222222222', at: { line: 9, column: columnOf(text, 9, '"022222222222"') } },
    ]);
  });

  it('works without positions (for callers that build documents in code)', () => {
    const desired = normalizeOrg({ version: 1, organization: { managementAccountId: '123456789012' }, root: { organizationalUnits: { A: null } } });
    expect(desired.root.organizationalUnits).toEqual([{ name: 'A', path: '/A', accounts: [], organizationalUnits: [] }]);
  });
});

describe("the repository's org.yaml", () => {
  it('is valid', () => {
    const text = readFileSync(new URL('../../org.yaml', import.meta.url), 'utf8');
    const result = parseOrgYaml(text, 'org.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
