// The end-state oracle's policies kind reports each way the end state can break org.yaml's promises
// (a policy missing, its document, description or type different, an attachment too many or too few, a
// type not enabled, an undeclared policy deleted or kept), and nothing for a world that keeps them.
// It reads a policy's `file:` itself, relative to the directory it is given, and reads the emulator's answers.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgPolicyType } from '../../../src/model/desired.js';
import type { LiveOrg, LivePolicy } from '../../../src/model/live.js';
import { startEmulator, type Emulator } from '../../../src/emulator/index.js';
import { snapshotOf } from '../../workflow/support/emulator-world.js';
import { aLiveOrg, MANAGEMENT_ACCOUNT_ID as MGMT, ROOT_ID } from '../builders.js';
import { testEmulatorOptions } from '../emulator.js';
import { compareEndState, endStateOfLive, expectedEndState, readEndState } from './index.js';

const A = '111111111111';
const OU = 'ou-root-0000work';
const DENY = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] };

function orgYaml(options = ''): string {
  return [
    'version: 1',
    `organization: { managementAccountId: "${MGMT}" }`,
    'policies:',
    '  DenyLeave:',
    '    description: Members stay',
    '    file: deny-leave.json',
    '  CostCenter:',
    '    type: TAG_POLICY',
    '    document: { tags: { costcenter: { tag_key: { "@@assign": CostCenter } } } }',
    'root:',
    '  policies: [FullAWSAccess, DenyLeave]',
    `  accounts: ["${MGMT}"]`,
    '  organizationalUnits:',
    '    Workloads:',
    '      policies: [FullAWSAccess, CostCenter]',
    `      accounts: [{ id: "${A}", policies: [FullAWSAccess] }]`,
    ...(options ? ['options:', options] : []),
    '',
  ].join('\n');
}

const policy = (fields: Partial<LivePolicy> & Pick<LivePolicy, 'id' | 'name'>): LivePolicy => ({
  type: 'SERVICE_CONTROL_POLICY',
  awsManaged: false,
  description: '',
  content: '{}',
  tags: { 'managed-by': 'orgctl' },
  targets: [],
  ...fields,
});

const FULL = policy({ id: 'p-FullAWSAccess', name: 'FullAWSAccess', awsManaged: true, description: 'Allows access to every operation', targets: [ROOT_ID, OU, A, MGMT] });
const DENY_LEAVE = policy({ id: 'p-deny', name: 'DenyLeave', description: 'Members stay', content: JSON.stringify(DENY, null, 2), targets: [ROOT_ID] });
const COST = policy({ id: 'p-cost', name: 'CostCenter', type: 'TAG_POLICY', content: '{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"}}}}', targets: [OU] });
const OTHER = policy({ id: 'p-other', name: 'ControlTowerGuardrail', tags: {}, content: '{"Statement":[]}', targets: [OU] });

/** The organization with these policies; by default what orgctl's apply leaves, plus another tool's SCP on the OU. */
function world(policies: readonly LivePolicy[] = [FULL, DENY_LEAVE, COST, OTHER], enabledTypes: readonly OrgPolicyType[] = ['SERVICE_CONTROL_POLICY', 'TAG_POLICY']): LiveOrg {
  const live = aLiveOrg().withOu('/Workloads', { id: OU }).withAccount(MGMT).withAccount(A, '/Workloads').build();
  return { ...live, policies: { enabledTypes: [...enabledTypes], readTypes: [...enabledTypes], policies } };
}

const replaced = (by: LivePolicy, policies = world().policies!.policies): LivePolicy[] => policies.map((p) => (p.id === by.id ? by : p));

