// The identity center kind's assignments: principals resolved by name, OU targets expanded to the accounts
// org.yaml places under them (moved or created by the same plan included), grants planned against what AWS
// has, revocations only with pruneAssignments, and the plan comment's "Access changes" section.

import { describe, expect, it } from 'vitest';
import type { LiveIdentityCenterAccess, LiveOrg } from '../../../src/model/live.js';
import type { Plan } from '../../../src/model/plan.js';
import { planOrg } from '../../../src/planner/index.js';
import { renderPlanMarkdown } from '../../../src/render/plan-markdown.js';
import { renderPlanText } from '../../../src/render/plan-text.js';
import { parsePlanFile, serializePlan } from '../../../src/render/plan-file.js';
import { aLiveOrgMatching, FAKE_INPUTS } from '../../support/builders.js';
import { desiredOf, HEADER, yamlDoc } from '../../config/support.js';

const INSTANCE = { instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111', identityStoreId: 'd-1111111111' };
const ADMIN_ARN = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-aaaaaaaaaaaaaaaa';
const READ_ARN = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-bbbbbbbbbbbbbbbb';
const OTHER_ARN = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-cccccccccccccccc';
const ADMINS_ID = '90670000-0000-7000-8000-000000000001';
const ALICE_ID = '90670000-0000-7000-8000-000000000002';

const TREE = [
  ...HEADER,
  '    Workloads:',
  '      accounts: ["111111111111"]',
  '      organizationalUnits:',
  '        Prod:',
  '          accounts: ["222222222222", "333333333333"]',
  '    WorkloadsOld:',
  '      accounts: ["444444444444"]',
];

const SETS = [
  'identityCenter:',
  '  region: us-east-1',
  '  permissionSets:',
  '    AdministratorAccess: { managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }',
  '    ReadOnly: { managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess] }',
];

const ASSIGNMENTS = [
  '  assignments:',
  '    - group: PlatformAdmins',
  '      permissionSet: AdministratorAccess',
  '      organizationalUnits: [/Workloads]',
  '    - user: alice@example.com',
  '      permissionSet: ReadOnly',
  '      accounts: ["444444444444", "222222222222"]',
  '      organizationalUnits: [/Workloads/Prod]',
];

function access(overrides: Partial<LiveIdentityCenterAccess> = {}): LiveIdentityCenterAccess {
  return {
    region: 'us-east-1',
    instance: INSTANCE,
    permissionSets: [
      { name: 'AdministratorAccess', arn: ADMIN_ARN },
      { name: 'ReadOnly', arn: READ_ARN },
      { name: 'Billing', arn: OTHER_ARN },
    ],
    principals: [
      { type: 'GROUP', name: 'PlatformAdmins', id: ADMINS_ID },
      { type: 'USER', name: 'alice@example.com', id: ALICE_ID },
    ],
    assignments: [],
    ...overrides,
  };
}

function plan(lines: readonly string[], live: Partial<LiveIdentityCenterAccess> = {}, edit: (org: LiveOrg) => LiveOrg = (org) => org): Plan {
  const desired = desiredOf(yamlDoc(...lines));
  const org = aLiveOrgMatching(desired).build();
  return planOrg(desired, { ...edit(org), identityCenterAccess: access(live) }, FAKE_INPUTS);
}

const grants = (p: Plan) =>
  p.steps.flatMap((s) => (s.kind === 'createAccountAssignment' ? [`${s.after.permissionSet.name} ${s.after.principal.name} ${'id' in s.after.account ? s.after.account.id : s.after.account.email}`] : []));

describe('identity center assignments plan', () => {
  it('grants each principal its permission set on the listed accounts and every account under the OUs (recursively, not a sibling sharing a prefix), each once', () => {
    const p = plan([...TREE, ...SETS, ...ASSIGNMENTS]);
    expect(grants(p).sort()).toEqual(
      [
        'AdministratorAccess PlatformAdmins 111111111111',
        'AdministratorAccess PlatformAdmins 222222222222',
        'AdministratorAccess PlatformAdmins 333333333333',
        'ReadOnly alice@example.com 222222222222',
        'ReadOnly alice@example.com 333333333333',
        'ReadOnly alice@example.com 444444444444',
      ].sort(),
    );
    const first = p.steps.find((s) => s.kind === 'createAccountAssignment');
    expect(first).toMatchObject({
      after: { region: 'us-east-1', ...INSTANCE, permissionSet: { name: 'AdministratorAccess', arn: ADMIN_ARN }, principal: { type: 'GROUP', name: 'PlatformAdmins', id: ADMINS_ID } },
    });
    expect(p.errors).toEqual([]);
  });

  it('plans nothing for assignments AWS already has', () => {
    const existing = ['111111111111', '222222222222', '333333333333'].map((accountId) => ({ accountId, permissionSetArn: ADMIN_ARN, principalType: 'GROUP' as const, principalId: ADMINS_ID }));
    const p = plan([...TREE, ...SETS, ...ASSIGNMENTS], { assignments: existing });
    expect(grants(p).filter((g) => g.startsWith('AdministratorAccess'))).toEqual([]);
    expect(grants(p)).toHaveLength(3);
  });

  it('expands an OU to an account the same plan moves into it, and to one it creates there (waiting for the creation)', () => {
    const lines = [
      ...HEADER,
      '    Workloads:',
      '      accounts: ["111111111111", { name: fresh, email: fresh@example.com }]',
      ...SETS,
      '  assignments:',
      '    - group: PlatformAdmins',
      '      permissionSet: AdministratorAccess',
      '      organizationalUnits: [/Workloads]',
    ];
    // 111111111111 lives in the root today: the plan moves it into /Workloads.
    const p = plan(lines, {}, (org) => ({ ...org, accounts: org.accounts.map((a) => (a.id === '111111111111' ? { ...a, parentId: org.root!.id } : a)) }));
    expect(p.steps.some((s) => s.kind === 'moveAccount')).toBe(true);
    expect(grants(p).sort()).toEqual(['AdministratorAccess PlatformAdmins 111111111111', 'AdministratorAccess PlatformAdmins fresh@example.com']);
    const creation = p.steps.findIndex((s) => s.kind === 'createAccount');
    const grant = p.steps.find((s) => s.kind === 'createAccountAssignment' && 'email' in s.after.account);
    expect(creation).toBeGreaterThanOrEqual(0);
    expect(grant?.dependsOn).toContain(creation);
  });

  it('revokes undeclared assignments of permission sets org.yaml knows only with pruneAssignments', () => {
    const stray = [
      { accountId: '444444444444', permissionSetArn: ADMIN_ARN, principalType: 'GROUP' as const, principalId: ADMINS_ID },
      // Billing is not in org.yaml: never touched.
      { accountId: '444444444444', permissionSetArn: OTHER_ARN, principalType: 'GROUP' as const, principalId: ADMINS_ID },
    ];
    const without = plan([...TREE, ...SETS, ...ASSIGNMENTS], { assignments: stray });
    expect(without.steps.filter((s) => s.kind === 'deleteAccountAssignment')).toEqual([]);
    const pruned = plan([...TREE, ...SETS, ...ASSIGNMENTS, 'options:', '  pruneAssignments: true'], { assignments: stray });
    const deletes = pruned.steps.filter((s) => s.kind === 'deleteAccountAssignment');
    expect(deletes.map((s) => s.address)).toEqual(['assignment:AdministratorAccess/group:PlatformAdmins/444444444444']);
    // Grants come before revocations.
    const lastGrant = pruned.steps.map((s) => s.kind).lastIndexOf('createAccountAssignment');
    expect(pruned.steps.findIndex((s) => s.kind === 'deleteAccountAssignment')).toBeGreaterThan(lastGrant);
  });

  it('a group or user that does not exist is a plan error naming it', () => {
    const p = plan([...TREE, ...SETS, ...ASSIGNMENTS], {
      principals: [
        { type: 'GROUP', name: 'PlatformAdmins', id: null },
        { type: 'USER', name: 'alice@example.com', id: null },
      ],
    });
    expect(p.errors.map((e) => e.code)).toEqual(['identity-center-principal-missing', 'identity-center-principal-missing']);
    expect(p.errors[0]?.message).toContain('group PlatformAdmins is not in the IAM Identity Center directory');
    expect(p.errors[0]?.message).toContain('declare it under identityCenter.groups');
    expect(p.errors[1]?.message).toContain('user alice@example.com is not in the IAM Identity Center directory');
    expect(grants(p)).toEqual([]);
  });

  it('creates a group `groups:` declares, and its assignments wait for it', () => {
    const lines = [...TREE, ...SETS, '  groups:', '    PlatformAdmins: { description: Platform team }', ...ASSIGNMENTS];
    const p = plan(lines, { principals: [{ type: 'GROUP', name: 'PlatformAdmins', id: null }, { type: 'USER', name: 'alice@example.com', id: ALICE_ID }], externalDirectory: false });
    expect(p.errors).toEqual([]);
    const group = p.steps.findIndex((s) => s.kind === 'createGroup');
    expect(p.steps[group]).toMatchObject({ after: { displayName: 'PlatformAdmins', description: 'Platform team', identityStoreId: INSTANCE.identityStoreId } });
    const adminGrants = p.steps.filter((s) => s.kind === 'createAccountAssignment' && s.after.principal.name === 'PlatformAdmins');
    expect(adminGrants).toHaveLength(3);
    for (const s of adminGrants) {
      expect(s.dependsOn).toContain(group);
      expect(s.kind === 'createAccountAssignment' && s.after.principal.id).toBeUndefined();
    }
  });

  it('with an external identity provider a missing declared group is an error saying it comes from the provider', () => {
    const lines = [...TREE, ...SETS, '  groups:', '    PlatformAdmins: {}', ...ASSIGNMENTS];
    const p = plan(lines, { principals: [{ type: 'GROUP', name: 'PlatformAdmins', id: null }, { type: 'USER', name: 'alice@example.com', id: ALICE_ID }], externalDirectory: true });
    expect(p.steps.filter((s) => s.kind === 'createGroup')).toEqual([]);
    expect(p.errors.map((e) => e.message).join('\n')).toContain('synchronized from an external identity provider, so groups come from it: create PlatformAdmins in your identity provider');
  });

  it('without an Identity Center instance the plan says to enable it', () => {
    const p = plan([...TREE, ...SETS, ...ASSIGNMENTS], { instance: null, permissionSets: [], principals: [] });
    expect(p.errors.map((e) => e.code)).toEqual(['identity-center-instance-missing']);
    expect(p.errors[0]?.message).toContain('no IAM Identity Center organization instance in us-east-1');
    expect(grants(p)).toEqual([]);
  });

  it('the plan comment says who gains which permission set on how many accounts, first after the audit, administrator access called out', () => {
    const p = plan([...TREE, ...SETS, ...ASSIGNMENTS]);
    const markdown = renderPlanMarkdown(p);
    // 444 is listed; 222 is listed but also under /Workloads/Prod.
    expect(markdown).toContain(
      '#### Access changes\n\n- **⚠ administrator access:** gains\\: AdministratorAccess → group PlatformAdmins on 3 accounts under /Workloads\n' +
        '- gains\\: ReadOnly → user alice@\u200bexample\\.com on 3 accounts under /Workloads/Prod, 1 listed\n',
    );
    expect(markdown.indexOf('#### Access changes')).toBeLessThan(markdown.indexOf('#### Changes'));
    expect(renderPlanText(p, { color: false })).toContain('! administrator access: gains: AdministratorAccess → group PlatformAdmins on 3 accounts under /Workloads');
  });

  it('an inline policy allowing "*" on "*" is administrator access too; other permission sets are not called out', async () => {
    const { grantsAdministrator } = await import('../../../src/kinds/identity-center/assignments/administrator.js');
    expect(grantsAdministrator({ managedPolicies: [], inlinePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: ['*'] }] } })).toBe(true);
    expect(grantsAdministrator({ managedPolicies: [], inlinePolicy: '{"Statement":{"Effect":"Allow","Action":["*"],"Resource":"*"}}' })).toBe(true);
    expect(grantsAdministrator({ managedPolicies: [], inlinePolicy: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } })).toBe(false);
    expect(grantsAdministrator({ managedPolicies: [], inlinePolicy: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } })).toBe(false);
    expect(grantsAdministrator({ managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })).toBe(false);
  });

  it('names cannot inject markdown, HTML or @-mentions into the access section', () => {
    const lines = [...TREE, ...SETS, '  assignments:', '    - group: "@acme/admins <img src=x> [x](http://e)"', '      permissionSet: ReadOnly', '      accounts: ["111111111111"]'];
    const p = plan(lines, { principals: [{ type: 'GROUP', name: '@acme/admins <img src=x> [x](http://e)', id: ADMINS_ID }] });
    const markdown = renderPlanMarkdown(p);
    // The section, not the diff block (GitHub renders no mention or HTML inside code).
    const section = markdown.slice(markdown.indexOf('#### Access changes'), markdown.indexOf('#### Changes'));
    expect(section).toContain('acme/admins');
    expect(section).not.toContain('@acme');
    expect(section).not.toContain('<img');
    expect(section).not.toContain('[x](http://e)');
  });

  it('its steps (a group, grants by ID and by email, a revocation) pass the plan file\'s schema and read back the same', () => {
    const lines = [...HEADER, '    Workloads:', '      accounts: ["111111111111", { name: fresh, email: fresh@example.com }]', ...SETS, '  groups:', '    Auditors: {}', ...ASSIGNMENTS.slice(0, 4), '    - group: Auditors', '      permissionSet: ReadOnly', '      accounts: ["111111111111"]', 'options:', '  pruneAssignments: true'];
    const stray = [{ accountId: '111111111111', permissionSetArn: READ_ARN, principalType: 'GROUP' as const, principalId: ADMINS_ID }];
    const p = plan(lines, { principals: [{ type: 'GROUP', name: 'PlatformAdmins', id: ADMINS_ID }, { type: 'GROUP', name: 'Auditors', id: null }], externalDirectory: false, assignments: stray });
    expect(new Set(p.steps.map((s) => s.kind))).toEqual(new Set(['createAccount', 'moveAccount', 'createGroup', 'createAccountAssignment', 'deleteAccountAssignment']));
    const read = parsePlanFile(serializePlan(p), 'plan.json');
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value.steps).toEqual(p.steps);
  });

  it('reports nothing and plans nothing when org.yaml has no identityCenter section', () => {
    const desired = desiredOf(yamlDoc(...TREE));
    const p = planOrg(desired, aLiveOrgMatching(desired).build(), FAKE_INPUTS);
    expect(renderPlanMarkdown(p)).not.toContain('Access changes');
    expect(p.steps).toEqual([]);
  });
});

