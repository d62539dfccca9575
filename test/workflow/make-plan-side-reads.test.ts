// makePlan's audit (and declared alternate contacts) start once the guard has passed and the bulk read
// is under way, and run beside it, not after it; apply's convergence check reads the organization without the audit.

import { describe, expect, it } from 'vitest';
import type { PortOperation } from '../../src/aws/operations.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { aDesiredOrg } from '../support/builders.js';
import { FakeAwsPort } from '../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const AUDIT_READS: readonly PortOperation[] = ['GetAccountSummary', 'ListOrganizationsFeatures'];

function world() {
  const fake = new FakeAwsPort();
  const { rootId } = fake.seedOrganization();
  // Two levels of OUs, so the walk goes on after the root's listing.
  const ouIds = Array.from({ length: 6 }, (_, i) => fake.seedOu(rootId, `ou-${i}`));
  ouIds.forEach((parentId, i) => fake.seedAccount({ id: String(222222222220 + i), name: `a${i}`, parentId: fake.seedOu(parentId, 'team') }));
  const desired = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT);
  for (let i = 0; i < 6; i++) desired.withAccount(String(222222222220 + i), `/ou-${i}/team`);
  return { fake, desired: desired.build(), ouIds };
}

describe('makePlan side reads', () => {
  it('starts the audit after the guard and the root\'s first listing, before the bulk read has finished', async () => {
    const { fake, desired } = world();
    const { plan } = await makePlan(fake, desired, 'a'.repeat(64));
    expect(plan.audit).toBeDefined();
    const ops = fake.calls.map((c) => c.operation);
    expect(ops.slice(0, 2)).toEqual(['GetCallerIdentity', 'DescribeOrganization']);
    const firstAudit = Math.min(...AUDIT_READS.map((op) => ops.indexOf(op)));
    expect(firstAudit).toBeGreaterThan(ops.indexOf('ListOrganizationalUnitsForParent'));
    expect(firstAudit).toBeLessThan(ops.lastIndexOf('ListOrganizationalUnitsForParent'));
  });

  it('makes no audit call when the guard refuses the caller', async () => {
    const { fake, desired } = world();
    fake.callerAccountId = '999999999999';
    await expect(makePlan(fake, desired, 'a'.repeat(64))).rejects.toThrow(/credentials belong to account 999999999999/);
    expect(fake.calls.map((c) => c.operation)).toEqual(['GetCallerIdentity']);
  });

  it('reports the bulk read failing, not the audit, when the read fails after the audit started', async () => {
    const { fake, desired, ouIds } = world();
    // A listing of an OU the walk found: the audit has started by then.
    fake.failNext('ListAccountsForParent', 'accessDenied', 1, { when: (args) => args[0] === ouIds[5] });
    await expect(makePlan(fake, desired, 'a'.repeat(64))).rejects.toThrow(/ListAccountsForParent/);
    expect(fake.calls.some((c) => AUDIT_READS.includes(c.operation))).toBe(true);
  });

  it('makes no audit call when the bulk read fails before it is under way', async () => {
    const { fake, desired } = world();
    fake.failNext('ListRoots', 'accessDenied');
    await expect(makePlan(fake, desired, 'a'.repeat(64))).rejects.toThrow(/ListRoots/);
    expect(fake.calls.some((c) => AUDIT_READS.includes(c.operation))).toBe(false);
  });

  it('apply audits with the plan it shows, and checks convergence without auditing again', async () => {
    const { fake } = world();
    const desired = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT).withOu('/New').build();
    const outcome = await runApplyWorkflow({ port: fake, desired, orgYamlSha256: 'b'.repeat(64), confirm: async () => true });
    expect(outcome.kind === 'applied' && outcome.converged).toBe(true);
    expect(fake.callCount('GetAccountSummary')).toBe(1);
    expect(fake.callCount('ListRoots')).toBe(2);
  });
});
