// The emulator's IAM (query/XML), Account (REST-JSON) and SSO Admin (JSON 1.1) through the real AWS SDK
// clients: shapes, errors with their status codes, paging, regions, routing beside STS, and the snapshot.

import { AccountClient, DeleteAlternateContactCommand, GetAlternateContactCommand, PutAlternateContactCommand } from '@aws-sdk/client-account';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  EnableOrganizationsRootCredentialsManagementCommand,
  GetAccountSummaryCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListOrganizationsFeaturesCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { EmulatorSnapshot } from '../../src/emulator/index.js';
import { awsError } from '../emulator/helpers.js';
import { useEmulator, type SdkClientConfig } from '../support/emulator.js';

const MGMT = '123456789012';
const MEMBER = '210987654321';

const ORG: EmulatorSnapshot = {
  formatVersion: 1,
  organization: {
    id: 'o-abcdefghij',
    managementAccountId: MGMT,
    root: { id: 'r-ab12' },
    accounts: [
      { id: MGMT, name: 'management', email: 'mgmt@example.com', parentId: 'r-ab12' },
      { id: MEMBER, name: 'member', email: 'member@example.com', parentId: 'r-ab12' },
    ],
  },
  iam: {
    rootUsers: { [MGMT]: { mfaEnabled: false, accessKeysPresent: true } },
    users: [{ accountId: MGMT, userName: 'break-glass', mfaDevices: [{ serialNumber: `arn:aws:iam::${MGMT}:mfa/bg`, enableDate: 1_700_000_000 }] }],
  },
  alternateContacts: [{ accountId: MGMT, type: 'BILLING', name: 'Bill', title: 'CFO', email: 'billing@example.com', phone: '+1 555 0100' }],
  identityCenterInstances: [{ ownerAccountId: MGMT, region: 'eu-west-1', name: 'corp' }],
};

const iam = (config: SdkClientConfig) => new IAMClient({ ...config, maxAttempts: 1 });
const account = (config: SdkClientConfig) => new AccountClient({ ...config, maxAttempts: 1 });
const sso = (config: SdkClientConfig, region: string) => new SSOAdminClient({ ...config, region, maxAttempts: 1 });

