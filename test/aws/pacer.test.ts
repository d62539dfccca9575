import { describe, expect, it } from 'vitest';
import { Pacer, TokenBucket } from '../../src/aws/pacer.js';
import { ORGANIZATIONS_RATE_LIMITS, scaleRateLimit } from '../../src/aws/rate-limits.js';
import { FakeClock, settle } from '../support/fake-clock.js';

/** Starts `n` acquisitions at once and records when (clock time) each one was granted. */
function grantTimes(clock: FakeClock, acquire: () => Promise<void>, n: number): { times: number[]; order: number[] } {
  const times: number[] = [];
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    void acquire().then(() => {
      times[i] = clock.now();
      order.push(i);
    });
  }
  return { times, order };
}

describe('TokenBucket', () => {
  it('lets a full burst through at once, then one request per interval', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 5, burst: 8 }, clock);
    const { times } = grantTimes(clock, () => bucket.acquire(), 12);
    await clock.runAll();
    expect(times).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 200, 400, 600, 800]);
  });

  it('grants in arrival order, and each waiting caller sleeps exactly once (no polling)', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 2, burst: 3 }, clock);
    const { order } = grantTimes(clock, () => bucket.acquire(), 10);
    await clock.runAll();
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(clock.sleeps).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500]);
  });

  it('refills to the burst size and no further after a quiet period', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 1, burst: 2 }, clock);
    const first = grantTimes(clock, () => bucket.acquire(), 3);
    await clock.runAll();
    expect(first.times).toEqual([0, 0, 1000]);
    await clock.advance(60_000);
    const start = clock.now();
    const second = grantTimes(clock, () => bucket.acquire(), 4);
    await clock.runAll();
    expect(second.times.map((t) => t - start)).toEqual([0, 0, 1000, 2000]);
  });

  it('never exceeds rate × window + burst in any window, whatever the arrival pattern', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 5, burst: 8 }, clock);
    const times: number[] = [];
    for (let wave = 0; wave < 6; wave++) {
      for (let i = 0; i < 7; i++) void bucket.acquire().then(() => times.push(clock.now()));
      await clock.advance(350 * wave);
    }
    await clock.runAll();
    expect(times).toHaveLength(42);
    for (const start of times) {
      const inWindow = times.filter((t) => t >= start && t < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(5 + 8);
    }
  });

  it('drain(): after a throttle the next request waits a full interval', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket({ rate: 4, burst: 6 }, clock);
    await bucket.acquire();
    bucket.drain();
    const { times } = grantTimes(clock, () => bucket.acquire(), 3);
    await clock.runAll();
    expect(times).toEqual([250, 500, 750]);
  });

  it('rejects a limit that could never send', () => {
    expect(() => new TokenBucket({ rate: 0, burst: 1 }, new FakeClock())).toThrow(RangeError);
    expect(() => new TokenBucket({ rate: 1, burst: 0.5 }, new FakeClock())).toThrow(RangeError);
  });
});

