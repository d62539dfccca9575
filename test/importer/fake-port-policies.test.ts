// FakeAwsPort's SCP and Organizations-tag reads, which the import tests trust.
import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import { FakeAwsPort } from '../support/fake-port.js';

async function rejection(promise: Promise<unknown>): Promise<AwsCallError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AwsCallError);
  return error as AwsCallError;
}

describe('FakeAwsPort policies and tags', () => {
  it('lists FullAWSAccess (attached everywhere) and customer SCPs with their direct targets', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    const ou = fake.seedOu(rootId, 'Prod');
    const account = fake.seedAccount({ name: 'app', parentId: ou });
    const deny = fake.seedPolicy({ id: 'p-deny0001', name: 'Deny' });
    fake.seedAttachment(deny, ou);
    fake.seedPolicy({ id: 'p-tags0001', name: 'Tags', type: 'TAG_POLICY' });

    expect(await fake.listPolicies('SERVICE_CONTROL_POLICY')).toEqual([
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', awsManaged: true },
      { id: 'p-deny0001', name: 'Deny', type: 'SERVICE_CONTROL_POLICY', awsManaged: false },
    ]);
    expect((await fake.listPolicies('TAG_POLICY')).map((p) => p.id)).toEqual(['p-tags0001']);
    expect(await fake.listTargetsForPolicy(deny)).toEqual([{ id: ou, type: 'ORGANIZATIONAL_UNIT', name: 'Prod' }]);
    expect((await fake.listTargetsForPolicy('p-FullAWSAccess')).map((t) => t.id)).toEqual([rootId, ou, FakeAwsPort.MANAGEMENT_ACCOUNT_ID, account]);
    expect((await rejection(fake.listTargetsForPolicy('p-missing01'))).code).toBe('PolicyNotFoundException');
  });

  it('has no SCPs with consolidated billing only', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization({ featureSet: 'CONSOLIDATED_BILLING' });
    expect(await fake.listPolicies('SERVICE_CONTROL_POLICY')).toEqual([]);
  });

  it('reads tags of roots, OUs and accounts, refuses unknown resources and member callers', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    fake.seedTags(rootId, { env: 'prod' });
    fake.seedTags(rootId, { team: 'x' });
    expect(await fake.listResourceTags(rootId)).toEqual({ env: 'prod', team: 'x' });
    expect(await fake.listResourceTags(FakeAwsPort.MANAGEMENT_ACCOUNT_ID)).toEqual({});
    expect((await rejection(fake.listResourceTags('999999999999'))).code).toBe('TargetNotFoundException');
    fake.callerAccountId = '222222222222';
    expect((await rejection(fake.listResourceTags(rootId))).kind).toBe('accessDenied');
    expect((await rejection(fake.listPolicies('SERVICE_CONTROL_POLICY'))).kind).toBe('accessDenied');
  });
});
