// The access executors against FakeAwsPort: assignments are asynchronous requests polled until they end
// (AWS's failure reason reported), names are resolved at apply when the plan could not know the ID, and
// running a step twice (a retried apply) changes nothing more.

import { describe, expect, it } from 'vitest';
import { executeStep, type StepContext } from '../../../src/apply/execute-step.js';
import { IdRegistry } from '../../../src/apply/id-registry.js';
import type { AssignmentSpec } from '../../../src/kinds/identity-center/assignments/steps.js';
import type { PlanStep } from '../../../src/model/plan.js';
import { FakeAwsPort } from '../../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const APP = '222222222222';
const base = { reason: 'test', dependsOn: [] as number[] };

function setUp() {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  fake.seedAccount({ id: APP, name: 'app' });
  const instance = fake.security.addIdentityCenterInstance('us-east-1', MGMT);
  const storeId = instance.identityStoreId!;
  const adminArn = fake.identityCenterAccess.seedPermissionSet(instance.instanceArn, 'AdministratorAccess');
  const groupId = fake.identityCenterAccess.seedGroup(storeId, 'PlatformAdmins');
  const where = { region: 'us-east-1', instanceArn: instance.instanceArn, identityStoreId: storeId };
  return { fake, where, adminArn, groupId, storeId };
}

const sleeps: number[] = [];
const contextOf = (fake: FakeAwsPort): StepContext => ({
  port: fake,
  ids: IdRegistry.fromLive(fake.liveOrg()),
  managementAccountId: MGMT,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
});

async function twice(fake: FakeAwsPort, step: PlanStep): Promise<void> {
  await executeStep(step, contextOf(fake));
  await executeStep(step, contextOf(fake));
}

const grant = (spec: AssignmentSpec): PlanStep => ({ ...base, kind: 'createAccountAssignment', address: 'a', before: null, after: spec });

describe('identity center access executors', () => {
  it('createAccountAssignment starts the request and polls until it succeeded; twice leaves one assignment', async () => {
    const { fake, where, adminArn, groupId } = setUp();
    sleeps.length = 0;
    await twice(fake, grant({ ...where, permissionSet: { name: 'AdministratorAccess', arn: adminArn }, principal: { type: 'GROUP', name: 'PlatformAdmins', id: groupId }, account: { type: 'account', id: APP } }));
    expect(fake.identityCenterAccess.assignments.map((a) => `${a.accountId}/${a.principal.id}/${a.permissionSetArn}`)).toEqual([`${APP}/${groupId}/${adminArn}`]);
    expect(fake.callCount('CreateAccountAssignment')).toBe(2);
    expect(fake.callCount('DescribeAccountAssignmentCreationStatus')).toBe(2);
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it('a failed request fails the step with AWS\'s reason', async () => {
    const { fake, where, adminArn, groupId } = setUp();
    fake.identityCenterAccess.failNextAssignment = 'Received a 404 status error: Account 222222222222 is not a member';
    const step = grant({ ...where, permissionSet: { name: 'AdministratorAccess', arn: adminArn }, principal: { type: 'GROUP', name: 'PlatformAdmins', id: groupId }, account: { type: 'account', id: APP } });
    await expect(executeStep(step, contextOf(fake))).rejects.toThrow(/could not give group PlatformAdmins AdministratorAccess on account 222222222222: Received a 404 status error: Account 222222222222 is not a member/);
    expect(fake.identityCenterAccess.assignments).toEqual([]);
  });

  it('finds a permission set and a group created earlier in the run by name', async () => {
    const { fake, where, adminArn, groupId } = setUp();
    await executeStep(grant({ ...where, permissionSet: { name: 'AdministratorAccess' }, principal: { type: 'GROUP', name: 'PlatformAdmins' }, account: { type: 'account', id: APP } }), contextOf(fake));
    expect(fake.identityCenterAccess.assignments).toMatchObject([{ accountId: APP, permissionSetArn: adminArn, principal: { type: 'GROUP', id: groupId } }]);
    const missing = grant({ ...where, permissionSet: { name: 'Nope' }, principal: { type: 'GROUP', name: 'PlatformAdmins' }, account: { type: 'account', id: APP } });
    await expect(executeStep(missing, contextOf(fake))).rejects.toThrow(/the permission set Nope does not exist/);
  });

  it('createGroup creates the group; twice (the group exists) is fine', async () => {
    const { fake, where, storeId } = setUp();
    await twice(fake, { ...base, kind: 'createGroup', address: 'g', before: null, after: { ...where, displayName: 'Auditors', description: 'Audit team' } });
    expect(fake.identityCenterAccess.groups.get(storeId)!.filter((g) => g.name === 'Auditors')).toHaveLength(1);
  });

  it('deleteAccountAssignment removes it and polls; twice is fine', async () => {
    const { fake, where, adminArn, groupId } = setUp();
    fake.identityCenterAccess.assignments.push({ instanceArn: where.instanceArn, accountId: APP, permissionSetArn: adminArn, principal: { type: 'GROUP', id: groupId } });
    const spec = { ...where, permissionSet: { name: 'AdministratorAccess', arn: adminArn }, principal: { type: 'GROUP' as const, name: 'PlatformAdmins', id: groupId }, account: { type: 'account' as const, id: APP } };
    await twice(fake, { ...base, kind: 'deleteAccountAssignment', address: 'a', before: spec, after: null });
    expect(fake.identityCenterAccess.assignments).toEqual([]);
    expect(fake.callCount('DescribeAccountAssignmentDeletionStatus')).toBe(2);
  });
});
