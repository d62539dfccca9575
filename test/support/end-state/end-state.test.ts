// The end-state oracle's own tests: its defaults are docs/org-yaml.md's, it reads org.yaml as orgctl
// does, each kind reports each field that differs (so the oracle can fail), and readEndState reads the
// emulator's wire answers (normalized amounts, omitted ThresholdType, names with "/") as they are.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../../src/config/parse-org-yaml.js';
import { startEmulator, type Emulator } from '../../../src/emulator/index.js';
import { testEmulatorOptions } from '../emulator.js';
import type { DesiredOrg } from '../../../src/model/desired.js';
import type { LiveAlternateContact, LiveOrg } from '../../../src/model/live.js';
import { aDesiredOrg, aLiveOrg, MANAGEMENT_ACCOUNT_ID as MGMT, type LiveBudgetInput } from '../builders.js';
import { snapshotOf } from '../../workflow/support/emulator-world.js';
import { compareEndState, END_STATE_KINDS, endStateOfLive, expectedEndState, LIVE_ORG_GAPS, readEndState } from './index.js';
import { DOCUMENTED_DEFAULTS, orgYamlDocument } from './org-yaml.js';

const DOCS = readFileSync(new URL('../../../docs/org-yaml.md', import.meta.url), 'utf8');

/** The Default column of `key`'s row in the table under `heading` in docs/org-yaml.md. */
function documentedDefault(heading: string, key: string): string {
  const section = DOCS.slice(DOCS.indexOf(`\n${heading}\n`));
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  const header = rows[0]!.split('|').map((c) => c.trim());
  const row = rows.find((r) => r.split('|')[1]!.trim() === `\`${key}\``);
  if (!row) throw new Error(`docs/org-yaml.md has no row for ${key} under ${heading}`);
  return row.split('|')[header.indexOf('Default')]!.trim();
}

describe('end-state oracle: what org.yaml declares', () => {
  it("takes its defaults from docs/org-yaml.md's tables", () => {
    const d = DOCUMENTED_DEFAULTS;
    expect(documentedDefault('### `organization`', 'featureSet')).toBe(`\`${d.organization.featureSet}\``);
    expect(documentedDefault('### `budgets[]`', 'unit')).toBe(`\`${d.budget.unit}\``);
    expect(documentedDefault('### `budgets[]`', 'timeUnit')).toBe(`\`${d.budget.timeUnit}\``);
    expect(documentedDefault('### `budgets[].notifications[]`', 'thresholdType')).toBe(`\`${d.notification.thresholdType}\``);
    expect(documentedDefault('### `budgets[].notifications[]`', 'comparison')).toBe(`\`${d.notification.comparison}\``);
    expect(documentedDefault('### `options`', 'pruneOrganizationalUnits')).toBe(`\`${d.options.pruneOrganizationalUnits}\``);
    expect(documentedDefault('### `options`', 'pruneBudgets')).toBe(`\`${d.options.pruneBudgets}\``);
    expect(documentedDefault('### `options`', 'unlistedAccounts')).toBe(`\`${d.options.unlistedAccounts}\``);
    expect(documentedDefault('### `options`', 'pruneTrustedServices')).toBe(`\`${d.options.pruneTrustedServices}\``);
    expect(documentedDefault('### `options`', 'pruneDelegatedAdministrators')).toBe(`\`${d.options.pruneDelegatedAdministrators}\``);
    expect(documentedDefault('### `options`', 'prunePolicies')).toBe(`\`${d.options.prunePolicies}\``);
    expect(documentedDefault('### `options`', 'unlistedPolicyAttachments')).toBe(`\`${d.options.unlistedPolicyAttachments}\``);
    expect(documentedDefault('### `policies`', 'type')).toBe(`\`${d.policy.type}\``);
    expect(documentedDefault('### `policies`', 'description')).toBe('`""`');
    expect(d.policy.description).toBe('');
    expect(DOCS).toContain('Each budget is a cost budget');
    expect(d.budget.budgetType).toBe('COST');
  });

  it("reads org.yaml as orgctl does: the docs' examples give what orgctl's parser gives, written out again", () => {
    const examples = [...DOCS.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((text) => text.includes('version: 1'));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const text of [...examples, readFileSync(new URL('../../../org.yaml', import.meta.url), 'utf8')]) {
      const parsed = parseOrgYaml(text, 'org.yaml');
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
      const declaredBy = (source: string | DesiredOrg) => {
        const document = orgYamlDocument(source);
        return Object.fromEntries(Object.entries(END_STATE_KINDS).map(([name, kind]) => [name, kind.declared(document)]));
      };
      expect(declaredBy(text)).toEqual(declaredBy(parsed.value));
    }
  });
});

// ---------------------------------------------------------------- each difference is reported

