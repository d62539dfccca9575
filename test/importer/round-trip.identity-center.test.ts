// Import writes Identity Center (permission sets, groups, assignments), and the imported file plans
// nothing: against our emulator (moto lacks calls of the permission sets' read: pinned below), an organization with group and user assignments → `orgctl import` (AWS_REGION names the
// Identity Center region) → validate → `plan --detailed-exitcode` exits 0 with no steps, and the
// end-state oracle finds what the imported file declares. Assignments come back grouped: one entry per
// principal and permission set, its accounts listed; the groups they name are declared under `groups:`.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateAccountCommand, CreateOrganizationCommand, DescribeCreateAccountStatusCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateGroupCommand, CreateUserCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { CreateAccountAssignmentCommand, CreatePermissionSetCommand, ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import type { AwsPort } from '../../src/aws/port.js';
import type { Plan } from '../../src/model/plan.js';
import { EMULATOR_BACKEND, type EndState, expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState, type Backend } from '../support/end-state/index.js';
import { type SdkClientConfig, useEmulator } from '../support/emulator.js';
import { describeWithMoto, MOTO_CREDENTIALS, motoClientConfig, useMoto } from '../support/moto.js';
import { emulatorPort, MGMT } from '../workflow/support/emulator-world.js';
import { runOrgctl, tempDir } from './support/run-orgctl.js';

const REGION = 'us-east-1';

interface Target {
  port(): AwsPort;
  config(): SdkClientConfig;
  prepare(): void;
  endState(): Promise<EndState>;
  readonly backend: Backend;
}

async function createAccount(client: OrganizationsClient, name: string): Promise<string> {
  const started = await client.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
  for (let i = 0; i < 200; i++) {
    const status = (await client.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: started.CreateAccountStatus?.Id }))).CreateAccountStatus;
    if (status?.State === 'SUCCEEDED') return status.AccountId ?? expect.fail('no account ID');
    await new Promise((r) => setTimeout(r, 5));
  }
  return expect.fail('CreateAccount never succeeded');
}

/** An organization with two members, permission sets AdministratorAccess, ReadOnly and Unused, and assignments of the first two. */
async function seedCenter(target: Target): Promise<{ a: string; b: string }> {
  target.prepare();
  const config = target.config();
  const organizations = new OrganizationsClient(config);
  const sso = new SSOAdminClient({ ...config, region: REGION });
  const store = new IdentitystoreClient({ ...config, region: REGION });
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const a = await createAccount(organizations, 'app');
  const b = await createAccount(organizations, 'data');
  const instance = (await sso.send(new ListInstancesCommand({}))).Instances![0]!;
  const InstanceArn = instance.InstanceArn!;
  const IdentityStoreId = instance.IdentityStoreId!;
  const admin = (await sso.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'AdministratorAccess' }))).PermissionSet!.PermissionSetArn!;
  const readOnly = (await sso.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'ReadOnly' }))).PermissionSet!.PermissionSetArn!;
  await sso.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Unused' }));
  const group = (await store.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'PlatformAdmins' }))).GroupId!;
  await store.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: 'Nobody' }));
  const user = (await store.send(new CreateUserCommand({ IdentityStoreId, UserName: 'alice@example.com', DisplayName: 'Alice', Name: { GivenName: 'Alice', FamilyName: 'Doe' } }))).UserId!;
  const assign = (TargetId: string, PermissionSetArn: string, PrincipalType: 'GROUP' | 'USER', PrincipalId: string) =>
    sso.send(new CreateAccountAssignmentCommand({ InstanceArn, TargetId, TargetType: 'AWS_ACCOUNT', PermissionSetArn, PrincipalType, PrincipalId }));
  await assign(b, admin, 'GROUP', group);
  await assign(a, admin, 'GROUP', group);
  await assign(a, readOnly, 'USER', user);
  organizations.destroy();
  sso.destroy();
  store.destroy();
  return { a, b };
}

function roundTrip(target: Target): void {
  it('writes every permission set, the groups named and the assignments grouped by principal, and the file plans nothing', async () => {
    const { a, b } = await seedCenter(target);
    const before = await target.endState();
    const { dir, remove } = await tempDir();
    try {
      const imported = await runOrgctl(['import'], { cwd: dir, port: target.port(), env: { AWS_REGION: REGION } });
      expect([imported.code, imported.stderr]).toEqual([0, expect.any(String)]);
      const text = await readFile(join(dir, 'org.yaml'), 'utf8');
      expect(text).toContain(
        [
          'identityCenter:',
          `  region: ${REGION}`,
          '  permissionSets:',
          '    AdministratorAccess:',
          '      sessionDuration: PT1H',
          '    ReadOnly:',
          '      sessionDuration: PT1H',
          '    Unused:',
          '      sessionDuration: PT1H',
          '  groups:',
          '    PlatformAdmins: {}',
          '  assignments:',
          '    - group: PlatformAdmins',
          '      permissionSet: AdministratorAccess',
          `      accounts: [${[a, b].sort().map((id) => `"${id}"`).join(', ')}]`,
          '    - user: alice@example.com',
          '      permissionSet: ReadOnly',
          `      accounts: ["${a}"]`,
        ].join('\n'),
      );
      const validated = await runOrgctl(['validate'], { cwd: dir });
      expect([validated.code, validated.stderr]).toEqual([0, '']);
      const planned = await runOrgctl(['plan', '--detailed-exitcode', '--format', 'json'], { cwd: dir, port: target.port() });
      const plan = JSON.parse(planned.stdout) as Plan;
      expect([plan.steps, plan.errors, planned.code]).toEqual([[], [], 0]);
      expectEndStateMatches(await target.endState(), expectedEndState(text, before), { knownGaps: Object.values(target.backend.gaps) });
    } finally {
      await remove();
    }
  });
}

describe('import round trip with Identity Center, emulator', () => {
  const emulator = useEmulator({ createAccountDelayMs: 0 });
  roundTrip({
    port: () => emulatorPort(emulator().url),
    config: () => emulator().clientConfig,
    prepare: () => emulator().seed({ formatVersion: 1, identityCenterInstances: [{ ownerAccountId: MGMT, region: REGION }] }),
    endState: () => readEndState({ endpoint: emulator().url }),
    backend: EMULATOR_BACKEND,
  });
});

describeWithMoto('import round trip with Identity Center, moto', () => {
  const moto = useMoto({ port: { rateScale: 1000 } });
  const target: Target = {
    port: () => moto.port,
    config: () => motoClientConfig(moto.url),
    prepare: () => undefined,
    endState: () => readEndState({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, backend: MOTO_BACKEND }),
    backend: MOTO_BACKEND,
  };
  // Import reads each permission set whole (it writes what exists: boundary and tags included), with calls
  // moto 5.2.1 does not serve (pinned in test/emulator/moto-contract-permission-sets.test.ts): the round
  // trip runs against our emulator only. (Plan reads those calls only for sets that declare a boundary or
  // tags, so plan and apply converge against moto: test/workflow/apply-*.test.ts.)
  it('moto differs from AWS here: import stops at a permission set read moto does not serve, naming the call', async () => {
    await seedCenter(target);
    const { dir, remove } = await tempDir();
    try {
      const imported = await runOrgctl(['import'], { cwd: dir, port: target.port(), env: { AWS_REGION: REGION } });
      expect(imported.code).toBe(1);
      expect(imported.stderr).toMatch(/GetPermissionsBoundaryForPermissionSet|ListTagsForResource|ListCustomerManagedPolicyReferencesInPermissionSet|ListAccountsForProvisionedPermissionSet/);
    } finally {
      await remove();
    }
  });
});
