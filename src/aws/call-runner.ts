// How every port implementation makes one AWS call: wait for the operation's pacer slot, count the
// attempt, send, and retry what is retryable. The SDK adapter and the fake port share it, so tests
// against the fake exercise the same retry and counting path as production.

import { CallStatsRecorder } from './call-stats.js';
import type { AwsServiceName } from './operations.js';
import type { Pacer } from './pacer.js';
import { callWithRetries, DEFAULT_RETRY_POLICY, optionalCallPolicy, type RetryPolicy } from './retry.js';

export interface CallRunnerOptions {
  readonly stats: CallStatsRecorder;
  /** Absent: no pacing (in-memory fakes). */
  readonly pacer?: Pacer;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly retryPolicy?: RetryPolicy;
}

export interface CallOptions {
  /** The run goes on without this call's answer: retried only when throttled (optionalCallPolicy). */
  readonly optional?: boolean;
}

/** `send` must throw AwsCallError for AWS failures (classify first). */
export type CallRunner = <T>(service: AwsServiceName, operation: string, send: () => Promise<T>, options?: CallOptions) => Promise<T>;

export function createCallRunner(options: CallRunnerOptions): CallRunner {
  const { stats, pacer } = options;
  const optionalPolicy = optionalCallPolicy(options.retryPolicy ?? DEFAULT_RETRY_POLICY);
  return (service, operation, send, callOptions) =>
    callWithRetries(send, {
      sleep: options.sleep,
      random: options.random,
      ...(callOptions?.optional ? { policy: optionalPolicy } : options.retryPolicy ? { policy: options.retryPolicy } : {}),
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
