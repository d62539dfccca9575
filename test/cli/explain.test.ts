// `orgctl explain ACCOUNT_ID|OU_PATH` against our emulator through the CLI: what it prints (text and
// json), that it reads only what the target needs (exact call counts, no tree walk), and its errors.

import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorSnapshot } from '../../src/emulator/index.js';
import { extraPagesByOperation, useEmulator } from '../support/emulator.js';
import { emulatorPort, MGMT, ORG_ID, ROOT_ID } from '../workflow/support/emulator-world.js';
import { orgctl, workspace } from '../workflow/support/cli-harness.js';

const APP = '222222222222';
const OTHER = '333333333333';
const WORKLOADS = `ou-${ROOT_ID.slice(2)}-workloads`;
const PROD = `ou-${ROOT_ID.slice(2)}-prod0001`;
const DENY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] });

const SNAPSHOT: EmulatorSnapshot = {
  formatVersion: 1,
  accountId: MGMT,
  organization: {
    id: ORG_ID,
    managementAccountId: MGMT,
    root: { id: ROOT_ID, policyTypes: ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'], tags: { scope: 'org' } },
    organizationalUnits: [
      { id: WORKLOADS, name: 'Workloads', parentId: ROOT_ID, tags: { tier: 'workloads' } },
      { id: PROD, name: 'Prod', parentId: WORKLOADS },
    ],
    accounts: [
      { id: MGMT, name: 'management', email: 'mgmt@example.com', parentId: ROOT_ID },
      { id: APP, name: 'app', email: 'app@example.com', parentId: PROD, tags: { team: 'payments', env: 'prod' } },
      { id: OTHER, name: 'other', email: 'other@example.com', parentId: WORKLOADS },
    ],
    policies: [
      { id: 'p-denyleave1', name: 'DenyLeave', type: 'SERVICE_CONTROL_POLICY', content: DENY },
      { id: 'p-costcenter', name: 'CostCenter', type: 'TAG_POLICY', content: JSON.stringify({ tags: {} }) },
    ],
    policyAttachments: {
      [ROOT_ID]: ['p-FullAWSAccess', 'p-costcenter'],
      [WORKLOADS]: ['p-FullAWSAccess', 'p-denyleave1'],
      [PROD]: ['p-FullAWSAccess'],
      [APP]: ['p-FullAWSAccess', 'p-denyleave1'],
    },
  },
  budgets: [
    { accountId: MGMT, budget: { BudgetName: 'everything', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '100', Unit: 'USD' } } },
    { accountId: MGMT, budget: { BudgetName: 'app-only', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '10', Unit: 'USD' }, CostFilters: { LinkedAccount: [APP] } } },
    { accountId: MGMT, budget: { BudgetName: 'other-only', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '10', Unit: 'USD' }, CostFilters: { LinkedAccount: [OTHER] } } },
  ],
};

const DOC = readFileSync(new URL('../../docs/cli-json.md', import.meta.url), 'utf8');
const EXPLAIN_SECTION = DOC.slice(DOC.indexOf('## `orgctl explain --format json`'));

