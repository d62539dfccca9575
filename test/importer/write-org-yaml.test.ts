// writeOrgYaml: its output parses back (parseOrgYaml, the same path as `orgctl validate`) to exactly
// the organization it was given, for names full of characters YAML and terminals trip over; and its
// layout is the one people review: one account per line, one email per line, every name on one line.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import { quoted, scalar, writeOrgYaml } from '../../src/config/write-org-yaml.js';
import type { DesiredAlternateContact, DesiredNode, DesiredOrg, DesiredOu, DesiredSecurity } from '../../src/model/desired.js';
import { childPath, ROOT_PATH } from '../../src/model/paths.js';
import { generatedOrgs, type GeneratedOrg } from './support/generated-org.js';

/** The organization a generated one declares: ACTIVE accounts in place, the budgets org.yaml can express. */
function desiredFrom(org: GeneratedOrg): DesiredOrg {
  const node = (parent: number, path: string): DesiredNode => ({
    accounts: org.accounts.filter((a) => a.state === 'ACTIVE' && a.parent === parent).map((a) => ({ id: a.id, name: a.name })),
    organizationalUnits: org.ous.flatMap((ou, i): DesiredOu[] => (ou.parent === parent ? [{ name: ou.name, path: childPath(path, ou.name), ...node(i, childPath(path, ou.name)) }] : [])),
  });
  return {
    managementAccountId: '123456789012',
    featureSet: org.featureSet,
    root: node(-1, ROOT_PATH),
    budgets: org.budgets
      .filter((b) => b.expressible)
      .map((b) => {
        const limit = b.snapshot.budget['BudgetLimit'] as { Amount: string; Unit: string };
        return {
          name: b.name,
          amount: Number(limit.Amount),
          unit: limit.Unit,
          timeUnit: b.snapshot.budget['TimeUnit'] as DesiredOrg['budgets'][number]['timeUnit'],
          notifications: (b.snapshot.notifications ?? []).map((entry) => {
            const n = entry['Notification'] as Record<string, unknown>;
            const subscribers = entry['Subscribers'] as { SubscriptionType: 'EMAIL' | 'SNS'; Address: string }[];
            return {
              type: n['NotificationType'] as 'ACTUAL' | 'FORECASTED',
              comparison: n['ComparisonOperator'] as 'GREATER_THAN' | 'LESS_THAN' | 'EQUAL_TO',
              threshold: n['Threshold'] as number,
              thresholdType: n['ThresholdType'] as 'PERCENTAGE' | 'ABSOLUTE_VALUE',
              subscribers: subscribers.map((s) => ({ type: s.SubscriptionType, address: s.Address })),
            };
          }),
        };
      }),
    options: { pruneOrganizationalUnits: false, pruneBudgets: true, unlistedAccounts: 'error' },
  };
}

const contact = (type: DesiredAlternateContact['type']) =>
  fc
    .record({
      email: fc.constantFrom('security@example.com', 'Billing.Team+x@example.co.uk', 'a#b|c@sub.example.org'),
      name: fc.option(fc.constantFrom('Security team', 'yes', "O'Neil: on call", 'Ünïcödé'), { nil: undefined }),
      title: fc.option(fc.constantFrom('CISO', '#1 fan', 'a, b'), { nil: undefined }),
      phone: fc.option(fc.constantFrom('+1 555 0100', '(030) 1234-56'), { nil: undefined }),
    })
    .map(({ email, name, title, phone }): DesiredAlternateContact => ({ type, email, ...(name && { name }), ...(title && { title }), ...(phone && { phone }) }));

