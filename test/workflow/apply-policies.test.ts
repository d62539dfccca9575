// Organization policies through plan → apply → re-plan against the emulator, from org.yaml files with
// policy files on disk: SCP, RCP, tag and backup policies created, attached on the root, an OU and an
// account (RCP, tag and backup types enabled on the way), changed (content only, description only,
// whitespace only → nothing), and deleted with prunePolicies. Each apply must converge.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load-org-file.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import type { Plan } from '../../src/model/plan.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { emulatorPort, MGMT, snapshotOf } from './support/emulator-world.js';

const MEMBER = '210987654321';
const SHA = '3'.repeat(64);

const DENY_LEAVE = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] };

function orgYaml(extra: { policies: string; root: string; workloads: string; member: string; options?: string }): string {
  return [
    'version: 1',
    'organization:',
    `  managementAccountId: "${MGMT}"`,
    'policies:',
    extra.policies,
    'root:',
    `  policies: ${extra.root}`,
    `  accounts: ["${MGMT}"]`,
    '  organizationalUnits:',
    '    Workloads:',
    `      policies: ${extra.workloads}`,
    `      accounts: [{ id: "${MEMBER}", policies: ${extra.member} }]`,
    ...(extra.options ? ['options:', extra.options] : []),
    '',
  ].join('\n');
}

const POLICIES = [
  '  AllowAll:',
  '    document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }',
  '  DenyLeave:',
  '    description: Accounts cannot leave',
  '    file: policies/deny-leave.json',
  '  RequireTls:',
  '    type: RESOURCE_CONTROL_POLICY',
  '    document:',
  '      Version: "2012-10-17"',
  '      Statement:',
  '        - { Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }',
  '  CostCenter:',
  '    type: TAG_POLICY',
  '    document: { tags: { costcenter: { tag_key: { "@@assign": CostCenter } } } }',
  '  DailyBackup:',
  '    type: BACKUP_POLICY',
  '    file: policies/backup.json',
].join('\n');

const BACKUP = { plans: { Daily: { regions: { '@@assign': ['us-east-1'] }, rules: { Daily: { schedule_expression: { '@@assign': 'cron(0 5 ? * * *)' }, target_backup_vault_name: { '@@assign': 'Default' } } } } } };

