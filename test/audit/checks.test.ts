// Every check's pass, fail and cannot-check paths, pure: AuditInput in, AuditReport out.

import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build-audit-report.js';
import { MAX_ACCESS_KEY_AGE_DAYS } from '../../src/audit/checks/break-glass.js';
import type { Observation } from '../../src/audit/audit-input.js';
import { auditFailed, countAudit, ROOT_CREDENTIALS_RUNBOOK } from '../../src/model/audit.js';
import type { OrganizationsFeatures } from '../../src/model/security.js';
import {
  ACCOUNT,
  aSecurity,
  anAuditInput,
  awsFailure,
  checkById,
  DAY,
  denied,
  failed,
  NO_ROOT_CREDENTIALS,
  noSuchUser,
  NOW,
  ok,
  SECURE_ROOT,
} from './support.js';

const audit = (overrides: Parameters<typeof anAuditInput>[0] = {}) => buildAuditReport(anAuditInput(overrides));

describe('the audit of a locked-down account', () => {
  it('passes every check, in a fixed order, and links the runbook', () => {
    const report = audit();
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['root-mfa', 'pass'],
      ['root-access-keys', 'pass'],
      ['root-signing-certificates', 'pass'],
      ['break-glass-user:break-glass', 'pass'],
      ['identity-center', 'pass'],
      ['alternate-contact:security', 'pass'],
      ['centralized-root-access', 'pass'],
    ]);
    expect(report.checks.every((c) => c.remedy === undefined)).toBe(true);
    expect(report).toMatchObject({ accountId: ACCOUNT, runbook: ROOT_CREDENTIALS_RUNBOOK });
    expect(auditFailed(report)).toBe(false);
    expect(countAudit(report)).toEqual({ passed: 7, failed: 0, recommendations: 0, cannotCheck: 0 });
  });
});

describe('root user (GetAccountSummary)', () => {
  it('fails without MFA, and says to add a device', () => {
    const check = checkById(audit({ rootCredentials: ok({ ...SECURE_ROOT, mfaEnabled: false }) }), 'root-mfa');
    expect(check).toMatchObject({ status: 'fail', severity: 'required', reason: 'The root user has no MFA device.' });
    expect(check.remedy).toMatch(/add an MFA device/);
  });

  it('fails with access keys, and with signing certificates, each on its own', () => {
    const report = audit({ rootCredentials: ok({ ...SECURE_ROOT, accessKeysPresent: true, signingCertificatesPresent: true }) });
    expect(checkById(report, 'root-mfa').status).toBe('pass');
    expect(checkById(report, 'root-access-keys')).toMatchObject({ status: 'fail', remedy: expect.stringMatching(/delete its access keys/) });
    expect(checkById(report, 'root-signing-certificates')).toMatchObject({ status: 'fail', remedy: expect.stringMatching(/delete its signing certificates/) });
    expect(auditFailed(report)).toBe(true);
  });

  it('denied: all three checks cannot check, naming iam:GetAccountSummary', () => {
    const report = audit({ rootCredentials: failed(denied('GetAccountSummary', 'iam:GetAccountSummary')) });
    for (const id of ['root-mfa', 'root-access-keys', 'root-signing-certificates']) {
      expect(checkById(report, id)).toMatchObject({
        status: 'cannot-check',
        reason: 'AWS denied GetAccountSummary: the credentials lack iam:GetAccountSummary.',
        remedy: expect.stringContaining('Allow iam:GetAccountSummary'),
      });
    }
    // Not being able to check is not a failure: exit code 0.
    expect(auditFailed(report)).toBe(false);
  });

  it('other read failures cannot check either, and say what AWS answered', () => {
    const check = checkById(audit({ rootCredentials: failed(awsFailure('GetAccountSummary', 'iam:GetAccountSummary', 'ServiceFailure')) }), 'root-mfa');
    expect(check).toMatchObject({ status: 'cannot-check', reason: 'GetAccountSummary failed: ServiceFailure: something' });
  });

  it('management account without MFA and without a password still fails: its email can recover a password', () => {
    const check = checkById(audit({ rootCredentials: ok(NO_ROOT_CREDENTIALS) }), 'root-mfa');
    expect(check).toMatchObject({ status: 'fail' });
    expect(check.reason).toMatch(/no password: anyone who controls the root email address/);
  });

  it('management account without MFA fails even when centralized root access is on (it does not cover the management account)', () => {
    const check = checkById(audit({ rootCredentials: ok(NO_ROOT_CREDENTIALS) }), 'root-mfa');
    expect(check.status).toBe('fail');
  });
});

