// Client-side pacing: one token bucket per AWS operation, sized from AWS's published rates
// (rate-limits.ts), so any number of parallel callers stays under the limit and AWS rarely has to
// throttle us. Each bucket hands out send times in arrival order (FIFO) and every caller sleeps
// exactly once until its time comes: no polling, no busy-waiting.
// Our buckets keep headroom below AWS's burst: requests paced exactly at the limit would be throttled
// whenever one arrives late (the first requests of a process are slow: cold code, new connections; or
// an event loop is busy at either end) while the ones after it arrive on time. Lateness of up to
// `jitterToleranceMs` bunches arrivals by at most rate × that time, so the headroom is that many
// requests, and never less than one.

import { COLLECTIVE_RATE_LIMITS, rateLimitFor, scaleRateLimit, type CollectiveService, type RateLimit } from './rate-limits.js';
import type { AwsServiceName } from './operations.js';

/** Time source, injected so tests run on a fake clock. Milliseconds. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A token bucket in its "virtual scheduling" form (GCRA): instead of counting tokens it keeps the
 * theoretical time at which the bucket would be full again. A request may go at
 * `max(now, fullAt - burstWindow)`; each request pushes `fullAt` one interval further.
 */
export class TokenBucket {
  private readonly intervalMs: number;
  private readonly burstWindowMs: number;
  private fullAt: number;

  constructor(
    readonly limit: Pick<RateLimit, 'rate' | 'burst'>,
    private readonly clock: Clock,
  ) {
    if (!(limit.rate > 0) || !(limit.burst >= 1)) throw new RangeError(`invalid rate limit: rate ${limit.rate}, burst ${limit.burst}`);
    this.intervalMs = 1000 / limit.rate;
    this.burstWindowMs = (limit.burst - 1) * this.intervalMs;
    this.fullAt = clock.now();
  }

  /** Books the next send slot and returns how long to wait for it (0: go now). */
  reserve(): number {
    const now = this.clock.now();
    const sendAt = Math.max(now, this.fullAt - this.burstWindowMs);
    this.fullAt = Math.max(this.fullAt, sendAt) + this.intervalMs;
    return sendAt - now;
  }

  /** Resolves when the caller may send. */
  async acquire(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await this.clock.sleep(wait);
  }

  /**
   * AWS throttled us, so its bucket is empty whatever ours believed: drop our saved-up burst so
   * the next send waits a full interval and later ones follow at the sustained rate.
   */
  drain(): void {
    this.fullAt = Math.max(this.fullAt, this.clock.now() + this.burstWindowMs + this.intervalMs);
  }
}

export interface PacerOptions {
  /** Time scale: multiplies every rate, bursts unchanged (benchmarks against a time-scaled emulator). Default 1. */
  readonly scale?: number;
  /** Requests kept in reserve below each published burst (never below a burst of 1). Default 1. */
  readonly headroom?: number;
  /**
   * Arrival jitter to absorb, in real milliseconds: the headroom is at least rate × this many requests.
   * At AWS's own rates (at most 10/s for what orgctl calls) and the default 100 ms that is one request;
   * it matters when rates are scaled up (raised limits, a time-scaled emulator). Default 100.
   */
  readonly jitterToleranceMs?: number;
  readonly clock?: Clock;
  /** Where limits come from; default: AWS's published rates in rate-limits.ts. */
  readonly limitFor?: (service: AwsServiceName, operation: string) => Pick<RateLimit, 'rate' | 'burst'> | undefined;
}

/** Buckets for every operation that has a rate limit; calls to other operations are not paced. */
export class Pacer {
  private readonly buckets = new Map<string, TokenBucket | null>();
  private readonly clock: Clock;
  private readonly scale: number;
  private readonly headroom: number;
  private readonly jitterToleranceMs: number;
  private readonly limitFor: NonNullable<PacerOptions['limitFor']>;

  constructor(options: PacerOptions = {}) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.scale = options.scale ?? 1;
    this.headroom = options.headroom ?? 1;
    this.jitterToleranceMs = options.jitterToleranceMs ?? 100;
    if (!(this.scale > 0)) throw new RangeError(`rate-limit scale must be a positive number, got ${this.scale}`);
    // Organizations, Budgets and Account Management (alternate contacts of every member) have rate tables;
    // SSO Admin and the identity store one collective limit each (rate-limits.ts); the audit's few IAM calls are not paced.
    this.limitFor =
      options.limitFor ??
      ((service, operation) =>
        service === 'organizations' || service === 'budgets' || service === 'account'
          ? rateLimitFor(service, operation)
          : (COLLECTIVE_RATE_LIMITS[service as CollectiveService] ?? undefined));
  }

  async acquire(service: AwsServiceName, operation: string): Promise<void> {
    await this.bucket(service, operation)?.acquire();
  }

  onThrottled(service: AwsServiceName, operation: string): void {
    this.bucket(service, operation)?.drain();
  }

  private bucket(service: AwsServiceName, operation: string): TokenBucket | null {
    // SSO Admin's and the identity store's limits are collective: all operations of one share one bucket.
    const key = service in COLLECTIVE_RATE_LIMITS ? service : `${service}:${operation}`;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      const limit = this.limitFor(service, operation);
      if (limit) {
        const scaled = scaleRateLimit(limit, this.scale);
        const headroom = Math.max(this.headroom, (scaled.rate * this.jitterToleranceMs) / 1000);
        // A published burst of 1 (CloseAccount, EnablePolicyType) leaves no request to keep in reserve, so every
        // request would go exactly one interval after the last, and one arriving a moment early after a late one
        // is throttled: keep the jitter tolerance as time between requests instead (at most a tenth of the
        // interval, so a time-scaled run is not slowed more than that).
        const intervalMs = 1000 / scaled.rate;
        const rate = scaled.burst < 2 ? 1000 / (intervalMs + Math.min(this.jitterToleranceMs, intervalMs / 10)) : scaled.rate;
        bucket = new TokenBucket({ rate, burst: Math.max(1, scaled.burst - headroom) }, this.clock);
      } else {
        bucket = null;
      }
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