describe('emulated IAM (query protocol, XML)', () => {
  const emulator = useEmulator({ snapshot: ORG });

  it('GetAccountSummary: the SummaryMap as a map, the root flags from the snapshot, defaults for other accounts', async () => {
    const mgmt = await iam(emulator().clientConfig).send(new GetAccountSummaryCommand({}));
    expect(mgmt.SummaryMap).toMatchObject({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, AccountSigningCertificatesPresent: 0, AccountPasswordPresent: 1, Users: 1, MFADevicesInUse: 1 });
    const member = await iam(emulator().clientConfigAs(MEMBER)).send(new GetAccountSummaryCommand({}));
    expect(member.SummaryMap).toMatchObject({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 0 });
  });

  it('users, MFA devices and access keys, as the SDK parses them; NoSuchEntity (404) for a missing user', async () => {
    const client = iam(emulator().clientConfig);
    const devices = await client.send(new ListMFADevicesCommand({ UserName: 'break-glass' }));
    expect(devices.MFADevices).toEqual([{ UserName: 'break-glass', SerialNumber: `arn:aws:iam::${MGMT}:mfa/bg`, EnableDate: new Date(1_700_000_000_000) }]);
    expect(devices.IsTruncated).toBe(false);

    await client.send(new CreateUserCommand({ UserName: 'ops' }));
    const created = await client.send(new CreateAccessKeyCommand({ UserName: 'ops' }));
    await client.send(new UpdateAccessKeyCommand({ UserName: 'ops', AccessKeyId: created.AccessKey?.AccessKeyId, Status: 'Inactive' }));
    const keys = await client.send(new ListAccessKeysCommand({ UserName: 'OPS' })); // IAM user names ignore case
    expect(keys.AccessKeyMetadata).toEqual([{ UserName: 'ops', AccessKeyId: created.AccessKey?.AccessKeyId, Status: 'Inactive', CreateDate: expect.any(Date) }]);

    const missing = await awsError(client.send(new ListAccessKeysCommand({ UserName: 'nobody' })));
    expect(missing).toMatchObject({ name: 'NoSuchEntityException', status: 404, message: 'The user with name nobody cannot be found.' });
    expect(await awsError(client.send(new CreateUserCommand({ UserName: 'OPS' })))).toMatchObject({ name: 'EntityAlreadyExistsException', status: 409 });
  });

  it('pages with Marker while IsTruncated', async () => {
    const client = iam(emulator().clientConfig);
    await client.send(new CreateUserCommand({ UserName: 'many' }));
    for (let i = 0; i < 3; i++) {
      const { VirtualMFADevice } = await client.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `d${i}` }));
      await client.send(new EnableMFADeviceCommand({ UserName: 'many', SerialNumber: VirtualMFADevice?.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
    }
    const first = await client.send(new ListMFADevicesCommand({ UserName: 'many', MaxItems: 2 }));
    expect(first.MFADevices).toHaveLength(2);
    expect(first.IsTruncated).toBe(true);
    const second = await client.send(new ListMFADevicesCommand({ UserName: 'many', MaxItems: 2, Marker: first.Marker }));
    expect(second.MFADevices?.map((d) => d.SerialNumber)).toEqual([`arn:aws:iam::${MGMT}:mfa/d2`]);
    expect(second.IsTruncated).toBe(false);
    expect(await awsError(client.send(new ListMFADevicesCommand({ UserName: 'many', MaxItems: 1001 })))).toMatchObject({ status: 400 });
  });

  it('ListOrganizationsFeatures: refuses as AWS does until trusted access and the feature are on', async () => {
    const client = iam(emulator().clientConfig);
    expect(await awsError(client.send(new ListOrganizationsFeaturesCommand({})))).toMatchObject({ name: 'ServiceAccessNotEnabledException', status: 400 });
    expect(await awsError(iam(emulator().clientConfigAs(MEMBER)).send(new ListOrganizationsFeaturesCommand({})))).toMatchObject({
      name: 'AccountNotManagementOrDelegatedAdministratorException',
    });
    emulator().seed({ ...ORG, iam: { trustedAccess: true } });
    expect(await client.send(new ListOrganizationsFeaturesCommand({}))).toMatchObject({ OrganizationId: 'o-abcdefghij', EnabledFeatures: [] });
    await client.send(new EnableOrganizationsRootCredentialsManagementCommand({}));
    expect((await client.send(new ListOrganizationsFeaturesCommand({}))).EnabledFeatures).toEqual(['RootCredentialsManagement']);
  });

  it('a standalone account has no organization: OrganizationNotFoundException', async () => {
    emulator().seed({ formatVersion: 1 });
    expect(await awsError(iam(emulator().clientConfig).send(new ListOrganizationsFeaturesCommand({})))).toMatchObject({ name: 'OrganizationNotFoundException' });
  });

  it('shares the query protocol with STS without confusing them', async () => {
    expect((await new STSClient({ ...emulator().clientConfig, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}))).Account).toBe(MGMT);
    expect(emulator().counters()).toMatchObject({ 'sts:GetCallerIdentity': 1 });
    await iam(emulator().clientConfig).send(new GetAccountSummaryCommand({}));
    expect(emulator().counters()).toMatchObject({ 'iam:GetAccountSummary': 1 });
  });
});

