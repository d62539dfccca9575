// The reader runs every registered kind's own read (today: the alternate contacts org.yaml declares)
// through the same port as the bulk read, once the guard has passed, and merges its slice into LiveOrg.

import { describe, expect, it } from 'vitest';
import type { ReadObservations } from '../../src/kinds/kind.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import { readLiveOrg } from '../../src/reader/read-live-org.js';
import { aSecurity } from '../audit/support.js';
import { FakeAwsPort } from '../support/fake-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const CONTACT = { name: 'Sec', title: 'CISO', email: 'security@example.com', phone: '+1 555 0100' };

function desired(): DesiredOrg {
  return {
    managementAccountId: MGMT,
    featureSet: 'ALL',
    root: { accounts: [{ id: MGMT }], organizationalUnits: [] },
    budgets: [],
    options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' },
    security: aSecurity({ alternateContacts: [{ type: 'SECURITY', ...CONTACT }] }),
  };
}

describe('readLiveOrg with the kinds\' reads', () => {
  it('reads the declared contacts after the guard, merges them into the live organization and shares them with the audit', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    fake.security.contacts.set('SECURITY', { type: 'SECURITY', ...CONTACT });
    const observations: ReadObservations = {};
    const live = await readLiveOrg(fake, { managementAccountId: MGMT, kinds: { desired: desired(), observations } });
    expect(live.alternateContacts).toEqual([{ type: 'SECURITY', contact: { type: 'SECURITY', ...CONTACT } }]);
    expect(await observations.alternateContacts).toEqual([{ type: 'SECURITY', contact: { ok: true, value: { type: 'SECURITY', ...CONTACT } } }]);
    const ops = fake.calls.map((c) => c.operation);
    expect(ops.filter((op) => op === 'GetAlternateContact')).toHaveLength(1);
    expect(ops.indexOf('GetAlternateContact')).toBeGreaterThan(ops.indexOf('DescribeOrganization'));
  });

  it('runs no kind read without org.yaml (import reads only the tree and budgets)', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    const live = await readLiveOrg(fake, { managementAccountId: MGMT });
    expect(live.alternateContacts).toBeUndefined();
    expect(fake.callCount('GetAlternateContact')).toBe(0);
  });
});

describe('trusted access for account.amazonaws.com, read only when a member account is renamed', () => {
  const MEMBER = '222222222222';
  function renaming(name: string): DesiredOrg {
    const { security: _contacts, ...rest } = desired();
    return { ...rest, root: { accounts: [{ id: MGMT }, { id: MEMBER, name }], organizationalUnits: [] } };
  }
  function seeded(): FakeAwsPort {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    fake.seedAccount({ id: MEMBER, name: 'old-name', email: 'member@example.com', parentId: rootId });
    fake.seedTrustedService('account.amazonaws.com');
    return fake;
  }

  it('reads the enabled services when org.yaml renames a member account', async () => {
    const fake = seeded();
    const live = await readLiveOrg(fake, { managementAccountId: MGMT, kinds: { desired: renaming('new-name'), observations: {} } });
    expect(live.trustedServices).toEqual(['account.amazonaws.com']);
    expect(fake.callCount('ListAWSServiceAccessForOrganization')).toBe(1);
  });

  it('makes no such call when the names agree', async () => {
    const fake = seeded();
    const live = await readLiveOrg(fake, { managementAccountId: MGMT, kinds: { desired: renaming('old-name'), observations: {} } });
    expect(live.trustedServices).toBeUndefined();
    expect(fake.callCount('ListAWSServiceAccessForOrganization')).toBe(0);
  });
});
