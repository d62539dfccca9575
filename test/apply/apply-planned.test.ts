// Real plans (planOrg) applied to FakeAwsPort: paths resolve to IDs that exist only once earlier
// steps ran (a new organization's root, new OUs, renamed parents), and the result converges.

import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply-plan.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import { planOrg } from '../../src/planner/index.js';
import { aDesiredOrg, FAKE_INPUTS, MANAGEMENT_ACCOUNT_ID, theRepositoryOrg } from '../support/builders.js';
import { FakeAwsPort } from '../support/fake-port.js';

async function applyTo(fake: FakeAwsPort, desired: DesiredOrg) {
  const live = fake.liveOrg();
  const plan = planOrg(desired, live, FAKE_INPUTS);
  expect(plan.errors).toEqual([]);
  const run = await applyPlan(plan, { port: fake, live, managementAccountId: desired.managementAccountId });
  return { plan, run, after: planOrg(desired, fake.liveOrg(), FAKE_INPUTS) };
}

describe('apply resolves paths to IDs made during the run', () => {
  it('bootstrap: the new organization\'s root, new OUs below new OUs, the management account moved into one', async () => {
    const fake = new FakeAwsPort({ callerAccountId: MANAGEMENT_ACCOUNT_ID });
    const desired = theRepositoryOrg().withOu('/Workloads/Prod/Team/Service').build();
    const { plan, run, after } = await applyTo(fake, desired);
    expect(plan.steps[0]!.kind).toBe('createOrganization');
    expect(run.allSucceeded).toBe(true);
    expect(after.steps).toEqual([]);
    expect(fake.parentOf(MANAGEMENT_ACCOUNT_ID)).toBe(fake.ouIdByPath('/Management'));
    expect(fake.ouIdByPath('/Workloads/Prod/Team/Service')).toBeDefined();
    // The move went from the new root (the "before" path "/") to the new OU.
    const move = fake.calls.find((c) => c.operation === 'MoveAccount')!;
    expect(move.args).toEqual([MANAGEMENT_ACCOUNT_ID, fake.rootId, fake.ouIdByPath('/Management')]);
  });

  it('renamed parents: OUs keep their IDs, new OUs go under the new names, accounts move from old paths to new ones', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const old = fake.seedOu(rootId, 'Old');
    const child = fake.seedOu(old, 'Child');
    const deep = fake.seedOu(child, 'Deep');
    const trash = fake.seedOu(old, 'Trash');
    const x = fake.seedAccount({ name: 'x', parentId: child });
    const y = fake.seedAccount({ name: 'y' });
    const z = fake.seedAccount({ name: 'z', parentId: deep });
    const t = fake.seedAccount({ name: 't', parentId: trash });
    const desired = aDesiredOrg()
      .withManagementAccount(FakeAwsPort.MANAGEMENT_ACCOUNT_ID)
      .withAccount(FakeAwsPort.MANAGEMENT_ACCOUNT_ID)
      .withOu('/New', { renamedFrom: 'Old' })
      .withOu('/New/Kid', { renamedFrom: 'Child' })
      .withOu('/New/Kid/Deep')
      .withAccount(x, '/New/Kid/Fresh')
      .withAccount(y, '/New/Kid/Deep')
      .withAccount(z, '/')
      .withAccount(t, '/New')
      .withOptions({ pruneOrganizationalUnits: true })
      .build();
    const { plan, run, after } = await applyTo(fake, desired);
    expect(plan.steps.map((s) => `${s.kind} ${s.address}`)).toEqual(
      expect.arrayContaining(['renameOrganizationalUnit ou:/New', 'renameOrganizationalUnit ou:/New/Kid', 'createOrganizationalUnit ou:/New/Kid/Fresh', 'deleteOrganizationalUnit ou:/New/Trash']),
    );
    expect(run.results.filter((r) => r.status !== 'ok')).toEqual([]);
    expect(after.steps).toEqual([]);
    expect(fake.ouIdByPath('/New')).toBe(old);
    expect(fake.ouIdByPath('/New/Kid')).toBe(child);
    expect(fake.ouIdByPath('/New/Kid/Deep')).toBe(deep);
    expect(fake.parentOf(x)).toBe(fake.ouIdByPath('/New/Kid/Fresh'));
    expect(fake.parentOf(y)).toBe(deep);
    expect(fake.parentOf(z)).toBe(rootId);
    expect(fake.parentOf(t)).toBe(old);
    expect(fake.ouIdByPath('/New/Trash')).toBeUndefined();
  });

  it('a step whose OU could not be created is skipped, not run against a wrong parent; the next apply converges', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    const a = fake.seedAccount({ name: 'a' });
    const desired = aDesiredOrg()
      .withManagementAccount(FakeAwsPort.MANAGEMENT_ACCOUNT_ID)
      .withAccount(FakeAwsPort.MANAGEMENT_ACCOUNT_ID)
      .withAccount(a, '/P/Q')
      .withOu('/Other')
      .build();
    fake.failNext('CreateOrganizationalUnit', 'accessDenied', 1, { when: (args) => args[1] === 'P' });
    const first = await applyTo(fake, desired);
    const status = Object.fromEntries(first.run.results.map((r) => [r.step.address, r.status]));
    expect(status).toMatchObject({ 'ou:/P': 'failed', 'ou:/P/Q': 'skipped', [`account:${a}`]: 'skipped' });
    expect(fake.parentOf(a)).toBe(fake.rootId);
    const second = await applyTo(fake, desired);
    expect(second.run.allSucceeded).toBe(true);
    expect(second.after.steps).toEqual([]);
    expect(fake.liveOrg().ous.map((o) => o.name).sort()).toEqual(['Other', 'P', 'Q']);
  });
});