describe('policies converge against the emulator', () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false }));
  });
  afterAll(async () => {
    await emulator.stop();
  });
  beforeEach(() => {
    emulator.seed(snapshotOf({ hasOrganization: true, ous: [{ name: 'Workloads', path: '/Workloads', parentPath: '/' }], accounts: [{ id: MGMT, parentPath: '/' }, { id: MEMBER, parentPath: '/Workloads' }], budgets: [] }));
    dir = mkdtempSync(join(tmpdir(), 'orgctl-policies-'));
    mkdirSync(join(dir, 'policies'));
    writeFileSync(join(dir, 'policies/deny-leave.json'), JSON.stringify(DENY_LEAVE, null, 2));
    writeFileSync(join(dir, 'policies/backup.json'), JSON.stringify(BACKUP));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  async function load(text: string) {
    writeFileSync(join(dir, 'org.yaml'), text);
    const loaded = await loadOrgFile(join(dir, 'org.yaml'), 'org.yaml');
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.file}:${e.position?.line}:${e.position?.column}: ${e.message}`).join('\n'));
    return loaded.value.desired;
  }

  async function apply(text: string): Promise<Plan> {
    const desired = await load(text);
    const port = emulatorPort(emulator.url);
    try {
      const outcome = await runApplyWorkflow({ port, desired, orgYamlSha256: SHA, confirm: async () => true });
      if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
      if (!outcome.converged) throw new Error(`did not converge: ${JSON.stringify(outcome.after?.steps.map((s) => s.address))}; run: ${JSON.stringify(outcome.run.results.filter((r) => r.status !== 'ok'))}`);
      return outcome.plan;
    } finally {
      port.destroy();
    }
  }

  async function plan(text: string): Promise<Plan> {
    const desired = await load(text);
    const port = emulatorPort(emulator.url);
    try {
      return (await makePlan(port, desired, SHA, { audit: false })).plan;
    } finally {
      port.destroy();
    }
  }

  const FIRST = orgYaml({
    policies: POLICIES,
    root: '[FullAWSAccess, DenyLeave, RCPFullAWSAccess]',
    workloads: '[FullAWSAccess, RequireTls, CostCenter, DailyBackup]',
    member: '[AllowAll, DenyLeave]',
  });

  it('refuses a plan that would lock an account out: its only SCP denies and allows nothing', async () => {
    const lockedOut = FIRST.replace('[AllowAll, DenyLeave]', '[DenyLeave]');
    const planned = await plan(lockedOut);
    expect(planned.errors.map((e) => e.message)).toEqual([expect.stringContaining(`account ${MEMBER} would be locked out`)]);
  });

  it('creates the policies, enables their types and attaches them: attach before detach on the account', async () => {
    const applied = await apply(FIRST);
    const kinds = applied.steps.map((s) => `${s.kind} ${s.address}`);
    expect(kinds.filter((k) => k.startsWith('enablePolicyType'))).toEqual([
      'enablePolicyType root/policy-type:BACKUP_POLICY',
      'enablePolicyType root/policy-type:RESOURCE_CONTROL_POLICY',
      'enablePolicyType root/policy-type:TAG_POLICY',
    ]);
    expect(kinds.filter((k) => k.startsWith('createPolicy')).sort()).toEqual(['createPolicy policy:AllowAll', 'createPolicy policy:CostCenter', 'createPolicy policy:DailyBackup', 'createPolicy policy:DenyLeave', 'createPolicy policy:RequireTls']);
    // The member account trades FullAWSAccess for AllowAll and DenyLeave: attached first, so it never has no SCP.
    const attach = applied.steps.findIndex((s) => s.address === `policy:DenyLeave/attachment:account:${MEMBER}`);
    const detach = applied.steps.findIndex((s) => s.address === `policy:FullAWSAccess/attachment:account:${MEMBER}`);
    expect(applied.steps[detach]?.kind).toBe('detachPolicy');
    expect(applied.steps[detach]?.dependsOn).toContain(attach);
    expect((await plan(FIRST)).steps).toEqual([]);
  });

  it('sees no change when only whitespace and key order differ; updates content and description alone', async () => {
    await apply(FIRST);
    writeFileSync(join(dir, 'policies/deny-leave.json'), `{ "Statement": [ {"Resource":"*",  "Action": "organizations:LeaveOrganization", "Effect": "Deny"} ],\n\n "Version": "2012-10-17" }\n`);
    expect((await plan(FIRST)).steps).toEqual([]);

    writeFileSync(join(dir, 'policies/deny-leave.json'), JSON.stringify({ ...DENY_LEAVE, Statement: [{ ...DENY_LEAVE.Statement[0], Action: ['organizations:LeaveOrganization', 'account:CloseAccount'] }] }));
    const content = await apply(FIRST);
    expect(content.steps.map((s) => `${s.kind} ${s.address} ${s.reason}`)).toEqual(['updatePolicy policy:DenyLeave the document differs from org.yaml']);

    const described = FIRST.replace('description: Accounts cannot leave', 'description: Members stay');
    const description = await apply(described);
    expect(description.steps.map((s) => `${s.kind} ${s.address} ${s.reason}`)).toEqual(['updatePolicy policy:DenyLeave the description differs']);
  });

  it('with prunePolicies, detaches everywhere and deletes a policy org.yaml no longer declares', async () => {
    await apply(FIRST);
    const without = orgYaml({
      policies: POLICIES.split('\n').filter((line, i, all) => i < all.indexOf('  CostCenter:') || i > all.indexOf('  CostCenter:') + 2).join('\n'),
      root: '[FullAWSAccess, DenyLeave, RCPFullAWSAccess]',
      workloads: '[FullAWSAccess, RequireTls, DailyBackup]',
      member: '[AllowAll, DenyLeave]',
      options: '  prunePolicies: true',
    });
    const pruned = await apply(without);
    expect(pruned.steps.map((s) => `${s.kind} ${s.address}`)).toEqual(['detachPolicy policy:CostCenter/attachment:ou:/Workloads', 'deletePolicy policy:CostCenter']);
    expect(pruned.steps[1]!.dependsOn).toEqual([0]);
  });

  it('a node that no longer lists a declared policy has it detached; the policy stays', async () => {
    await apply(FIRST);
    const kept = FIRST.replace('[FullAWSAccess, RequireTls, CostCenter, DailyBackup]', '[FullAWSAccess, RequireTls, DailyBackup]');
    const planned = await plan(kept);
    expect(planned.steps.map((s) => `${s.kind} ${s.address}`)).toEqual(['detachPolicy policy:CostCenter/attachment:ou:/Workloads']);
  });
});
