// "Everyday admin access goes through IAM Identity Center": pass when an administrator permission set
// (AdministratorAccess, or an inline policy allowing * on *) is assigned on the management account, a
// recommendation when none is, and "cannot check" without a region, without an instance, or when a read
// is denied (naming the IAM action). Pure checks, then the reads through FakeAwsPort.

import { describe, expect, it } from 'vitest';
import { adminGrantOf } from '../../src/audit/admin-permission-set.js';
import { identityCenterRegion } from '../../src/audit/audit-account.js';
import { aDesiredOrg } from '../support/builders.js';
import { buildAuditReport } from '../../src/audit/build-audit-report.js';
import { readAuditInput } from '../../src/audit/read-audit-input.js';
import type { AdminAccessObservation } from '../../src/audit/audit-input.js';
import { auditFailed } from '../../src/model/audit.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { ACCOUNT, anAuditInput, aSecurity, checkById, denied, failed, ok } from './support.js';

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const INSTANCE = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
const ID = 'identity-center-admin-access';

const checkWith = (adminAccess: AdminAccessObservation, overrides: Parameters<typeof anAuditInput>[0] = {}) => checkById(buildAuditReport(anAuditInput({ adminAccess, ...overrides })), ID);
const read = (adminSets: AdminAccessObservation & { read: true } extends { adminSets: infer O } ? O : never): AdminAccessObservation => ({ read: true, region: 'eu-west-1', instanceArn: INSTANCE, adminSets });

describe('which permission sets are administrator sets', () => {
  it('AdministratorAccess in any partition, or an inline statement allowing every action on every resource', () => {
    expect(adminGrantOf([ADMIN], '')).toBe('the AdministratorAccess managed policy');
    expect(adminGrantOf(['arn:aws-us-gov:iam::aws:policy/AdministratorAccess'], '')).toBe('the AdministratorAccess managed policy');
    expect(adminGrantOf([], JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }))).toBe('an inline policy allowing * on *');
    expect(adminGrantOf([], JSON.stringify({ Statement: { Effect: 'Allow', Action: ['s3:*', '*:*'], Resource: ['*'] } }))).toBe('an inline policy allowing * on *');
  });

  it('not: other managed policies, Deny, partial wildcards, a resource other than *, bad JSON', () => {
    expect(adminGrantOf(['arn:aws:iam::aws:policy/PowerUserAccess', 'arn:aws:iam::123456789012:policy/AdministratorAccess-copy'], '')).toBeUndefined();
    expect(adminGrantOf([], JSON.stringify({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }))).toBeUndefined();
    expect(adminGrantOf([], JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }))).toBeUndefined();
    expect(adminGrantOf([], JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }] }))).toBeUndefined();
    expect(adminGrantOf([], '{not json')).toBeUndefined();
  });
});

describe('the check', () => {
  it('passes when an administrator set is assigned on the management account, naming it', () => {
    const check = checkWith(read(ok([{ permissionSetName: 'AdministratorAccess', grantedBy: 'the AdministratorAccess managed policy', principals: 2 }])));
    expect(check).toMatchObject({ status: 'pass', severity: 'recommended', title: 'Everyday admin access goes through IAM Identity Center' });
    expect(check.reason).toContain(`management account ${ACCOUNT}`);
    expect(check.reason).toContain('AdministratorAccess (the AdministratorAccess managed policy; 2 groups or users)');
  });

  it('is a recommendation (never fails the audit) when no administrator set is assigned, with the org.yaml to declare', () => {
    for (const sets of [[], [{ permissionSetName: 'Admin', grantedBy: 'an inline policy allowing * on *', principals: 0 }]]) {
      const report = buildAuditReport(anAuditInput({ adminAccess: read(ok(sets)) }));
      const check = checkById(report, ID);
      expect(check).toMatchObject({ status: 'fail', severity: 'recommended' });
      expect(check.remedy).toContain('identityCenter: { region: eu-west-1, permissionSets: { AdministratorAccess:');
      expect(check.remedy).toContain(`accounts: ["${ACCOUNT}"]`);
      expect(auditFailed(report)).toBe(false);
    }
    expect(checkWith(read(ok([{ permissionSetName: 'Admin', grantedBy: 'x', principals: 0 }]))).reason).toContain('Admin is provisioned there with no one assigned');
  });

  it('cannot check when a read was denied, naming the action', () => {
    const check = checkWith(read(failed(denied('ListPermissionSetsProvisionedToAccount', 'sso:ListPermissionSetsProvisionedToAccount'))));
    expect(check).toMatchObject({ status: 'cannot-check', reason: expect.stringContaining('sso:ListPermissionSetsProvisionedToAccount') });
  });

  it('cannot check without an instance, without a region, or when ListInstances was denied', () => {
    expect(checkWith({ read: false }, { identityCenter: { region: 'eu-west-1', instances: ok([]) } })).toMatchObject({ status: 'cannot-check', reason: expect.stringMatching(/No active IAM Identity Center instance was found in eu-west-1/) });
    expect(checkWith({ read: false }, { identityCenter: { region: undefined } })).toMatchObject({ status: 'cannot-check', reason: expect.stringMatching(/no region is known/) });
    expect(checkWith({ read: false }, { identityCenter: { region: 'eu-west-1', instances: failed(denied('ListInstances', 'sso:ListInstances')) } })).toMatchObject({
      status: 'cannot-check',
      reason: expect.stringContaining('sso:ListInstances'),
    });
  });

});

