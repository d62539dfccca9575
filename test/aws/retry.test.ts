import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallStatsRecorder } from '../../src/aws/call-stats.js';
import { createCallRunner } from '../../src/aws/call-runner.js';
import { AwsCallError, type AwsErrorKind } from '../../src/aws/errors.js';
import { Pacer } from '../../src/aws/pacer.js';
import { backoffDelayMs, callWithRetries, DEFAULT_RETRY_POLICY, retryClassOf } from '../../src/aws/retry.js';
import { FakeClock } from '../support/fake-clock.js';

const ALL_KINDS: AwsErrorKind[] = ['throttled', 'concurrentModification', 'transient', 'notInUse', 'accessDenied', 'alreadyExists', 'notFound', 'constraint', 'invalidInput', 'other'];

function failing(kind: AwsErrorKind, failures: number, code = 'SomeCode') {
  let attempts = 0;
  const attempt = async (): Promise<string> => {
    attempts += 1;
    if (attempts <= failures) throw new AwsCallError('ListAccountsForParent', kind, code, `failure ${attempts}`);
    return 'ok';
  };
  return { attempt, attempts: () => attempts };
}

function recorder() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    const ceiling = (i: number) => backoffDelayMs(DEFAULT_RETRY_POLICY.throttled, i, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(ceiling)).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    const other = (i: number) => backoffDelayMs(DEFAULT_RETRY_POLICY.other, i, () => 1);
    expect([0, 1, 2, 3, 4, 5].map(other)).toEqual([100, 200, 400, 800, 1600, 2000]);
  });

  it('full jitter: every delay lies in [0, min(cap, base × 2^i))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (i, r) => {
        const policy = DEFAULT_RETRY_POLICY.throttled;
        const delay = backoffDelayMs(policy, i, () => r);
        return delay >= 0 && delay < Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** i) + 1e-9 && (r === 0 || delay > 0);
      }),
    );
  });
});

describe('callWithRetries', () => {
  it('retries only throttled, concurrentModification and transient', () => {
    expect(ALL_KINDS.filter((k) => retryClassOf(k) !== null)).toEqual(['throttled', 'concurrentModification', 'transient']);
    expect(retryClassOf('throttled')).toBe('throttled');
    expect(retryClassOf('concurrentModification')).toBe('other');
  });

  it.each(ALL_KINDS.filter((k) => retryClassOf(k) === null))('fails at once on %s, with the call named', async (kind) => {
    const { attempt, attempts } = failing(kind, 1, 'AccessDeniedException');
    const { sleep, delays } = recorder();
    const error = await callWithRetries(attempt, { sleep, random: () => 0.5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsCallError);
    expect((error as AwsCallError).describe()).toBe('ListAccountsForParent failed: AccessDeniedException: failure 1');
    expect(attempts()).toBe(1);
    expect(delays).toEqual([]);
  });

  it('rides out nine throttles in a row and succeeds on the tenth attempt', async () => {
    const { attempt, attempts } = failing('throttled', 9);
    const { sleep, delays } = recorder();
    expect(await callWithRetries(attempt, { sleep, random: () => 0.5 })).toBe('ok');
    expect(attempts()).toBe(10);
    expect(delays).toEqual([125, 250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('gives up after 10 throttled attempts, saying so', async () => {
    const { attempt, attempts } = failing('throttled', 100, 'TooManyRequestsException');
    const { sleep } = recorder();
    const error = (await callWithRetries(attempt, { sleep, random: () => 0.5 }).catch((e: unknown) => e)) as AwsCallError;
    expect(attempts()).toBe(10);
    expect(error.kind).toBe('throttled');
    expect(error.describe()).toBe('ListAccountsForParent failed: TooManyRequestsException: failure 10 (gave up after 10 attempts)');
  });

  it('gives ConcurrentModification and transient faults a shorter backoff and fewer attempts', async () => {
    for (const kind of ['concurrentModification', 'transient'] as const) {
      const { attempt, attempts } = failing(kind, 100);
      const { sleep, delays } = recorder();
      await expect(callWithRetries(attempt, { sleep, random: () => 0.5 })).rejects.toThrow(/gave up after 6 attempts/);
      expect(attempts()).toBe(6);
      expect(delays).toEqual([50, 100, 200, 400, 800]);
    }
  });

  it('counts throttles and other faults separately', async () => {
    let n = 0;
    const kinds: AwsErrorKind[] = ['throttled', 'concurrentModification', 'throttled', 'transient', 'throttled'];
    const attempt = async () => {
      const kind = kinds[n++];
      if (kind) throw new AwsCallError('MoveAccount', kind, 'X', 'x');
      return n;
    };
    const { sleep, delays } = recorder();
    expect(await callWithRetries(attempt, { sleep, random: () => 1 - Number.EPSILON })).toBe(6);
    expect(delays.map(Math.round)).toEqual([250, 100, 500, 200, 1000]);
  });

  it('honours a custom policy and rethrows errors that are not AwsCallError untouched', async () => {
    const { attempt, attempts } = failing('throttled', 100);
    const policy = { throttled: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }, other: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } };
    await expect(callWithRetries(attempt, { sleep: async () => {}, random: () => 0, policy })).rejects.toThrow(/gave up after 2/);
    expect(attempts()).toBe(2);
    const bug = new TypeError('bug');
    let calls = 0;
    await expect(callWithRetries(async () => { calls++; throw bug; }, { sleep: async () => {}, random: () => 0 })).rejects.toBe(bug);
    expect(calls).toBe(1);
  });
});

describe('call runner (pacing + retries + stats)', () => {
  it('paces every attempt, counts it, and drains the bucket after a throttle', async () => {
    const clock = new FakeClock();
    const stats = new CallStatsRecorder();
    const pacer = new Pacer({ clock, limitFor: () => ({ rate: 1, burst: 3 }) });
    const run = createCallRunner({ stats, pacer, sleep: (ms) => clock.sleep(ms), random: () => 0 });
    const { attempt } = failing('throttled', 2);
    const sentAt: number[] = [];
    const result = run('organizations', 'ListAccountsForParent', async () => {
      sentAt.push(clock.now());
      return attempt();
    });
    await clock.runAll();
    expect(await result).toBe('ok');
    // Burst 3 would allow three sends at t=0; the throttle drains it, so retries wait 1 s each.
    expect(sentAt).toEqual([0, 1000, 2000]);
    expect(stats.snapshot()).toEqual({ calls: { ListAccountsForParent: 3 }, throttled: { ListAccountsForParent: 2 }, retried: {} });
  });

  it('counts retried non-throttle faults under retried', async () => {
    const stats = new CallStatsRecorder();
    const run = createCallRunner({ stats, sleep: async () => {}, random: () => 0 });
    const { attempt } = failing('concurrentModification', 3);
    await run('organizations', 'MoveAccount', attempt);
    expect(stats.snapshot()).toEqual({ calls: { MoveAccount: 4 }, throttled: {}, retried: { MoveAccount: 3 } });
  });
});
