// Identity Center assignments and the identity store through the real SDK, against our emulator and moto
// (as moto-contract.test.ts does for the tree and budgets). Part one: what both must do for orgctl's reads
// and writes. Part two: behaviour AWS documents, graded once; where moto 5.2.1 answers differently the
// test is named "moto differs from AWS here: ..." and pins moto's answer.

import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateGroupCommand, CreateUserCommand, GetGroupIdCommand, GetUserIdCommand, IdentitystoreClient, ListGroupsCommand } from '@aws-sdk/client-identitystore';
import {
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DeleteAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListInstancesCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import { FULL_PAGES, useEmulator, type SdkClientConfig } from '../support/emulator.js';
import { describeWithMoto, itWithMoto, motoClientConfig, useMoto } from '../support/moto.js';
import { MANAGEMENT } from './helpers.js';

const REGION = 'us-east-1';
const SSO_API = 'https://docs.aws.amazon.com/singlesignon/latest/APIReference';

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return String((error as { name?: string }).name);
  }
}

interface World {
  readonly sso: SSOAdminClient;
  readonly store: IdentitystoreClient;
  readonly instanceArn: string;
  readonly storeId: string;
  readonly setArn: string;
  readonly groupId: string;
}

async function world(config: SdkClientConfig): Promise<World> {
  const organizations = new OrganizationsClient(config);
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  organizations.destroy();
  const sso = new SSOAdminClient({ ...config, region: REGION });
  const store = new IdentitystoreClient({ ...config, region: REGION });
  const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0] ?? expect.fail('no instance');
  const instanceArn = instance.InstanceArn!;
  const storeId = instance.IdentityStoreId!;
  const setArn = (await sso.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: 'ReadOnly' }))).PermissionSet!.PermissionSetArn!;
  const groupId = (await store.send(new CreateGroupCommand({ IdentityStoreId: storeId, DisplayName: 'PlatformAdmins' }))).GroupId!;
  return { sso, store, instanceArn, storeId, setArn, groupId };
}

const assignment = (w: World) => ({ InstanceArn: w.instanceArn, TargetId: MANAGEMENT, TargetType: 'AWS_ACCOUNT' as const, PermissionSetArn: w.setArn, PrincipalType: 'GROUP' as const, PrincipalId: w.groupId });

function contract(config: () => SdkClientConfig, prepare: () => void): void {
  it('groups and users are found by name; an unknown name is ResourceNotFoundException; a second group of the same name is ConflictException', async () => {
    prepare();
    const w = await world(config());
    await w.store.send(new CreateUserCommand({ IdentityStoreId: w.storeId, UserName: 'alice', DisplayName: 'Alice', Name: { GivenName: 'Alice', FamilyName: 'Doe' } }));
    const byName = (value: string) => ({ IdentityStoreId: w.storeId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: value } } });
    expect((await w.store.send(new GetGroupIdCommand(byName('PlatformAdmins')))).GroupId).toBe(w.groupId);
    expect(await outcome(w.store.send(new GetGroupIdCommand(byName('Nobody'))))).toBe('ResourceNotFoundException');
    const user = await w.store.send(new GetUserIdCommand({ IdentityStoreId: w.storeId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'alice' } } }));
    expect(user.UserId).toBeTruthy();
    expect(await outcome(w.store.send(new CreateGroupCommand({ IdentityStoreId: w.storeId, DisplayName: 'PlatformAdmins' })))).toBe('ConflictException');
    expect(((await w.store.send(new ListGroupsCommand({ IdentityStoreId: w.storeId }))).Groups ?? []).map((g) => g.DisplayName)).toEqual(['PlatformAdmins']);
  });

  it('an assignment, once its request has ended, is listed for its principal; deleted, it is gone', async () => {
    prepare();
    const w = await world(config());
    const created = await w.sso.send(new CreateAccountAssignmentCommand(assignment(w)));
    const requestId = created.AccountAssignmentCreationStatus?.RequestId ?? expect.fail('no request ID');
    let status = created.AccountAssignmentCreationStatus?.Status;
    for (let i = 0; i < 5 && status === 'IN_PROGRESS'; i++) {
      status = (await w.sso.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn: w.instanceArn, AccountAssignmentCreationRequestId: requestId }))).AccountAssignmentCreationStatus?.Status;
    }
    expect(status).toBe('SUCCEEDED');
    const list = async () =>
      (await w.sso.send(new ListAccountAssignmentsForPrincipalCommand({ InstanceArn: w.instanceArn, PrincipalId: w.groupId, PrincipalType: 'GROUP' }))).AccountAssignments?.map((a) => [a.AccountId, a.PermissionSetArn]);
    expect(await list()).toEqual([[MANAGEMENT, w.setArn]]);
    await w.sso.send(new DeleteAccountAssignmentCommand(assignment(w)));
    expect(await list()).toEqual([]);
  });
}

describe('Identity Center contract, emulator', () => {
  const emulator = useEmulator({ ...FULL_PAGES, createAccountDelayMs: 0 });
  contract(
    () => emulator().clientConfig,
    () => emulator().seed({ formatVersion: 1, identityCenterInstances: [{ ownerAccountId: MANAGEMENT, region: REGION }] }),
  );
});

describeWithMoto('Identity Center contract, moto', () => {
  const moto = useMoto();
  contract(
    () => motoClientConfig(moto.url),
    () => undefined,
  );
});

interface Behaviour {
  readonly source: string;
  readonly aws: string;
  readonly run: (w: World) => Promise<string>;
  readonly moto?: { readonly differs: string; readonly answer: string };
}

const BEHAVIOURS: readonly (readonly [string, Behaviour])[] = [
  [
    'CreateAccountAssignment is asynchronous: its answer says IN_PROGRESS and the caller polls DescribeAccountAssignmentCreationStatus',
    {
      source: `${SSO_API}/API_CreateAccountAssignment.html ("This is an asynchronous API"; use DescribeAccountAssignmentCreationStatus)`,
      aws: 'IN_PROGRESS',
      run: async (w) => String((await w.sso.send(new CreateAccountAssignmentCommand(assignment(w)))).AccountAssignmentCreationStatus?.Status),
      moto: { differs: 'moto answers SUCCEEDED at once', answer: 'SUCCEEDED' },
    },
  ],
];

describe('Identity Center behaviour, emulator', () => {
  const emulator = useEmulator({ ...FULL_PAGES, createAccountDelayMs: 0 });
  for (const [title, behaviour] of BEHAVIOURS) {
    it(`${title}: the emulator answers as AWS documents`, async () => {
      emulator().seed({ formatVersion: 1, identityCenterInstances: [{ ownerAccountId: MANAGEMENT, region: REGION }] });
      expect(await behaviour.run(await world(emulator().clientConfig))).toBe(behaviour.aws);
    });
  }
});

describeWithMoto('Identity Center behaviour, moto', () => {
  const moto = useMoto();
  for (const [title, behaviour] of BEHAVIOURS) {
    const differing = behaviour.moto;
    if (differing) {
      itWithMoto(`${title}: moto differs from AWS here: ${differing.differs}`, async () => {
        expect(differing.answer).not.toBe(behaviour.aws);
        expect(await behaviour.run(await world(motoClientConfig(moto.url)))).toBe(differing.answer);
      });
    } else {
      itWithMoto(`${title}: moto answers as AWS documents`, async () => {
        expect(await behaviour.run(await world(motoClientConfig(moto.url)))).toBe(behaviour.aws);
      });
    }
  }
});
