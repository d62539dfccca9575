import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import { Pacer } from '../../src/aws/pacer.js';
import type { AwsPort } from '../../src/aws/port.js';
import { ORGANIZATIONS_RATE_LIMITS } from '../../src/aws/rate-limits.js';
import type { NotificationKey } from '../../src/model/desired.js';
import { UserError } from '../../src/model/errors.js';
import type { LiveOrg } from '../../src/model/live.js';
import { expectedReadCalls, totalCalls } from '../../src/reader/read-call-bound.js';
import { OrganizationChangedWhileReadError } from '../../src/reader/changed-under-read.js';
import { MAX_READS, readLiveOrg, type ReadProgress } from '../../src/reader/read-live-org.js';
import { FakeClock } from '../support/fake-clock.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { withLatency } from '../support/latency-port.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const email = (address: string) => ({ type: 'EMAIL' as const, address });
const actual80: NotificationKey = { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' };
const forecast500: NotificationKey = { type: 'FORECASTED', comparison: 'GREATER_THAN', threshold: 500, thresholdType: 'ABSOLUTE_VALUE' };

/** A full tree: `branching` child OUs per OU down to `depth`, `accountsPerOu` accounts in each OU and in the root. */
function seedTree(fake: FakeAwsPort, depth: number, branching: number, accountsPerOu: number): void {
  const { rootId } = fake.seedOrganization();
  const fill = (parentId: string, level: number, label: string): void => {
    for (let a = 0; a < accountsPerOu; a++) fake.seedAccount({ name: `acct-${label}-${a}`, parentId });
    if (level === depth) return;
    for (let b = 0; b < branching; b++) fill(fake.seedOu(parentId, `OU ${label}.${b}`), level + 1, `${label}.${b}`);
  };
  fill(rootId, 0, 'r');
}

/** The fake's state without budget tags (the reader reads tags only on request). */
function withoutTags(live: LiveOrg): LiveOrg {
  return { ...live, budgets: live.budgets.map(({ tags: _tags, ...b }) => b) };
}

function sorted<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id.localeCompare(b.id));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
}

/**
 * Every test runs on the latency-free fake and on the same fake with each answer delayed by a seeded
 * random few milliseconds, so that concurrent calls finish out of order as they do over a network
 * (issue #19: a reader bug was once caught by integration tests only). Seeds are fixed; nothing here
 * asserts on time.
 */
const PORTS: readonly { readonly name: string; readonly wrap: (port: AwsPort, sleep?: (ms: number) => Promise<void>) => AwsPort }[] = [
  { name: 'a latency-free fake', wrap: (port) => port },
  ...[19, 86].map((seed) => ({
    name: `a fake with seeded latency (seed ${seed})`,
    wrap: (port: AwsPort, sleep?: (ms: number) => Promise<void>) => withLatency(port, { seed, ...(sleep ? { sleep } : {}) }),
  })),
];

