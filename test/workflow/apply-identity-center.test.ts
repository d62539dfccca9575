// Identity Center assignments end to end through the real SDK port: plan, apply, re-plan, against our
// emulator and against moto. Group and user assignments on accounts and on OUs (an account the plan moves
// into the OU, and one it creates there, get the assignment too), a group `groups:` declares that the
// directory lacks, and pruneAssignments. Each run must converge (the plan after the apply is empty) and
// the assignments, read back with straight SDK calls, must be what org.yaml declares.

import { CreateAccountCommand, CreateOrganizationCommand, DescribeCreateAccountStatusCommand, ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateGroupCommand, CreateUserCommand, IdentitystoreClient, ListGroupsCommand, ListUsersCommand } from '@aws-sdk/client-identitystore';
import { CreateAccountAssignmentCommand, CreatePermissionSetCommand, ListAccountAssignmentsCommand, ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import type { AwsPort } from '../../src/aws/port.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { desiredOf, yamlDoc } from '../config/support.js';
import type { SdkClientConfig } from '../support/emulator.js';
import { useEmulator } from '../support/emulator.js';
import { describeWithMoto, MOTO_CREDENTIALS, motoClientConfig, useMoto } from '../support/moto.js';
import { EMULATOR_BACKEND, type Backend, type EndState, expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState } from '../support/end-state/index.js';
import { emulatorPort, FAST_RETRIES, MGMT } from './support/emulator-world.js';

const SHA = 'f'.repeat(64);
const REGION = 'us-east-1';

interface Target {
  port(): AwsPort;
  endState(): Promise<EndState>;
  readonly backend: Backend;
  config(): SdkClientConfig;
  /** Before the organization exists: whatever the backend needs for an Identity Center instance. */
  prepare(): void;
}

interface Seeded {
  readonly instanceArn: string;
  readonly storeId: string;
  readonly sets: Readonly<Record<string, string>>;
  readonly a: string;
  readonly b: string;
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

/** An organization with two members in the root; permission sets AdministratorAccess and ReadOnly; group PlatformAdmins and user alice. */
async function seed(target: Target): Promise<Seeded> {
  target.prepare();
  const config = target.config();
  const organizations = new OrganizationsClient(config);
  const sso = new SSOAdminClient({ ...config, region: REGION });
  const store = new IdentitystoreClient({ ...config, region: REGION });
  try {
    await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const a = await createAccount(organizations, 'app');
    const b = await createAccount(organizations, 'data');
    const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0] ?? expect.fail('no Identity Center instance');
    const instanceArn = instance.InstanceArn!;
    const storeId = instance.IdentityStoreId!;
    const sets: Record<string, string> = {};
    for (const Name of ['AdministratorAccess', 'ReadOnly']) sets[Name] = (await sso.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name, SessionDuration: 'PT1H' }))).PermissionSet!.PermissionSetArn!;
    await store.send(new CreateGroupCommand({ IdentityStoreId: storeId, DisplayName: 'PlatformAdmins' }));
    await store.send(
      new CreateUserCommand({ IdentityStoreId: storeId, UserName: 'alice@example.com', DisplayName: 'Alice', Name: { GivenName: 'Alice', FamilyName: 'Doe' }, Emails: [{ Value: 'alice@example.com', Primary: true }] }),
    );
    return { instanceArn, storeId, sets, a, b };
  } finally {
    organizations.destroy();
    sso.destroy();
    store.destroy();
  }
}

