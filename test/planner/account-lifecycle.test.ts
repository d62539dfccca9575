// Planning account creation, renaming and closure (issue #15): the steps, their order and the notes.

import { describe, expect, it } from 'vitest';
import { planOrg } from '../../src/planner/index.js';
import { aDesiredOrg, aLiveOrg, aLiveOrgMatching, FAKE_INPUTS, MANAGEMENT_ACCOUNT_ID } from '../support/builders.js';

const existing = '222222222222';
const steps = (plan: ReturnType<typeof planOrg>) => plan.steps.map(({ kind, address, dependsOn }) => ({ kind, address, dependsOn }));

describe('creating accounts', () => {
  it('an account declared by email that no account has is created, then moved into its (new, nested) OU', () => {
    const desired = aDesiredOrg()
      .withOu('/Workloads/Prod')
      .withAccountEntry({ name: 'team-x-prod', email: 'aws+team-x-prod@example.com', tags: { entries: [{ key: 'team', value: 'x' }] }, creation: { roleName: 'Admin' } }, '/Workloads/Prod')
      .build();
    const plan = planOrg(desired, aLiveOrg().build(), FAKE_INPUTS);
    expect(steps(plan)).toEqual([
      { kind: 'createOrganizationalUnit', address: 'ou:/Workloads', dependsOn: [] },
      { kind: 'createOrganizationalUnit', address: 'ou:/Workloads/Prod', dependsOn: [0] },
      { kind: 'createAccount', address: 'account:aws+team-x-prod@example.com', dependsOn: [] },
      { kind: 'moveAccount', address: 'account:aws+team-x-prod@example.com', dependsOn: [1, 2] },
    ]);
    expect(plan.steps[2]).toMatchObject({
      after: { name: 'team-x-prod', email: 'aws+team-x-prod@example.com', parent: { type: 'ou', path: '/Workloads/Prod' }, tags: { team: 'x' }, roleName: 'Admin' },
    });
    expect(plan.steps[3]).toMatchObject({ account: { type: 'account', email: 'aws+team-x-prod@example.com' }, before: { parent: { type: 'root' } } });
    expect(plan.steps[3]).not.toHaveProperty('accountId');
    expect(plan.errors).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['accounts-to-create']);
    expect(plan.warnings[0]!.message).toMatch(/^apply creates 1 account: "team-x-prod" \(aws\+team-x-prod@example\.com\) in \/Workloads\/Prod\. .*expect about \d+ minutes\./);
  });

  it('an account declared by email that exists (any case) is that account: no creation, placed like any other', () => {
    const desired = aDesiredOrg().withOu('/Sandbox').withAccountEntry({ name: 'sandbox', email: 'AWS+Sandbox@example.com' }, '/Sandbox').build();
    const live = aLiveOrg().withOu('/Sandbox').withAccount(existing, '/', { name: 'sandbox', email: 'aws+sandbox@example.com' }).build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(steps(plan)).toEqual([{ kind: 'moveAccount', address: `account:${existing}`, dependsOn: [] }]);
    expect(plan.warnings).toEqual([]);
  });

  it('the estimate grows with the number of creations (5 in flight, CreateAccount paced)', () => {
    const minutesFor = (n: number): number => {
      const desired = aDesiredOrg();
      for (let i = 0; i < n; i++) desired.withAccountEntry({ name: `a${i}`, email: `a${i}@example.com` });
      const note = planOrg(desired.build(), aLiveOrg().build(), FAKE_INPUTS).warnings.find((w) => w.code === 'accounts-to-create')!;
      return Number(/expect about (\d+) minutes/.exec(note.message)![1]);
    };
    expect(minutesFor(50)).toBeGreaterThan(minutesFor(5));
    expect(minutesFor(50)).toBeGreaterThanOrEqual(Math.ceil((47 * 10) / 60));
  });
});

describe('email with id', () => {
  it('an email that differs from the account\'s in AWS is a plan error, never a fix', () => {
    const desired = aDesiredOrg().withAccountEntry({ id: existing, name: 'x', email: 'other@example.com', at: { line: 7, column: 9 } }).build();
    const live = aLiveOrg().withAccount(existing, '/', { name: 'x', email: 'x@example.com' }).build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps).toEqual([]);
    expect(plan.errors).toEqual([
      {
        code: 'account-email-differs',
        message: `account ${existing} has the email x@example.com in AWS, but org.yaml gives other@example.com; orgctl cannot change an account's email: correct org.yaml (or check that the id is the account you mean).`,
        address: `account:${existing}`,
        source: { line: 7, column: 9 },
      },
    ]);
  });
});

