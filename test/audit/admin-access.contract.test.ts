// The audit's "everyday admin access goes through IAM Identity Center" through the real SDK port, against
// our emulator (permission sets seeded in its snapshot) and moto (seeded through SSO Admin's own API):
// an AdministratorAccess set assigned on the management account passes; with a read-only set only, a
// recommendation. moto creates an Identity Center instance in every region on its own.

import {
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build-audit-report.js';
import { readAuditInput } from '../../src/audit/read-audit-input.js';
import type { AwsPort } from '../../src/aws/port.js';
import { createSdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { startEmulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { describeWithMoto, MOTO_ACCOUNT, MOTO_CREDENTIALS, motoClientConfig, useMoto } from '../support/moto.js';
import { aSecurity, checkById } from './support.js';

const REGION = 'eu-west-1';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const ID = 'identity-center-admin-access';

async function adminAccessCheck(port: AwsPort, accountId: string) {
  const input = await readAuditInput(port, { accountId, scope: 'management', managementAccountId: accountId, security: aSecurity(), identityCenterRegion: REGION, now: Date.now() });
  return checkById(buildAuditReport(input), ID);
}

describe('admin access through Identity Center, against our emulator', () => {
  const ACCOUNT = '123456789012';
  const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-0000000000000001';
  async function withEmulator(policy: string, check: (port: AwsPort) => Promise<void>): Promise<void> {
    const emulator = await startEmulator(
      testEmulatorOptions({
        snapshot: {
          formatVersion: 1,
          accountId: ACCOUNT,
          identityCenterInstances: [{ ownerAccountId: ACCOUNT, region: REGION, instanceArn: INSTANCE_ARN }],
          identityCenterPermissionSets: [
            {
              instanceArn: INSTANCE_ARN,
              arn: `arn:aws:sso:::permissionSet/ssoins-0000000000000001/ps-0000000000000001`,
              name: 'Admins',
              managedPolicies: [policy],
              assignments: [{ accountId: ACCOUNT, principalType: 'GROUP', principalId: 'g-1' }],
            },
          ],
        },
      }),
    );
    const port = createSdkPort({ endpoint: emulator.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, rateScale: 1e6, maxAttempts: 1 });
    try {
      await check(port);
    } finally {
      port.destroy();
      await emulator.stop();
    }
  }

  it('passes with an AdministratorAccess set assigned on the management account', async () => {
    await withEmulator(ADMIN, async (port) => expect(await adminAccessCheck(port, ACCOUNT)).toMatchObject({ status: 'pass', reason: expect.stringContaining('Admins (the AdministratorAccess managed policy; 1 group or user)') }));
  });

  it('recommends one with only a read-only set', async () => {
    await withEmulator(READ_ONLY, async (port) => expect(await adminAccessCheck(port, ACCOUNT)).toMatchObject({ status: 'fail', severity: 'recommended' }));
  });
});

describeWithMoto('admin access through Identity Center, against moto', () => {
  const moto = useMoto({ port: { rateScale: 1000 } });

  async function seed(policy: string): Promise<void> {
    const sso = new SSOAdminClient({ ...motoClientConfig(moto.url), region: REGION });
    try {
      const instanceArn = (await sso.send(new ListInstancesCommand({}))).Instances?.[0]?.InstanceArn;
      expect(instanceArn).toBeDefined();
      const set = await sso.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: 'Admins' }));
      const permissionSetArn = set.PermissionSet?.PermissionSetArn;
      await sso.send(new AttachManagedPolicyToPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, ManagedPolicyArn: policy }));
      await sso.send(
        new CreateAccountAssignmentCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, TargetType: 'AWS_ACCOUNT', TargetId: MOTO_ACCOUNT, PrincipalType: 'GROUP', PrincipalId: 'g-1' }),
      );
      await sso.send(new ProvisionPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: permissionSetArn, TargetType: 'AWS_ACCOUNT', TargetId: MOTO_ACCOUNT }));
    } finally {
      sso.destroy();
    }
  }

  it('passes with an AdministratorAccess set assigned on the management account', async () => {
    await seed(ADMIN);
    expect(await adminAccessCheck(moto.port, MOTO_ACCOUNT)).toMatchObject({ status: 'pass', reason: expect.stringContaining('Admins (the AdministratorAccess managed policy; 1 group or user)') });
  });

  it('recommends one with only a read-only set', async () => {
    await seed(READ_ONLY);
    expect(await adminAccessCheck(moto.port, MOTO_ACCOUNT)).toMatchObject({ status: 'fail', severity: 'recommended' });
  });
});