describe('orgctl explain, against our emulator', () => {
  const emulator = useEmulator({ rateLimits: false });
  const ws = workspace({});
  afterAll(() => ws.remove());
  beforeEach(() => emulator().seed(SNAPSHOT));

  async function explain(args: readonly string[]) {
    const port = emulatorPort(emulator().url);
    try {
      const run = await orgctl(['explain', ...args], { cwd: ws.dir, port });
      // The emulator answers some List* calls with an extra empty page, as AWS may: not orgctl's doing.
      const extra = extraPagesByOperation(emulator().extraPages());
      const calls = Object.fromEntries(Object.entries(port.stats().calls).map(([op, n]) => [op, n - (extra[op] ?? 0)]));
      return { ...run, calls };
    } finally {
      port.destroy();
    }
  }

  it('an account: the path from the root, the policies at each level by type, its tags, the budgets that count it', async () => {
    const run = await explain([APP]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `What applies to account ${APP} (app)`,
        '',
        'Path from the root, with the policies attached directly at each level:',
        `  root ${ROOT_ID} (Root)`,
        '    SERVICE_CONTROL_POLICY: FullAWSAccess (p-FullAWSAccess, AWS-managed)',
        '    TAG_POLICY: CostCenter (p-costcenter)',
        `    OU /Workloads ${WORKLOADS}`,
        '      SERVICE_CONTROL_POLICY: FullAWSAccess (p-FullAWSAccess, AWS-managed), DenyLeave (p-denyleave1)',
        '      TAG_POLICY: none',
        `      OU /Workloads/Prod ${PROD}`,
        '        SERVICE_CONTROL_POLICY: FullAWSAccess (p-FullAWSAccess, AWS-managed)',
        '        TAG_POLICY: none',
        `        account ${APP} (app)`,
        '          SERVICE_CONTROL_POLICY: FullAWSAccess (p-FullAWSAccess, AWS-managed), DenyLeave (p-denyleave1)',
        '          TAG_POLICY: none',
        '',
        'Tags:',
        '  env = prod',
        '  team = payments',
        '',
        'Budgets that cover it:',
        `  app-only (linked accounts ${APP})`,
        '  everything (every account)',
        '',
      ].join('\n'),
    );
    // Only what this account needs: up the chain of parents, 4 levels × 2 enabled types, one tag read, one budgets read.
    expect(run.calls).toEqual({
      DescribeOrganization: 1,
      ListRoots: 1,
      DescribeAccount: 1,
      ListParents: 3,
      DescribeOrganizationalUnit: 2,
      ListPoliciesForTarget: 8,
      ListTagsForResource: 1,
      DescribeBudgets: 1,
    });
  });

  it('an OU path: found level by level from the root by name; --format json in the documented shape', async () => {
    const run = await explain(['/Workloads', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    const scp = (...names: [string, string, boolean][]) => names.map(([name, id, awsManaged]) => ({ name, id, awsManaged }));
    expect(json).toEqual({
      formatVersion: 1,
      target: { type: 'ORGANIZATIONAL_UNIT', id: WORKLOADS, name: 'Workloads', path: '/Workloads' },
      path: [
        { type: 'ROOT', id: ROOT_ID, name: 'Root', path: '/', policies: { SERVICE_CONTROL_POLICY: scp(['FullAWSAccess', 'p-FullAWSAccess', true]), TAG_POLICY: scp(['CostCenter', 'p-costcenter', false]) } },
        {
          type: 'ORGANIZATIONAL_UNIT',
          id: WORKLOADS,
          name: 'Workloads',
          path: '/Workloads',
          policies: { SERVICE_CONTROL_POLICY: scp(['FullAWSAccess', 'p-FullAWSAccess', true], ['DenyLeave', 'p-denyleave1', false]), TAG_POLICY: [] },
        },
      ],
      tags: { tier: 'workloads' },
      // An OU's accounts are not read: only budgets that count every account.
      budgets: [{ name: 'everything', linkedAccounts: null }],
    });
    for (const key of Object.keys(json)) expect(EXPLAIN_SECTION, key).toContain(`| \`${key}\` |`);
    expect(run.calls).toEqual({
      DescribeOrganization: 1,
      ListRoots: 1,
      ListOrganizationalUnitsForParent: 1,
      ListPoliciesForTarget: 4,
      ListTagsForResource: 1,
      DescribeBudgets: 1,
    });
  });

  it('the root, as "/"', async () => {
    const run = await explain(['/', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ target: { type: 'ROOT', id: ROOT_ID, path: '/' }, tags: { scope: 'org' } });
    expect(run.calls['ListOrganizationalUnitsForParent']).toBeUndefined();
  });

  it('an account that is not in the organization: a clear error, exit 1', async () => {
    const run = await explain(['999999999999']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('Error: no account 999999999999 in the organization. Check the ID (12 digits) with `aws organizations list-accounts`.\n');
  });

  it('an OU path that does not exist: a clear error naming the level, with the closest name, exit 1', async () => {
    const run = await explain(['/Workloads/Prdo']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Error: no OU /Workloads/Prdo in the organization: OU /Workloads has no OU named "Prdo". Did you mean /Workloads/Prod?\n');
  });

  it('refuses what is neither an account ID nor a path, a second target, and an unknown format or option', async () => {
    expect((await explain(['Workloads'])).stderr).toBe('Error: "Workloads" is neither an account ID (12 digits) nor an OU path (starting with "/", e.g. /Workloads/Prod). Run `orgctl explain --help` for usage.\n');
    expect((await explain([])).stderr).toBe('Error: explain takes one account ID or OU path (got 0). Run `orgctl explain --help` for usage.\n');
    expect((await explain([APP, OTHER])).code).toBe(1);
    const format = await explain([APP, '--format', 'yaml']);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('--format must be one of text, json');
    const option = await explain([APP, '--fromat', 'json']);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain('Did you mean --format?');
    // Nothing was read for any of them.
    expect(option.calls).toEqual({});
  });

  it('--help describes it and `orgctl --help` lists it', async () => {
    const help = await explain(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: orgctl explain ACCOUNT_ID\|OU_PATH/);
    const top = await orgctl(['--help'], { cwd: ws.dir, port: emulatorPort(emulator().url) });
    expect(top.stdout).toMatch(/\n {2}explain +Show what applies to an account or OU/);
  });
});
