// makePlan's audit (and declared alternate contacts) start once the guard has passed and run beside
// the bulk read, not after it; apply's convergence check reads the organization without the audit.

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
  // Enough parents that the tree walk takes many calls.
  for (let i = 0; i < 6; i++) fake.seedAccount({ id: String(222222222220 + i), name: `a${i}`, parentId: fake.seedOu(rootId, `ou-${i}`) });
  const desired = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT);
  for (let i = 0; i < 6; i++) desired.withAccount(String(222222222220 + i), `/ou-${i}`);
  return { fake, desired: desired.build() };
}

describe('makePlan side reads', () => {
  it('starts the audit after the guard and before the bulk read has finished', async () => {
    const { fake, desired } = world();
    const { plan } = await makePlan(fake, desired, 'a'.repeat(64));
    expect(plan.audit).toBeDefined();
    const ops = fake.calls.map((c) => c.operation);
    expect(ops.slice(0, 2)).toEqual(['GetCallerIdentity', 'DescribeOrganization']);
    const firstAudit = Math.min(...AUDIT_READS.map((op) => ops.indexOf(op)));
    expect(firstAudit).toBeGreaterThan(1);
    expect(firstAudit).toBeLessThan(ops.lastIndexOf('ListAccountsForParent'));
  });

  it('makes no audit call when the guard refuses the caller', async () => {
    const { fake, desired } = world();
    fake.callerAccountId = '999999999999';
    await expect(makePlan(fake, desired, 'a'.repeat(64))).rejects.toThrow(/credentials belong to account 999999999999/);
    expect(fake.calls.map((c) => c.operation)).toEqual(['GetCallerIdentity']);
  });

  it('reports the bulk read failing, not the audit, when the read fails after the audit started', async () => {
    const { fake, desired } = world();
    fake.failNext('ListRoots', 'accessDenied');
    await expect(makePlan(fake, desired, 'a'.repeat(64))).rejects.toThrow(/ListRoots/);
    expect(fake.calls.some((c) => AUDIT_READS.includes(c.operation))).toBe(true);
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
