// No organization yet: the plan for the repository's org.yaml is exactly the bootstrap.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import { planOrg } from '../../src/planner/index.js';
import { parentRef } from '../../src/model/refs.js';
import { aLiveOrg, FAKE_INPUTS, MANAGEMENT_ACCOUNT_ID, theRepositoryOrg } from '../support/builders.js';

function repositoryOrgYaml(): DesiredOrg {
  const parsed = parseOrgYaml(readFileSync(new URL('../../org.yaml', import.meta.url), 'utf8'), 'org.yaml');
  if (!parsed.ok) throw new Error(`org.yaml does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

const createOu = (path: string, parentPath: string, dependsOn: number[]) => ({
  kind: 'createOrganizationalUnit',
  address: `ou:${path}`,
  reason: 'not in the live organization',
  before: null,
  after: { path, name: path.slice(path.lastIndexOf('/') + 1), parent: parentRef(parentPath) },
  dependsOn,
});

const BOOTSTRAP_STEPS = [
  { kind: 'createOrganization', address: 'organization', reason: 'there is no organization yet', before: null, after: { featureSet: 'ALL' }, dependsOn: [] },
  createOu('/Infrastructure', '/', [0]),
  createOu('/Management', '/', [0]),
  createOu('/Sandbox', '/', [0]),
  createOu('/Security', '/', [0]),
  createOu('/Suspended', '/', [0]),
  createOu('/Workloads', '/', [0]),
  createOu('/Workloads/NonProd', '/Workloads', [6]),
  createOu('/Workloads/Prod', '/Workloads', [6]),
  {
    kind: 'moveAccount',
    address: `account:${MANAGEMENT_ACCOUNT_ID}`,
    accountId: MANAGEMENT_ACCOUNT_ID,
    reason: 'the account will sit in the root of the new organization; org.yaml places it in /Management',
    before: { parent: { type: 'root' }, accountName: '' },
    after: { parent: { type: 'ou', path: '/Management' } },
    dependsOn: [2],
  },
  {
    kind: 'createBudget',
    address: 'budget:monthly-guardrail',
    reason: 'not in the live budgets',
    before: null,
    after: {
      name: 'monthly-guardrail',
      amount: 10,
      unit: 'USD',
      timeUnit: 'MONTHLY',
      notifications: [
        {
          type: 'ACTUAL',
          comparison: 'GREATER_THAN',
          threshold: 80,
          thresholdType: 'PERCENTAGE',
          subscribers: [{ type: 'EMAIL', address: 'billing@example.com' }],
        },
      ],
    },
    dependsOn: [],
  },
];

describe('bootstrap: no organization yet', () => {
  const noOrganization = aLiveOrg().withoutOrganization().build();

  it("plans exactly the bootstrap for the repository's org.yaml", () => {
    const plan = planOrg(repositoryOrgYaml(), noOrganization, FAKE_INPUTS);
    expect(plan).toEqual({ version: 2, steps: BOOTSTRAP_STEPS, warnings: [], errors: [], inputs: FAKE_INPUTS });
  });

  it('the builder replica of org.yaml plans the same (other suites rely on theRepositoryOrg)', () => {
    expect(planOrg(theRepositoryOrg().build(), noOrganization, FAKE_INPUTS)).toEqual(planOrg(repositoryOrgYaml(), noOrganization, FAKE_INPUTS));
  });

  it('diffs budgets normally: they exist without an organization', () => {
    const live = aLiveOrg()
      .withoutOrganization()
      .withBudget({ name: 'monthly-guardrail', amount: 10, notifications: [{ threshold: 80, emails: ['billing@example.com'] }] })
      .build();
    const plan = planOrg(theRepositoryOrg().build(), live, FAKE_INPUTS);
    expect(plan.steps.map((s) => s.kind)).not.toContain('createBudget');
    expect(plan.steps).toHaveLength(BOOTSTRAP_STEPS.length - 1);
  });

  it('a declared member account cannot exist yet: a located error', () => {
    const desired = theRepositoryOrg().withAccount('111111111111', '/Sandbox', { at: { line: 14, column: 9 } }).build();
    const plan = planOrg(desired, noOrganization, FAKE_INPUTS);
    expect(plan.errors).toEqual([
      {
        code: 'account-not-found',
        message:
          'account 111111111111 is declared in org.yaml, but there is no organization yet, so only the management account can be placed; declare it once it has joined.',
        address: 'account:111111111111',
        source: { line: 14, column: 9 },
      },
    ]);
    expect(plan.steps.map((s) => s.address)).not.toContain('account:111111111111');
  });

  it('the management account left in the root needs no move', () => {
    const desired = theRepositoryOrg().build();
    const atRoot = { ...desired, root: { ...desired.root, accounts: [{ id: MANAGEMENT_ACCOUNT_ID }] } };
    const withoutMove = {
      ...atRoot,
      root: {
        ...atRoot.root,
        organizationalUnits: atRoot.root.organizationalUnits.map((ou) => (ou.path === '/Management' ? { ...ou, accounts: [] } : ou)),
      },
    };
    const plan = planOrg(withoutMove, noOrganization, FAKE_INPUTS);
    expect(plan.steps.map((s) => s.kind)).not.toContain('moveAccount');
    expect(plan.warnings).toEqual([]);
  });

  it('other credentials than the declared management account: an error', () => {
    const plan = planOrg(theRepositoryOrg().build(), aLiveOrg().withoutOrganization().withCaller('999999999999').build(), FAKE_INPUTS);
    expect(plan.errors.map((e) => e.code)).toEqual(['management-account-mismatch']);
  });
});
