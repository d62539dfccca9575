// The rehearsal starts from a faithful copy: the live organization, loaded into the emulator and read
// back by orgctl's own reader, is the same LiveOrg.

import { describe, expect, it } from 'vitest';
import { accessKeyIdFor, startEmulator } from '../../src/emulator/index.js';
import { createSdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import type { LiveOrg } from '../../src/model/live.js';
import { readLiveOrg } from '../../src/reader/read-live-org.js';
import { snapshotOfLive } from '../../src/rehearsal/snapshot-of-live.js';
import { aLiveOrg, MANAGEMENT_ACCOUNT_ID, MANAGED_TAGS } from '../support/builders.js';

function sorted(live: LiveOrg): LiveOrg {
  const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { ...live, ous: byId(live.ous), accounts: byId(live.accounts), budgets: [...live.budgets].sort((a, b) => a.name.localeCompare(b.name)) };
}

async function readBack(live: LiveOrg): Promise<LiveOrg> {
  const emulator = await startEmulator({ snapshot: snapshotOfLive(live) });
  const port = createSdkPort({ endpoint: emulator.url, credentials: { accessKeyId: accessKeyIdFor(live.callerAccountId), secretAccessKey: 'x' }, rateScale: 1e6 });
  try {
    return await readLiveOrg(port, { managementAccountId: MANAGEMENT_ACCOUNT_ID, readTagsFor: (name) => name === 'tagged' });
  } finally {
    port.destroy();
    await emulator.stop();
  }
}

describe('snapshotOfLive', () => {
  it('copies the tree, the accounts (any state) and the budgets with their notifications and tags', async () => {
    const live = aLiveOrg()
      .withAccount(MANAGEMENT_ACCOUNT_ID, '/Management', { email: 'management@example.com' })
      .withOu('/Workloads/Prod/Web')
      .withAccount('210987654321', '/Workloads/Prod', { name: 'prod', email: 'prod@example.com' })
      .withAccount('345678901234', '/Suspended', { state: 'SUSPENDED' })
      .withBudget({ name: 'tagged', amount: 12.5, tags: MANAGED_TAGS, notifications: [{ threshold: 90, subscribers: [{ type: 'EMAIL', address: 'a@example.com' }, { type: 'SNS', address: 'arn:aws:sns:us-east-1:123456789012:t' }] }] })
      .withBudget({ name: 'plain', amount: 100, timeUnit: 'ANNUALLY' })
      .build();

    expect(sorted(await readBack(live))).toEqual(sorted(live));
  });

  it('copies an account with no organization yet, with its budgets', async () => {
    const live = aLiveOrg().withoutOrganization().withBudget({ name: 'plain', amount: 3 }).build();
    expect(sorted(await readBack(live))).toEqual(sorted(live));
  });
});

describe('snapshotOfLive, alternate contacts', () => {
  it('copies the management account\'s and the members\' contacts, which the emulator then serves with AccountId', async () => {
    const contact = (email: string) => ({ type: 'SECURITY' as const, name: 'Sec', title: 'CISO', email, phone: '+1 555 0100' });
    const live: LiveOrg = {
      ...aLiveOrg().withAccount(MANAGEMENT_ACCOUNT_ID, '/').withAccount('210987654321', '/', { name: 'prod', email: 'prod@example.com' }).build(),
      alternateContacts: [{ type: 'SECURITY', contact: contact('mgmt-sec@example.com') }],
      memberAlternateContacts: [{ accountId: '210987654321', type: 'SECURITY', contact: contact('prod-sec@example.com') }],
    };
    const snapshot = snapshotOfLive(live);
    expect(snapshot.alternateContacts?.map((c) => [c.accountId, c.email])).toEqual([
      [MANAGEMENT_ACCOUNT_ID, 'mgmt-sec@example.com'],
      ['210987654321', 'prod-sec@example.com'],
    ]);
    const emulator = await startEmulator({ snapshot });
    const port = createSdkPort({ endpoint: emulator.url, credentials: { accessKeyId: accessKeyIdFor(live.callerAccountId), secretAccessKey: 'x' }, rateScale: 1e6 });
    try {
      expect((await port.getAlternateContact('SECURITY', '210987654321'))?.email).toBe('prod-sec@example.com');
      expect((await port.getAlternateContact('SECURITY'))?.email).toBe('mgmt-sec@example.com');
    } finally {
      port.destroy();
      await emulator.stop();
    }
  });
});
