// Deterministic fault injection. Each operation keeps its own call counter, and whether call n of an
// operation fails is a pure function of (seed, operation, n), so a seed reproduces the same faults
// however requests to different operations interleave.

import { roll } from './random.js';

/** What can go wrong with a call. `drop-after` runs the call, then drops the connection before replying. */
export const FAULT_KINDS = ['drop', 'error500', 'throttle', 'conflict', 'drop-after'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  /** "*" or operation names: "MoveAccount", "budgets.CreateBudget", "budgets.*". */
  readonly operations: '*' | readonly string[];
  /** Probability in [0, 1] of each fault. */
  readonly rates?: Readonly<Partial<Record<FaultKind, number>>>;
  /** Added latency in ms: fixed, or [min, max] drawn uniformly. */
  readonly latencyMs?: number | readonly [number, number];
  /** Probability that the latency applies (default 1). */
  readonly latencyRate?: number;
}

export interface FaultSpec {
  readonly seed?: number;
  readonly rules: readonly FaultRule[];
}

export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault: FaultKind | undefined;
}

const NO_FAULT: FaultDecision = { latencyMs: 0, fault: undefined };

function matches(rule: FaultRule, service: string, operation: string): boolean {
  if (rule.operations === '*') return true;
  return rule.operations.some((name) => name === operation || name === `${service}.${operation}` || name === `${service}.*`);
}

function matchesTarget(target: string, service: string, operation: string): boolean {
  return target === '*' || target === operation || target === `${service}.${operation}` || target === `${service}.*`;
}

interface Queued {
  readonly target: string;
  readonly fault: FaultKind;
  remaining: number;
}

export class FaultInjector {
  private readonly calls = new Map<string, number>();
  private readonly queue: Queued[] = [];

  constructor(
    private spec: FaultSpec | undefined,
    private readonly defaultSeed: number,
  ) {}

  setSpec(spec: FaultSpec | undefined): void {
    this.spec = spec;
    this.calls.clear();
  }

  currentSpec(): FaultSpec | undefined {
    return this.spec;
  }

  /** Makes the next `count` calls matching `target` ("MoveAccount", "budgets.*", "*") fail with `fault`. */
  injectNext(target: string, fault: FaultKind, count = 1): void {
    this.queue.push({ target, fault, remaining: count });
  }

  reset(): void {
    this.calls.clear();
    this.queue.length = 0;
  }

  decide(service: string, operation: string): FaultDecision {
    const queued = this.queue.find((q) => matchesTarget(q.target, service, operation));
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining <= 0) this.queue.splice(this.queue.indexOf(queued), 1);
      return { latencyMs: 0, fault: queued.fault };
    }
    const spec = this.spec;
    if (!spec || spec.rules.length === 0) return NO_FAULT;
    const key = `${service}.${operation}`;
    const n = (this.calls.get(key) ?? 0) + 1;
    this.calls.set(key, n);

    // For each setting, the last matching rule that sets it wins (so "*: ..." then "Op: ..." overrides).
    const rates: Partial<Record<FaultKind, number>> = {};
    let latency: number | readonly [number, number] | undefined;
    let latencyRate = 1;
    for (const rule of spec.rules) {
      if (!matches(rule, service, operation)) continue;
      Object.assign(rates, rule.rates);
      if (rule.latencyMs !== undefined) {
        latency = rule.latencyMs;
        latencyRate = rule.latencyRate ?? 1;
      }
    }
    const seed = spec.seed ?? this.defaultSeed;
    let fault: FaultKind | undefined;
    const r = roll(seed, key, n);
    let cumulative = 0;
    for (const kind of FAULT_KINDS) {
      cumulative += rates[kind] ?? 0;
      if (r < cumulative) {
        fault = kind;
        break;
      }
    }
    let latencyMs = 0;
    if (latency !== undefined && roll(seed, `${key}#latency`, n) < latencyRate) {
      latencyMs = typeof latency === 'number' ? latency : latency[0] + Math.floor(roll(seed, `${key}#latency-ms`, n) * (latency[1] - latency[0] + 1));
    }
    return { latencyMs, fault };
  }
}
