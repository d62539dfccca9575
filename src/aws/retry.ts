// Retries for AWS calls: exponential backoff with full jitter, pure apart from the injected sleep and
// random. The SDK's own retries are off (maxAttempts 1) so this is the one place that decides.
// Throttling gets many attempts and a long cap: AWS says "slow down", and a burst from other tools
// sharing the account's bucket can last seconds. ConcurrentModification and transient faults
// (5xx, dropped connections) clear quickly, so they get a shorter backoff.

import { AwsCallError, type AwsErrorKind } from './errors.js';

export interface BackoffPolicy {
  /** Attempts in total (first try included) while errors of this class keep coming. */
  readonly maxAttempts: number;
  /** Upper bound of the first retry's delay; doubles with each retry. */
  readonly baseDelayMs: number;
  /** The doubling stops here. */
  readonly maxDelayMs: number;
}

export interface RetryPolicy {
  /** TooManyRequestsException, ThrottlingException. */
  readonly throttled: BackoffPolicy;
  /** ConcurrentModificationException, 5xx, dropped connections, timeouts. */
  readonly other: BackoffPolicy;
}

/** Throttling: up to ~56 s of waiting at worst (~23 s expected) before giving up. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  throttled: { maxAttempts: 10, baseDelayMs: 250, maxDelayMs: 10_000 },
  other: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 2_000 },
};

export type RetryClass = keyof RetryPolicy;

/** Which backoff applies to an error kind; null: not retryable, fail at once. */
export function retryClassOf(kind: AwsErrorKind): RetryClass | null {
  switch (kind) {
    case 'throttled':
      return 'throttled';
    case 'concurrentModification':
    case 'transient':
      return 'other';
    default:
      return null;
  }
}

/** Full jitter: uniform in [0, min(cap, base × 2^retryIndex)). retryIndex counts from 0. */
export function backoffDelayMs(policy: BackoffPolicy, retryIndex: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return random() * ceiling;
}

/**
 * The longest a call can run before giving up on errors of one class, when every attempt takes
 * `attemptMs` (a request timeout, say) and every backoff reaches its ceiling.
 */
export function worstCaseGiveUpMs(policy: BackoffPolicy, attemptMs: number): number {
  let total = policy.maxAttempts * attemptMs;
  for (let retry = 0; retry < policy.maxAttempts - 1; retry += 1) total += Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return total;
}

export interface RetryOptions {
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  readonly random: () => number;
  readonly policy?: RetryPolicy;
  /** Runs before every attempt, retries included (pacing, counting). */
  readonly beforeAttempt?: () => Promise<void> | void;
  /** Runs for every error that will be retried, before the backoff. */
  readonly onRetry?: (error: AwsCallError, delayMs: number) => void;
}

/**
 * Runs `attempt` until it succeeds, fails with an error that is not retryable, or exhausts the
 * attempts of its class. `attempt` must throw AwsCallError for AWS failures; anything else is
 * treated as a bug and rethrown at once.
 */
export async function callWithRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const retries: Record<RetryClass, number> = { throttled: 0, other: 0 };
  for (;;) {
    await options.beforeAttempt?.();
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof AwsCallError)) throw error;
      const retryClass = retryClassOf(error.kind);
      if (retryClass === null) throw error;
      const backoff = policy[retryClass];
      const done = retries[retryClass];
      if (done + 1 >= backoff.maxAttempts) throw done === 0 ? error : gaveUp(error, done + 1);
      const delay = backoffDelayMs(backoff, done, options.random);
      retries[retryClass] = done + 1;
      options.onRetry?.(error, delay);
      await options.sleep(delay);
    }
  }
}

function gaveUp(error: AwsCallError, attempts: number): AwsCallError {
  return new AwsCallError(error.operation, error.kind, error.code, `${error.message} (gave up after ${attempts} attempts)`, error.reason);
}

/**
 * For a call whose failure only means "could not check" (Access Analyzer's ValidatePolicy): no retry
 * for anything but throttling, and few for that. A denied call, an endpoint that does not know the
 * service (a 404, or an emulator's HTML 500) or one that never answers then costs one attempt, not the
 * minute DEFAULT_RETRY_POLICY may spend on a call the run cannot do without.
 */
export function optionalCallPolicy(base: RetryPolicy): RetryPolicy {
  return { throttled: { ...base.throttled, maxAttempts: Math.min(base.throttled.maxAttempts, 3) }, other: { ...base.other, maxAttempts: 1 } };
}