const SUBSCRIBED = { threshold: 80, emails: ['ops@example.com'] };
const CONTACT = { type: 'SECURITY', name: 'Sec', title: 'CISO', email: 'sec@example.com', phone: '+1 555' } as const;

/** org.yaml: two OUs, two accounts placed, one budget, one contact; pruning as given. */
function declared(options: { pruneOrganizationalUnits?: boolean; pruneBudgets?: boolean } = {}): DesiredOrg {
  const desired = aDesiredOrg()
    .withOu('/Workloads/Prod')
    .withAccount(MGMT)
    .withAccount('111111111111', '/Workloads/Prod')
    .withBudget({ name: 'ops', amount: 10, timeUnit: 'QUARTERLY', notifications: [SUBSCRIBED] })
    .withOptions(options)
    .build();
  return { ...desired, security: { breakGlassUsers: [], identityCenter: 'optional', alternateContacts: [{ type: 'SECURITY', email: 'sec@example.com', title: 'CISO' }] } };
}

interface WorldEdits {
  readonly budget?: Partial<LiveBudgetInput>;
  readonly prodAccount?: string;
  readonly extraOu?: boolean;
  readonly withoutProd?: boolean;
  readonly otherBudget?: LiveBudgetInput | null;
  readonly unlistedIn?: string;
  readonly contacts?: readonly LiveAlternateContact[];
}

/** A live organization that is what declared() says, with `edits`; IDs are the same in every world. */
function world(edits: WorldEdits = {}): LiveOrg {
  const live = aLiveOrg().withOu('/Workloads', { id: 'ou-root-0000work' }).withOu('/Workloads/Prod', { id: 'ou-root-0000prod' });
  live.withOu('/Sandbox', { id: 'ou-root-sandbox0' });
  if (edits.extraOu) live.withOu('/Old', { id: 'ou-root-00000old' });
  live.withAccount(MGMT).withAccount('111111111111', edits.prodAccount ?? '/Workloads/Prod').withAccount('222222222222', edits.unlistedIn ?? '/Sandbox');
  live.withBudget({ name: 'ops', amount: 10, timeUnit: 'QUARTERLY', notifications: [SUBSCRIBED], tags: 'managed', ...edits.budget });
  if (edits.otherBudget !== null) live.withBudget(edits.otherBudget ?? { name: 'team', amount: 5, notifications: [SUBSCRIBED], tags: {} });
  const built = live.build();
  const ous = edits.withoutProd ? built.ous.filter((o) => o.id !== 'ou-root-0000prod') : built.ous;
  return { ...built, ous, alternateContacts: edits.contacts ?? [{ type: 'SECURITY', contact: CONTACT }] };
}

const mismatchesOf = (desired: DesiredOrg, before: LiveOrg, after: LiveOrg) =>
  compareEndState(endStateOfLive(after), expectedEndState(desired, endStateOfLive(before)));