describe('root user of a member account: no credentials at all is secure with centralized root access', () => {
  const member = (root: typeof SECURE_ROOT, features: Parameters<typeof anAuditInput>[0] = {}) =>
    checkById(audit({ scope: 'member', accountId: '222222222222', rootCredentials: ok(root), ...features }), 'root-mfa');

  it('passes: no password, MFA, keys or certificates, and RootCredentialsManagement on', () => {
    const check = member(NO_ROOT_CREDENTIALS);
    expect(check.status).toBe('pass');
    expect(check.reason).toMatch(/no credentials at all.*centralized root access is on/);
  });

  it('fails with the same root user when centralized root access is off (password recovery still works)', () => {
    const off = member(NO_ROOT_CREDENTIALS, { organizationsFeatures: ok({ organizationId: 'o-abcdefghij', enabledFeatures: ['RootSessions'] }) });
    expect(off.status).toBe('fail');
    expect(off.remedy).toMatch(/enable centralized root access/);
    const noTrustedAccess = member(NO_ROOT_CREDENTIALS, {
      organizationsFeatures: failed(awsFailure('ListOrganizationsFeatures', 'iam:ListOrganizationsFeatures', 'ServiceAccessNotEnabledException')),
    });
    expect(noTrustedAccess.status).toBe('fail');
  });

  it('cannot check when whether centralized root access is on cannot be read', () => {
    const check = member(NO_ROOT_CREDENTIALS, {
      organizationsFeatures: failed(awsFailure('ListOrganizationsFeatures', 'iam:ListOrganizationsFeatures', 'AccountNotManagementOrDelegatedAdministratorException')),
    });
    expect(check.status).toBe('cannot-check');
    expect(check.reason).toMatch(/only secure with centralized root access, and whether it is on could not be read/);
  });

  it('fails when the member root user still has a password (delete it centrally, or add MFA)', () => {
    const check = member({ ...NO_ROOT_CREDENTIALS, passwordPresent: true });
    expect(check.status).toBe('fail');
    expect(check.reason).toMatch(/has a password but no MFA device/);
  });

  it('fails when it has access keys, whatever centralized root access says', () => {
    expect(member({ ...NO_ROOT_CREDENTIALS, accessKeysPresent: true }).status).toBe('fail');
  });

  it('cannot check when AWS does not report AccountPasswordPresent', () => {
    expect(member({ ...NO_ROOT_CREDENTIALS, passwordPresent: undefined }).status).toBe('cannot-check');
  });

  it('a member root user with MFA passes as anywhere else', () => {
    expect(member(SECURE_ROOT).status).toBe('pass');
  });

  it("checks nothing org.yaml declares for the management account, and says so", () => {
    const report = audit({ scope: 'member', accountId: '222222222222', breakGlassUsers: [], alternateContacts: [] });
    for (const id of ['break-glass-user:break-glass', 'alternate-contact:security', 'identity-center']) {
      expect(checkById(report, id)).toMatchObject({ status: 'cannot-check', reason: expect.stringMatching(/management account 111111111111; these credentials are for member account 222222222222/) });
    }
  });
});

