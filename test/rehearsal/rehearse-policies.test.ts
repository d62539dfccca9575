// Rehearsing a plan with policy steps: the rehearsal's copy of the live organization carries its policy
// types, customer policies (content, description, tags) and attachments, so updating, attaching,
// detaching and deleting existing policies succeed there as they would in AWS, and the plan converges.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { rehearsePlan } from '../../src/rehearsal/rehearse-plan.js';
import { snapshotOfLive } from '../../src/rehearsal/snapshot-of-live.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorPort, MGMT, ROOT_ID, snapshotOf } from '../workflow/support/emulator-world.js';

const MEMBER = '210987654321';
const SHA = '7'.repeat(64);
const OU = 'ou-appl-00000000';
const SCP = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] });

/** Live: tag policies enabled; DenyLeave on the root, CostCenter (a tag policy) and Old on the OU. */
function liveSnapshot() {
  const base = snapshotOf({ hasOrganization: true, ous: [{ name: 'Workloads', path: '/Workloads', parentPath: '/' }], accounts: [{ id: MGMT, parentPath: '/' }, { id: MEMBER, parentPath: '/Workloads' }], budgets: [] });
  return {
    ...base,
    organization: {
      ...base.organization!,
      root: { id: ROOT_ID, policyTypes: ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'] as const },
      policies: [
        { id: 'p-denyleave1', name: 'DenyLeave', description: 'old words', type: 'SERVICE_CONTROL_POLICY' as const, content: SCP('organizations:LeaveOrganization'), tags: { 'managed-by': 'orgctl' } },
        { id: 'p-costcentr1', name: 'CostCenter', type: 'TAG_POLICY' as const, content: '{"tags":{}}', tags: { 'managed-by': 'orgctl' } },
        { id: 'p-oldpolicy1', name: 'Old', type: 'SERVICE_CONTROL_POLICY' as const, content: SCP('s3:DeleteBucket'), tags: { 'managed-by': 'orgctl' } },
      ],
      policyAttachments: { [ROOT_ID]: ['p-FullAWSAccess', 'p-denyleave1'], [OU]: ['p-FullAWSAccess', 'p-costcentr1', 'p-oldpolicy1'] },
    },
  };
}

const ORG_YAML = `version: 1
organization: { managementAccountId: "${MGMT}" }
policies:
  DenyLeave:
    description: Accounts cannot leave
    document: { Version: "2012-10-17", Statement: [{ Effect: Deny, Action: "organizations:LeaveOrganization", Resource: "*" }] }
  CostCenter:
    type: TAG_POLICY
    document: { tags: { costcenter: { tag_key: { "@@assign": CostCenter } } } }
  Backups:
    type: BACKUP_POLICY
    document: { plans: {} }
root:
  policies: [FullAWSAccess]
  accounts: ["${MGMT}"]
  organizationalUnits:
    Workloads:
      policies: [FullAWSAccess, DenyLeave, CostCenter, Backups]
      accounts: ["${MEMBER}"]
options: { prunePolicies: true }
`;

describe('rehearsing a plan with policy steps', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it('copies the policy types, policies and attachments, so updates, attaches, detaches and deletes of existing policies apply there and converge', async () => {
    emulator.seed(liveSnapshot());
    const parsed = parseOrgYaml(ORG_YAML, 'org.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
    const port = emulatorPort(emulator.url);
    const { plan, live } = await makePlan(port, parsed.value, SHA, { audit: false }).finally(() => port.destroy());
    expect(plan.errors).toEqual([]);
    expect(plan.steps.map((s) => `${s.kind} ${s.address}`).sort()).toEqual(
      [
        'enablePolicyType root/policy-type:BACKUP_POLICY',
        'createPolicy policy:Backups',
        'updatePolicy policy:DenyLeave',
        'updatePolicy policy:CostCenter',
        'attachPolicy policy:Backups/attachment:ou:/Workloads',
        'attachPolicy policy:DenyLeave/attachment:ou:/Workloads',
        'detachPolicy policy:DenyLeave/attachment:root',
        'detachPolicy policy:Old/attachment:ou:/Workloads',
        'deletePolicy policy:Old',
      ].sort(),
    );

    const rehearsal = await rehearsePlan({ plan, live, desired: parsed.value, orgYamlSha256: SHA });
    expect(rehearsal).toEqual({ outcome: 'converged', applied: plan.steps.length });
  });

  it("the copy holds the live policies as the emulator's own snapshot does", async () => {
    emulator.seed(liveSnapshot());
    const parsed = parseOrgYaml(ORG_YAML, 'org.yaml');
    if (!parsed.ok) throw new Error('org.yaml');
    const port = emulatorPort(emulator.url);
    const { live } = await makePlan(port, parsed.value, SHA, { audit: false }).finally(() => port.destroy());
    const copy = snapshotOfLive(live).organization!;
    expect(copy.root.policyTypes).toEqual(['SERVICE_CONTROL_POLICY', 'TAG_POLICY']);
    expect(copy.policies?.map((p) => [p.id, p.name, p.type]).sort()).toEqual([
      ['p-costcentr1', 'CostCenter', 'TAG_POLICY'],
      ['p-denyleave1', 'DenyLeave', 'SERVICE_CONTROL_POLICY'],
      ['p-oldpolicy1', 'Old', 'SERVICE_CONTROL_POLICY'],
    ]);
    expect(copy.policies?.find((p) => p.id === 'p-denyleave1')).toMatchObject({ description: 'old words', content: SCP('organizations:LeaveOrganization') });
    expect(copy.policyAttachments?.[ROOT_ID]).toEqual(['p-FullAWSAccess', 'p-denyleave1']);
    expect([...(copy.policyAttachments?.[OU] ?? [])].sort()).toEqual(['p-FullAWSAccess', 'p-costcentr1', 'p-oldpolicy1']);
    expect(copy.policyAttachments?.[MEMBER]).toEqual(['p-FullAWSAccess']);
  });
});
