// The rehearsal: the plan applied to a copy of the live organization in the in-process emulator, then
// planned again. A plan AWS's rules accept converges; one they refuse names the step and the reason.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { planOrg } from '../../src/planner/index.js';
import { rehearsePlan } from '../../src/rehearsal/rehearse-plan.js';
import { rehearsalLine } from '../../src/render/rehearsal.js';
import { aDesiredOrg, aLiveOrg, FAKE_INPUTS, MANAGEMENT_ACCOUNT_ID, MANAGED_TAGS } from '../support/builders.js';
import { startScriptedAws } from '../support/scripted-aws.js';

const MEMBER = '210987654321';
const OTHER = '345678901234';

describe('rehearsePlan', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('applies a plan AWS accepts and finds nothing left to do', async () => {
    // Create an OU, move an account into it, delete the OU it leaves, create and delete budgets.
    const desired = aDesiredOrg()
      .withAccount(MANAGEMENT_ACCOUNT_ID)
      .withAccount(MEMBER, '/Workloads/Prod')
      .withAccount(OTHER, '/Sandbox')
      .withBudget({ name: 'monthly', amount: 100, notifications: [{ threshold: 80, subscribers: [{ type: 'EMAIL', address: 'a@example.com' }] }] })
      .withOptions({ pruneOrganizationalUnits: true, pruneBudgets: true })
      .build();
    const live = aLiveOrg()
      .withAccount(MANAGEMENT_ACCOUNT_ID)
      .withOu('/Sandbox')
      .withAccount(MEMBER, '/Old')
      .withAccount(OTHER, '/Sandbox')
      .withBudget({ name: 'legacy', amount: 5, tags: MANAGED_TAGS })
      .build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.errors).toEqual([]);
    expect(plan.steps.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['createOrganizationalUnit', 'moveAccount', 'deleteOrganizationalUnit', 'createBudget', 'deleteBudget']),
    );

    const rehearsal = await rehearsePlan({ plan, live, desired, orgYamlSha256: FAKE_INPUTS.orgYamlSha256 });

    expect(rehearsal).toEqual({ outcome: 'converged', applied: plan.steps.length });
    expect(rehearsalLine(rehearsal)).toBe(`rehearsal: ${plan.steps.length} steps applied, converged`);
  });

  it('names the step AWS would refuse: creating an OU before deleting one, in an organization at its 2,000-OU quota', async () => {
    // The planner creates OUs before it deletes them (moves need their destination first), so an
    // organization at the OU quota cannot take this plan: AWS refuses the create.
    const live = aLiveOrg().withAccount(MANAGEMENT_ACCOUNT_ID).withAccount(MEMBER, '/Old');
    const desired = aDesiredOrg().withAccount(MANAGEMENT_ACCOUNT_ID).withAccount(MEMBER, '/New').withOptions({ pruneOrganizationalUnits: true });
    for (let i = 1; i < 2000; i += 1) {
      live.withOu(`/Team${i}`);
      desired.withOu(`/Team${i}`);
    }
    const built = live.build();
    expect(built.ous).toHaveLength(2000);
    const plan = planOrg(desired.build(), built, FAKE_INPUTS);
    expect(plan.errors).toEqual([]);
    expect(plan.steps.map((s) => `${s.kind} ${s.address}`)).toEqual([
      expect.stringMatching(/^createOrganizationalUnit .*New/),
      expect.stringMatching(/^moveAccount .*210987654321/),
      expect.stringMatching(/^deleteOrganizationalUnit .*Old/),
    ]);

    const rehearsal = await rehearsePlan({ plan, live: built, desired: desired.build(), orgYamlSha256: FAKE_INPUTS.orgYamlSha256 });

    expect(rehearsal).toMatchObject({ outcome: 'refused', applied: 0, step: { index: 0, kind: 'createOrganizationalUnit' } });
    expect(rehearsal.outcome === 'refused' && rehearsal.reason).toMatch(/ConstraintViolation|OU_NUMBER_LIMIT_EXCEEDED|number of OUs/);
    expect(rehearsalLine(rehearsal)).toMatch(/^rehearsal: AWS would refuse step 1 \(createOrganizationalUnit .*New\) after 0 steps applied: /);
  });

  it('never reaches the endpoint the environment names: the emulator is given explicitly', async () => {
    const aws = await startScriptedAws();
    try {
      vi.stubEnv('AWS_ENDPOINT_URL', aws.url);
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAREALCREDENTIALS');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'real');
      const desired = aDesiredOrg().withAccount(MANAGEMENT_ACCOUNT_ID).withAccount(MEMBER, '/New').build();
      const live = aLiveOrg().withAccount(MANAGEMENT_ACCOUNT_ID).withAccount(MEMBER).build();
      const plan = planOrg(desired, live, FAKE_INPUTS);

      const rehearsal = await rehearsePlan({ plan, live, desired, orgYamlSha256: FAKE_INPUTS.orgYamlSha256 });

      expect(rehearsal).toEqual({ outcome: 'converged', applied: 2 });
      expect(aws.requests).toEqual([]);
    } finally {
      await aws.close();
    }
  });

  it('is skipped for a plan with errors: there is nothing AWS could be asked to do', async () => {
    const desired = aDesiredOrg().withAccount(MANAGEMENT_ACCOUNT_ID).withAccount(MEMBER, '/New').build();
    const live = aLiveOrg().withAccount(MANAGEMENT_ACCOUNT_ID).build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.errors.length).toBeGreaterThan(0);
    expect(await rehearsePlan({ plan, live, desired, orgYamlSha256: FAKE_INPUTS.orgYamlSha256 })).toEqual({ outcome: 'skipped', reason: 'the plan has 1 error' });
  });
});
