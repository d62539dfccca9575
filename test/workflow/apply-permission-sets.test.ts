// IAM Identity Center permission sets, end to end through the real SDK port against our emulator:
// org.yaml (with its inline policy file) → plan → apply → plan again. Each run must converge (the plan
// after the apply is empty) and the end-state oracle (test/support/end-state/permission-sets.ts, its own
// SDK calls) must find what org.yaml declares. Against moto too for sets that declare no boundary and no
// tags (plan reads neither then): creating them and changing their description, policies and inline
// policy converge. moto lacks the boundary, tag and provisioning-status operations (pinned in
// test/emulator/moto-contract-permission-sets.test.ts), so a change to a provisioned set, which must be
// provisioned again, and prune, which reads the undeclared sets' tags, are pinned below as moto's differences.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AttachManagedPolicyToPermissionSetCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load-org-file.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { rehearsePlan } from '../../src/rehearsal/rehearse-plan.js';
import { useEmulator } from '../support/emulator.js';
import { expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState } from '../support/end-state/index.js';
import { describeWithMoto, MOTO_CREDENTIALS, motoClientConfig, useMoto } from '../support/moto.js';
import { emulatorPort, FAST_RETRIES, MGMT, snapshotOf } from './support/emulator-world.js';

const SHA = 'f'.repeat(64);
const MEMBER = '222222222222';
const REGION = 'us-east-1';

const INLINE = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }] };

function orgYaml(...identityCenter: string[]): string {
  return [
    'version: 1',
    'organization:',
    `  managementAccountId: "${MGMT}"`,
    'root:',
    `  accounts: ["${MGMT}", "${MEMBER}"]`,
    ...identityCenter,
    '',
  ].join('\n');
}

