// Import writes permission sets, and the imported file plans nothing: against our emulator, an
// organization whose Identity Center has a set with every field orgctl manages (and one made in the
// console with nothing but a name) → `orgctl import --identity-center-region` → validate → `plan
// --detailed-exitcode` exits 0 with no steps, the inline policy is written under policies/, and the
// end-state oracle finds what the imported file declares. (moto lacks the boundary and tag reads:
// test/emulator/moto-contract-permission-sets.test.ts.)

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import { expectedEndState, expectEndStateMatches, readEndState } from '../support/end-state/index.js';
import { useEmulator } from '../support/emulator.js';
import { emulatorPort, MGMT, snapshotOf } from '../workflow/support/emulator-world.js';
import { runOrgctl, tempDir } from './support/run-orgctl.js';

const REGION = 'us-east-1';

describe('import round trip with permission sets: emulator', () => {
  const emulator = useEmulator({ createAccountDelayMs: 0 });

  it('writes identityCenter.permissionSets and the inline policy file, and the file plans nothing', async () => {
    emulator().seed({
      ...snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }], budgets: [] }),
      identityCenterInstances: [{ ownerAccountId: MGMT, region: REGION }],
    });
    const sso = new SSOAdminClient({ ...emulator().clientConfig, region: REGION });
    const InstanceArn = (await sso.send(new ListInstancesCommand({}))).Instances?.[0]?.InstanceArn ?? expect.fail('no instance');
    const created = await sso.send(
      new CreatePermissionSetCommand({ InstanceArn, Name: 'AdministratorAccess', Description: 'Full administrator', SessionDuration: 'PT4H', Tags: [{ Key: 'owner', Value: 'platform' }, { Key: 'managed-by', Value: 'orgctl' }] }),
    );
    const PermissionSetArn = created.PermissionSet?.PermissionSetArn ?? expect.fail('no ARN');
    await sso.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, ManagedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    await sso.send(new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({ InstanceArn, PermissionSetArn, CustomerManagedPolicyReference: { Name: 'Boundary', Path: '/platform/' } }));
    await sso.send(new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn, InlinePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}' }));
    await sso.send(new PutPermissionsBoundaryToPermissionSetCommand({ InstanceArn, PermissionSetArn, PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } }));
    await sso.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Console', SessionDuration: 'PT1H' }));
    const before = await readEndState({ endpoint: emulator().url });

    const { dir, remove } = await tempDir();
    try {
      const imported = await runOrgctl(['import', '--identity-center-region', REGION], { cwd: dir, port: emulatorPort(emulator().url) });
      expect([imported.code, imported.stderr]).toEqual([0, expect.any(String)]);
      const text = await readFile(join(dir, 'org.yaml'), 'utf8');
      expect(text).toContain(
        [
          'identityCenter:',
          '  region: us-east-1',
          '  permissionSets:',
          '    AdministratorAccess:',
          '      description: Full administrator',
          '      sessionDuration: PT4H',
          '      managedPolicies: ["arn:aws:iam::aws:policy/AdministratorAccess"]',
          '      customerManagedPolicies: [{ name: Boundary, path: "/platform/" }]',
          '      inlinePolicy: policies/ps-AdministratorAccess-inline.json',
          '      permissionsBoundary: { managedPolicyArn: "arn:aws:iam::aws:policy/PowerUserAccess" }',
          '      tags: { owner: platform }',
          '    Console:',
          '      sessionDuration: PT1H',
          'options:',
        ].join('\n'),
      );
      const inline = JSON.parse(await readFile(join(dir, 'policies/ps-AdministratorAccess-inline.json'), 'utf8')) as unknown;
      expect(inline).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }] });
      const validated = await runOrgctl(['validate'], { cwd: dir });
      expect([validated.code, validated.stderr]).toEqual([0, '']);
      const planned = await runOrgctl(['plan', '--detailed-exitcode', '--format', 'json'], { cwd: dir, port: emulatorPort(emulator().url) });
      const plan = JSON.parse(planned.stdout) as Plan;
      expect([plan.steps, plan.errors, planned.code]).toEqual([[], [], 0]);
      expectEndStateMatches(await readEndState({ endpoint: emulator().url }), expectedEndState(text, before));
    } finally {
      await remove();
    }
  });
});
