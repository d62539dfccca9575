// Drift in the organization itself: OUs, renames, accounts, and the notes that come with them.

import { describe, expect, it } from 'vitest';
import { planOrg } from '../../src/planner/index.js';
import { aDesiredOrg, aLiveOrg, aLiveOrgMatching, FAKE_INPUTS } from '../support/builders.js';

const prodAccount = '111111111111';
const sandboxAccount = '222222222222';

function baseline() {
  return aDesiredOrg().withOu('/Workloads/Prod').withOu('/Sandbox').withAccount(prodAccount, '/Workloads/Prod').withAccount(sandboxAccount, '/Sandbox');
}

describe('an organization that already matches', () => {
  it('has no steps, warnings or errors', () => {
    const desired = baseline().withBudget({ name: 'monthly', notifications: [{ emails: ['a@example.com'], sns: 'arn:aws:sns:us-east-1:123456789012:t' }] }).build();
    const plan = planOrg(desired, aLiveOrgMatching(desired).build(), FAKE_INPUTS);
    expect(plan).toEqual({ version: 2, steps: [], warnings: [], errors: [], inputs: FAKE_INPUTS });
  });
});

describe('accounts', () => {
  it('an account moved out of band is moved back', () => {
    const desired = baseline().build();
    const live = aLiveOrg().withOu('/Workloads/Prod').withOu('/Sandbox').withAccount(prodAccount, '/Sandbox', { name: 'prod' }).withAccount(sandboxAccount, '/Sandbox');
    const plan = planOrg(desired, live.build(), FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'moveAccount',
        address: `account:${prodAccount}`,
        accountId: prodAccount,
        reason: 'parent differs: /Sandbox → /Workloads/Prod',
        before: { parent: { type: 'ou', path: '/Sandbox' }, accountName: 'prod' },
        after: { parent: { type: 'ou', path: '/Workloads/Prod' } },
        dependsOn: [],
      },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('a move into a new OU waits for it; OUs are created parents first', () => {
    const desired = aDesiredOrg().withAccount(prodAccount, '/Workloads/Prod').build();
    const live = aLiveOrg().withAccount(prodAccount, '/', { name: 'prod' }).build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'createOrganizationalUnit',
        address: 'ou:/Workloads',
        reason: 'not in the live organization',
        before: null,
        after: { path: '/Workloads', name: 'Workloads', parent: { type: 'root' } },
        dependsOn: [],
      },
      {
        kind: 'createOrganizationalUnit',
        address: 'ou:/Workloads/Prod',
        reason: 'not in the live organization',
        before: null,
        after: { path: '/Workloads/Prod', name: 'Prod', parent: { type: 'ou', path: '/Workloads' } },
        dependsOn: [0],
      },
      {
        kind: 'moveAccount',
        address: `account:${prodAccount}`,
        accountId: prodAccount,
        reason: 'parent differs: / → /Workloads/Prod',
        before: { parent: { type: 'root' }, accountName: 'prod' },
        after: { parent: { type: 'ou', path: '/Workloads/Prod' } },
        dependsOn: [1],
      },
    ]);
  });

  it('a declared account missing from the organization is an error located in org.yaml', () => {
    const desired = baseline().withAccount('333333333333', '/Sandbox', { at: { line: 12, column: 7 } }).build();
    const live = aLiveOrgMatching(baseline().build()).build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps).toEqual([]);
    expect(plan.errors).toEqual([
      {
        code: 'account-not-found',
        message: 'account 333333333333 is declared in org.yaml but is not in the organization; invite it (or create it) first, or remove it from org.yaml.',
        address: 'account:333333333333',
        source: { line: 12, column: 7 },
      },
    ]);
  });

  it('unlisted accounts are left alone with a warning, or are an error, as options.unlistedAccounts says', () => {
    const live = aLiveOrgMatching(baseline().build()).withAccount('444444444444', '/Sandbox', { name: 'stray' }).build();
    const ignored = planOrg(baseline().build(), live, FAKE_INPUTS);
    expect(ignored.steps).toEqual([]);
    expect(ignored.warnings).toEqual([
      {
        code: 'unlisted-accounts',
        message: '1 account in the organization is not in org.yaml: 444444444444 (stray) in /Sandbox; orgctl leaves them where they are (options.unlistedAccounts: ignore).',
      },
    ]);
    const strict = planOrg(baseline().withOptions({ unlistedAccounts: 'error' }).build(), live, FAKE_INPUTS);
    expect(strict.warnings).toEqual([]);
    expect(strict.errors).toEqual([
      {
        code: 'unlisted-accounts',
        message:
          '1 account in the organization is not in org.yaml: 444444444444 (stray) in /Sandbox; declare where they belong in org.yaml, or set options.unlistedAccounts to ignore.',
      },
    ]);
  });

  it('a long list of unlisted accounts is cut short', () => {
    const live = aLiveOrgMatching(baseline().build());
    for (let i = 0; i < 25; i++) live.withAccount(String(500000000000 + i), '/', { name: `n${i}` });
    const [warning] = planOrg(baseline().build(), live.build(), FAKE_INPUTS).warnings;
    expect(warning?.message).toMatch(/^25 accounts in the organization are not in org.yaml: 500000000000 \(n0\) in \/, .* and 5 more; /);
  });

  it('warns about accounts that are not ACTIVE and names that differ', () => {
    const desired = aDesiredOrg().withAccount(prodAccount, '/', { name: 'prod', at: { line: 3, column: 5 } }).build();
    const live = aLiveOrg().withAccount(prodAccount, '/', { name: 'production', state: 'SUSPENDED' }).build();
    expect(planOrg(desired, live, FAKE_INPUTS).warnings).toEqual([
      {
        code: 'account-not-active',
        message: 'account 111111111111 (production) is SUSPENDED, not ACTIVE.',
        address: 'account:111111111111',
        source: { line: 3, column: 5 },
      },
      {
        code: 'account-name-differs',
        message: 'account 111111111111 is named "prod" in org.yaml but "production" in AWS; orgctl renames only ACTIVE accounts, and this one is SUSPENDED, so update org.yaml to match.',
        address: 'account:111111111111',
        source: { line: 3, column: 5 },
      },
    ]);
  });
});

