// The service-access executors against FakeAwsPort: each does its one call, and running it twice (a
// retried apply after a lost reply) succeeds without changing more than once.

import { describe, expect, it } from 'vitest';
import { executeStep, type StepContext } from '../../../src/apply/execute-step.js';
import { IdRegistry } from '../../../src/apply/id-registry.js';
import type { PlanStep } from '../../../src/model/plan.js';
import { FakeAwsPort } from '../../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const SECURITY = '333333333333';
const base = { reason: 'test', dependsOn: [] as number[] };

function organization(): FakeAwsPort {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  fake.seedAccount({ id: SECURITY, name: 'security' });
  return fake;
}

const contextOf = (fake: FakeAwsPort): StepContext => ({ port: fake, ids: IdRegistry.fromLive(fake.liveOrg()), managementAccountId: MGMT });

async function twice(fake: FakeAwsPort, step: PlanStep): Promise<void> {
  await executeStep(step, contextOf(fake));
  await executeStep(step, contextOf(fake));
}

const enable = (servicePrincipal: string): PlanStep => ({ ...base, kind: 'enableServiceAccess', address: `trusted-access:${servicePrincipal}`, before: null, after: { servicePrincipal } });
const disable = (servicePrincipal: string): PlanStep => ({ ...base, kind: 'disableServiceAccess', address: `trusted-access:${servicePrincipal}`, before: { servicePrincipal }, after: null });
const register = (servicePrincipal: string, accountId: string): PlanStep => ({
  ...base,
  kind: 'registerDelegatedAdministrator',
  address: `delegated-administrator:${servicePrincipal}/${accountId}`,
  before: null,
  after: { servicePrincipal, accountId },
});
const deregister = (servicePrincipal: string, accountId: string): PlanStep => ({
  ...base,
  kind: 'deregisterDelegatedAdministrator',
  address: `delegated-administrator:${servicePrincipal}/${accountId}`,
  before: { servicePrincipal, accountId },
  after: null,
});

describe('service-access executors (idempotent)', () => {
  it('enableServiceAccess enables trusted access; twice is fine', async () => {
    const fake = organization();
    await twice(fake, enable('sso.amazonaws.com'));
    expect(fake.liveOrg().trustedServices).toEqual(['sso.amazonaws.com']);
    expect(fake.callCount('EnableAWSServiceAccess')).toBe(2);
  });

  it('disableServiceAccess disables it; twice is fine', async () => {
    const fake = organization();
    fake.seedTrustedService('ram.amazonaws.com');
    fake.seedTrustedService('sso.amazonaws.com');
    await twice(fake, disable('ram.amazonaws.com'));
    expect(fake.liveOrg().trustedServices).toEqual(['sso.amazonaws.com']);
  });

  it('registerDelegatedAdministrator registers; the second run meets AccountAlreadyRegisteredException and succeeds', async () => {
    const fake = organization();
    fake.seedTrustedService('securityhub.amazonaws.com');
    await twice(fake, register('securityhub.amazonaws.com', SECURITY));
    expect(fake.liveOrg().delegatedAdministrators).toEqual([{ principal: 'securityhub.amazonaws.com', accountId: SECURITY }]);
    expect(fake.callCount('RegisterDelegatedAdministrator')).toBe(2);
  });

  it('deregisterDelegatedAdministrator deregisters; the second run meets AccountNotRegisteredException and succeeds', async () => {
    const fake = organization();
    fake.seedTrustedService('securityhub.amazonaws.com');
    fake.seedDelegatedAdministrator(SECURITY, 'securityhub.amazonaws.com');
    fake.seedDelegatedAdministrator(SECURITY, 'guardduty.amazonaws.com');
    await twice(fake, deregister('securityhub.amazonaws.com', SECURITY));
    expect(fake.liveOrg().delegatedAdministrators).toEqual([{ principal: 'guardduty.amazonaws.com', accountId: SECURITY }]);
  });

  it('other refusals still fail the step: the management account, or no trusted access', async () => {
    const fake = organization();
    fake.seedTrustedService('securityhub.amazonaws.com');
    await expect(executeStep(register('securityhub.amazonaws.com', MGMT), contextOf(fake))).rejects.toThrow(/CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR|management account/);
    await expect(executeStep(register('guardduty.amazonaws.com', SECURITY), contextOf(fake))).rejects.toThrow(/not enabled/);
  });
});