describe('the reads (FakeAwsPort)', () => {
  function world(): FakeAwsPort {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    fake.security.addIdentityCenterInstance('eu-west-1');
    return fake;
  }
  const auditOf = async (fake: FakeAwsPort) =>
    buildAuditReport(
      await readAuditInput(fake, {
        accountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID,
        scope: 'management',
        managementAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID,
        security: aSecurity(),
        identityCenterRegion: 'eu-west-1',
        now: 0,
      }),
    );

  it('finds an inline *:* set among others, and asks for assignments only of administrator sets', async () => {
    const fake = world();
    fake.security.addPermissionSet('ReadOnly', { managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }, FakeAwsPort.MANAGEMENT_ACCOUNT_ID);
    fake.security.addPermissionSet('Admin', { inline: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*:*', Resource: '*' }] }) }, FakeAwsPort.MANAGEMENT_ACCOUNT_ID);
    const check = checkById(await auditOf(fake), ID);
    expect(check).toMatchObject({ status: 'pass', reason: expect.stringContaining('Admin (an inline policy allowing * on *; 1 group or user)') });
    expect(fake.callCount('ListAccountAssignments')).toBe(1);
    expect(fake.callCount('DescribePermissionSet')).toBe(2);
  });

  it('an administrator set assigned only on another account does not count', async () => {
    const fake = world();
    fake.security.addPermissionSet('AdministratorAccess', { managed: [ADMIN] }, '222222222222');
    expect(checkById(await auditOf(fake), ID)).toMatchObject({ status: 'fail', severity: 'recommended' });
  });

  it('a denied DescribePermissionSet: cannot check, naming sso:DescribePermissionSet', async () => {
    const fake = world();
    fake.security.addPermissionSet('AdministratorAccess', { managed: [ADMIN] }, FakeAwsPort.MANAGEMENT_ACCOUNT_ID);
    fake.failNext('DescribePermissionSet', 'accessDenied');
    expect(checkById(await auditOf(fake), ID)).toMatchObject({ status: 'cannot-check', reason: 'AWS denied DescribePermissionSet: the credentials lack sso:DescribePermissionSet.' });
  });

  it("is left out, unread, with a member account's credentials (it is about the management account)", async () => {
    const fake = world();
    fake.security.addPermissionSet('AdministratorAccess', { managed: [ADMIN] }, FakeAwsPort.MANAGEMENT_ACCOUNT_ID);
    const input = await readAuditInput(fake, { accountId: '222222222222', scope: 'member', managementAccountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID, security: aSecurity(), identityCenterRegion: 'eu-west-1', now: 0 });
    expect(buildAuditReport(input).checks.map((c) => c.id)).not.toContain(ID);
    expect(fake.callCount('ListPermissionSetsProvisionedToAccount')).toBe(0);
  });

  it('no instance: no SSO Admin read beyond ListInstances', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    expect(checkById(await auditOf(fake), ID).status).toBe('cannot-check');
    expect(fake.callCount('ListPermissionSetsProvisionedToAccount')).toBe(0);
  });
});

describe('the Identity Center region the audit reads', () => {
  const base = aDesiredOrg().build();
  const env = { AWS_REGION: 'us-west-2' };
  it('security.identityCenterRegion, else identityCenter.region, else AWS_REGION', () => {
    const section = { region: 'eu-central-1', permissionSets: [], assignments: [], prunePermissionSets: false, pruneAssignments: false };
    expect(identityCenterRegion({ ...base, security: aSecurity({ identityCenterRegion: 'eu-west-1' }), identityCenter: section }, env)).toBe('eu-west-1');
    expect(identityCenterRegion({ ...base, security: aSecurity(), identityCenter: section }, env)).toBe('eu-central-1');
    expect(identityCenterRegion({ ...base, security: aSecurity() }, env)).toBe('us-west-2');
  });
});
