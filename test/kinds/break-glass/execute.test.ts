// The createBreakGlassUser executor against FakeAwsPort: CreateUser with orgctl's tags, then
// AttachUserPolicy; running it twice (a retried apply) leaves one user with the policy once; a user
// orgctl did not create is refused, untouched.

import { describe, expect, it } from 'vitest';
import { executeStep, type StepContext } from '../../../src/apply/execute-step.js';
import { IdRegistry } from '../../../src/apply/id-registry.js';
import { ADMINISTRATOR_ACCESS_POLICY_ARN, BREAK_GLASS_USER_TAGS } from '../../../src/model/break-glass.js';
import type { PlanStep } from '../../../src/model/plan.js';
import { FakeAwsPort } from '../../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;

function organization(): FakeAwsPort {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  return fake;
}

const contextOf = (fake: FakeAwsPort): StepContext => ({ port: fake, ids: IdRegistry.fromLive(fake.liveOrg()), managementAccountId: MGMT });

const create: PlanStep = {
  kind: 'createBreakGlassUser',
  address: 'break-glass-user:break-glass',
  reason: 'no such IAM user',
  dependsOn: [],
  before: null,
  after: { userName: 'break-glass', tags: { ...BREAK_GLASS_USER_TAGS }, policyArn: ADMINISTRATOR_ACCESS_POLICY_ARN },
};

describe('createBreakGlassUser executor', () => {
  it('creates the user with the tags, no MFA device, no access keys, and attaches AdministratorAccess; twice is fine', async () => {
    const fake = organization();
    await executeStep(create, contextOf(fake));
    await executeStep(create, contextOf(fake));
    const user = fake.security.users.get('break-glass');
    expect(user).toEqual({ mfaDevices: [], accessKeys: [], tags: { 'managed-by': 'orgctl', 'orgctl:role': 'break-glass' }, attachedPolicies: [ADMINISTRATOR_ACCESS_POLICY_ARN] });
    expect(fake.callCount('CreateUser')).toBe(2);
    expect(fake.callCount('AttachUserPolicy')).toBe(2);
  });

  it('finishes a creation that stopped before AttachUserPolicy', async () => {
    const fake = organization();
    fake.security.addUser('break-glass', { tags: { ...BREAK_GLASS_USER_TAGS } });
    await executeStep(create, contextOf(fake));
    expect(fake.security.users.get('break-glass')?.attachedPolicies).toEqual([ADMINISTRATOR_ACCESS_POLICY_ARN]);
  });

  it('refuses a user orgctl did not create (no tags) and leaves it as it was', async () => {
    const fake = organization();
    fake.security.addUser('break-glass', { tags: { owner: 'ops' } });
    await expect(executeStep(create, contextOf(fake))).rejects.toThrow(/exists and orgctl did not create it/);
    expect(fake.security.users.get('break-glass')).toEqual({ mfaDevices: [], accessKeys: [], tags: { owner: 'ops' }, attachedPolicies: [] });
    expect(fake.callCount('AttachUserPolicy')).toBe(0);
  });
});
