// Counts what a port implementation sent: every attempt, every retried throttle, every other retry.

import type { CallStats } from './port.js';

export class CallStatsRecorder {
  private calls: Record<string, number> = {};
  private throttled: Record<string, number> = {};
  private retried: Record<string, number> = {};

  recordAttempt(operation: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
  }

  recordThrottled(operation: string): void {
    this.throttled[operation] = (this.throttled[operation] ?? 0) + 1;
  }

  recordRetried(operation: string): void {
    this.retried[operation] = (this.retried[operation] ?? 0) + 1;
  }

  /** A copy: later calls do not change it. */
  snapshot(): CallStats {
    return { calls: { ...this.calls }, throttled: { ...this.throttled }, retried: { ...this.retried } };
  }

  reset(): void {
    this.calls = {};
    this.throttled = {};
    this.retried = {};
  }
}

/** Sum of all counts in one CallStats field. */
export function totalOf(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