/** org.yaml and its policy files in a fresh directory, loaded as the CLI loads them. */
async function load(text: string): Promise<DesiredOrg> {
  const dir = mkdtempSync(join(tmpdir(), 'orgctl-ps-'));
  writeFileSync(join(dir, 'deny-delete.json'), `{\n  "Statement": [{"Resource": "*", "Action": "s3:DeleteBucket", "Effect": "Deny"}],\n  "Version": "2012-10-17"\n}\n`);
  writeFileSync(join(dir, 'deny-leave.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }));
  writeFileSync(join(dir, 'org.yaml'), text);
  const loaded = await loadOrgFile(join(dir, 'org.yaml'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value.desired;
}

describe('permission sets against the emulator', () => {
  const emulator = useEmulator({ createAccountDelayMs: 0 });
  const sso = () => new SSOAdminClient({ ...emulator().clientConfig, region: REGION });

  async function seed(): Promise<string> {
    emulator().seed({
      ...snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }, { id: MEMBER, parentPath: '/' }], budgets: [] }),
      identityCenterInstances: [{ ownerAccountId: MGMT, region: REGION }],
    });
    const instances = (await sso().send(new ListInstancesCommand({}))).Instances ?? [];
    return instances[0]?.InstanceArn ?? expect.fail('no instance');
  }

  /** Plan, apply, re-plan: no failed step, converged, an empty plan after, and the oracle agrees. Returns the applied steps. */
  async function applyAndCheck(text: string): Promise<string[]> {
    const desired = await load(text);
    const before = await readEndState({ endpoint: emulator().url });
    const outcome = await runApplyWorkflow({ port: emulatorPort(emulator().url), desired, orgYamlSha256: SHA, confirm: async () => true });
    if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
    expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
    expect(outcome.converged).toBe(true);
    const again = await makePlan(emulatorPort(emulator().url), desired, SHA);
    expect(again.plan.steps).toEqual([]);
    expect(again.plan.errors).toEqual([]);
    const after = await readEndState({ endpoint: emulator().url });
    expectEndStateMatches(after, expectedEndState(text, before));
    return outcome.plan.steps.map((s) => `${s.kind} ${s.address}`);
  }

  const DECLARED = [
    'identityCenter:',
    `  region: ${REGION}`,
    '  permissionSets:',
    '    AdministratorAccess:',
    '      description: Full administrator',
    '      sessionDuration: PT4H',
    '      managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
    '      customerManagedPolicies: [{ name: Boundary }]',
    '      inlinePolicy: deny-delete.json',
    '      permissionsBoundary: { managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess }',
    '      tags: { owner: platform }',
    '    ReadOnly:',
    '      managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]',
  ];

  it('creates the declared permission sets with policies, inline policy, boundary and tags, then plans empty', async () => {
    await seed();
    expect(await applyAndCheck(orgYaml(...DECLARED))).toEqual([
      'createPermissionSet permission-set:AdministratorAccess',
      'createPermissionSet permission-set:ReadOnly',
    ]);
    const after = await readEndState({ endpoint: emulator().url });
    // The inline policy is the file's JSON (the oracle reads it from AWS; key order and spacing do not count).
    expect(after.permissionSets.sets.get('AdministratorAccess')?.inlinePolicy).toEqual(INLINE);
    expect(after.permissionSets.sets.get('AdministratorAccess')?.tags).toEqual({ owner: 'platform', 'managed-by': 'orgctl' });
  });

  it('changes a provisioned set and provisions it again; a set orgctl did not create is kept under prune', async () => {
    const instanceArn = await seed();
    const client = sso();
    const created = await client.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: 'AdministratorAccess', SessionDuration: 'PT1H' }));
    const arn = created.PermissionSet?.PermissionSetArn ?? expect.fail('no ARN');
    await client.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await client.send(new ProvisionPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, TargetType: 'AWS_ACCOUNT', TargetId: MEMBER }));
    await client.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: 'Someone', SessionDuration: 'PT1H' }));
    // Provisioning completes after the emulator's delay.
    await new Promise((r) => setTimeout(r, 150));
    const steps = await applyAndCheck(orgYaml(...DECLARED.slice(0, 11), 'options:', '  prunePermissionSets: true'));
    expect(steps).toEqual(['updatePermissionSet permission-set:AdministratorAccess', 'provisionPermissionSet permission-set:AdministratorAccess/provisioning']);
    const plan = await makePlan(emulatorPort(emulator().url), await load(orgYaml(...DECLARED.slice(0, 11), 'options:', '  prunePermissionSets: true')), SHA);
    expect(plan.plan.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('Someone'));
  });

  it('the rehearsal copies the instance and its sets into a fresh emulator, so a permission set plan rehearses and converges', async () => {
    const instanceArn = await seed();
    const client = sso();
    const created = await client.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: 'AdministratorAccess', SessionDuration: 'PT1H' }));
    const arn = created.PermissionSet?.PermissionSetArn ?? expect.fail('no ARN');
    await client.send(new ProvisionPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, TargetType: 'AWS_ACCOUNT', TargetId: MEMBER }));
    await new Promise((r) => setTimeout(r, 150));
    const desired = await load(orgYaml(...DECLARED));
    const { plan, live } = await makePlan(emulatorPort(emulator().url), desired, SHA);
    expect(plan.steps.map((s) => s.kind)).toEqual(['updatePermissionSet', 'createPermissionSet', 'provisionPermissionSet']);
    expect(await rehearsePlan({ plan, live, desired, orgYamlSha256: SHA })).toEqual({ outcome: 'converged', applied: 3 });
  });

  it('a boundary set outside orgctl is left alone without `permissionsBoundary`, and replaced with it', async () => {
    const instanceArn = await seed();
    const client = sso();
    const created = await client.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: 'ReadOnly', SessionDuration: 'PT1H' }));
    const arn = created.PermissionSet?.PermissionSetArn ?? expect.fail('no ARN');
    await client.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await client.send(new PutPermissionsBoundaryToPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } }));
    const readOnly = DECLARED.slice(0, 3).concat(DECLARED.slice(11));
    const plan = await makePlan(emulatorPort(emulator().url), await load(orgYaml(...readOnly)), SHA);
    expect(plan.plan.steps).toEqual([]);
    expect((await readEndState({ endpoint: emulator().url })).permissionSets.sets.get('ReadOnly')?.boundary).toBe('managed:arn:aws:iam::aws:policy/PowerUserAccess');
    expect(await applyAndCheck(orgYaml(...readOnly, '      permissionsBoundary: { customerManagedPolicy: { name: Boundary } }'))).toEqual(['updatePermissionSet permission-set:ReadOnly']);
    expect((await readEndState({ endpoint: emulator().url })).permissionSets.sets.get('ReadOnly')?.boundary).toBe('customer:/Boundary');
  });

  it('deletes, with prunePermissionSets, a set orgctl created that org.yaml no longer declares', async () => {
    await seed();
    await applyAndCheck(orgYaml(...DECLARED));
    expect(await applyAndCheck(orgYaml(...DECLARED.slice(0, 11), 'options:', '  prunePermissionSets: true'))).toEqual(['deletePermissionSet permission-set:ReadOnly']);
  });

  it('without prunePermissionSets, an undeclared set orgctl created is kept and reported', async () => {
    await seed();
    await applyAndCheck(orgYaml(...DECLARED));
    const desired = await load(orgYaml(...DECLARED.slice(0, 11)));
    const plan = await makePlan(emulatorPort(emulator().url), desired, SHA);
    expect(plan.plan.steps).toEqual([]);
    expect(plan.plan.warnings.find((w) => w.code === 'permission-set-not-declared')?.message).toContain('ReadOnly');
  });
});

