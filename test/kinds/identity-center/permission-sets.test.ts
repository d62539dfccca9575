// The permission sets part of the identity center kind: its plan against planOrg (create, update and
// provision, prune only what orgctl created and is provisioned nowhere, JSON-value comparison of the
// inline policy), its read (nothing without `identityCenter:`, exact calls with it) and its executors
// against FakeAwsPort (idempotent twice, provisioning polled, a FAILED provisioning names AWS's reason).

import { describe, expect, it } from 'vitest';
import type { StepContext } from '../../../src/apply/step-context.js';
import { readPermissionSetsSlice } from '../../../src/kinds/identity-center/permission-sets/read.js';
import { PERMISSION_SET_HANDLERS } from '../../../src/kinds/identity-center/permission-sets/handlers.js';
import type { KindReadContext } from '../../../src/kinds/kind.js';
import type { DesiredOrg } from '../../../src/model/desired.js';
import type { LivePermissionSet } from '../../../src/model/permission-sets.js';
import type { PlanStep } from '../../../src/model/plan.js';
import { planOrg } from '../../../src/planner/index.js';
import { parsePlanFile, serializePlan } from '../../../src/render/plan-file.js';
import { renderPlanMarkdown } from '../../../src/render/plan-markdown.js';
import { renderPlanText } from '../../../src/render/plan-text.js';
import { aLiveOrgMatching, FAKE_INPUTS } from '../../support/builders.js';
import { FakeAwsPort } from '../../support/fake-port.js';
import { desiredOf, HEADER, yamlDoc } from '../../config/support.js';

const INSTANCE = { region: 'eu-west-1', instanceArn: 'arn:aws:sso:::instance/ssoins-euwest10000000000' };

const CENTER = [
  'identityCenter:',
  '  region: eu-west-1',
  '  permissionSets:',
  '    Admin:',
  '      description: Full administrator',
  '      sessionDuration: PT4H',
  '      managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
  '      tags: { owner: platform }',
];

function liveSet(set: Partial<LivePermissionSet> & { name: string }): LivePermissionSet {
  return {
    arn: `arn:aws:sso:::permissionSet/ssoins-euwest10000000000/ps-${set.name}`,
    description: undefined,
    sessionDuration: 'PT1H',
    managedPolicies: [],
    customerManagedPolicies: [],
    inlinePolicy: undefined,
    permissionsBoundary: null,
    tags: {},
    provisionedAccountIds: [],
    ...set,
  };
}

function plan(lines: string[], sets: LivePermissionSet[], edit: (d: DesiredOrg) => DesiredOrg = (d) => d) {
  const desired = edit(desiredOf(yamlDoc(...HEADER, '    Team: {}', ...lines)));
  const live = { ...aLiveOrgMatching(desired).build(), identityCenterPermissionSets: { region: 'eu-west-1', instance: INSTANCE, permissionSets: sets } };
  return planOrg(desired, live, FAKE_INPUTS);
}

const kinds = (steps: readonly PlanStep[]): string[] => steps.map((s) => `${s.kind} ${s.address}`);