describe('Pacer', () => {
  it('paces each operation with its own published bucket, one request below the burst', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock });
    const roots = grantTimes(clock, () => pacer.acquire('organizations', 'ListRoots'), 4); // 1 rps, burst 2
    const accounts = grantTimes(clock, () => pacer.acquire('organizations', 'ListAccountsForParent'), 9); // 5 rps, burst 8
    await clock.runAll();
    expect(roots.times).toEqual([0, 1000, 2000, 3000]);
    expect(accounts.times).toEqual([0, 0, 0, 0, 0, 0, 0, 200, 400]);
  });

  it('without headroom uses the published burst exactly', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock, headroom: 0, jitterToleranceMs: 0 });
    const { times } = grantTimes(clock, () => pacer.acquire('organizations', 'ListAccountsForParent'), 9);
    await clock.runAll();
    expect(times).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 200]);
  });

  it('does not pace operations without a limit (STS) and tells the two ListTagsForResource apart', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock });
    const sts = grantTimes(clock, () => pacer.acquire('sts', 'GetCallerIdentity'), 50);
    await settle();
    expect(sts.times).toHaveLength(50);
    expect(clock.sleeps).toEqual([]);
    const orgTags = grantTimes(clock, () => pacer.acquire('organizations', 'ListTagsForResource'), 20); // burst 15
    const budgetTags = grantTimes(clock, () => pacer.acquire('budgets', 'ListTagsForResource'), 20); // burst 20 (assumed)
    await clock.runAll();
    expect(orgTags.times.filter((t) => t === 0)).toHaveLength(14);
    expect(budgetTags.times.filter((t) => t === 0)).toHaveLength(19);
  });

  it('paces every SSO Admin operation through one collective bucket (Identity Center: 20 requests per second in all)', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock });
    const describes = grantTimes(clock, () => pacer.acquire('sso-admin', 'DescribePermissionSet'), 11);
    const tags = grantTimes(clock, () => pacer.acquire('sso-admin', 'ListTagsForResource'), 11);
    await clock.runAll();
    // Burst 20 less 2 of headroom (20/s × 100 ms of jitter tolerance) at once, then one per 50 ms for both operations together.
    const all = [...describes.times, ...tags.times].sort((a, b) => a - b);
    expect(all.filter((t) => t === 0)).toHaveLength(18);
    expect(all.slice(18)).toEqual([50, 100, 150, 200]);
  });

  it('a time scale multiplies the rate and keeps the burst, like the emulator', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock, scale: 10, jitterToleranceMs: 0 });
    const { times } = grantTimes(clock, () => pacer.acquire('organizations', 'MoveAccount'), 5); // 2 rps × 10, burst 3
    await clock.runAll();
    expect(times).toEqual([0, 0, 50, 100, 150]);
    expect(scaleRateLimit(ORGANIZATIONS_RATE_LIMITS['ListRoots']!, 4)).toEqual({ rate: 4, burst: 2 });
  });

  it('at scaled-up rates keeps rate × jitter tolerance in reserve, so late arrivals cannot bunch over the limit', async () => {
    const clock = new FakeClock();
    // ListAccountsForParent at scale 10: 50/s, burst 8; 100 ms of lateness is 5 requests of headroom.
    const pacer = new Pacer({ clock, scale: 10 });
    const { times } = grantTimes(clock, () => pacer.acquire('organizations', 'ListAccountsForParent'), 6);
    await clock.runAll();
    expect(times).toEqual([0, 0, 0, 20, 40, 60]);
    // At AWS's own rates (orgctl's reads are at most 10/s) that is the default one request of headroom.
    const realClock = new FakeClock();
    const real = new Pacer({ clock: realClock });
    const tags = grantTimes(realClock, () => real.acquire('organizations', 'ListTagsForResource'), 16); // 10/s, burst 15
    await realClock.runAll();
    expect(tags.times).toEqual([...Array<number>(14).fill(0), 100, 200]);
    // A smaller tolerance keeps more of the burst.
    const tightClock = new FakeClock();
    const tight = new Pacer({ clock: tightClock, scale: 10, jitterToleranceMs: 20 });
    const tightTimes = grantTimes(tightClock, () => tight.acquire('organizations', 'ListAccountsForParent'), 8);
    await tightClock.runAll();
    expect(tightTimes.times).toEqual([0, 0, 0, 0, 0, 0, 0, 20]);
  });

  it('an operation with a burst of 1 keeps the jitter tolerance between requests (nothing to keep in reserve)', async () => {
    const clock = new FakeClock();
    // CloseAccount at scale 10: 0.5/s, burst 1; paced exactly every 2 s, an early arrival after a late one is throttled.
    const pacer = new Pacer({ clock, scale: 10 });
    const { times } = grantTimes(clock, () => pacer.acquire('organizations', 'CloseAccount'), 3);
    await clock.runAll();
    expect(times).toEqual([0, 2100, 4200]);
    // Operations with a burst above 1 keep their rate, at any scale (their reserve is in requests).
    const fastClock = new FakeClock();
    const fast = new Pacer({ clock: fastClock, scale: 1000 });
    const moves = grantTimes(fastClock, () => fast.acquire('organizations', 'MoveAccount'), 3); // 2000/s, burst 3
    await fastClock.runAll();
    expect(moves.times).toEqual([0, 0.5, 1]);
  });

  it('onThrottled drains only the throttled operation', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock, limitFor: () => ({ rate: 2, burst: 4 }) });
    pacer.onThrottled('organizations', 'MoveAccount');
    const moves = grantTimes(clock, () => pacer.acquire('organizations', 'MoveAccount'), 2);
    const others = grantTimes(clock, () => pacer.acquire('organizations', 'DeleteOrganizationalUnit'), 2);
    await clock.runAll();
    expect(moves.times).toEqual([500, 1000]);
    expect(others.times).toEqual([0, 0]);
  });

  it('refuses a scale that is not positive', () => {
    expect(() => new Pacer({ scale: 0 })).toThrow(/positive/);
  });
});

describe('Pacer: IAM Identity Center', () => {
  it('paces the identity store through its own collective bucket, apart from SSO Admin, and still not IAM', async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ clock });
    const lookups = grantTimes(clock, () => pacer.acquire('identitystore', 'GetGroupId'), 10);
    const groups = grantTimes(clock, () => pacer.acquire('identitystore', 'CreateGroup'), 10);
    const listings = grantTimes(clock, () => pacer.acquire('sso-admin', 'ListAccountAssignmentsForPrincipal'), 8);
    const iam = grantTimes(clock, () => pacer.acquire('iam', 'ListMFADevices'), 8);
    await clock.runAll();
    // 20 per second in all for the identity store's operations: 18 at once (burst 20 less 2 of headroom), then one per 50 ms.
    const store = [...lookups.times, ...groups.times].sort((a, b) => a - b);
    expect(store.filter((t) => t === 0)).toHaveLength(18);
    expect(store.slice(18)).toEqual([50, 100]);
    // SSO Admin's bucket is another: its 8 go at once.
    expect(listings.times).toEqual(Array<number>(8).fill(0));
    expect(iam.times).toEqual(Array<number>(8).fill(0));
  });
});
