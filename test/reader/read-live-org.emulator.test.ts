// readLiveOrg through the SDK port against our emulator, for the call-count contract with realistic
// pages (issue #19): the calls are exactly expectedReadCalls(live, extraPages), where extraPages are the
// empty pages and trailing-token pages the emulator reports having served: never "about" that many.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { expectedReadCalls, totalCalls } from '../../src/reader/read-call-bound.js';
import { readLiveOrg } from '../../src/reader/read-live-org.js';
import { extraPagesByOperation, FULL_PAGES, startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { emulatorPort, MGMT, snapshotOf, type LiveWorld, type WorldAccount, type WorldOu } from '../workflow/support/emulator-world.js';

/** Three OUs with three children each; 23 accounts in /A (two pages), two in each child OU; two budgets. */
function world(): LiveWorld {
  const ous: WorldOu[] = [];
  const accounts: WorldAccount[] = [{ id: MGMT, parentPath: '/' }];
  let next = 200000000000;
  for (const top of ['A', 'B', 'C']) {
    ous.push({ path: `/${top}`, name: top, parentPath: '/' });
    for (const child of ['1', '2', '3']) {
      const path = `/${top}/${top}${child}`;
      ous.push({ path, name: `${top}${child}`, parentPath: `/${top}` });
      for (let i = 0; i < 2; i++) accounts.push({ id: String(next++), parentPath: path });
    }
  }
  for (let i = 0; i < 23; i++) accounts.push({ id: String(next++), parentPath: '/A' });
  const subscriber = (address: string) => ({ type: 'EMAIL' as const, address });
  const notification = { type: 'ACTUAL' as const, comparison: 'GREATER_THAN' as const, threshold: 80, thresholdType: 'PERCENTAGE' as const };
  return {
    hasOrganization: true,
    ous,
    accounts,
    budgets: [
      { name: 'monthly', amount: 100, timeUnit: 'MONTHLY', budgetType: 'COST', notifications: [{ ...notification, subscribers: [subscriber('a@example.com')] }], tags: {} },
      { name: 'quiet', amount: 5, timeUnit: 'MONTHLY', budgetType: 'COST', notifications: [], tags: {} },
    ],
  };
}

describe.each([1, 2, 3])('readLiveOrg against the emulator with realistic pages (seed %i)', (seed) => {
  let realistic: TestEmulator;
  let full: TestEmulator;
  let ports: SdkPort[] = [];
  const portTo = (emulator: TestEmulator): SdkPort => {
    const port = emulatorPort(emulator.url);
    ports.push(port);
    return port;
  };

  beforeAll(async () => {
    const snapshot = snapshotOf(world());
    realistic = await startTestEmulator({ snapshot, seed });
    // The same organization with full pages only: the contrast that shows the extra calls are the extra pages.
    full = await startTestEmulator({ ...FULL_PAGES, snapshot, seed });
  });
  afterAll(async () => {
    for (const port of ports) port.destroy();
    ports = [];
    await Promise.all([realistic.stop(), full.stop()]);
  });

  it('makes exactly the full-page calls plus the extra pages the emulator served, and reads the same organization', async () => {
    const port = portTo(realistic);
    const live = await readLiveOrg(port, { managementAccountId: MGMT });
    const extraPages = extraPagesByOperation(realistic.extraPages());
    const extra = totalCalls(extraPages);
    expect(extra).toBeGreaterThan(0); // the allowance is used, not just allowed
    expect(port.stats().calls).toEqual(expectedReadCalls(live, extraPages));
    expect(totalCalls(port.stats().calls)).toBe(totalCalls(expectedReadCalls(live)) + extra);
    expect(port.stats().throttled).toEqual({});
    expect(port.stats().retried).toEqual({});

    const fullPort = portTo(full);
    const fullLive = await readLiveOrg(fullPort, { managementAccountId: MGMT });
    expect(full.extraPages()).toEqual({});
    expect(fullPort.stats().calls).toEqual(expectedReadCalls(fullLive));
    expect(live).toEqual(fullLive);
    expect(live.accounts).toHaveLength(1 + 18 + 23);
  });
});

describe('expectedReadCalls with extra pages', () => {
  it('refuses an extra page of an operation the read does not call: a mistake in the accounting, not an allowance', () => {
    const live = { callerAccountId: MGMT, organization: null, root: null, ous: [], accounts: [], budgets: [] };
    expect(expectedReadCalls(live, { DescribeBudgets: 2 })).toEqual({ GetCallerIdentity: 1, DescribeOrganization: 1, DescribeBudgets: 3 });
    expect(() => expectedReadCalls(live, { ListAccountsForParent: 1 })).toThrow('1 extra page of ListAccountsForParent, an operation this read does not call');
  });
});