describe('organizational units', () => {
  it('an OU deleted by hand is created again, and its accounts moved back into it', () => {
    const desired = baseline().build();
    const live = aLiveOrg().withOu('/Workloads').withOu('/Sandbox').withAccount(prodAccount, '/Workloads', { name: 'prod' }).withAccount(sandboxAccount, '/Sandbox');
    const plan = planOrg(desired, live.build(), FAKE_INPUTS);
    expect(plan.steps.map(({ kind, address, dependsOn }) => ({ kind, address, dependsOn }))).toEqual([
      { kind: 'createOrganizationalUnit', address: 'ou:/Workloads/Prod', dependsOn: [] },
      { kind: 'moveAccount', address: `account:${prodAccount}`, dependsOn: [0] },
    ]);
  });

  it('an OU added by hand is kept with a warning while pruneOrganizationalUnits is off', () => {
    const live = aLiveOrgMatching(baseline().build()).withOu('/Legacy/Old/Older').withOu('/Legacy/Other').build();
    const plan = planOrg(baseline().build(), live, FAKE_INPUTS);
    expect(plan.steps).toEqual([]);
    expect(plan.warnings).toEqual([
      {
        code: 'ou-not-declared',
        message: 'OU /Legacy (and 3 OUs below it) is in the organization but not in org.yaml; it is kept because pruneOrganizationalUnits is off.',
        address: 'ou:/Legacy',
      },
    ]);
  });

  it('with pruneOrganizationalUnits, an OU added by hand is deleted children first', () => {
    const live = aLiveOrgMatching(baseline().build());
    const legacy = live.ouId('/Legacy');
    const old = live.ouId('/Legacy/Old');
    const plan = planOrg(baseline().withOptions({ pruneOrganizationalUnits: true }).build(), live.build(), FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'deleteOrganizationalUnit',
        address: 'ou:/Legacy/Old',
        reason: 'not in org.yaml, and pruneOrganizationalUnits is on',
        before: { path: '/Legacy/Old', name: 'Old', id: old },
        after: null,
        dependsOn: [],
      },
      {
        kind: 'deleteOrganizationalUnit',
        address: 'ou:/Legacy',
        reason: 'not in org.yaml, and pruneOrganizationalUnits is on',
        before: { path: '/Legacy', name: 'Legacy', id: legacy },
        after: null,
        dependsOn: [0],
      },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('accounts org.yaml places elsewhere are moved out before their OU is deleted', () => {
    const desired = baseline().withOptions({ pruneOrganizationalUnits: true }).build();
    const live = aLiveOrg().withOu('/Workloads/Prod').withOu('/Sandbox').withAccount(prodAccount, '/Legacy', { name: 'prod' }).withAccount(sandboxAccount, '/Sandbox');
    const plan = planOrg(desired, live.build(), FAKE_INPUTS);
    expect(plan.steps.map(({ kind, address, dependsOn }) => ({ kind, address, dependsOn }))).toEqual([
      { kind: 'moveAccount', address: `account:${prodAccount}`, dependsOn: [] },
      { kind: 'deleteOrganizationalUnit', address: 'ou:/Legacy', dependsOn: [0] },
    ]);
  });

  it('an OU that would be deleted but holds accounts org.yaml does not place is an error, not a step (nor are its parents deleted)', () => {
    const desired = baseline().withOptions({ pruneOrganizationalUnits: true }).build();
    const live = aLiveOrgMatching(baseline().build()).withAccount('555555555555', '/Legacy/Old', { name: 'kept' }).withOu('/Legacy/Empty').build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps.map(({ kind, address }) => `${kind} ${address}`)).toEqual(['deleteOrganizationalUnit ou:/Legacy/Empty']);
    expect(plan.errors).toEqual([
      {
        code: 'ou-not-empty',
        message:
          'OU /Legacy/Old is not in org.yaml and pruneOrganizationalUnits would delete it, but it holds 1 account org.yaml does not place anywhere (555555555555); declare where they go in org.yaml, or move them out, before it (and the OUs above it) can be deleted.',
        address: 'ou:/Legacy/Old',
      },
    ]);
  });

  it('renames an OU declared with renamedFrom, in place, before touching anything under it', () => {
    const desired = aDesiredOrg().withOu('/Workloads/Prod', { renamedFrom: 'Production' }).withOu('/Workloads/Prod/Web').withAccount(prodAccount, '/Workloads/Prod').build();
    const live = aLiveOrg().withOu('/Workloads/Production').withAccount(prodAccount, '/Workloads', { name: 'prod' });
    const id = live.ouId('/Workloads/Production');
    const plan = planOrg(desired, live.build(), FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'renameOrganizationalUnit',
        address: 'ou:/Workloads/Prod',
        reason: 'org.yaml renames "Production" to "Prod" (renamedFrom); the OU keeps its ID, accounts and policies',
        before: { path: '/Workloads/Production', name: 'Production', id },
        after: { path: '/Workloads/Prod', name: 'Prod' },
        dependsOn: [],
      },
      {
        kind: 'createOrganizationalUnit',
        address: 'ou:/Workloads/Prod/Web',
        reason: 'not in the live organization',
        before: null,
        after: { path: '/Workloads/Prod/Web', name: 'Web', parent: { type: 'ou', path: '/Workloads/Prod' } },
        dependsOn: [0],
      },
      {
        kind: 'moveAccount',
        address: `account:${prodAccount}`,
        accountId: prodAccount,
        reason: 'parent differs: /Workloads → /Workloads/Prod',
        before: { parent: { type: 'ou', path: '/Workloads' }, accountName: 'prod' },
        after: { parent: { type: 'ou', path: '/Workloads/Prod' } },
        dependsOn: [0],
      },
    ]);
  });

  it('renames nested OUs parents first, each at its path when it runs; accounts inside stay put', () => {
    const desired = aDesiredOrg().withOu('/Apps', { renamedFrom: 'Workloads' }).withOu('/Apps/Live', { renamedFrom: 'Prod' }).withAccount(prodAccount, '/Apps/Live').build();
    const live = aLiveOrg().withAccount(prodAccount, '/Workloads/Prod');
    const [workloads, prod] = [live.ouId('/Workloads'), live.ouId('/Workloads/Prod')];
    const plan = planOrg(desired, live.build(), FAKE_INPUTS);
    expect(plan.steps.map(({ kind, before, after, dependsOn }) => ({ kind, before, after, dependsOn }))).toEqual([
      { kind: 'renameOrganizationalUnit', before: { path: '/Workloads', name: 'Workloads', id: workloads }, after: { path: '/Apps', name: 'Apps' }, dependsOn: [] },
      { kind: 'renameOrganizationalUnit', before: { path: '/Apps/Prod', name: 'Prod', id: prod }, after: { path: '/Apps/Live', name: 'Live' }, dependsOn: [0] },
    ]);
  });

  it('does not rename when the new name already exists (the old OU is then just undeclared)', () => {
    const desired = aDesiredOrg().withOu('/Prod', { renamedFrom: 'Production' }).build();
    const live = aLiveOrg().withOu('/Prod').withOu('/Production').build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps).toEqual([]);
    expect(plan.warnings.map((w) => w.address)).toEqual(['ou:/Production']);
  });

  it('creates the OU when the renamedFrom OU does not exist either', () => {
    const plan = planOrg(aDesiredOrg().withOu('/Prod', { renamedFrom: 'Production' }).build(), aLiveOrg().build(), FAKE_INPUTS);
    expect(plan.steps.map((s) => `${s.kind} ${s.address}`)).toEqual(['createOrganizationalUnit ou:/Prod']);
  });

  it('handles OU names with "/" and "%" through escaped paths', () => {
    const desired = aDesiredOrg().withOu('/a%2Fb').withAccount(prodAccount, '/a%2Fb/100%25').build();
    const live = aLiveOrg().withOu('/a%2Fb').withAccount(prodAccount, '/', { name: 'p' }).build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps.map((s) => [s.kind, s.after])).toEqual([
      ['createOrganizationalUnit', { path: '/a%2Fb/100%25', name: '100%', parent: { type: 'ou', path: '/a%2Fb' } }],
      ['moveAccount', { parent: { type: 'ou', path: '/a%2Fb/100%25' } }],
    ]);
  });
});

describe('the organization itself', () => {
  it('never changes the feature set: a warning', () => {
    const desired = baseline().build();
    const plan = planOrg(desired, aLiveOrgMatching(desired).withFeatureSet('CONSOLIDATED_BILLING').build(), FAKE_INPUTS);
    expect(plan.steps).toEqual([]);
    expect(plan.warnings).toEqual([
      {
        code: 'feature-set-differs',
        message:
          'the organization has feature set CONSOLIDATED_BILLING but org.yaml says ALL; orgctl never changes the feature set: change it in AWS or in org.yaml so they agree.',
        address: 'organization',
      },
    ]);
  });

  it('another management account is an error', () => {
    const desired = baseline().build();
    const plan = planOrg(desired, aLiveOrgMatching(desired).withOrganization({ managementAccountId: '999999999999' }).build(), FAKE_INPUTS);
    expect(plan.errors).toEqual([
      {
        code: 'management-account-mismatch',
        message:
          'org.yaml names 123456789012 as the management account, but organization o-exampleorgid is managed by 999999999999; orgctl only changes the organization org.yaml names.',
        address: 'organization',
      },
    ]);
  });
});