describe('renaming accounts', () => {
  it('an ACTIVE account whose name differs is renamed', () => {
    const desired = aDesiredOrg().withAccount(existing, '/', { name: 'payments-prod' }).build();
    const live = aLiveOrg().withAccount(existing, '/', { name: 'payments' }).build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps).toEqual([
      { kind: 'renameAccount', address: `account:${existing}`, accountId: existing, reason: 'named "payments" in AWS', before: { name: 'payments' }, after: { name: 'payments-prod' }, dependsOn: [] },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('a name PutAccountName refuses (over 50 characters, or with <) is a plan error, not a step', () => {
    for (const name of ['n'.repeat(51), 'a<b']) {
      const plan = planOrg(aDesiredOrg().withAccount(existing, '/', { name }).build(), aLiveOrg().withAccount(existing, '/', { name: 'old' }).build(), FAKE_INPUTS);
      expect(plan.steps).toEqual([]);
      expect(plan.errors.map((e) => e.code)).toEqual(['account-name-invalid']);
    }
  });
});

describe('closing accounts', () => {
  it('closed: true closes an ACTIVE account, after moving it to closedAccountsOu; the plan shows the quota', () => {
    const desired = aDesiredOrg()
      .withOu('/Suspended')
      .withOu('/Sandbox')
      .withAccountEntry({ id: existing, name: 'old-sandbox', closed: true }, '/Sandbox')
      .withOptions({ closedAccountsOu: '/Suspended' })
      .build();
    const live = aLiveOrg().withOu('/Suspended').withOu('/Sandbox').withAccount(existing, '/Sandbox', { name: 'old-sandbox' }).build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(steps(plan)).toEqual([
      { kind: 'moveAccount', address: `account:${existing}`, dependsOn: [] },
      { kind: 'closeAccount', address: `account:${existing}`, dependsOn: [0] },
    ]);
    expect(plan.steps[0]).toMatchObject({ after: { parent: { type: 'ou', path: '/Suspended' } } });
    expect(plan.warnings.map((w) => w.code)).toEqual(['accounts-to-close']);
    expect(plan.warnings[0]!.message).toContain('1 of the 250 closures AWS allows in any 30 days');
  });

  it('PENDING_CLOSURE and SUSPENDED count as closed: no step, no "not ACTIVE" warning', () => {
    for (const state of ['PENDING_CLOSURE', 'SUSPENDED'] as const) {
      const desired = aDesiredOrg().withAccountEntry({ id: existing, name: 'old', closed: true }).build();
      const plan = planOrg(desired, aLiveOrg().withAccount(existing, '/', { name: 'old', state }).build(), FAKE_INPUTS);
      expect(plan).toMatchObject({ steps: [], warnings: [], errors: [] });
    }
  });

  it('more closures than the quota is a plan error that refuses the plan', () => {
    const desired = aDesiredOrg();
    const live = aLiveOrg();
    for (let i = 0; i < 251; i++) {
      const id = String(300000000000 + i);
      desired.withAccountEntry({ id, name: `n${i}`, closed: true });
      live.withAccount(id, '/', { name: `n${i}` });
    }
    const plan = planOrg(desired.build(), live.build(), FAKE_INPUTS);
    expect(plan.errors.map((e) => e.code)).toEqual(['closure-quota-exceeded']);
    expect(plan.errors[0]!.message).toMatch(/^apply closes 251 accounts \(.*\), but AWS allows 250 closures in any 30 days .*mark at most 250 accounts closed: true now/);
  });

  it('an org at 2000 members has a quota of 400 (20 %)', () => {
    const desired = aDesiredOrg().withAccountEntry({ id: '300000000000', name: 'n', closed: true });
    const live = aLiveOrg();
    for (let i = 0; i < 2000; i++) live.withAccount(String(300000000000 + i), '/', { name: i === 0 ? 'n' : `m${i}` });
    const plan = planOrg(desired.build(), live.build(), FAKE_INPUTS);
    expect(plan.warnings.find((w) => w.code === 'accounts-to-close')!.message).toContain('1 of the 400 closures');
  });

  it('removing an account from org.yaml never closes it', () => {
    const desired = aDesiredOrg().build();
    const plan = planOrg(desired, aLiveOrgMatching(desired).withAccount(existing, '/').build(), FAKE_INPUTS);
    expect(plan.steps).toEqual([]);
  });
});

describe('renaming needs trusted access for account.amazonaws.com', () => {
  const renameWith = (trustedServices: readonly string[] | undefined, declared?: readonly string[], id = existing) => {
    const desired = aDesiredOrg().withAccount(id, '/', { name: 'payments-prod' }).build();
    const live = aLiveOrg().withAccount(id, '/', { name: 'payments' }).build();
    return planOrg(
      { ...desired, ...(declared && { trustedServices: declared.map((principal) => ({ principal })) }) },
      { ...live, ...(trustedServices && { trustedServices }) },
      FAKE_INPUTS,
    );
  };

  it('when it is not enabled, the plan says so and what to do', () => {
    const plan = renameWith(['sso.amazonaws.com']);
    expect(plan.steps.map((s) => s.kind)).toEqual(['renameAccount']);
    expect(plan.warnings).toEqual([
      {
        code: 'trusted-service-not-enabled',
        message:
          `renaming or setting the alternate contacts of account ${existing} needs trusted access for account.amazonaws.com, which is not enabled, so AWS would refuse it: ` +
          'add account.amazonaws.com to organization.trustedServices and apply that first, or run `aws organizations enable-aws-service-access --service-principal account.amazonaws.com`.',
        address: 'trusted-access:account.amazonaws.com',
      },
    ]);
  });

  it('when it is enabled, nothing is said', () => {
    expect(renameWith(['account.amazonaws.com']).warnings).toEqual([]);
  });

  it('when org.yaml enables it in the same plan, nothing is said', () => {
    const plan = renameWith([], ['account.amazonaws.com']);
    expect(plan.steps.map((s) => s.kind)).toEqual(['renameAccount', 'enableServiceAccess']);
    expect(plan.warnings).toEqual([]);
  });

  it('the management account renames itself without it', () => {
    expect(renameWith([], undefined, MANAGEMENT_ACCOUNT_ID).warnings).toEqual([]);
  });
});
