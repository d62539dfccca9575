// How every fake port call runs: recorded per attempt, injected failures first, then the real work,
// through the same retry runner as the SDK adapter (instant sleeps by default), so injected throttling
// and ConcurrentModification are retried exactly as in production and show up in stats().

import { createCallRunner, type CallRunner } from '../../../src/aws/call-runner.js';
import { CallStatsRecorder } from '../../../src/aws/call-stats.js';
import { AwsCallError, type AwsErrorKind } from '../../../src/aws/errors.js';
import { PORT_OPERATIONS, type OperationInfo, type PortMethod, type PortOperation } from '../../../src/aws/operations.js';
import type { Pacer } from '../../../src/aws/pacer.js';
import type { CallStats } from '../../../src/aws/port.js';
import type { RetryPolicy } from '../../../src/aws/retry.js';
import { injectedError, type InjectedFailure } from './errors.js';

export interface FakeCall {
  readonly operation: PortOperation;
  /** The port method's arguments, as passed. */
  readonly args: readonly unknown[];
  /** Set when this attempt failed (injected or by a rule). */
  readonly failedWith?: AwsErrorKind;
}

export interface FakeCallOptions {
  readonly retryPolicy?: RetryPolicy;
  /** Pace calls like the SDK adapter (give it a FakeClock); default: no pacing. */
  readonly pacer?: Pacer;
  /** Retry backoff sleeps; default: instant. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** One port call of a service fake: `method` must be one of `Port`'s. */
export type FakeCaller<Port> = <T>(method: keyof Port & PortMethod, args: readonly unknown[], act: () => T) => Promise<T>;

export class FakeCallLog {
  /** Every attempt, in order, retries included. */
  readonly calls: FakeCall[] = [];
  private readonly failures = new Map<string, { kind: AwsErrorKind; remaining: number; details: InjectedFailure }[]>();
  private readonly listeners = new Map<string, ((args: readonly unknown[]) => void)[]>();
  private readonly statsRecorder = new CallStatsRecorder();
  private readonly run: CallRunner;

  constructor(options: FakeCallOptions = {}) {
    this.run = createCallRunner({
      stats: this.statsRecorder,
      ...(options.pacer ? { pacer: options.pacer } : {}),
      sleep: options.sleep ?? (() => Promise.resolve()),
      random: () => 0.5,
      ...(options.retryPolicy ? { retryPolicy: options.retryPolicy } : {}),
    });
  }

  failNext(operation: PortOperation, kind: AwsErrorKind, times: number, details: InjectedFailure): void {
    const queue = this.failures.get(operation) ?? [];
    queue.push({ kind, remaining: times, details });
    this.failures.set(operation, queue);
  }

  onCall(operation: PortOperation, listener: (args: readonly unknown[]) => void): void {
    const list = this.listeners.get(operation) ?? [];
    list.push(listener);
    this.listeners.set(operation, list);
  }

  callCount(operation?: PortOperation): number {
    return operation === undefined ? this.calls.length : this.calls.filter((c) => c.operation === operation).length;
  }

  stats(): CallStats {
    return this.statsRecorder.snapshot();
  }

  reset(): void {
    this.calls.length = 0;
    this.statsRecorder.reset();
  }

  /** One port call: recorded per attempt, injected failures first, then the real work; retried like production. */
  readonly call = <T>(method: PortMethod, args: readonly unknown[], act: () => T): Promise<T> => {
    const { service, operation } = PORT_OPERATIONS[method];
    const optional = (PORT_OPERATIONS[method] as OperationInfo).optional === true;
    return this.run(service, operation, async () => {
      for (const listener of this.listeners.get(operation) ?? []) listener(args);
      const injected = this.takeFailure(operation, args);
      if (injected) {
        this.calls.push({ operation, args, failedWith: injected.kind });
        throw injectedError(service, operation, injected.kind, injected.details);
      }
      try {
        const result = act();
        this.calls.push({ operation, args });
        return result;
      } catch (error) {
        this.calls.push(error instanceof AwsCallError ? { operation, args, failedWith: error.kind } : { operation, args });
        throw error;
      }
    }, { optional });
  };

  private takeFailure(operation: string, args: readonly unknown[]): { kind: AwsErrorKind; details: InjectedFailure } | undefined {
    const queue = this.failures.get(operation);
    const entry = queue?.find((f) => f.remaining > 0 && (f.details.when === undefined || f.details.when(args)));
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry;
  }
}