describe.each(PORTS)('on $name', ({ wrap }) => {
  describe('readLiveOrg guard', () => {
    it('refuses credentials of another account after one call', async () => {
      const fake = new FakeAwsPort({ callerAccountId: '999999999999' });
      fake.seedOrganization({ managementAccountId: MGMT });
      const error = await rejection(readLiveOrg(wrap(fake), { managementAccountId: MGMT }));
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe(
        `these credentials belong to account 999999999999; org.yaml manages the organization of ${MGMT}; use the management account's credentials.`,
      );
      expect(fake.calls.map((c) => c.operation)).toEqual(['GetCallerIdentity']);
    });

    it('refuses the right account when it is a member of someone else\'s organization', async () => {
      const fake = new FakeAwsPort({ callerAccountId: MGMT });
      fake.seedOrganization({ managementAccountId: '444444444444' });
      fake.seedAccount({ id: MGMT, name: 'not-the-boss' });
      const error = await rejection(readLiveOrg(wrap(fake), { managementAccountId: MGMT }));
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toMatch(new RegExp(`^these credentials belong to account ${MGMT}, a member of organization o-\\w+ whose management account is 444444444444; org.yaml manages the organization of ${MGMT}`));
      expect(fake.calls.map((c) => c.operation)).toEqual(['GetCallerIdentity', 'DescribeOrganization']);
    });

    it('reads no tree when there is no organization, but still reads the account\'s budgets', async () => {
      const fake = new FakeAwsPort();
      fake.seedBudget(MGMT, { name: 'standalone', amount: 20, notifications: [{ ...actual80, subscribers: [email('ops@example.com')] }] });
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      expect(live).toEqual({
        callerAccountId: MGMT,
        organization: null,
        root: null,
        ous: [],
        accounts: [],
        budgets: [{ name: 'standalone', budgetType: 'COST', amount: 20, unit: 'USD', timeUnit: 'MONTHLY', notifications: [{ ...actual80, subscribers: [email('ops@example.com')] }] }],
      });
      expect(fake.calls.map((c) => c.operation).sort()).toEqual(['DescribeBudgetNotificationsForAccount', 'DescribeBudgets', 'DescribeOrganization', 'DescribeSubscribersForNotification', 'GetCallerIdentity']);
    });
  });

  describe('readLiveOrg tree', () => {
    it('reads a full tree five levels deep with every account in its parent', async () => {
      const fake = new FakeAwsPort();
      seedTree(fake, 5, 3, 2); // 363 OUs, 728 accounts
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      const truth = fake.liveOrg();
      expect(live.ous).toHaveLength(363);
      expect(live.accounts).toHaveLength(2 * 364 + 1);
      expect(sorted(live.ous)).toEqual(sorted(truth.ous));
      expect(sorted(live.accounts)).toEqual(sorted(truth.accounts));
      expect(live.root).toEqual(truth.root);
      expect(live.organization).toEqual(truth.organization);
      expect(fake.pathOf(live.ous.at(-1)!.id).split('/')).toHaveLength(6);
    });

    it('lists each parent exactly once per operation and nothing else: the call-count contract', async () => {
      const fake = new FakeAwsPort();
      seedTree(fake, 4, 2, 3);
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      const parents = 1 + live.ous.length;
      expect(fake.stats().calls).toEqual({
        GetCallerIdentity: 1,
        DescribeOrganization: 1,
        ListRoots: 1,
        ListOrganizationalUnitsForParent: parents,
        ListAccountsForParent: parents,
        DescribeBudgets: 1,
      });
      // No parent here has more than a page of children, so the fake's counts are the paged counts.
      expect(fake.stats().calls).toEqual(expectedReadCalls(live));
      const listed = fake.calls.filter((c) => c.operation === 'ListAccountsForParent').map((c) => c.args[0]);
      expect(new Set(listed).size).toBe(parents);
    });

    it('orders the result depth-first in AWS\'s sibling order, whatever order responses arrive in', async () => {
      const fake = new FakeAwsPort();
      const { rootId } = fake.seedOrganization();
      const b = fake.seedOu(rootId, 'B');
      const a = fake.seedOu(rootId, 'A');
      fake.seedOu(b, 'B1');
      fake.seedAccount({ id: '200000000001', name: 'in-a', parentId: a });
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      expect(live.ous.map((o) => fake.pathOf(o.id))).toEqual(['/B', '/B/B1', '/A']);
      expect(live.accounts.map((x) => x.id)).toEqual([MGMT, '200000000001']);
    });

    it('keeps up to `concurrency` requests of each list operation in flight', async () => {
      const fake = new FakeAwsPort();
      seedTree(fake, 2, 12, 1);
      const inFlight = { now: 0, max: 0 };
      const slowAccounts: AwsPort = Object.create(fake, {
        listAccountsForParent: {
          value: async (parentId: string) => {
            inFlight.now += 1;
            inFlight.max = Math.max(inFlight.max, inFlight.now);
            await new Promise((r) => setTimeout(r, 5));
            inFlight.now -= 1;
            return fake.listAccountsForParent(parentId);
          },
        },
      });
      await readLiveOrg(wrap(slowAccounts), { managementAccountId: MGMT, concurrency: 8 });
      expect(inFlight.max).toBe(8);
    });

    it('runs at the rate limit: paced wall time stays within 5% of calls ÷ rate', async () => {
      const clock = new FakeClock();
      const fake = new FakeAwsPort({ pacer: new Pacer({ clock }), sleep: (ms) => clock.sleep(ms) });
      seedTree(fake, 3, 6, 4); // 258 OUs + root: 259 pages of each list operation
      let done = false;
      const reading = readLiveOrg(wrap(fake, (ms) => clock.sleep(ms)), { managementAccountId: MGMT }).then((live) => {
        done = true;
        return live;
      });
      await clock.runAll();
      expect(done).toBe(true);
      const live = await reading;
      const calls = expectedReadCalls(live);
      const accountsLimit = ORGANIZATIONS_RATE_LIMITS['ListAccountsForParent']!;
      const boundMs = (calls['ListAccountsForParent']! / accountsLimit.rate) * 1000;
      expect(clock.now()).toBeLessThanOrEqual(boundMs * 1.05);
      expect(clock.now()).toBeGreaterThanOrEqual(((calls['ListAccountsForParent']! - accountsLimit.burst) / accountsLimit.rate) * 1000);
      expect(fake.stats().throttled).toEqual({});
    });

    it('reports progress that ends at the totals', async () => {
      const fake = new FakeAwsPort();
      seedTree(fake, 2, 3, 2);
      const seen: ReadProgress[] = [];
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT, onProgress: (p) => seen.push(p) });
      expect(seen.at(-1)).toMatchObject({ parentsFound: 13, parentsListed: 13, ous: 12, accounts: live.accounts.length });
    });
  });

  describe('readLiveOrg budgets', () => {
    function seedBudgets(fake: FakeAwsPort): void {
      fake.seedBudget(MGMT, {
        name: 'monthly',
        amount: 1000,
        notifications: [
          { ...actual80, subscribers: [email('a@example.com'), email('b@example.com')] },
          { ...forecast500, subscribers: [{ type: 'SNS', address: 'arn:aws:sns:us-east-1:111111111111:alerts' }] },
        ],
        tags: { 'managed-by': 'orgctl' },
      });
      fake.seedBudget(MGMT, { name: 'quiet', amount: 5.25, timeUnit: 'QUARTERLY', tags: { team: 'x' } });
      fake.seedBudget(MGMT, { name: 'hand-made', amount: null, budgetType: 'USAGE', notifications: [{ ...actual80, subscribers: [email('c@example.com')] }], tags: { owner: 'finance' } });
      fake.seedBudget('555555555555', { name: 'not-ours' });
    }

    it('reads budgets with notifications and subscribers, and tags only for the budgets asked for', async () => {
      const fake = new FakeAwsPort();
      fake.seedOrganization();
      seedBudgets(fake);
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT, readTagsFor: (name) => name === 'hand-made' });
      expect(live.budgets).toEqual([
        {
          name: 'monthly',
          budgetType: 'COST',
          amount: 1000,
          unit: 'USD',
          timeUnit: 'MONTHLY',
          notifications: [
            { ...actual80, subscribers: [email('a@example.com'), email('b@example.com')] },
            { ...forecast500, subscribers: [{ type: 'SNS', address: 'arn:aws:sns:us-east-1:111111111111:alerts' }] },
          ],
        },
        { name: 'quiet', budgetType: 'COST', amount: 5.25, unit: 'USD', timeUnit: 'QUARTERLY', notifications: [] },
        { name: 'hand-made', budgetType: 'USAGE', amount: null, unit: 'USD', timeUnit: 'MONTHLY', notifications: [{ ...actual80, subscribers: [email('c@example.com')] }], tags: { owner: 'finance' } },
      ]);
      expect(fake.calls.filter((c) => c.operation === 'ListTagsForResource').map((c) => c.args)).toEqual([[MGMT, 'hand-made']]);
      expect(fake.stats().calls).toEqual(expectedReadCalls(live));
      expect(fake.stats().calls['DescribeSubscribersForNotification']).toBe(3);
      expect(fake.stats().calls['DescribeBudgetNotificationsForAccount']).toBe(1);
    });

    it('gives each notification its own subscribers, whatever order the answers arrive in', async () => {
      const fake = new FakeAwsPort();
      fake.seedOrganization();
      const notifications = Array.from({ length: 10 }, (_, i) => ({ ...actual80, threshold: 10 * (i + 1), subscribers: [email(`at-${10 * (i + 1)}@example.com`)] }));
      fake.seedBudget(MGMT, { name: 'stepped', amount: 100, notifications });
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      expect(live.budgets[0]?.notifications).toEqual(notifications);
    });

    it('matches the fake\'s own view of the same organization', async () => {
      const fake = new FakeAwsPort();
      seedTree(fake, 2, 2, 1);
      seedBudgets(fake);
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      const truth = withoutTags(fake.liveOrg());
      expect({ ...live, ous: sorted(live.ous), accounts: sorted(live.accounts) }).toEqual({ ...truth, ous: sorted(truth.ous), accounts: sorted(truth.accounts) });
    });
  });

  describe('readLiveOrg under failures', () => {
    it('recovers from throttling and ConcurrentModification during the read', async () => {
      const clean = new FakeAwsPort();
      seedTree(clean, 3, 3, 2);
      const expected = await readLiveOrg(wrap(clean), { managementAccountId: MGMT });

      const fake = new FakeAwsPort();
      seedTree(fake, 3, 3, 2);
      fake
        .failNext('ListAccountsForParent', 'throttled', 5)
        .failNext('ListOrganizationalUnitsForParent', 'concurrentModification', 2)
        .failNext('ListRoots', 'throttled', 1)
        .failNext('DescribeOrganization', 'transient', 1);
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      expect(live).toEqual(expected);
      expect(fake.stats().throttled).toEqual({ ListAccountsForParent: 5, ListRoots: 1 });
      expect(fake.stats().retried).toEqual({ ListOrganizationalUnitsForParent: 2, DescribeOrganization: 1 });
      expect(totalCalls(fake.stats().calls)).toBe(totalCalls(expectedReadCalls(live)) + 9);
    });

    it('fails with the operation and the missing IAM action named when a call is denied', async () => {
      const fake = new FakeAwsPort();
      seedTree(fake, 3, 3, 1);
      const deep = fake.ouIdByPath('/OU r.1/OU r.1.2')!;
      fake.failNext('ListAccountsForParent', 'accessDenied', 1, { when: ([parent]) => parent === deep });
      const error = await rejection(readLiveOrg(wrap(fake), { managementAccountId: MGMT }));
      expect(error).toBeInstanceOf(AwsCallError);
      expect((error as AwsCallError).describe()).toBe(
        'ListAccountsForParent failed: AccessDeniedException: the credentials lack organizations:ListAccountsForParent; allow it in the IAM policy of the role orgctl runs as',
      );
    });

    it('fails a budget read the same way, and stops starting new requests', async () => {
      const fake = new FakeAwsPort();
      seedTree(fake, 4, 3, 1);
      fake.seedBudget(MGMT, { name: 'b', notifications: [{ ...actual80, subscribers: [email('a@example.com')] }] });
      fake.failNext('DescribeSubscribersForNotification', 'invalidInput', 1, { code: 'InvalidParameterException', message: 'bad notification' });
      const error = await rejection(readLiveOrg(wrap(fake), { managementAccountId: MGMT }));
      expect((error as AwsCallError).describe()).toBe('DescribeSubscribersForNotification failed: InvalidParameterException: bad notification');
      const callsAtFailure = fake.callCount();
      await new Promise((r) => setTimeout(r, 20));
      // The tree walk (121 parents) stops early instead of listing everything.
      expect(fake.callCount()).toBe(callsAtFailure);
      expect(fake.callCount('ListAccountsForParent')).toBeLessThan(121);
    });

    it('gives up on endless throttling with the call named', async () => {
      const fake = new FakeAwsPort();
      seedTree(fake, 1, 2, 1);
      fake.failNext('ListOrganizationalUnitsForParent', 'throttled', 1000);
      const error = (await rejection(readLiveOrg(wrap(fake), { managementAccountId: MGMT }))) as AwsCallError;
      expect(error.describe()).toBe('ListOrganizationalUnitsForParent failed: TooManyRequestsException: injected TooManyRequestsException (gave up after 10 attempts)');
    });
  });

  describe('readLiveOrg when someone else changes the organization during the read', () => {
    /** Root with OUs Sandbox (empty) and Prod (one account). */
    function seedSmallTree(fake: FakeAwsPort): { rootId: string; sandbox: string; prod: string } {
      const { rootId } = fake.seedOrganization();
      const sandbox = fake.seedOu(rootId, 'Sandbox');
      const prod = fake.seedOu(rootId, 'Prod');
      fake.seedAccount({ id: '200000000001', name: 'app', parentId: prod });
      return { rootId, sandbox, prod };
    }

    it('reads again when an OU it just listed is deleted before its children are listed, and returns the new state', async () => {
      const fake = new FakeAwsPort();
      const { sandbox } = seedSmallTree(fake);
      let deletions = 0;
      fake.onCall('ListOrganizationalUnitsForParent', ([parent]) => {
        if (parent === sandbox && deletions++ === 0) fake.removeOuOutOfBand(sandbox);
      });
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      expect(live.ous.map((o) => fake.pathOf(o.id))).toEqual(['/Prod']);
      expect(live).toEqual(fake.liveOrg());
      expect(fake.calls.filter((c) => c.failedWith === 'notFound').map((c) => c.args[0])).toContain(sandbox);
      expect(fake.callCount('ListRoots')).toBe(2);
      expect(fake.callCount('GetCallerIdentity')).toBe(1); // the guard is not repeated
    });

    it('reads again when a budget disappears before its subscribers are read', async () => {
      const fake = new FakeAwsPort();
      seedSmallTree(fake);
      fake.seedBudget(MGMT, { name: 'monthly', notifications: [{ ...actual80, subscribers: [email('a@example.com')] }] });
      fake.seedBudget(MGMT, { name: 'kept', notifications: [{ ...forecast500, subscribers: [email('b@example.com')] }] });
      fake.onCall('DescribeSubscribersForNotification', ([, budgetName]) => {
        if (budgetName === 'monthly' && fake.budget(MGMT, 'monthly')) fake.removeBudgetOutOfBand(MGMT, 'monthly');
      });
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      expect(live.budgets.map((b) => b.name)).toEqual(['kept']);
      expect(fake.callCount('DescribeBudgets')).toBe(2);
    });

    it('reads again when an account moves between the listings of its old and new parent (it would show twice)', async () => {
      const fake = new FakeAwsPort();
      const { sandbox, prod } = seedSmallTree(fake);
      fake.moveAccountOutOfBand('200000000001', sandbox);
      let moved = false;
      fake.onCall('ListAccountsForParent', ([parent]) => {
        // Prod is listed after Sandbox (AWS's sibling order), which already showed the account.
        if (parent === prod && !moved) {
          moved = true;
          fake.moveAccountOutOfBand('200000000001', prod);
        }
      });
      const live = await readLiveOrg(wrap(fake), { managementAccountId: MGMT });
      expect(moved).toBe(true);
      expect(live.accounts.filter((a) => a.id === '200000000001')).toEqual([expect.objectContaining({ parentId: prod })]);
      expect(fake.callCount('ListRoots')).toBe(2);
    });

    it(`gives up after ${MAX_READS} reads when it changes during each, saying so plainly`, async () => {
      const fake = new FakeAwsPort();
      const { rootId } = seedSmallTree(fake);
      // Someone's script deletes Sandbox and makes it again (a new ID) each time the walk gets to it.
      let sandbox = fake.ouIdByPath('/Sandbox')!;
      const deleted: string[] = [];
      fake.onCall('ListOrganizationalUnitsForParent', ([parent]) => {
        if (parent !== sandbox) return;
        deleted.push(sandbox);
        fake.removeOuOutOfBand(sandbox);
        sandbox = fake.seedOu(rootId, 'Sandbox');
      });
      const error = await rejection(readLiveOrg(wrap(fake), { managementAccountId: MGMT }));
      expect(error).toBeInstanceOf(OrganizationChangedWhileReadError);
      expect(error).toBeInstanceOf(UserError);
      const { message, details } = error as OrganizationChangedWhileReadError;
      expect(message).toBe(
        `the organization changed while orgctl was reading it, each of the ${MAX_READS} times it tried, so orgctl has no consistent view of it to work from. ` +
          'The reads changed nothing; run the command again once no one else is changing the organization.',
      );
      expect(details).toEqual(deleted.map((id, i) => `read ${i + 1}: ListOrganizationalUnitsForParent answered ParentNotFoundException for ${id}, which this read had found moments before.`));
      expect(deleted).toHaveLength(MAX_READS);
      expect(fake.callCount('ListRoots')).toBe(MAX_READS);
    });

    it('does not read again for a NotFound about something it did not find itself', async () => {
      const fake = new FakeAwsPort();
      seedSmallTree(fake);
      fake.failNext('DescribeBudgets', 'notFound', 1, { code: 'NotFoundException', message: 'no such account' });
      const error = (await rejection(readLiveOrg(wrap(fake), { managementAccountId: MGMT }))) as AwsCallError;
      expect(error).toBeInstanceOf(AwsCallError);
      expect(error.describe()).toBe('DescribeBudgets failed: NotFoundException: no such account');
      expect(fake.callCount('DescribeBudgets')).toBe(1);
    });
  });
});
