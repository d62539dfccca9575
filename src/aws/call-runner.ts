// How every port implementation makes one AWS call: wait for the operation's pacer slot, count the
// attempt, send, and retry what is retryable. The SDK adapter and the fake port share it, so tests
// against the fake exercise the same retry and counting path as production.

import { CallStatsRecorder } from './call-stats.js';
import type { AwsServiceName } from './operations.js';
import type { Pacer } from './pacer.js';
import { callWithRetries, type RetryPolicy } from './retry.js';

export interface CallRunnerOptions {
  readonly stats: CallStatsRecorder;
  /** Absent: no pacing (in-memory fakes). */
  readonly pacer?: Pacer;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly retryPolicy?: RetryPolicy;
}

/** `send` must throw AwsCallError for AWS failures (classify first). */
export type CallRunner = <T>(service: AwsServiceName, operation: string, send: () => Promise<T>) => Promise<T>;

export function createCallRunner(options: CallRunnerOptions): CallRunner {
  const { stats, pacer } = options;
  return (service, operation, send) =>
    callWithRetries(send, {
      sleep: options.sleep,
      random: options.random,
      ...(options.retryPolicy ? { policy: options.retryPolicy } : {}),
      beforeAttempt: async () => {
        if (pacer) await pacer.acquire(service, operation);
        stats.recordAttempt(operation);
      },
      onRetry: (error) => {
        if (error.kind === 'throttled') {
          stats.recordThrottled(operation);
          pacer?.onThrottled(service, operation);
        } else {
          stats.recordRetried(operation);
        }
      },
    });
}