describe('break-glass users (ListMFADevices, ListAccessKeys)', () => {
  const withUser = (user: Partial<ReturnType<typeof anAuditInput>['breakGlassUsers'][number]>) => {
    const base = anAuditInput();
    return checkById(buildAuditReport({ ...base, breakGlassUsers: [{ ...base.breakGlassUsers[0]!, ...user }] }), 'break-glass-user:break-glass');
  };
  const key = (status: 'Active' | 'Inactive', ageDays: number) => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', status, createdAt: NOW - ageDays * DAY });

  it('passes with an MFA device and no keys, pointing at the org.yaml line', () => {
    expect(withUser({})).toMatchObject({ status: 'pass', severity: 'required', source: { line: 7, column: 21 } });
  });

  it('fails when the user does not exist (NoSuchEntity)', () => {
    const check = withUser({ mfaDevices: failed(noSuchUser('ListMFADevices', 'iam:ListMFADevices')), accessKeys: failed(noSuchUser('ListAccessKeys', 'iam:ListAccessKeys')) });
    expect(check).toMatchObject({ status: 'fail', reason: 'IAM user break-glass does not exist in this account.' });
  });

  it('fails without an MFA device', () => {
    expect(withUser({ mfaDevices: ok([]) })).toMatchObject({ status: 'fail', reason: 'IAM user break-glass has no MFA device.' });
  });

  it('fails with any active access key, however new', () => {
    const check = withUser({ accessKeys: ok([key('Active', 0)]) });
    expect(check.status).toBe('fail');
    expect(check.reason).toBe('IAM user break-glass has an active access key (AKIA…MPLE, 0 days old).');
    expect(check.remedy).toMatch(/delete the access keys of break-glass/i);
  });

  it(`fails with an inactive key older than ${MAX_ACCESS_KEY_AGE_DAYS} days, and only notes a younger one`, () => {
    expect(withUser({ accessKeys: ok([key('Inactive', MAX_ACCESS_KEY_AGE_DAYS + 1)]) })).toMatchObject({ status: 'fail', reason: expect.stringMatching(/inactive access key older than 90 days \(AKIA…MPLE, 91 days old\)/) });
    const young = withUser({ accessKeys: ok([key('Inactive', MAX_ACCESS_KEY_AGE_DAYS)]) });
    expect(young.status).toBe('pass');
    expect(young.reason).toMatch(/can be deleted/);
  });

  it('lists every problem at once', () => {
    const check = withUser({ mfaDevices: ok([]), accessKeys: ok([key('Active', 200), key('Inactive', 120)]) });
    expect(check.reason).toBe(
      'IAM user break-glass has no MFA device; has an active access key (AKIA…MPLE, 200 days old); has an inactive access key older than 90 days (AKIA…MPLE, 120 days old).',
    );
  });

  it('cannot check when either list is denied, naming the action', () => {
    expect(withUser({ mfaDevices: failed(denied('ListMFADevices', 'iam:ListMFADevices')) })).toMatchObject({ status: 'cannot-check', reason: expect.stringContaining('iam:ListMFADevices') });
    expect(withUser({ accessKeys: failed(denied('ListAccessKeys', 'iam:ListAccessKeys')) })).toMatchObject({ status: 'cannot-check', reason: expect.stringContaining('iam:ListAccessKeys') });
  });

  it('recommends declaring one when org.yaml declares none (or has no security section)', () => {
    for (const report of [audit({ security: aSecurity({ breakGlassUsers: [] }), breakGlassUsers: [] }), audit({ security: undefined, breakGlassUsers: [], alternateContacts: [] })]) {
      expect(checkById(report, 'break-glass-users')).toMatchObject({ status: 'fail', severity: 'recommended' });
      expect(auditFailed(report)).toBe(false);
    }
  });
});