describe('end-state oracle: every difference from org.yaml is reported', () => {
  it('a world that is what org.yaml declares: nothing to report', () => {
    expect(mismatchesOf(declared(), world(), world())).toEqual({ mismatches: [], unchecked: [] });
  });

  const cases: { name: string; desired?: DesiredOrg; before?: WorldEdits; after: WorldEdits; report: string[] }[] = [
    { name: 'budget timeUnit', after: { budget: { timeUnit: 'MONTHLY' } }, report: ['[budgets] budget "ops": timeUnit is "MONTHLY", expected "QUARTERLY"'] },
    { name: 'budget type', after: { budget: { budgetType: 'USAGE' } }, report: ['[budgets] budget "ops": type is "USAGE", expected "COST"'] },
    { name: 'budget amount', after: { budget: { amount: 10.5 } }, report: ['[budgets] budget "ops": amount is 10.5, expected 10'] },
    { name: 'budget without a fixed limit', after: { budget: { amount: null } }, report: ['[budgets] budget "ops": amount is null, expected 10', '[budgets] budget "ops": unit is null, expected "USD"'] },
    { name: 'budget unit', after: { budget: { unit: 'EUR' } }, report: ['[budgets] budget "ops": unit is "EUR", expected "USD"'] },
    {
      name: 'notification threshold',
      after: { budget: { notifications: [{ ...SUBSCRIBED, threshold: 90 }] } },
      report: [
        '[budgets] budget "ops": notification ACTUAL GREATER_THAN 80 PERCENTAGE expected, absent',
        '[budgets] budget "ops": notification ACTUAL GREATER_THAN 90 PERCENTAGE present, not expected',
      ],
    },
    {
      name: 'notification comparison and thresholdType',
      after: { budget: { notifications: [{ ...SUBSCRIBED, comparison: 'LESS_THAN' }, { ...SUBSCRIBED, thresholdType: 'ABSOLUTE_VALUE' }] } },
      report: [
        '[budgets] budget "ops": notification ACTUAL GREATER_THAN 80 PERCENTAGE expected, absent',
        '[budgets] budget "ops": notification ACTUAL LESS_THAN 80 PERCENTAGE present, not expected',
        '[budgets] budget "ops": notification ACTUAL GREATER_THAN 80 ABSOLUTE_VALUE present, not expected',
      ],
    },
    {
      name: 'subscribers',
      after: { budget: { notifications: [{ threshold: 80, emails: ['other@example.com'], sns: 'arn:aws:sns:us-east-1:123456789012:t' }] } },
      report: [
        '[budgets] budget "ops", notification ACTUAL GREATER_THAN 80 PERCENTAGE: subscriber EMAIL:ops@example.com expected, absent',
        '[budgets] budget "ops", notification ACTUAL GREATER_THAN 80 PERCENTAGE: subscriber EMAIL:other@example.com present, not expected',
        '[budgets] budget "ops", notification ACTUAL GREATER_THAN 80 PERCENTAGE: subscriber SNS:arn:aws:sns:us-east-1:123456789012:t present, not expected',
      ],
    },
    { name: 'declared budget missing', after: { budget: { name: 'renamed' } }, report: ['[budgets] budget "ops": declared, not in AWS', '[budgets] budget "renamed": created, yet org.yaml does not declare it'] },
    { name: 'created budget without the managed-by tag', before: { budget: { name: 'gone' } }, after: { budget: { tags: {} } }, report: ['[budgets] budget "ops": created by orgctl without the tag managed-by=orgctl (tags {})', '[budgets] budget "gone": deleted, yet pruneBudgets is off'] },
    { name: 'undeclared budget changed', after: { otherBudget: { name: 'team', amount: 6, notifications: [SUBSCRIBED], tags: {} } }, report: ['[budgets] budget "team" (not in org.yaml, so as it was before the apply): amount is 6, expected 5'] },
    { name: 'undeclared budget deleted without pruneBudgets', after: { otherBudget: null }, report: ['[budgets] budget "team": deleted, yet pruneBudgets is off'] },
    { name: 'unmanaged budget deleted with pruneBudgets', desired: declared({ pruneBudgets: true }), after: { otherBudget: null }, report: ['[budgets] budget "team": deleted, yet orgctl did not create it (no managed-by=orgctl tag)'] },
    {
      name: 'managed budget kept with pruneBudgets',
      desired: declared({ pruneBudgets: true }),
      before: { otherBudget: { name: 'team', amount: 5, notifications: [SUBSCRIBED], tags: 'managed' } },
      after: { otherBudget: { name: 'team', amount: 5, notifications: [SUBSCRIBED], tags: 'managed' } },
      report: ['[budgets] budget "team": not in org.yaml, tagged managed-by=orgctl and pruneBudgets is on, yet it exists'],
    },
    { name: 'account parent', after: { prodAccount: '/Workloads' }, report: ['[organization] account 111111111111: in /Workloads; org.yaml places it in /Workloads/Prod'] },
    { name: 'unlisted account moved', after: { unlistedIn: '/' }, report: ['[organization] account 222222222222: not in org.yaml, so it stays where it was (/Sandbox), yet it is in /'] },
    {
      name: 'declared OU missing',
      after: { withoutProd: true, prodAccount: '/Workloads' },
      report: ['[organization] OU /Workloads/Prod: declared, not in the organization', '[organization] OU /Workloads/Prod (ou-root-0000prod): deleted, yet pruneOrganizationalUnits is off', '[organization] account 111111111111: in /Workloads; org.yaml places it in /Workloads/Prod'],
    },
    { name: 'undeclared OU created', after: { extraOu: true }, report: ['[organization] OU /Old (ou-root-00000old): created, yet org.yaml does not declare it'] },
    { name: 'undeclared OU deleted without pruning', before: { extraOu: true }, after: {}, report: ['[organization] OU /Old (ou-root-00000old): deleted, yet pruneOrganizationalUnits is off'] },
    {
      name: 'undeclared OU kept with pruning',
      desired: declared({ pruneOrganizationalUnits: true }),
      after: {},
      report: ['[organization] OU /Sandbox (ou-root-sandbox0): not in org.yaml and pruneOrganizationalUnits is on, yet it exists'],
    },
    {
      name: 'alternate contact: a declared field, and one org.yaml leaves out',
      after: { contacts: [{ type: 'SECURITY', contact: { ...CONTACT, email: 'SEC@example.com', title: 'Boss', phone: '+1 000' } }] },
      report: ['[alternate contacts] SECURITY: title is "Boss", expected "CISO"', '[alternate contacts] SECURITY: phone is "+1 000", expected "+1 555" (not in org.yaml: as before the apply)'],
    },
    {
      name: 'alternate contact: an undeclared type changed',
      before: { contacts: [{ type: 'SECURITY', contact: CONTACT }, { type: 'BILLING', contact: null }] },
      after: { contacts: [{ type: 'SECURITY', contact: CONTACT }, { type: 'BILLING', contact: { ...CONTACT, type: 'BILLING' } }] },
      report: [`[alternate contacts] BILLING: not in org.yaml, yet changed from null to {"email":"sec@example.com","name":"Sec","title":"CISO","phone":"+1 555"}`],
    },
    {
      name: 'alternate contact: not set, and org.yaml lacks fields AWS needs (left unset)',
      before: { contacts: [{ type: 'SECURITY', contact: null }] },
      after: { contacts: [{ type: 'SECURITY', contact: CONTACT }] },
      report: [`[alternate contacts] SECURITY: not set before and org.yaml lacks fields AWS needs, so it stays unset; yet it is {"email":"sec@example.com","name":"Sec","title":"CISO","phone":"+1 555"}`],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { mismatches } = mismatchesOf(c.desired ?? declared(), world(c.before ?? {}), world(c.after));
      expect(mismatches).toEqual(c.report);
    });
  }

  it('what a LiveOrg does not hold is a named gap, not a silent pass', () => {
    const untagged = { ...world(), budgets: world().budgets.map((b) => ({ ...b, tags: undefined })) } as unknown as LiveOrg;
    const { unchecked } = mismatchesOf(declared({ pruneBudgets: true }), untagged, untagged);
    expect(unchecked).toEqual([LIVE_ORG_GAPS.budgetTags]);
  });
});