/** Every assignment of the permission sets on the organization's accounts, as "Set TYPE:name account", read with straight SDK calls. */
async function assignments(target: Target, seeded: Seeded): Promise<string[]> {
  const config = target.config();
  const organizations = new OrganizationsClient(config);
  const sso = new SSOAdminClient({ ...config, region: REGION });
  const store = new IdentitystoreClient({ ...config, region: REGION });
  try {
    // Every page: AWS (and the emulator) may answer an empty page that carries a NextToken.
    const accounts = [];
    let token: string | undefined;
    do {
      const page = await organizations.send(new ListAccountsCommand({ NextToken: token }));
      accounts.push(...(page.Accounts ?? []));
      token = page.NextToken;
    } while (token);
    const names = new Map<string, string>();
    for (const g of (await store.send(new ListGroupsCommand({ IdentityStoreId: seeded.storeId }))).Groups ?? []) names.set(`GROUP:${g.GroupId}`, `GROUP:${g.DisplayName}`);
    for (const u of (await store.send(new ListUsersCommand({ IdentityStoreId: seeded.storeId }))).Users ?? []) names.set(`USER:${u.UserId}`, `USER:${u.UserName}`);
    const found = new Set<string>();
    for (const account of accounts) {
      const label = account.Id === seeded.a ? 'a' : account.Id === seeded.b ? 'b' : account.Id === MGMT ? 'mgmt' : (account.Email ?? account.Id);
      for (const [set, arn] of Object.entries(seeded.sets)) {
        const listed = await sso.send(new ListAccountAssignmentsCommand({ InstanceArn: seeded.instanceArn, AccountId: account.Id, PermissionSetArn: arn }));
        for (const x of listed.AccountAssignments ?? []) found.add(`${set} ${names.get(`${x.PrincipalType}:${x.PrincipalId}`) ?? x.PrincipalId} ${label}`);
      }
    }
    return [...found].sort();
  } finally {
    organizations.destroy();
    sso.destroy();
    store.destroy();
  }
}

function orgYaml(seeded: Seeded, extra: { groups?: string[]; assignments?: string[]; options?: string[] } = {}): { desired: DesiredOrg; text: string } {
  const text = yamlDoc(
      'version: 1',
      'organization:',
      `  managementAccountId: "${MGMT}"`,
      'root:',
      `  accounts: ["${MGMT}", "${seeded.b}"]`,
      '  organizationalUnits:',
      '    Workloads:',
      `      accounts: ["${seeded.a}", { name: fresh, email: fresh@example.com }]`,
      'identityCenter:',
      `  region: ${REGION}`,
      '  permissionSets:',
      '    AdministratorAccess: { managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }',
      '    ReadOnly: { managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess] }',
      ...(extra.groups ?? []),
      '  assignments:',
      '    - group: PlatformAdmins',
      '      permissionSet: AdministratorAccess',
      '      organizationalUnits: [/Workloads]',
      '    - user: alice@example.com',
      '      permissionSet: ReadOnly',
      `      accounts: ["${seeded.b}"]`,
      ...(extra.assignments ?? []),
      ...(extra.options ?? []),
  );
  return { desired: desiredOf(text), text };
}

/** Plan, apply, re-plan: no failed step, converged, an empty plan after. Returns the applied steps' kinds and addresses. */
async function applyAndCheck(target: Target, { desired, text }: { desired: DesiredOrg; text: string }): Promise<string[]> {
  const before = await target.endState();
  const outcome = await runApplyWorkflow({ port: target.port(), desired, orgYamlSha256: SHA, confirm: async () => true });
  if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
  expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
  expect(outcome.converged).toBe(true);
  const after = await makePlan(target.port(), desired, SHA);
  expect(after.plan.steps).toEqual([]);
  expect(after.plan.errors).toEqual([]);
  // The independent oracle (straight SDK calls, test/support/end-state/identity-center.ts) agrees.
  expectEndStateMatches(await target.endState(), expectedEndState(text, before), { knownGaps: Object.values(target.backend.gaps) });
  return outcome.plan.steps.map((s) => `${s.kind} ${s.address}`);
}