describe('IAM Identity Center (ListInstances)', () => {
  it('required and missing: a failure that names the region asked', () => {
    const report = audit({ identityCenter: { region: 'eu-west-1', instances: ok([]) } });
    expect(checkById(report, 'identity-center')).toMatchObject({ status: 'fail', severity: 'required', reason: expect.stringMatching(/No IAM Identity Center instance in eu-west-1/) });
    expect(auditFailed(report)).toBe(true);
  });

  it('optional and missing: a recommendation, exit code unaffected', () => {
    const report = audit({ security: aSecurity({ identityCenter: 'optional' }), identityCenter: { region: 'eu-west-1', instances: ok([]) } });
    expect(checkById(report, 'identity-center')).toMatchObject({ status: 'fail', severity: 'recommended' });
    expect(auditFailed(report)).toBe(false);
  });

  it('no security section: optional', () => {
    expect(checkById(audit({ security: undefined, breakGlassUsers: [], alternateContacts: [], identityCenter: { region: 'us-east-1', instances: ok([]) } }), 'identity-center').severity).toBe('recommended');
  });

  it('an instance that is not active fails', () => {
    const instances = ok([{ instanceArn: 'arn:aws:sso:::instance/ssoins-1', ownerAccountId: ACCOUNT, status: 'CREATE_FAILED' as const }]);
    expect(checkById(audit({ identityCenter: { region: 'eu-west-1', instances } }), 'identity-center')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/not active \(CREATE_FAILED\)/) });
  });

  it('no region known: cannot check, and says to set identityCenterRegion', () => {
    expect(checkById(audit({ identityCenter: { region: undefined } }), 'identity-center')).toMatchObject({ status: 'cannot-check', remedy: expect.stringMatching(/identityCenterRegion/) });
  });

  it('denied: cannot check, naming sso:ListInstances', () => {
    const check = checkById(audit({ identityCenter: { region: 'eu-west-1', instances: failed(denied('ListInstances', 'sso:ListInstances')) } }), 'identity-center');
    expect(check).toMatchObject({ status: 'cannot-check', reason: 'AWS denied ListInstances: the credentials lack sso:ListInstances.' });
  });
});

describe('alternate contacts (GetAlternateContact)', () => {
  const contact = { type: 'SECURITY' as const, email: 'Security@Example.com', name: 'Sec', title: 'CISO', phone: '+1 555 0100' };
  const withContact = (observed: Parameters<typeof ok>[0] | null, declared: Partial<ReturnType<typeof aSecurity>['alternateContacts'][number]> = {}) =>
    checkById(
      buildAuditReport(
        anAuditInput({
          security: aSecurity({ alternateContacts: [{ type: 'SECURITY', email: 'security@example.com', ...declared }] }),
          alternateContacts: [{ type: 'SECURITY', contact: ok(observed as never) }],
        }),
      ),
      'alternate-contact:security',
    );

  it('passes when the declared fields match (email without case)', () => {
    expect(withContact(contact).status).toBe('pass');
  });

  it('fails when a declared field differs, naming both values', () => {
    const check = withContact(contact, { title: 'Head of Security' });
    expect(check).toMatchObject({ status: 'fail', reason: 'The security contact differs: title is "CISO", org.yaml says "Head of Security".' });
    expect(check.remedy).toMatch(/orgctl apply/);
  });

  it('fails when not set; the remedy depends on whether org.yaml gives all four fields', () => {
    expect(withContact(null)).toMatchObject({ status: 'fail', reason: 'The security contact is not set.', remedy: expect.stringMatching(/Add name, title and phone/) });
    expect(withContact(null, { name: 'Sec', title: 'CISO', phone: '+1' }).remedy).toBe('Run orgctl apply: the plan sets it (putAlternateContact).');
  });

  it('denied: cannot check, naming account:GetAlternateContact', () => {
    const report = buildAuditReport(anAuditInput({ alternateContacts: [{ type: 'SECURITY', contact: failed(denied('GetAlternateContact', 'account:GetAlternateContact')) }] }));
    expect(checkById(report, 'alternate-contact:security')).toMatchObject({ status: 'cannot-check', reason: expect.stringContaining('account:GetAlternateContact') });
  });

  it('recommends declaring contacts when none are', () => {
    expect(checkById(audit({ security: aSecurity({ alternateContacts: [] }), alternateContacts: [] }), 'alternate-contacts')).toMatchObject({ status: 'fail', severity: 'recommended' });
  });
});

