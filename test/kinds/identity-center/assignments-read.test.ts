// What the access part of the identity center kind reads, counted exactly: nothing at all without an
// `identityCenter:` section; with one, calls that grow with the permission sets and the principals org.yaml
// names (one listing of assignments per principal found), never with accounts × permission sets.

import { describe, expect, it } from 'vitest';
import type { DesiredIdentityCenter, DesiredOrg } from '../../../src/model/desired.js';
import { readLiveOrg } from '../../../src/reader/read-live-org.js';
import { FakeAwsPort } from '../../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const IDENTITY_CENTER_OPERATIONS = [
  'ListInstances',
  'ListPermissionSets',
  'DescribePermissionSet',
  'GetGroupId',
  'GetUserId',
  'ListGroups',
  'ListUsers',
  'ListAccountAssignmentsForPrincipal',
];

function desired(identityCenter?: Partial<DesiredIdentityCenter>): DesiredOrg {
  return {
    managementAccountId: MGMT,
    featureSet: 'ALL',
    root: { accounts: [{ id: MGMT }], organizationalUnits: [] },
    budgets: [],
    options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' },
    ...(identityCenter !== undefined && {
      identityCenter: { region: 'us-east-1', permissionSets: [], assignments: [], prunePermissionSets: false, pruneAssignments: false, ...identityCenter },
    }),
  };
}

const assignment = (principal: { type: 'GROUP' | 'USER'; name: string }, set: string) => ({ principal, permissionSet: { value: set }, accounts: [{ value: MGMT }], organizationalUnits: [] });

function seeded(): { fake: FakeAwsPort; admins: string; adminArn: string } {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  const instance = fake.security.addIdentityCenterInstance('us-east-1', MGMT);
  const access = fake.identityCenterAccess;
  const adminArn = access.seedPermissionSet(instance.instanceArn, 'AdministratorAccess');
  access.seedPermissionSet(instance.instanceArn, 'ReadOnly');
  access.seedPermissionSet(instance.instanceArn, 'Billing');
  const admins = access.seedGroup(instance.identityStoreId!, 'PlatformAdmins');
  access.seedUser(instance.identityStoreId!, 'alice@example.com');
  access.assignments.push({ instanceArn: instance.instanceArn, accountId: MGMT, permissionSetArn: adminArn, principal: { type: 'GROUP', id: admins } });
  return { fake, admins, adminArn };
}

const counts = (fake: FakeAwsPort): Record<string, number> => Object.fromEntries(IDENTITY_CENTER_OPERATIONS.map((op) => [op, fake.calls.filter((c) => c.operation === op).length]));

describe('reading Identity Center access', () => {
  it('reads nothing from Identity Center when org.yaml has no identityCenter section', async () => {
    const { fake } = seeded();
    const live = await readLiveOrg(fake, { managementAccountId: MGMT, kinds: { desired: desired(), observations: {} } });
    expect(live.identityCenterAccess).toBeUndefined();
    expect(counts(fake)).toEqual(Object.fromEntries(IDENTITY_CENTER_OPERATIONS.map((op) => [op, 0])));
  });

  it('reads the instance, every permission set name, each declared principal once and the assignments of those found', async () => {
    const { fake, admins, adminArn } = seeded();
    const section = {
      assignments: [
        assignment({ type: 'GROUP', name: 'PlatformAdmins' }, 'AdministratorAccess'),
        assignment({ type: 'GROUP', name: 'PlatformAdmins' }, 'ReadOnly'),
        assignment({ type: 'USER', name: 'alice@example.com' }, 'ReadOnly'),
        assignment({ type: 'USER', name: 'bob@example.com' }, 'ReadOnly'),
      ],
    };
    const live = await readLiveOrg(fake, { managementAccountId: MGMT, kinds: { desired: desired(section), observations: {} } });
    expect(counts(fake)).toEqual({
      ListInstances: 1,
      ListPermissionSets: 1,
      DescribePermissionSet: 3,
      GetGroupId: 1,
      GetUserId: 2,
      ListGroups: 0,
      ListUsers: 0,
      // bob is not in the directory: nothing to list for him.
      ListAccountAssignmentsForPrincipal: 2,
    });
    expect(live.identityCenterAccess?.principals.find((p) => p.name === 'bob@example.com')?.id).toBeNull();
    expect(live.identityCenterAccess?.assignments).toEqual([{ accountId: MGMT, permissionSetArn: adminArn, principalType: 'GROUP', principalId: admins }]);
    expect(live.identityCenterAccess?.permissionSets.map((s) => s.name).sort()).toEqual(['AdministratorAccess', 'Billing', 'ReadOnly']);
  });

  it('lists the directory only when a group `groups:` declares is missing, to tell whether an identity provider owns it', async () => {
    const { fake } = seeded();
    const instance = fake.security.identityCenter.get('us-east-1')![0]!;
    fake.identityCenterAccess.seedUser(instance.identityStoreId!, 'synced@example.com', true);
    const section = { groups: [{ name: 'Auditors' }], assignments: [assignment({ type: 'GROUP', name: 'Auditors' }, 'ReadOnly')] };
    const live = await readLiveOrg(fake, { managementAccountId: MGMT, kinds: { desired: desired(section), observations: {} } });
    expect(counts(fake)).toMatchObject({ GetGroupId: 1, ListGroups: 1, ListUsers: 1, ListAccountAssignmentsForPrincipal: 0 });
    expect(live.identityCenterAccess?.externalDirectory).toBe(true);
  });

  it('without an instance in the region it reads no further', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    const live = await readLiveOrg(fake, { managementAccountId: MGMT, kinds: { desired: desired({ assignments: [assignment({ type: 'GROUP', name: 'X' }, 'Y')] }), observations: {} } });
    expect(live.identityCenterAccess).toMatchObject({ region: 'us-east-1', instance: null });
    expect(counts(fake)).toMatchObject({ ListInstances: 1, ListPermissionSets: 0, GetGroupId: 0 });
  });
});