function scenarios(target: Target): void {
  it('group and user assignments on accounts and OUs: the account moved into the OU and the one created there get it', async () => {
    const seeded = await seed(target);
    const steps = await applyAndCheck(target, orgYaml(seeded));
    expect(steps.filter((s) => s.startsWith('createAccountAssignment')).sort()).toEqual(
      [
        `createAccountAssignment assignment:AdministratorAccess/group:PlatformAdmins/${seeded.a}`,
        'createAccountAssignment assignment:AdministratorAccess/group:PlatformAdmins/fresh@example.com',
        `createAccountAssignment assignment:ReadOnly/user:alice@example.com/${seeded.b}`,
      ].sort(),
    );
    expect(await assignments(target, seeded)).toEqual(['AdministratorAccess GROUP:PlatformAdmins a', 'AdministratorAccess GROUP:PlatformAdmins fresh@example.com', 'ReadOnly USER:alice@example.com b']);
  });

  it('creates a group `groups:` declares before assigning it', async () => {
    const seeded = await seed(target);
    const desired = orgYaml(seeded, {
      groups: ['  groups:', '    Auditors: { description: Audit team }'],
      assignments: ['    - group: Auditors', '      permissionSet: ReadOnly', `      accounts: ["${seeded.a}"]`],
    });
    const steps = await applyAndCheck(target, desired);
    const group = steps.indexOf('createGroup identity-store-group:Auditors');
    expect(group).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf(`createAccountAssignment assignment:ReadOnly/group:Auditors/${seeded.a}`)).toBeGreaterThan(group);
    expect(await assignments(target, seeded)).toContain('ReadOnly GROUP:Auditors a');
  });

  it('with pruneAssignments removes an undeclared assignment of a declared permission set, keeps it without', async () => {
    const seeded = await seed(target);
    const config = target.config();
    const sso = new SSOAdminClient({ ...config, region: REGION });
    const store = new IdentitystoreClient({ ...config, region: REGION });
    const groupId = (await store.send(new ListGroupsCommand({ IdentityStoreId: seeded.storeId }))).Groups!.find((g) => g.DisplayName === 'PlatformAdmins')!.GroupId!;
    await sso.send(
      new CreateAccountAssignmentCommand({ InstanceArn: seeded.instanceArn, TargetId: seeded.b, TargetType: 'AWS_ACCOUNT', PermissionSetArn: seeded.sets['AdministratorAccess'], PrincipalType: 'GROUP', PrincipalId: groupId }),
    );
    sso.destroy();
    store.destroy();
    await applyAndCheck(target, orgYaml(seeded));
    expect(await assignments(target, seeded)).toContain('AdministratorAccess GROUP:PlatformAdmins b');
    const steps = await applyAndCheck(target, orgYaml(seeded, { options: ['options:', '  pruneAssignments: true'] }));
    expect(steps).toEqual([`deleteAccountAssignment assignment:AdministratorAccess/group:PlatformAdmins/${seeded.b}`]);
    expect(await assignments(target, seeded)).not.toContain('AdministratorAccess GROUP:PlatformAdmins b');
  });
}

describe('identity center assignments against the emulator', () => {
  const emulator = useEmulator({ createAccountDelayMs: 0 });
  scenarios({
    port: () => emulatorPort(emulator().url),
    config: () => emulator().clientConfig,
    prepare: () => emulator().seed({ formatVersion: 1, identityCenterInstances: [{ ownerAccountId: MGMT, region: REGION }] }),
    endState: () => readEndState({ endpoint: emulator().url }),
    backend: EMULATOR_BACKEND,
  });
});

describeWithMoto('identity center assignments against moto', () => {
  const moto = useMoto({ port: { rateScale: 1000, retryPolicy: FAST_RETRIES } });
  // Plan reads a set's boundary and tags only where org.yaml declares them (permission-sets/read.ts), which
  // these files do not: so moto, which lacks GetPermissionsBoundaryForPermissionSet and SSO Admin
  // ListTagsForResource (pinned in test/emulator/moto-contract-permission-sets.test.ts), serves every read.
  scenarios({
    port: () => moto.port,
    config: () => motoClientConfig(moto.url),
    // moto has an instance in every region from the start.
    prepare: () => undefined,
    endState: () => readEndState({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, backend: MOTO_BACKEND }),
    backend: MOTO_BACKEND,
  });
});