describe('centralized root access (ListOrganizationsFeatures), a recommendation', () => {
  const central = (observed: Observation<OrganizationsFeatures>) => checkById(audit({ organizationsFeatures: observed }), 'centralized-root-access');

  it('passes with RootCredentialsManagement, and says when RootSessions is off', () => {
    expect(central(ok({ organizationId: 'o-1', enabledFeatures: ['RootCredentialsManagement'] }))).toMatchObject({ status: 'pass', reason: expect.stringMatching(/RootSessions is off/) });
  });

  const cases: [string, Observation<OrganizationsFeatures>, RegExp][] = [
    ['no feature enabled', ok({ organizationId: 'o-1', enabledFeatures: [] }), /RootCredentialsManagement is not enabled/],
    ['trusted access for IAM off', failed(awsFailure('ListOrganizationsFeatures', 'iam:ListOrganizationsFeatures', 'ServiceAccessNotEnabledException')), /trusted access for IAM is not enabled/],
    ['not all features', failed(awsFailure('ListOrganizationsFeatures', 'iam:ListOrganizationsFeatures', 'OrganizationNotInAllFeaturesModeException')), /all features/],
    ['no organization yet', failed(awsFailure('ListOrganizationsFeatures', 'iam:ListOrganizationsFeatures', 'OrganizationNotFoundException', { notFound: true })), /not in an organization yet/],
  ];
  it.each(cases)('%s: a recommendation with what to do', (_, observed, reason) => {
    const check = central(observed);
    expect(check).toMatchObject({ status: 'fail', severity: 'recommended', reason: expect.stringMatching(reason) });
    expect(check.remedy).toMatch(/Root access management/);
    expect(auditFailed(buildAuditReport(anAuditInput({ organizationsFeatures: observed })))).toBe(false);
  });

  it('denied, or not the management account: cannot check', () => {
    expect(central(failed(denied('ListOrganizationsFeatures', 'iam:ListOrganizationsFeatures')))).toMatchObject({ status: 'cannot-check', reason: expect.stringContaining('iam:ListOrganizationsFeatures') });
    expect(central(failed(awsFailure('ListOrganizationsFeatures', 'iam:ListOrganizationsFeatures', 'AccountNotManagementOrDelegatedAdministratorException'))).status).toBe('cannot-check');
  });
});

describe('member accounts\' alternate contacts (issue #15)', () => {
  const declared = { type: 'SECURITY' as const, email: 'security@example.com' };
  const spec = (email: string) => ({ type: 'SECURITY' as const, name: 'Sec', title: 'CISO', email, phone: '+1 555 0100' });

  it('each member contact the plan read is checked: matching passes, differing or missing fails, unreadable cannot be checked', () => {
    const report = audit({
      memberAlternateContacts: [
        { accountId: '200000000001', type: 'SECURITY', declared, contact: ok(spec('SECURITY@example.com')) },
        { accountId: '200000000002', type: 'SECURITY', declared, contact: ok(spec('other@example.com')) },
        { accountId: '200000000003', type: 'SECURITY', declared, contact: ok(null) },
        { accountId: '200000000004', type: 'SECURITY', declared, contact: failed(denied('GetAlternateContact', 'account:GetAlternateContact')) },
      ],
    });
    expect(['200000000001', '200000000002', '200000000003', '200000000004'].map((id) => checkById(report, `alternate-contact:security@${id}`).status)).toEqual([
      'pass',
      'fail',
      'fail',
      'cannot-check',
    ]);
    expect(checkById(report, 'alternate-contact:security@200000000002').title).toBe('Alternate contact: security of account 200000000002');
  });

  it('without member contacts read, no member check', () => {
    expect(audit().checks.filter((c) => c.id.includes('@'))).toEqual([]);
  });
});