describe('permission sets plan', () => {
  it('creates a declared set that does not exist, with everything org.yaml gives it', () => {
    const result = plan(CENTER, []);
    expect(kinds(result.steps)).toEqual(['createPermissionSet permission-set:Admin']);
    expect(result.steps[0]).toMatchObject({
      instance: INSTANCE,
      after: { name: 'Admin', description: 'Full administrator', sessionDuration: 'PT4H', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], tags: { owner: 'platform' } },
    });
    expect(result.warnings.map((w) => w.code)).not.toContain('identity-center-not-applied');
  });

  it('plans nothing for a set that matches (PT240M is PT4H, managed-by and aws: tags are not compared)', () => {
    const live = liveSet({ name: 'Admin', description: 'Full administrator', sessionDuration: 'PT240M', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], tags: { owner: 'platform', 'managed-by': 'orgctl', 'aws:x': 'y' } });
    expect(plan(CENTER, [live]).steps).toEqual([]);
  });

  it('compares the inline policy as a JSON value: key order and spacing do not count, a changed value does', () => {
    const withInline = (d: DesiredOrg): DesiredOrg => ({
      ...d,
      identityCenter: { ...d.identityCenter!, permissionSets: d.identityCenter!.permissionSets.map((s) => ({ ...s, inlinePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } })) },
    });
    const base = { name: 'Admin', description: 'Full administrator', sessionDuration: 'PT4H', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], tags: { owner: 'platform' } };
    const same = liveSet({ ...base, inlinePolicy: '{ "Statement": [ {"Resource":"*","Action":"*","Effect":"Deny"} ], "Version": "2012-10-17" }' });
    expect(plan(CENTER, [same], withInline).steps).toEqual([]);
    const other = liveSet({ ...base, inlinePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' });
    const changed = plan(CENTER, [other], withInline);
    expect(kinds(changed.steps)).toEqual(['updatePermissionSet permission-set:Admin']);
    expect(changed.steps[0]?.reason).toBe('inlinePolicy differs from org.yaml');
  });

  it('updates what differs and provisions again a set provisioned to accounts; a tag-only change needs no provisioning', () => {
    const live = liveSet({ name: 'Admin', description: 'Old', sessionDuration: 'PT1H', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], tags: { owner: 'platform' }, provisionedAccountIds: ['222222222222', '333333333333'] });
    const result = plan(CENTER, [live]);
    expect(kinds(result.steps)).toEqual(['updatePermissionSet permission-set:Admin', 'provisionPermissionSet permission-set:Admin/provisioning']);
    expect(result.steps[1]?.dependsOn).toEqual([0]);
    const text = renderPlanText(result, { color: false });
    expect(text).toContain('description: Old → Full administrator');
    expect(text).toContain('session duration: PT1H → PT4H');
    expect(text).toContain('+ managed policy: arn:aws:iam::aws:policy/AdministratorAccess');
    expect(text).toContain('- managed policy: arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(text).toContain('provision permission set Admin to 2 accounts');

    const tagOnly = liveSet({ name: 'Admin', description: 'Full administrator', sessionDuration: 'PT4H', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], tags: { owner: 'finance' }, provisionedAccountIds: ['222222222222'] });
    expect(kinds(plan(CENTER, [tagOnly]).steps)).toEqual(['updatePermissionSet permission-set:Admin']);
  });

  it('leaves a boundary alone when the entry has no `permissionsBoundary`, and sets the one it writes', () => {
    const matching = { name: 'Admin', description: 'Full administrator', sessionDuration: 'PT4H', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], tags: { owner: 'platform' } };
    const bounded = liveSet({ ...matching, permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } });
    expect(plan(CENTER, [bounded]).steps).toEqual([]);
    const withBoundary = [...CENTER, '      permissionsBoundary: { customerManagedPolicy: { name: Boundary } }'];
    const changed = plan(withBoundary, [bounded]);
    expect(kinds(changed.steps)).toEqual(['updatePermissionSet permission-set:Admin']);
    expect(renderPlanText(changed, { color: false })).toContain('permissions boundary: arn:aws:iam::aws:policy/PowerUserAccess → customer managed /Boundary');
    expect(kinds(plan(withBoundary, [liveSet({ ...matching, permissionsBoundary: null })]).steps)).toEqual(['updatePermissionSet permission-set:Admin']);
  });

  it('prunes only sets orgctl created and provisioned nowhere, and reports the others', () => {
    const ours = liveSet({ name: 'Old', tags: { 'managed-by': 'orgctl' } });
    const oursProvisioned = liveSet({ name: 'OldInUse', tags: { 'managed-by': 'orgctl' }, provisionedAccountIds: ['222222222222'] });
    const theirs = liveSet({ name: 'Console' });
    const matching = liveSet({ name: 'Admin', description: 'Full administrator', sessionDuration: 'PT4H', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], tags: { owner: 'platform' } });
    const pruned = plan([...CENTER, 'options:', '  prunePermissionSets: true'], [matching, ours, oursProvisioned, theirs]);
    expect(kinds(pruned.steps)).toEqual(['deletePermissionSet permission-set:Old']);
    expect(pruned.warnings.map((w) => w.code).sort()).toEqual(['permission-set-not-declared', 'permission-set-still-provisioned']);
    const kept = plan(CENTER, [matching, ours]);
    expect(kept.steps).toEqual([]);
    expect(kept.warnings.find((w) => w.code === 'permission-set-not-declared')?.message).toContain('prunePermissionSets is off: Old');
  });

  it('values from org.yaml and AWS cannot inject markdown, HTML, mentions or fences into the PR comment', () => {
    const hostile = 'x```</details><img src=x> @octocat [x](http://e)';
    const live = liveSet({ name: 'Admin', description: hostile, sessionDuration: 'PT4H', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], tags: { owner: '@platform\n```\n# heading' } });
    const lines = [...CENTER.slice(0, 4), `      description: ${JSON.stringify(`${hostile} new`)}`, ...CENTER.slice(5, 7), '      tags: { owner: "<script>" }'];
    const markdown = renderPlanMarkdown(plan(lines, [live]));
    const rows = markdown.split('\n');
    const open = rows.findIndex((l) => /^`{3,}diff$/.test(l));
    const fence = rows[open]!.replace('diff', '');
    const inside = rows.slice(open + 1);
    const code = inside.slice(0, inside.indexOf(fence));
    expect(code.join('\n')).toContain('octocat');
    // Every line of the step block is a diff line: nothing closed the fence early.
    for (const line of code) expect(line).toMatch(/^[#+!~-] /);
    const prose = rows.filter((l) => !code.includes(l)).join('\n');
    expect(prose).not.toMatch(/<img|<script|@(?!\u200b)octocat|@(?!\u200b)platform|^# heading/m);
  });

  it('every permission set step kind passes the plan file schema (orgctl apply reads the plan back)', () => {
    const withEverything = (d: DesiredOrg): DesiredOrg => ({
      ...d,
      identityCenter: {
        ...d.identityCenter!,
        permissionSets: d.identityCenter!.permissionSets.map((s) => ({ ...s, inlinePolicy: { a: 1 }, customerManagedPolicies: [{ name: 'B', path: '/' }], permissionsBoundary: { customerManagedPolicy: { name: 'B', path: '/' } } })),
      },
    });
    const live = liveSet({ name: 'Admin', provisionedAccountIds: ['222222222222'] });
    const created = plan([...CENTER.slice(0, 3), '    New: {}', ...CENTER.slice(3), 'options:', '  prunePermissionSets: true'], [live, liveSet({ name: 'Old', tags: { 'managed-by': 'orgctl' } })], withEverything);
    expect(created.steps.map((s) => s.kind).sort()).toEqual(['createPermissionSet', 'deletePermissionSet', 'provisionPermissionSet', 'updatePermissionSet']);
    const parsed = parsePlanFile(serializePlan(created), 'plan.json');
    expect(parsed.ok ? parsed.value.steps : parsed.errors).toEqual(created.steps);
  });

  it('is a plan error without a region, and without an instance in the region', () => {
    // Without a region in org.yaml or AWS_REGION, the kind's read reads nothing (read.ts).
    const regionless = desiredOf(yamlDoc(...HEADER, '    Team: {}', ...CENTER.filter((l) => !l.includes('region'))));
    const noRegion = planOrg(regionless, aLiveOrgMatching(regionless).build(), FAKE_INPUTS);
    expect(noRegion.errors.map((e) => e.code)).toEqual(['identity-center-region-missing']);
    const desired = desiredOf(yamlDoc(...HEADER, '    Team: {}', ...CENTER));
    const noInstance = planOrg(desired, { ...aLiveOrgMatching(desired).build(), identityCenterPermissionSets: { region: 'eu-west-1', instance: null, permissionSets: [] } }, FAKE_INPUTS);
    expect(noInstance.errors.map((e) => e.code)).toEqual(['identity-center-instance-missing']);
    expect(noInstance.steps).toEqual([]);
  });
});

describe('permission sets read', () => {
  const readWith = (fake: FakeAwsPort, desired: DesiredOrg) =>
    readPermissionSetsSlice({ port: fake, desired, callerAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID } as unknown as KindReadContext);

  it('reads nothing without an identityCenter section', async () => {
    const fake = new FakeAwsPort();
    fake.security.addIdentityCenterInstance('eu-west-1');
    expect(await readWith(fake, desiredOf(yamlDoc(...HEADER, '    Team: {}')))).toEqual({});
    expect(fake.calls).toEqual([]);
  });

  it('reads the instance once, the sets once, and five calls per set org.yaml does not declare (no boundary or tags read without prune)', async () => {
    const fake = new FakeAwsPort();
    const instance = fake.security.addIdentityCenterInstance('eu-west-1');
    fake.permissionSets.seed(instance.instanceArn, { name: 'B', inlinePolicy: '{"a":1}' });
    fake.permissionSets.seed(instance.instanceArn, { name: 'A', provisionedAccountIds: ['222222222222'] });
    const slice = await readWith(fake, desiredOf(yamlDoc(...HEADER, '    Team: {}', ...CENTER)));
    expect(slice.identityCenterPermissionSets?.permissionSets.map((s) => s.name)).toEqual(['A', 'B']);
    expect(slice.identityCenterPermissionSets?.permissionSets[0]?.provisionedAccountIds).toEqual(['222222222222']);
    const counts = new Map<string, number>();
    for (const call of fake.calls) counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      ListInstances: 1,
      ListPermissionSets: 1,
      DescribePermissionSet: 2,
      ListManagedPoliciesInPermissionSet: 2,
      ListCustomerManagedPolicyReferencesInPermissionSet: 2,
      GetInlinePolicyForPermissionSet: 2,
      ListAccountsForProvisionedPermissionSet: 2,
    });
    expect(slice.identityCenterPermissionSets?.permissionSets[0]).not.toHaveProperty('tags');
    expect(slice.identityCenterPermissionSets?.permissionSets[0]).not.toHaveProperty('permissionsBoundary');
  });

  it('reads a boundary only where org.yaml writes `permissionsBoundary`, tags only where it writes `tags:` and, with prune, of the sets prune may delete', async () => {
    const fake = new FakeAwsPort();
    const instance = fake.security.addIdentityCenterInstance('eu-west-1');
    fake.permissionSets.seed(instance.instanceArn, { name: 'Admin', tags: { owner: 'platform' }, permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } });
    fake.permissionSets.seed(instance.instanceArn, { name: 'Bounded', permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }, tags: { owner: 'x' } });
    fake.permissionSets.seed(instance.instanceArn, { name: 'Plain', permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } });
    fake.permissionSets.seed(instance.instanceArn, { name: 'Undeclared', tags: { 'managed-by': 'orgctl' } });
    const declared = [
      ...CENTER,
      '    Bounded: { permissionsBoundary: { managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess } }',
      '    Plain: {}',
    ];
    const readBy = async (lines: string[]) => {
      fake.resetCalls();
      const slice = await readWith(fake, desiredOf(yamlDoc(...HEADER, '    Team: {}', ...lines)));
      const byName = new Map(slice.identityCenterPermissionSets!.permissionSets.map((s) => [s.name, s]));
      const read = (operation: string) => fake.calls.filter((c) => c.operation === operation).length;
      return { byName, boundaries: read('GetPermissionsBoundaryForPermissionSet'), tagLists: read('ListTagsForResource') };
    };
    const kept = await readBy(declared);
    expect([kept.boundaries, kept.tagLists]).toEqual([1, 1]);
    expect(kept.byName.get('Bounded')?.permissionsBoundary).toEqual({ managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    expect(kept.byName.get('Admin')?.tags).toEqual({ owner: 'platform' });
    for (const name of ['Plain', 'Admin', 'Undeclared']) expect(kept.byName.get(name)).not.toHaveProperty('permissionsBoundary');
    for (const name of ['Bounded', 'Plain', 'Undeclared']) expect(kept.byName.get(name)).not.toHaveProperty('tags');
    const pruning = await readBy([...declared, 'options:', '  prunePermissionSets: true']);
    expect([pruning.boundaries, pruning.tagLists]).toEqual([1, 2]);
    expect(pruning.byName.get('Undeclared')?.tags).toEqual({ 'managed-by': 'orgctl' });
  });
});

describe('permission sets executors', () => {
  const ctx = (fake: FakeAwsPort): StepContext => ({ port: fake, managementAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID, sleep: async () => undefined }) as unknown as StepContext;
  const instanceOf = (fake: FakeAwsPort) => ({ region: 'eu-west-1', instanceArn: fake.security.addIdentityCenterInstance('eu-west-1').instanceArn });
  const spec = { name: 'Admin', description: 'd', sessionDuration: 'PT4H', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], customerManagedPolicies: [{ name: 'B', path: '/' }], inlinePolicy: '{"a":1}', permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }, tags: { owner: 'platform' } };

  it('create is idempotent: run twice, one set with everything, tagged managed-by: orgctl', async () => {
    const fake = new FakeAwsPort();
    const instance = instanceOf(fake);
    const step = { kind: 'createPermissionSet', address: 'permission-set:Admin', reason: '', dependsOn: [], instance, before: null, after: spec } as const;
    await PERMISSION_SET_HANDLERS.createPermissionSet.execute(step, ctx(fake));
    await PERMISSION_SET_HANDLERS.createPermissionSet.execute(step, ctx(fake));
    const sets = [...fake.permissionSets.sets.values()];
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ name: 'Admin', managedPolicies: spec.managedPolicies, customerManagedPolicies: spec.customerManagedPolicies, inlinePolicy: '{"a":1}', permissionsBoundary: spec.permissionsBoundary, tags: { owner: 'platform', 'managed-by': 'orgctl' } });
  });

  it('update is idempotent: run twice, the set ends as planned', async () => {
    const fake = new FakeAwsPort();
    const instance = instanceOf(fake);
    const set = fake.permissionSets.seed(instance.instanceArn, { name: 'Admin', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], tags: { owner: 'x', stale: 'y' } });
    const before = { name: 'Admin', sessionDuration: 'PT1H', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], customerManagedPolicies: [], tags: { owner: 'x', stale: 'y' } };
    const step = { kind: 'updatePermissionSet', address: 'permission-set:Admin', reason: '', dependsOn: [], instance, permissionSetArn: set.arn, before, after: spec } as const;
    await PERMISSION_SET_HANDLERS.updatePermissionSet.execute(step, ctx(fake));
    await PERMISSION_SET_HANDLERS.updatePermissionSet.execute(step, ctx(fake));
    expect(fake.permissionSets.sets.get(set.arn)).toMatchObject({ description: 'd', sessionDuration: 'PT4H', managedPolicies: spec.managedPolicies, customerManagedPolicies: spec.customerManagedPolicies, inlinePolicy: '{"a":1}', permissionsBoundary: spec.permissionsBoundary, tags: { owner: 'platform' } });
  });

  it('provisioning that AWS reports FAILED fails the step with AWS\'s reason', async () => {
    const fake = new FakeAwsPort();
    const instance = instanceOf(fake);
    const set = fake.permissionSets.seed(instance.instanceArn, { name: 'Admin', provisionedAccountIds: ['222222222222'] });
    fake.permissionSets.provisioningFailure = 'Managed policy arn:aws:iam::aws:policy/Nope does not exist';
    const step = { kind: 'provisionPermissionSet', address: 'permission-set:Admin/provisioning', reason: '', dependsOn: [], instance, permissionSetArn: set.arn, before: null, after: { name: 'Admin', accountIds: ['222222222222'] } } as const;
    await expect(PERMISSION_SET_HANDLERS.provisionPermissionSet.execute(step, ctx(fake))).rejects.toThrow(/provisioning permission set "Admin" failed .*AWS said: Managed policy arn:aws:iam::aws:policy\/Nope does not exist/);
    fake.permissionSets.provisioningFailure = undefined;
    await PERMISSION_SET_HANDLERS.provisionPermissionSet.execute(step, ctx(fake));
    expect(fake.callCount('DescribePermissionSetProvisioningStatus')).toBe(2);
  });

  it('delete is idempotent', async () => {
    const fake = new FakeAwsPort();
    const instance = instanceOf(fake);
    const set = fake.permissionSets.seed(instance.instanceArn, { name: 'Old' });
    const step = { kind: 'deletePermissionSet', address: 'permission-set:Old', reason: '', dependsOn: [], instance, permissionSetArn: set.arn, before: { name: 'Old' }, after: null } as const;
    await PERMISSION_SET_HANDLERS.deletePermissionSet.execute(step, ctx(fake));
    await PERMISSION_SET_HANDLERS.deletePermissionSet.execute(step, ctx(fake));
    expect(fake.permissionSets.sets.size).toBe(0);
  });
});