const securities: fc.Arbitrary<DesiredSecurity> = fc
  .record({
    breakGlassUsers: fc.uniqueArray(fc.constantFrom('break-glass', 'admin@corp', 'y', 'root.user+1'), { maxLength: 3 }),
    // Which of them orgctl creates (security.breakGlassUsers entries written as { name, create: true }).
    created: fc.uniqueArray(fc.constantFrom('break-glass', 'admin@corp', 'y', 'root.user+1'), { maxLength: 2 }),
    identityCenter: fc.constantFrom('required' as const, 'optional' as const),
    identityCenterRegion: fc.option(fc.constantFrom('eu-west-1', 'us-gov-west-1'), { nil: undefined }),
    security: fc.option(contact('SECURITY'), { nil: undefined }),
    billing: fc.option(contact('BILLING'), { nil: undefined }),
    operations: fc.option(contact('OPERATIONS'), { nil: undefined }),
  })
  .map((s) => ({
    breakGlassUsers: s.breakGlassUsers.map((name) => ({ name, ...(s.created.includes(name) && { create: true as const }) })),
    identityCenter: s.identityCenter,
    ...(s.identityCenterRegion !== undefined && { identityCenterRegion: s.identityCenterRegion }),
    alternateContacts: [s.security, s.billing, s.operations].filter((c) => c !== undefined),
  }));

/**
 * Drops the source positions parseOrgYaml adds, and puts sibling OUs in name order: the loader reads
 * OUs through a plain object, whose keys JavaScript lists integer-like ones ("123") first.
 */
function comparable(org: DesiredOrg): DesiredOrg {
  const sortOus = (key: string, v: unknown): unknown => {
    if (key === 'at' || key === 'identityCenterAt') return undefined;
    if (key === 'organizationalUnits' && Array.isArray(v)) return [...(v as DesiredOu[])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return v;
  };
  return JSON.parse(JSON.stringify(org, sortOus)) as DesiredOrg;
}

function parse(text: string): DesiredOrg {
  const parsed = parseOrgYaml(text, 'org.yaml');
  if (!parsed.ok) throw new Error(`does not validate:\n${parsed.errors.map((e) => `${e.position?.line}:${e.position?.column} ${e.message}`).join('\n')}\n${text}`);
  return parsed.value;
}

// Raw characters that would break a line, hide text or make the YAML stream invalid.
const RAW_INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u00a0\u00ad\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\uffff]|\p{Cs}/u;

describe('writeOrgYaml', () => {
  it('writes what parseOrgYaml reads back as the same organization', () => {
    fc.assert(
      fc.property(generatedOrgs, fc.option(securities, { nil: undefined }), (org, security) => {
        const desired = { ...desiredFrom(org), ...(security ? { security } : {}) };
        const text = writeOrgYaml(desired, { header: ['a header line'], trailer: ['nl\nin a comment', '', 'bidi \u202e override'] });
        expect(comparable(parse(text))).toEqual(comparable(desired));
        // Every name stays visible and on its line: the text holds no raw control or invisible character.
        expect(text).not.toMatch(RAW_INVISIBLE);
      }),
      { numRuns: 300 },
    );
  });

  it('lays the file out one account and one email per line, defaults written out, the schema line first', () => {
    const desired: DesiredOrg = {
      managementAccountId: '012345678901',
      featureSet: 'ALL',
      root: {
        accounts: [{ id: '012345678901', name: 'management' }, { id: '210987654321' }],
        organizationalUnits: [
          { name: 'Sandbox', path: '/Sandbox', accounts: [], organizationalUnits: [] },
          {
            name: 'Workloads',
            path: '/Workloads',
            renamedFrom: 'Apps',
            accounts: [],
            organizationalUnits: [{ name: 'Prod', path: '/Workloads/Prod', accounts: [{ id: '111111111111', name: 'payments, prod' }], organizationalUnits: [] }],
          },
        ],
      },
      budgets: [
        {
          name: 'monthly',
          amount: 2.5,
          unit: 'USD',
          timeUnit: 'MONTHLY',
          notifications: [
            {
              type: 'ACTUAL',
              comparison: 'GREATER_THAN',
              threshold: 80,
              thresholdType: 'PERCENTAGE',
              subscribers: [
                { type: 'EMAIL', address: 'a@example.com' },
                { type: 'SNS', address: 'arn:aws:sns:us-east-1:123456789012:alerts' },
                { type: 'EMAIL', address: 'b@example.com' },
              ],
            },
          ],
        },
      ],
      options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' },
    };
    expect(writeOrgYaml(desired, { header: ['header'], trailer: ['trailer'] })).toBe(`# yaml-language-server: $schema=./schema/org.schema.json
# header
version: 1
organization:
  managementAccountId: "012345678901"
  featureSet: ALL
root:
  accounts:
    - { id: "012345678901", name: management }
    - "210987654321"
  organizationalUnits:
    Sandbox: {}
    Workloads:
      renamedFrom: Apps
      organizationalUnits:
        Prod:
          accounts:
            - { id: "111111111111", name: "payments, prod" }
budgets:
  - name: monthly
    amount: 2.5
    unit: USD
    timeUnit: MONTHLY
    notifications:
      - type: ACTUAL
        threshold: 80
        thresholdType: PERCENTAGE
        comparison: GREATER_THAN
        emails:
          - a@example.com
          - b@example.com
        sns: arn:aws:sns:us-east-1:123456789012:alerts
options:
  pruneOrganizationalUnits: false
  pruneBudgets: false
  unlistedAccounts: ignore

# trailer
`);
  });

  it('writes an organization with no OUs, accounts or budgets as `root: {}`', () => {
    const text = writeOrgYaml({
      managementAccountId: '012345678901',
      featureSet: 'CONSOLIDATED_BILLING',
      root: { accounts: [], organizationalUnits: [] },
      budgets: [],
      options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' },
    });
    expect(text).toContain('\nroot: {}\n');
    expect(text).not.toContain('budgets');
    expect(parse(text).featureSet).toBe('CONSOLIDATED_BILLING');
  });

  it('refuses a notification with two SNS subscribers, which org.yaml cannot hold', () => {
    const sns = (address: string) => ({ type: 'SNS' as const, address });
    const desired: DesiredOrg = {
      managementAccountId: '012345678901',
      featureSet: 'ALL',
      root: { accounts: [], organizationalUnits: [] },
      budgets: [
        {
          name: 'b',
          amount: 1,
          unit: 'USD',
          timeUnit: 'MONTHLY',
          notifications: [{ type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 1, thresholdType: 'PERCENTAGE', subscribers: [sns('arn:aws:sns:us-east-1:123456789012:a'), sns('arn:aws:sns:us-east-1:123456789012:b')] }],
        },
      ],
      options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' },
    };
    expect(() => writeOrgYaml(desired)).toThrow(RangeError);
  });
});

