// SCPs and other policy types: FullAWSAccess attached everywhere by default, the last SCP stays,
// attach/detach/list, policy types, and policy tags.

import {
  AttachPolicyCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  DisablePolicyTypeCommand,
  EnablePolicyTypeCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListTargetsForPolicyCommand,
  UpdatePolicyCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { FULL_PAGES, useEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, createAccount, createOrganization, createOu, orgs } from './helpers.js';

const DENY_LEAVE = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] });

async function createScp(client: OrganizationsClient, name: string, content = DENY_LEAVE): Promise<string> {
  const out = await client.send(new CreatePolicyCommand({ Name: name, Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: content }));
  return out.Policy?.PolicySummary?.Id ?? '';
}

describe('Organizations: policies', () => {
  // These tests read single pages with raw SDK commands and check what each holds, so every page is full
  // here (FULL_PAGES): no injected empty page or trailing NextToken.
  const emulator = useEmulator({ ...FULL_PAGES, createAccountDelayMs: 0 });
  const client = () => orgs(emulator().clientConfig);
  const scpsOn = async (target: string) =>
    (await client().send(new ListPoliciesForTargetCommand({ TargetId: target, Filter: 'SERVICE_CONTROL_POLICY' }))).Policies?.map((p) => p.Id);

  it('FullAWSAccess is AWS-managed and attached to the root, the management account, and every new OU and account', async () => {
    const rootId = await createOrganization(client());
    const ou = await createOu(client(), rootId, 'Prod');
    const account = await createAccount(client(), 'App');
    for (const target of [rootId, MANAGEMENT, ou, account]) expect(await scpsOn(target)).toEqual(['p-FullAWSAccess']);
    const listed = await client().send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(listed.Policies).toEqual([
      expect.objectContaining({ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess', AwsManaged: true, Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess' }),
    ]);
    const targets = await client().send(new ListTargetsForPolicyCommand({ PolicyId: 'p-FullAWSAccess' }));
    expect(targets.Targets?.map((t) => t.TargetId).sort()).toEqual([rootId, MANAGEMENT, ou, account].sort());
    expect(targets.Targets?.find((t) => t.TargetId === ou)).toMatchObject({ Type: 'ORGANIZATIONAL_UNIT', Name: 'Prod' });
  });

  it('CreatePolicy, Describe, Update, Attach, Detach, Delete', async () => {
    const rootId = await createOrganization(client());
    const ou = await createOu(client(), rootId, 'Prod');
    const id = await createScp(client(), 'deny-leave');
    expect(id).toMatch(/^p-[0-9a-zA-Z_]{8,128}$/);
    const described = await client().send(new DescribePolicyCommand({ PolicyId: id }));
    expect(described.Policy).toMatchObject({ Content: DENY_LEAVE, PolicySummary: { Name: 'deny-leave', AwsManaged: false, Type: 'SERVICE_CONTROL_POLICY' } });
    expect(described.Policy?.PolicySummary?.Arn).toMatch(new RegExp(`^arn:aws:organizations::${MANAGEMENT}:policy/o-[a-z0-9]+/service_control_policy/${id}$`));
    await client().send(new UpdatePolicyCommand({ PolicyId: id, Name: 'deny-leaving' }));
    await client().send(new AttachPolicyCommand({ PolicyId: id, TargetId: ou }));
    expect(await scpsOn(ou)).toEqual(['p-FullAWSAccess', id]);
    expect(await awsError(client().send(new AttachPolicyCommand({ PolicyId: id, TargetId: ou })))).toMatchObject({ name: 'DuplicatePolicyAttachmentException', status: 409 });
    expect(await awsError(client().send(new DeletePolicyCommand({ PolicyId: id })))).toMatchObject({ name: 'PolicyInUseException', status: 409 });
    await client().send(new DetachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: ou }));
    expect(await scpsOn(ou)).toEqual([id]);
    // The last SCP of a target stays attached.
    expect(await awsError(client().send(new DetachPolicyCommand({ PolicyId: id, TargetId: ou })))).toMatchObject({
      name: 'ConstraintViolationException',
      reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    });
    expect(await awsError(client().send(new DetachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: ou })))).toMatchObject({ name: 'PolicyNotAttachedException' });
    await client().send(new AttachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: ou }));
    await client().send(new DetachPolicyCommand({ PolicyId: id, TargetId: ou }));
    await client().send(new DeletePolicyCommand({ PolicyId: id }));
    expect(await awsError(client().send(new DescribePolicyCommand({ PolicyId: id })))).toMatchObject({ name: 'PolicyNotFoundException', status: 404 });
  });

  it('refuses duplicates, malformed and oversized documents, edits to AWS-managed policies, and unknown targets', async () => {
    await createOrganization(client());
    await createScp(client(), 'one');
    expect(await awsError(createScp(client(), 'one'))).toMatchObject({ name: 'DuplicatePolicyException' });
    expect(await awsError(createScp(client(), 'bad', '{not json'))).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
    const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'x:y', Resource: '*', Sid: 'a'.repeat(10_240) }] });
    expect(await awsError(createScp(client(), 'big', big))).toMatchObject({ name: 'ConstraintViolationException', reason: 'POLICY_CONTENT_LIMIT_EXCEEDED' });
    expect(await awsError(client().send(new UpdatePolicyCommand({ PolicyId: 'p-FullAWSAccess', Name: 'mine' })))).toMatchObject({ name: 'InvalidInputException', reason: 'IMMUTABLE_POLICY' });
    expect(await awsError(client().send(new AttachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: '999999999999' })))).toMatchObject({ name: 'TargetNotFoundException' });
  });

  it('at most ten SCPs per target: MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED', async () => {
    const rootId = await createOrganization(client());
    const ou = await createOu(client(), rootId, 'Prod');
    for (let i = 0; i < 9; i++) await client().send(new AttachPolicyCommand({ PolicyId: await createScp(client(), `p${i}`), TargetId: ou }));
    const eleventh = await createScp(client(), 'p9');
    expect(await awsError(client().send(new AttachPolicyCommand({ PolicyId: eleventh, TargetId: ou })))).toMatchObject({
      name: 'ConstraintViolationException',
      reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    });
  });

  it('EnablePolicyType returns the root with the new type; attaching a type that is not enabled is PolicyTypeNotEnabledException', async () => {
    const rootId = await createOrganization(client());
    const tag = await client().send(new CreatePolicyCommand({ Name: 'tags', Description: 'd', Type: 'TAG_POLICY', Content: '{"tags":{}}' }));
    const tagId = tag.Policy?.PolicySummary?.Id ?? '';
    expect(await awsError(client().send(new AttachPolicyCommand({ PolicyId: tagId, TargetId: rootId })))).toMatchObject({ name: 'PolicyTypeNotEnabledException', status: 409 });
    expect(await awsError(client().send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' })))).toMatchObject({
      name: 'PolicyTypeAlreadyEnabledException',
    });
    const enabled = await client().send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'TAG_POLICY' }));
    expect(enabled.Root?.PolicyTypes?.map((t) => t.Type)).toEqual(['SERVICE_CONTROL_POLICY', 'TAG_POLICY']);
    await client().send(new AttachPolicyCommand({ PolicyId: tagId, TargetId: rootId }));
    expect(await awsError(client().send(new EnablePolicyTypeCommand({ RootId: 'r-zzzz', PolicyType: 'BACKUP_POLICY' })))).toMatchObject({ name: 'RootNotFoundException' });
    const disabled = await client().send(new DisablePolicyTypeCommand({ RootId: rootId, PolicyType: 'TAG_POLICY' }));
    expect(disabled.Root?.PolicyTypes?.map((t) => t.Type)).toEqual(['SERVICE_CONTROL_POLICY']);
    expect((await client().send(new ListPoliciesForTargetCommand({ TargetId: rootId, Filter: 'TAG_POLICY' }))).Policies).toEqual([]);
  });
});
