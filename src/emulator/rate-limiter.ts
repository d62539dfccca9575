// Per-operation token buckets with AWS's published rates (src/aws/rate-limits.ts), one set per caller
// account, as AWS meters per account. `scale` speeds time up: refill is rate × scale tokens per second
// and the burst is unchanged, so a run at scale 10 has the same shape as the real thing, ten times faster.

import { rateLimitFor, type AwsService, type RateLimit } from '../aws/rate-limits.js';

export interface RateLimitSettings {
  /** Time-scale factor: 10 refills buckets ten times faster than AWS. Must be > 0. */
  readonly scale: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number,
  ) {}

  /** The limit applied to an operation, or undefined when it is not metered. */
  limitFor(service: string, operation: string): RateLimit | undefined {
    return service === 'organizations' || service === 'budgets' ? rateLimitFor(service as AwsService, operation) : undefined;
  }

  /** Takes one token; false means the call is throttled. */
  tryTake(service: string, operation: string, callerAccountId: string): boolean {
    const limit = this.limitFor(service, operation);
    if (!limit) return true;
    const key = `${callerAccountId}:${service}:${operation}`;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limit.burst, updatedAt: now };
      this.buckets.set(key, bucket);
    }
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsedSeconds * limit.rate * this.settings.scale);
    bucket.updatedAt = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