describeWithMoto('permission sets against moto (no boundary, no tags: plan reads neither)', () => {
  const moto = useMoto({ port: { rateScale: 1000, retryPolicy: FAST_RETRIES } });
  const sso = () => new SSOAdminClient({ ...motoClientConfig(moto.url), region: REGION });
  const endState = () => readEndState({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, backend: MOTO_BACKEND });

  /** moto's organization (the management account alone) and its Identity Center instance (moto has one in every region). */
  async function seed(): Promise<string> {
    const organizations = new OrganizationsClient(motoClientConfig(moto.url));
    try {
      await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    } finally {
      organizations.destroy();
    }
    const instances = (await sso().send(new ListInstancesCommand({}))).Instances ?? [];
    return instances[0]?.InstanceArn ?? expect.fail('no instance');
  }

  const yaml = (...sets: string[]): string =>
    ['version: 1', 'organization:', `  managementAccountId: "${MGMT}"`, 'root:', `  accounts: ["${MGMT}"]`, 'identityCenter:', `  region: ${REGION}`, '  permissionSets:', ...sets, ''].join('\n');

  async function applyAndCheck(text: string): Promise<string[]> {
    const desired = await load(text);
    const before = await endState();
    const outcome = await runApplyWorkflow({ port: moto.port, desired, orgYamlSha256: SHA, confirm: async () => true });
    if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
    expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
    expect(outcome.converged).toBe(true);
    const again = await makePlan(moto.port, desired, SHA);
    expect(again.plan.steps).toEqual([]);
    expect(again.plan.errors).toEqual([]);
    expectEndStateMatches(await endState(), expectedEndState(text, before), { knownGaps: Object.values(MOTO_BACKEND.gaps) });
    return outcome.plan.steps.map((s) => `${s.kind} ${s.address}`);
  }

  const ADMIN = [
    '    AdministratorAccess:',
    '      description: Full administrator',
    '      sessionDuration: PT4H',
    '      managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
    '      customerManagedPolicies: [{ name: Boundary }]',
    '      inlinePolicy: deny-delete.json',
  ];
  const READ_ONLY = ['    ReadOnly:', '      managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]'];

  it('creates sets with description, duration, policies and an inline policy, then changes them: each run converges', async () => {
    await seed();
    expect(await applyAndCheck(yaml(...ADMIN, ...READ_ONLY))).toEqual(['createPermissionSet permission-set:AdministratorAccess', 'createPermissionSet permission-set:ReadOnly']);
    const after = await endState();
    expect(after.permissionSets.sets.get('AdministratorAccess')?.inlinePolicy).toEqual(INLINE);
    const changed = [
      '    AdministratorAccess:',
      '      description: Administrators, changed',
      '      sessionDuration: PT2H',
      '      managedPolicies: [arn:aws:iam::aws:policy/PowerUserAccess]',
      '      inlinePolicy: deny-leave.json',
      '    ReadOnly:',
      '      description: Read only',
      '      managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess, arn:aws:iam::aws:policy/SecurityAudit]',
    ];
    expect(await applyAndCheck(yaml(...changed))).toEqual(['updatePermissionSet permission-set:AdministratorAccess', 'updatePermissionSet permission-set:ReadOnly']);
    const set = (await endState()).permissionSets.sets.get('AdministratorAccess');
    expect(set).toMatchObject({ description: 'Administrators, changed', sessionSeconds: 7200, managedPolicies: ['arn:aws:iam::aws:policy/PowerUserAccess'], customerManagedPolicies: [] });
    expect(JSON.stringify(set?.inlinePolicy)).toContain('organizations:LeaveOrganization');
  });

  it('moto differs from AWS here: a change to a provisioned set must be provisioned again, and the apply stops at DescribePermissionSetProvisioningStatus, which moto does not serve', async () => {
    const instanceArn = await seed();
    const client = sso();
    const created = await client.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: 'ReadOnly', SessionDuration: 'PT1H' }));
    const arn = created.PermissionSet?.PermissionSetArn ?? expect.fail('no ARN');
    await client.send(new ProvisionPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, TargetType: 'AWS_ACCOUNT', TargetId: MGMT }));
    client.destroy();
    const desired = await load(yaml(...READ_ONLY));
    const outcome = await runApplyWorkflow({ port: moto.port, desired, orgYamlSha256: SHA, confirm: async () => true });
    if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
    expect(outcome.plan.steps.map((s) => s.kind)).toEqual(['updatePermissionSet', 'provisionPermissionSet']);
    const failed = outcome.run.results.filter((r) => r.status !== 'ok');
    expect(failed.map((r) => r.message).join('\n')).toContain('DescribePermissionSetProvisioningStatus');
  });

  it('moto differs from AWS here: with prunePermissionSets, plan reads the undeclared sets\' tags (managed-by: orgctl) with ListTagsForResource, which moto does not serve', async () => {
    await seed();
    await applyAndCheck(yaml(...ADMIN, ...READ_ONLY));
    const error = await makePlan(moto.port, await load(`${yaml(...ADMIN)}options:\n  prunePermissionSets: true\n`), SHA).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ operation: 'ListTagsForResource' });
  });
});
