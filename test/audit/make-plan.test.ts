// makePlan (shared by plan, apply, the Action and the demo) with the audit: contacts are read once and
// only when declared, the audit rides along as plan.audit, and denied reads never stop the plan.

import { describe, expect, it } from 'vitest';
import type { DesiredOrg } from '../../src/model/desired.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { aSecurity } from './support.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const SHA = 'c'.repeat(64);
const CONTACT = { type: 'SECURITY' as const, name: 'Sec', title: 'CISO', email: 'security@example.com', phone: '+1 555 0100' };

function desired(security?: DesiredOrg['security']): DesiredOrg {
  return {
    managementAccountId: MGMT,
    featureSet: 'ALL',
    root: { accounts: [{ id: MGMT }], organizationalUnits: [] },
    budgets: [],
    options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' },
    ...(security && { security }),
  };
}

function world(): FakeAwsPort {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  fake.security.addUser('break-glass', { mfaDevices: [{ serialNumber: 'arn:aws:iam::111111111111:mfa/bg', enabledAt: 0 }] });
  fake.security.addIdentityCenterInstance('eu-west-1');
  return fake;
}

const SECURITY = aSecurity({ identityCenterRegion: 'eu-west-1', alternateContacts: [{ type: 'SECURITY', email: CONTACT.email, name: CONTACT.name, title: CONTACT.title, phone: CONTACT.phone }] });

describe('makePlan with the audit', () => {
  it('reads each declared contact once, for both the plan and the audit', async () => {
    const fake = world();
    const { plan, live } = await makePlan(fake, desired(SECURITY), SHA, { audit: { env: {}, now: 0 } });
    expect(fake.callCount('GetAlternateContact')).toBe(1);
    expect(live.alternateContacts).toEqual([{ type: 'SECURITY', contact: null }]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['putAlternateContact']);
    expect(plan.audit?.checks.find((c) => c.id === 'alternate-contact:security')?.status).toBe('fail');
    expect(plan.audit?.checks.find((c) => c.id === 'identity-center')?.status).toBe('pass');
  });

  it('reads no contact when none is declared, and plans nothing about contacts', async () => {
    const fake = world();
    fake.security.contacts.set('SECURITY', CONTACT);
    const { plan, live } = await makePlan(fake, desired(), SHA, { audit: { env: { AWS_REGION: 'eu-west-1' }, now: 0 } });
    expect(fake.callCount('GetAlternateContact')).toBe(0);
    expect(live.alternateContacts).toBeUndefined();
    expect(plan.steps).toEqual([]);
    expect(plan.audit?.checks.map((c) => c.id)).toContain('alternate-contacts');
  });

  it('takes the Identity Center region from org.yaml, else AWS_REGION from its env', async () => {
    const fake = world();
    await makePlan(fake, desired(SECURITY), SHA, { audit: { env: { AWS_REGION: 'us-west-2' }, now: 0 } });
    await makePlan(fake, desired(aSecurity({ alternateContacts: [] })), SHA, { audit: { env: { AWS_REGION: 'us-west-2' }, now: 0 } });
    expect(fake.calls.filter((c) => c.operation === 'ListInstances').map((c) => c.args[0])).toEqual(['eu-west-1', 'us-west-2']);
  });

  it('audit: false makes none of the audit\'s calls and no plan.audit', async () => {
    const fake = world();
    const { plan } = await makePlan(fake, desired(aSecurity({ alternateContacts: [] })), SHA, { audit: false });
    expect(plan.audit).toBeUndefined();
    expect(fake.calls.map((c) => c.operation).filter((op) => /GetAccountSummary|ListMFADevices|ListAccessKeys|ListInstances|ListOrganizationsFeatures/.test(op))).toEqual([]);
  });

  it('denied audit reads never stop the plan; a denied contact read makes the plan refuse to apply', async () => {
    const fake = world();
    fake.failNext('GetAccountSummary', 'accessDenied').failNext('ListInstances', 'accessDenied').failNext('GetAlternateContact', 'accessDenied');
    const { plan } = await makePlan(fake, desired(SECURITY), SHA, { audit: { env: {}, now: 0 } });
    expect(plan.audit?.checks.filter((c) => c.status === 'cannot-check').map((c) => c.id)).toEqual([
      'root-mfa',
      'root-access-keys',
      'root-signing-certificates',
      'identity-center',
      'identity-center-admin-access',
      'alternate-contact:security',
    ]);
    expect(plan.errors).toEqual([
      expect.objectContaining({ code: 'alternate-contact-unreadable', message: expect.stringContaining('the credentials lack account:GetAlternateContact') }),
    ]);
  });

  it('the same organization gives the same inputs whatever the audit finds', async () => {
    const fake = world();
    const first = await makePlan(fake, desired(SECURITY), SHA, { audit: { env: {}, now: 0 } });
    fake.security.root = { ...fake.security.root, mfaEnabled: false, accessKeysPresent: true };
    fake.security.users.clear();
    const second = await makePlan(fake, desired(SECURITY), SHA, { audit: { env: {}, now: 0 } });
    expect(second.plan.audit).not.toEqual(first.plan.audit);
    expect(second.plan.inputs).toEqual(first.plan.inputs);
  });
});