describe('end-state oracle: policies', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'oracle-policies-'));
    // The file as a person writes it: other key order and whitespace than AWS stores; the same JSON value.
    writeFileSync(join(dir, 'deny-leave.json'), `{ "Statement": [{ "Resource": "*", "Effect": "Deny", "Action": "organizations:LeaveOrganization" }],\n  "Version": "2012-10-17" }\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const compare = (after: LiveOrg, { before = world(), options = '' }: { before?: LiveOrg; options?: string } = {}) =>
    compareEndState(endStateOfLive(after), expectedEndState(orgYaml(options), endStateOfLive(before), { directory: dir }));

  it('a world that is what org.yaml declares: nothing to report (documents compared as JSON values)', () => {
    expect(compare(world())).toEqual({ mismatches: [], unchecked: [] });
  });

  it('without the directory, a policy in a file is a named gap, not a silent pass', () => {
    const { unchecked } = compareEndState(endStateOfLive(world()), expectedEndState(orgYaml(), endStateOfLive(world())));
    expect(unchecked).toEqual(['policy "DenyLeave": its file "deny-leave.json" was not read (expectedEndState was given no directory)']);
  });

  const cases: { name: string; after: LiveOrg; before?: LiveOrg; options?: string; report: string[] }[] = [
    {
      name: 'a declared policy missing',
      after: world([{ ...FULL, targets: [ROOT_ID, OU, A, MGMT] }, COST, OTHER]),
      report: ['[policies] policy "DenyLeave" (SERVICE_CONTROL_POLICY): declared, not in AWS', '[policies] root: attached ["FullAWSAccess"], org.yaml lists ["DenyLeave","FullAWSAccess"]'],
    },
    {
      name: 'a document that differs as a value',
      after: world(replaced({ ...DENY_LEAVE, content: JSON.stringify({ ...DENY, Statement: [{ ...DENY.Statement[0], Effect: 'Allow' }] }) })),
      report: [
        '[policies] policy "DenyLeave": document is {"Statement":[{"Action":"organizations:LeaveOrganization","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}, org.yaml declares {"Statement":[{"Action":"organizations:LeaveOrganization","Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}',
      ],
    },
    { name: 'a description that differs', after: world(replaced({ ...DENY_LEAVE, description: 'old' })), report: ['[policies] policy "DenyLeave": description is "old", org.yaml declares "Members stay"'] },
    {
      name: 'a policy of another type than declared',
      after: world(replaced({ ...COST, type: 'BACKUP_POLICY' })),
      report: [
        '[policies] policy "CostCenter" (TAG_POLICY): declared, not in AWS',
        '[policies] OU /Workloads: attached ["FullAWSAccess"], org.yaml lists ["CostCenter","FullAWSAccess"]',
        '[policies] OU /Workloads: attachments of policies org.yaml does not know changed from ["ControlTowerGuardrail (SERVICE_CONTROL_POLICY)"] to ["ControlTowerGuardrail (SERVICE_CONTROL_POLICY)","CostCenter (BACKUP_POLICY)"]',
      ],
    },
    { name: 'a type org.yaml uses not enabled', after: world(undefined, ['SERVICE_CONTROL_POLICY']), before: world(undefined, ['SERVICE_CONTROL_POLICY']), report: ['[policies] policy type TAG_POLICY: org.yaml uses it, yet it is not enabled on the root'] },
    {
      name: 'a listed policy not attached, and an unlisted known one still attached',
      after: world(replaced({ ...FULL, targets: [ROOT_ID, OU, MGMT] }, replaced({ ...DENY_LEAVE, targets: [ROOT_ID, A] }))),
      report: [`[policies] account ${A}: attached ["DenyLeave"], org.yaml lists ["FullAWSAccess"]`],
    },
    {
      name: 'a node without policies: whose attachments changed',
      after: world(replaced({ ...FULL, targets: [ROOT_ID, OU, A] })),
      report: [`[policies] account ${MGMT}: no policies: in org.yaml, yet its attachments changed from ["FullAWSAccess (SERVICE_CONTROL_POLICY)"] to []`],
    },
    { name: "another tool's attachment detached under ignore", after: world(replaced({ ...OTHER, targets: [] })), report: ['[policies] OU /Workloads: attachments of policies org.yaml does not know changed from ["ControlTowerGuardrail (SERVICE_CONTROL_POLICY)"] to []'] },
    { name: "another tool's attachment kept under detach", after: world(), options: '  unlistedPolicyAttachments: detach', report: ['[policies] OU /Workloads: unlistedPolicyAttachments is detach, yet ["ControlTowerGuardrail (SERVICE_CONTROL_POLICY)"] stay attached'] },
    { name: 'an undeclared policy deleted without prunePolicies', after: world([FULL, DENY_LEAVE, COST]), report: ['[policies] policy "ControlTowerGuardrail": deleted, yet prunePolicies is off'] },
    { name: "another tool's policy deleted with prunePolicies", after: world([FULL, DENY_LEAVE, COST]), options: '  prunePolicies: true', report: ['[policies] policy "ControlTowerGuardrail": deleted, yet orgctl did not create it (no managed-by=orgctl tag)'] },
    {
      name: "orgctl's undeclared policy kept with prunePolicies",
      before: world([FULL, DENY_LEAVE, COST, OTHER, policy({ id: 'p-old', name: 'Old' })]),
      after: world([FULL, DENY_LEAVE, COST, OTHER, policy({ id: 'p-old', name: 'Old' })]),
      options: '  prunePolicies: true',
      report: ['[policies] policy "Old": not in org.yaml, tagged managed-by=orgctl and prunePolicies is on, yet it exists'],
    },
    { name: 'a policy created that org.yaml does not declare', after: world([...world().policies!.policies, policy({ id: 'p-new', name: 'Stray' })]), report: ['[policies] policy "Stray" (SERVICE_CONTROL_POLICY): created, yet org.yaml does not declare it'] },
    {
      name: 'a policy orgctl created without its managed-by tag',
      before: world([FULL, COST, OTHER]),
      after: world(replaced({ ...DENY_LEAVE, tags: {} })),
      report: ['[policies] policy "DenyLeave": created by orgctl without the tag managed-by=orgctl'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(compare(c.after, { ...(c.before && { before: c.before }), options: c.options ?? '' }).mismatches).toEqual(c.report);
    });
  }
});

describe('end-state oracle: policies read from the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, pageSize: 1 }));
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('reads the enabled types, each policy (document parsed, description, tags) and its targets, and maps targets to nodes', async () => {
    const base = snapshotOf({ hasOrganization: true, ous: [{ name: 'Workloads', path: '/Workloads', parentPath: '/' }], accounts: [{ id: MGMT, parentPath: '/' }, { id: A, parentPath: '/Workloads' }], budgets: [] });
    const ou = base.organization!.organizationalUnits![0]!.id;
    const rootId = base.organization!.root.id;
    emulator.seed({
      ...base,
      organization: {
        ...base.organization!,
        root: { id: rootId, policyTypes: ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'] },
        policies: [{ id: 'p-costcentr1', name: 'CostCenter', description: 'tags', type: 'TAG_POLICY', content: '{ "tags": {} }', tags: { 'managed-by': 'orgctl' } }],
        policyAttachments: { [ou]: ['p-FullAWSAccess', 'p-costcentr1'] },
      },
    });
    const { policies } = await readEndState({ endpoint: emulator.url });
    expect(policies.enabledTypes).toEqual(['SERVICE_CONTROL_POLICY', 'TAG_POLICY']);
    expect(policies.readTypes).toEqual(['SERVICE_CONTROL_POLICY', 'TAG_POLICY']);
    expect(policies.policies.find((p) => p.id === 'p-costcentr1')).toEqual({
      id: 'p-costcentr1',
      name: 'CostCenter',
      type: 'TAG_POLICY',
      awsManaged: false,
      description: 'tags',
      content: { tags: {} },
      tags: { 'managed-by': 'orgctl' },
      targets: [ou],
    });
    expect(policies.policies.find((p) => p.name === 'FullAWSAccess')).toMatchObject({ awsManaged: true, targets: [MGMT, A, ou, rootId].sort() });
    expect(Object.fromEntries(policies.nodes)).toEqual({ [rootId]: 'root', [ou]: 'ou:["Workloads"]', [MGMT]: `account:${MGMT}`, [A]: `account:${A}` });
  });
});