// ---------------------------------------------------------------- reading the emulator

describe('end-state oracle: readEndState against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, pageSize: 1 }));
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('reads the tree, placements, budgets (amounts as numbers, omitted ThresholdType as PERCENTAGE), tags and contacts', async () => {
    const snapshot = snapshotOf({
      hasOrganization: true,
      ous: [
        { path: '/x%2Fy', name: 'x/y', parentPath: '/' },
        { path: '/x%2Fy/B', name: 'B', parentPath: '/x%2Fy' },
      ],
      accounts: [
        { id: MGMT, parentPath: '/' },
        { id: '200000000000', parentPath: '/x%2Fy/B' },
      ],
      budgets: [
        {
          name: 'ops (monthly) / team',
          amount: 35.5,
          timeUnit: 'ANNUALLY',
          budgetType: 'USAGE',
          notifications: [
            { type: 'FORECASTED', comparison: 'LESS_THAN', threshold: 80.5, thresholdType: 'PERCENTAGE', subscribers: [{ type: 'EMAIL', address: 'a@example.com' }, { type: 'SNS', address: 'arn:aws:sns:us-east-1:123456789012:t' }] },
          ],
          tags: { team: 'finance' },
        },
      ],
    });
    emulator.seed({ ...snapshot, alternateContacts: [{ accountId: MGMT, ...CONTACT }] });
    const state = await readEndState({ endpoint: emulator.url });
    expect(state.organization).toEqual({
      organization: { managementAccountId: MGMT, featureSet: 'ALL' },
      rootId: 'r-appl',
      ous: [
        { id: 'ou-appl-00000000', parentId: 'r-appl', names: ['x/y'] },
        { id: 'ou-appl-00000001', parentId: 'ou-appl-00000000', names: ['x/y', 'B'] },
      ],
      accounts: [
        { id: MGMT, parentId: 'r-appl', email: `aws+${MGMT}@example.com` },
        { id: '200000000000', parentId: 'ou-appl-00000001', email: 'aws+200000000000@example.com' },
      ],
    });
    expect(state.budgets).toEqual({
      budgets: [
        {
          name: 'ops (monthly) / team',
          budgetType: 'USAGE',
          amount: 35.5,
          unit: 'USD',
          timeUnit: 'ANNUALLY',
          notifications: [
            { type: 'FORECASTED', comparison: 'LESS_THAN', threshold: 80.5, thresholdType: 'PERCENTAGE', subscribers: [{ type: 'EMAIL', address: 'a@example.com' }, { type: 'SNS', address: 'arn:aws:sns:us-east-1:123456789012:t' }] },
          ],
          tags: { team: 'finance' },
        },
      ],
    });
    expect(state.alternateContacts).toEqual({ contacts: { SECURITY: { email: CONTACT.email, name: CONTACT.name, title: CONTACT.title, phone: CONTACT.phone }, BILLING: null, OPERATIONS: null } });
  });

  it('reads a standalone account: no organization, its budgets all the same', async () => {
    emulator.seed(snapshotOf({ hasOrganization: false, ous: [], accounts: [], budgets: [] }));
    const state = await readEndState({ endpoint: emulator.url });
    expect(state.organization).toEqual({ organization: null, rootId: null, ous: [], accounts: [] });
    expect(state.budgets).toEqual({ budgets: [] });
  });
});
