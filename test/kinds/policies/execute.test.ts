// The policies kind's executors against FakeAwsPort: each does its work, records created IDs, and run
// twice (a lost reply, a second apply) succeeds without doing anything twice.

import { describe, expect, it } from 'vitest';
import { executeStep, type StepContext } from '../../../src/apply/execute-step.js';
import { IdRegistry } from '../../../src/apply/id-registry.js';
import type { PlanStep } from '../../../src/model/plan.js';
import { ROOT_REF } from '../../../src/model/refs.js';
import { FakeAwsPort } from '../../support/fake-port.js';

const base = { reason: 'test', dependsOn: [] as number[] };
const DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}';

function setUp(): { fake: FakeAwsPort; rootId: string; ctx: () => StepContext; ids: IdRegistry } {
  const fake = new FakeAwsPort();
  const { rootId } = fake.seedOrganization();
  const ids = IdRegistry.fromLive({ ...fake.liveOrg(), policies: fake.livePolicies() });
  return { fake, rootId, ids, ctx: () => ({ port: fake, ids, managementAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID }) };
}

const writes = (fake: FakeAwsPort) => fake.calls.filter((c) => /^(Create|Update|Delete|Attach|Detach|Enable)/.test(c.operation)).map((c) => c.operation);
const policy = { type: 'policy', name: 'DenyS3' } as const;

const create: PlanStep = { ...base, kind: 'createPolicy', address: 'policy:DenyS3', before: null, after: { name: 'DenyS3', type: 'SERVICE_CONTROL_POLICY', description: 'd', content: DOC } };
const attachToRoot: PlanStep = {
  ...base,
  kind: 'attachPolicy',
  address: 'policy:DenyS3/attachment:root',
  policy,
  policyType: 'SERVICE_CONTROL_POLICY',
  target: ROOT_REF,
  accountsAffected: 1,
  before: null,
  after: { policyName: 'DenyS3' },
};

describe('policy executors', () => {
  it('createPolicy tags the policy managed-by=orgctl and records its ID; again, it finds it by name and brings it to the declared shape', async () => {
    const { fake, ctx, ids } = setUp();
    await executeStep(create, ctx());
    const created = fake.livePolicies().policies.find((p) => p.name === 'DenyS3')!;
    expect(created).toMatchObject({ content: DOC, description: 'd', tags: { 'managed-by': 'orgctl' } });
    expect(ids.resolveAfter(policy)).toBe(created.id);

    const again = setUp();
    await executeStep(create, again.ctx());
    const other = { ...create, after: { ...create.after, description: 'changed' } } as PlanStep;
    await executeStep(other, again.ctx());
    expect(writes(again.fake)).toEqual(['CreatePolicy', 'CreatePolicy', 'UpdatePolicy']);
    expect(again.fake.livePolicies().policies.filter((p) => p.name === 'DenyS3')).toMatchObject([{ description: 'changed' }]);
  });

  it('attachPolicy resolves the policy created earlier in the run; attaching twice is done', async () => {
    const { fake, rootId, ctx } = setUp();
    await executeStep(create, ctx());
    await executeStep(attachToRoot, ctx());
    await executeStep(attachToRoot, ctx());
    expect(fake.livePolicies().policies.find((p) => p.name === 'DenyS3')!.targets).toEqual([rootId]);
    expect(writes(fake)).toEqual(['CreatePolicy', 'AttachPolicy', 'AttachPolicy']);
  });

  it('detachPolicy of an attachment already gone, and deletePolicy of a policy already gone, are done', async () => {
    const { fake, rootId, ctx } = setUp();
    const id = fake.seedPolicy({ name: 'Old' });
    fake.seedAttachment(id, rootId);
    const ids = IdRegistry.fromLive({ ...fake.liveOrg(), policies: fake.livePolicies() });
    const context: StepContext = { ...ctx(), ids };
    const old = { type: 'policy', name: 'Old' } as const;
    const detach: PlanStep = { ...base, kind: 'detachPolicy', address: 'policy:Old/attachment:root', policy: old, policyType: 'SERVICE_CONTROL_POLICY', target: ROOT_REF, accountsAffected: 1, before: { policyName: 'Old' }, after: null };
    const remove: PlanStep = { ...base, kind: 'deletePolicy', address: 'policy:Old', policy: old, before: { id, name: 'Old', type: 'SERVICE_CONTROL_POLICY', description: '' }, after: null };
    for (let i = 0; i < 2; i++) {
      await executeStep(detach, context);
      await executeStep(remove, context);
    }
    expect(fake.livePolicies().policies.map((p) => p.name)).toEqual(['FullAWSAccess']);
    expect(writes(fake)).toEqual(['DetachPolicy', 'DeletePolicy', 'DetachPolicy', 'DeletePolicy']);
  });

  it('enablePolicyType on a type already enabled is done; the type is then attachable', async () => {
    const { fake, ctx } = setUp();
    const enable: PlanStep = { ...base, kind: 'enablePolicyType', address: 'root/policy-type:TAG_POLICY', root: ROOT_REF, before: null, after: { policyType: 'TAG_POLICY' } };
    await executeStep(enable, ctx());
    await executeStep(enable, ctx());
    expect(fake.livePolicies().enabledTypes).toEqual(['SERVICE_CONTROL_POLICY', 'TAG_POLICY']);
  });

  it('detaching the last SCP of a target is refused by AWS (the fake), so the plan must attach first', async () => {
    const { fake, ctx } = setUp();
    const detachFull: PlanStep = { ...base, kind: 'detachPolicy', address: 'policy:FullAWSAccess/attachment:root', policy: { type: 'policy', name: 'FullAWSAccess' }, policyType: 'SERVICE_CONTROL_POLICY', target: ROOT_REF, accountsAffected: 1, before: { policyName: 'FullAWSAccess' }, after: null };
    await expect(executeStep(detachFull, ctx())).rejects.toThrow(/at least one SCP/);
    await executeStep(create, ctx());
    await executeStep(attachToRoot, ctx());
    await executeStep(detachFull, ctx());
    expect(fake.livePolicies().policies.find((p) => p.name === 'FullAWSAccess')!.targets).not.toContain(fake.liveOrg().root!.id);
  });
});