describe('emulated Account Management (REST-JSON)', () => {
  const emulator = useEmulator({ snapshot: ORG });

  it('GetAlternateContact: the contact, or ResourceNotFoundException (404) when that type is not set', async () => {
    const client = account(emulator().clientConfig);
    expect((await client.send(new GetAlternateContactCommand({ AlternateContactType: 'BILLING' }))).AlternateContact).toEqual({
      AlternateContactType: 'BILLING',
      Name: 'Bill',
      Title: 'CFO',
      EmailAddress: 'billing@example.com',
      PhoneNumber: '+1 555 0100',
    });
    expect(await awsError(client.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' })))).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });

  it('PutAlternateContact sets and replaces; DeleteAlternateContact removes; both checked like AWS', async () => {
    const client = account(emulator().clientConfig);
    const contact = { AlternateContactType: 'SECURITY' as const, Name: 'Sec', Title: 'CISO', EmailAddress: 'sec@example.com', PhoneNumber: '+1 555 0199' };
    await client.send(new PutAlternateContactCommand(contact));
    await client.send(new PutAlternateContactCommand({ ...contact, Title: 'Head of Security' }));
    expect((await client.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }))).AlternateContact?.Title).toBe('Head of Security');
    expect(await awsError(client.send(new PutAlternateContactCommand({ ...contact, EmailAddress: 'not an email' })))).toMatchObject({ name: 'ValidationException', status: 400 });
    expect(await awsError(client.send(new PutAlternateContactCommand({ ...contact, PhoneNumber: 'call me' })))).toMatchObject({ name: 'ValidationException' });
    await client.send(new DeleteAlternateContactCommand({ AlternateContactType: 'SECURITY' }));
    expect(await awsError(client.send(new DeleteAlternateContactCommand({ AlternateContactType: 'SECURITY' })))).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });

  it('contacts are per account; AccountId works only from the management account, for a member', async () => {
    const mgmt = account(emulator().clientConfig);
    await mgmt.send(new PutAlternateContactCommand({ AccountId: MEMBER, AlternateContactType: 'OPERATIONS', Name: 'Ops', Title: 'SRE', EmailAddress: 'ops@example.com', PhoneNumber: '+1' }));
    const member = account(emulator().clientConfigAs(MEMBER));
    expect((await member.send(new GetAlternateContactCommand({ AlternateContactType: 'OPERATIONS' }))).AlternateContact?.EmailAddress).toBe('ops@example.com');
    expect(await awsError(member.send(new GetAlternateContactCommand({ AccountId: MGMT, AlternateContactType: 'BILLING' })))).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect(await awsError(mgmt.send(new GetAlternateContactCommand({ AccountId: MGMT, AlternateContactType: 'BILLING' })))).toMatchObject({ name: 'ValidationException' });
  });
});

describe('emulated SSO Admin (JSON 1.1, regional)', () => {
  const emulator = useEmulator({ snapshot: ORG });

  it('ListInstances answers in the instance\'s home region only, for its owner', async () => {
    const [instance] = (await sso(emulator().clientConfig, 'eu-west-1').send(new ListInstancesCommand({}))).Instances ?? [];
    expect(instance).toMatchObject({ OwnerAccountId: MGMT, Name: 'corp', Status: 'ACTIVE', InstanceArn: expect.stringMatching(/^arn:aws:sso:::instance\/ssoins-[0-9a-f]{16}$/), IdentityStoreId: expect.stringMatching(/^d-/) });
    expect(instance?.CreatedDate).toBeInstanceOf(Date);
    expect((await sso(emulator().clientConfig, 'us-east-1').send(new ListInstancesCommand({}))).Instances).toEqual([]);
    expect((await sso(emulator().clientConfigAs(MEMBER), 'eu-west-1').send(new ListInstancesCommand({}))).Instances).toEqual([]);
    expect(await awsError(sso(emulator().clientConfig, 'eu-west-1').send(new ListInstancesCommand({ MaxResults: 101 })))).toMatchObject({ name: 'ValidationException', status: 400 });
  });
});

describe('the security sections of the snapshot', () => {
  const emulator = useEmulator({ snapshot: ORG });

  it('write what was loaded and changed, and load back the same', async () => {
    await account(emulator().clientConfig).send(new PutAlternateContactCommand({ AlternateContactType: 'SECURITY', Name: 'S', Title: 'T', EmailAddress: 's@example.com', PhoneNumber: '+1' }));
    const written = emulator().snapshot();
    expect(written.iam?.rootUsers).toEqual({ [MGMT]: { mfaEnabled: false, passwordPresent: true, accessKeysPresent: true, signingCertificatesPresent: false } });
    expect(written.alternateContacts?.map((c) => c.type)).toEqual(['BILLING', 'SECURITY']);
    expect(written.identityCenterInstances).toHaveLength(1);
    emulator().seed(written);
    expect(emulator().snapshot()).toEqual(written);
  });

  it('refuses bad sections with their paths', () => {
    expect(() =>
      emulator().seed({
        formatVersion: 1,
        iam: { rootUsers: { '12': { mfaEnabled: 'yes' as never } }, users: [{ accountId: MGMT, userName: 'a b' }], trustedAccess: false, organizationsFeatures: ['RootSessions'] },
        alternateContacts: [{ accountId: MGMT, type: 'LEGAL' as never, name: 'n', title: 't', email: 'e', phone: 'p' }],
        identityCenterInstances: [{ ownerAccountId: MGMT, region: 'Europe' }],
      }),
    ).toThrow(
      expect.objectContaining({
        details: expect.arrayContaining([
          expect.stringMatching(/iam\.rootUsers\.12.*12-digit/),
          expect.stringMatching(/mfaEnabled.*true or false/),
          expect.stringMatching(/userName/),
          expect.stringMatching(/organizationsFeatures.*trustedAccess/),
          expect.stringMatching(/alternateContacts\[0\]\.type/),
          expect.stringMatching(/identityCenterInstances\[0\]\.region/),
        ]),
      }),
    );
  });
});
