// Lower bounds on wall time from AWS's per-operation rate limits (src/aws/rate-limits.ts).
//
// One phase (a read, or the writes of an apply): every operation is its own token bucket, and the
// buckets run side by side, so the phase cannot finish before its slowest operation has sent its
// calls: max over operations of calls ÷ rate. The bucket starts full, so the first `burst` calls cost
// no wait: (calls − burst) ÷ rate is the tighter (smaller, so stricter) figure, used for the ratios.
// Phases that must follow each other (plan's read → apply's writes → the re-plan's read) add up.
// With a time scale s (emulator and client both run s× faster), every rate is multiplied by s.

import type { CallCounts } from '../src/reader/read-call-bound.js';
import { BUDGETS_RATE_LIMITS, ORGANIZATIONS_RATE_LIMITS, scaleRateLimit } from '../src/aws/rate-limits.js';

/** Calls keyed "service:Operation", as the emulator counts them ("organizations:ListRoots"). */
export type ServiceCounts = Readonly<Record<string, number>>;

/**
 * Adds the service to operation names (orgctl's call bounds and port stats use bare names).
 * ListTagsForResource exists in both services; `ambiguous` says which one a count means.
 */
export function qualify(counts: CallCounts, ambiguous: 'organizations' | 'budgets'): ServiceCounts {
  const out: Record<string, number> = {};
  for (const [operation, n] of Object.entries(counts)) {
    const inOrg = operation in ORGANIZATIONS_RATE_LIMITS;
    const inBudgets = operation in BUDGETS_RATE_LIMITS;
    const service = operation === 'GetCallerIdentity' ? 'sts' : inOrg && inBudgets ? ambiguous : inBudgets ? 'budgets' : 'organizations';
    const key = `${service}:${operation}`;
    out[key] = (out[key] ?? 0) + n;
  }
  return out;
}

export function addCounts(...counts: ServiceCounts[]): ServiceCounts {
  const out: Record<string, number> = {};
  for (const c of counts) for (const [k, n] of Object.entries(c)) out[k] = (out[k] ?? 0) + n;
  return out;
}

export function total(counts: ServiceCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export interface OperationTime {
  readonly operation: string;
  readonly calls: number;
  /** Requests per second at the benchmark's time scale; null: not rate-limited (STS). */
  readonly rate: number | null;
  readonly burst: number | null;
  /** calls ÷ rate. */
  readonly plainSeconds: number;
  /** max(0, calls − burst) ÷ rate. */
  readonly burstSeconds: number;
}

export interface PhaseBound {
  readonly name: string;
  readonly operations: readonly OperationTime[];
  /** The operation that takes longest. */
  readonly limiting: string;
  readonly plainSeconds: number;
  readonly seconds: number;
}

export function limitOf(key: string): { rate: number; burst: number } | undefined {
  const [service, operation = ''] = key.split(':');
  if (service === 'organizations') return ORGANIZATIONS_RATE_LIMITS[operation];
  if (service === 'budgets') return BUDGETS_RATE_LIMITS[operation];
  return undefined;
}

export function phaseBound(name: string, counts: ServiceCounts, scale: number): PhaseBound {
  const operations = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([operation, calls]): OperationTime => {
      const limit = limitOf(operation);
      if (!limit) return { operation, calls, rate: null, burst: null, plainSeconds: 0, burstSeconds: 0 };
      const scaled = scaleRateLimit(limit, scale);
      return { operation, calls, rate: scaled.rate, burst: scaled.burst, plainSeconds: calls / scaled.rate, burstSeconds: Math.max(0, calls - scaled.burst) / scaled.rate };
    })
    .sort((a, b) => b.burstSeconds - a.burstSeconds || b.plainSeconds - a.plainSeconds);
  const slowest = operations[0];
  return {
    name,
    operations,
    limiting: slowest?.operation ?? '(none)',
    plainSeconds: Math.max(0, ...operations.map((o) => o.plainSeconds)),
    seconds: Math.max(0, ...operations.map((o) => o.burstSeconds)),
  };
}

/** Phases that run one after another. */
export function sequentialBound(phases: readonly PhaseBound[]): { seconds: number; plainSeconds: number } {
  return { seconds: phases.reduce((s, p) => s + p.seconds, 0), plainSeconds: phases.reduce((s, p) => s + p.plainSeconds, 0) };
}

/**
 * A phase that also waits for work AWS runs a limited number of at once (account creations: 5 in
 * progress, each taking `eachSeconds`): it cannot end before ceil(items ÷ inFlight) rounds of that wait,
 * whatever the rates. Shown as one more operation; the phase's bound is the larger.
 */
export function withInFlightFloor(phase: PhaseBound, what: string, items: number, inFlight: number, eachSeconds: number): PhaseBound {
  const seconds = Math.ceil(items / inFlight) * eachSeconds;
  const floor: OperationTime = { operation: what, calls: items, rate: null, burst: null, plainSeconds: seconds, burstSeconds: seconds };
  const operations = [...phase.operations, floor].sort((a, b) => b.burstSeconds - a.burstSeconds || b.plainSeconds - a.plainSeconds);
  return {
    ...phase,
    operations,
    limiting: operations[0]!.operation,
    plainSeconds: Math.max(phase.plainSeconds, seconds),
    seconds: Math.max(phase.seconds, seconds),
  };
}