describe('identity center plan: permission sets and assignments together', () => {
  it('an assignment of a permission set the same plan creates waits for its createPermissionSet and names it by name', () => {
    const liveSet = {
      arn: ADMIN_ARN,
      name: 'AdministratorAccess',
      description: undefined,
      sessionDuration: 'PT1H',
      managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      customerManagedPolicies: [],
      inlinePolicy: undefined,
      permissionsBoundary: null,
      tags: {},
      provisionedAccountIds: [],
    };
    // ReadOnly is declared but not in Identity Center yet.
    const p = plan([...TREE, ...SETS, ...ASSIGNMENTS], { permissionSets: [{ name: 'AdministratorAccess', arn: ADMIN_ARN }] }, (org) => ({
      ...org,
      identityCenterPermissionSets: { region: 'us-east-1', instance: { region: 'us-east-1', instanceArn: INSTANCE.instanceArn }, permissionSets: [liveSet] },
    }));
    expect(p.errors).toEqual([]);
    const creation = p.steps.findIndex((s) => s.kind === 'createPermissionSet' && s.after.name === 'ReadOnly');
    expect(creation).toBeGreaterThanOrEqual(0);
    const readOnlyGrants = p.steps.filter((s) => s.kind === 'createAccountAssignment' && s.after.permissionSet.name === 'ReadOnly');
    expect(readOnlyGrants.length).toBeGreaterThan(0);
    for (const grant of readOnlyGrants) {
      expect(grant.dependsOn).toContain(creation);
      expect(grant.kind === 'createAccountAssignment' && grant.after.permissionSet.arn).toBe(undefined);
    }
  });
});