describe('scalar and quoted', () => {
  it.each([
    ['Prod', 'Prod'],
    ['payments-prod', 'payments-prod'],
    ['Team 2', 'Team 2'],
    ['ops@example.com', 'ops@example.com'],
    ['arn:aws:sns:us-east-1:123456789012:alerts', 'arn:aws:sns:us-east-1:123456789012:alerts'],
    ['Ünïcödé 日本語', 'Ünïcödé 日本語'],
    ['yes', '"yes"'],
    ['Off', '"Off"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['123', '"123"'],
    ['1e3', '"1e3"'],
    ['a: b', '"a: b"'],
    ['a:', '"a:"'],
    ['x #y', '"x #y"'],
    [' lead', '" lead"'],
    ['trail ', '"trail "'],
    ['two  spaces', '"two  spaces"'],
    ['- x', '"- x"'],
    ["it's", '"it\'s"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['tab\tx', '"tab\\tx"'],
    ['nl\nx', '"nl\\nx"'],
    ['nul\u0000', '"nul\\0"'],
    ['del\u007f', '"del\\x7F"'],
    ['nel\u0085', '"nel\\N"'],
    ['nbsp\u00a0', '"nbsp\\_"'],
    ['ls\u2028', '"ls\\L"'],
    ['rlo\u202e', '"rlo\\u202E"'],
    ['bom\ufeff', '"bom\\uFEFF"'],
    ['lone\ud800', '"lone\\uD800"'],
    ['😀 emoji', '"😀 emoji"'],
  ])('writes %j as %s', (text, expected) => {
    expect(scalar(text)).toBe(expected);
  });

  it('quotes in flow collections what only block context allows', () => {
    expect(scalar('a:b', 'block')).toBe('a:b');
    expect(scalar('a:b', 'flow')).toBe('"a:b"');
    expect(scalar('a,b', 'flow')).toBe('"a,b"');
    expect(scalar('{x}', 'flow')).toBe('"{x}"');
  });

  it('always quotes account IDs, so YAML keeps their leading zeros', () => {
    expect(quoted('012345678901')).toBe('"012345678901"');
  });
});
