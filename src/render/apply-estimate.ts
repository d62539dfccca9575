// How long apply will take, from AWS's published per-operation rates (src/aws/rate-limits.ts): apply
// paces each operation to its token bucket (rate per second after a burst), so a plan of 40 MoveAccount
// steps takes about (40 - 3) / 2 s whatever else it does. A step whose kind is a port method makes that
// call (moveAccount → MoveAccount); operations run one after another here, which is how a plan's phases
// (OUs, then moves, then deletions) mostly run. Network time is not included.

import { PORT_OPERATIONS, type PortMethod } from '../aws/operations.js';
import { rateLimitFor } from '../aws/rate-limits.js';
import type { PlanStep } from '../model/plan.js';
import type { ApplyEstimate } from '../model/rehearsal.js';

export type { ApplyEstimate };

export function estimateApply(steps: readonly PlanStep[]): ApplyEstimate {
  const calls = new Map<string, { service: 'organizations' | 'budgets'; operation: string; count: number }>();
  for (const step of steps) {
    const info = step.kind in PORT_OPERATIONS ? PORT_OPERATIONS[step.kind as PortMethod] : undefined;
    if (!info || (info.service !== 'organizations' && info.service !== 'budgets')) continue;
    const key = `${info.service}:${info.operation}`;
    const entry = calls.get(key) ?? { service: info.service, operation: info.operation, count: 0 };
    entry.count += 1;
    calls.set(key, entry);
  }
  let seconds = 0;
  let assumedRates = false;
  let slowest: ApplyEstimate['slowest'];
  let slowestSeconds = 0;
  for (const { service, operation, count } of calls.values()) {
    const limit = rateLimitFor(service, operation);
    if (!limit) continue;
    if (!limit.published) assumedRates = true;
    const wait = Math.max(0, count - limit.burst) / limit.rate;
    seconds += wait;
    if (wait > slowestSeconds) {
      slowestSeconds = wait;
      slowest = { operation, calls: count, rate: limit.rate };
    }
  }
  return { seconds, assumedRates, ...(slowest ? { slowest } : {}) };
}

/** "Estimated apply time: about 19 s (37 MoveAccount calls at 2/s), from AWS's published rates." */
export function renderApplyEstimate(estimate: ApplyEstimate): string {
  const source = estimate.assumedRates ? "AWS's published rates (Budgets publishes none: ours are assumed)" : "AWS's published rates";
  if (estimate.seconds < 1) return `Estimated apply time: under a second of pacing, from ${source}.`;
  const slowest = estimate.slowest ? ` (slowest: ${estimate.slowest.calls} ${estimate.slowest.operation} calls at ${estimate.slowest.rate}/s)` : '';
  return `Estimated apply time: about ${formatDuration(estimate.seconds)}${slowest}, from ${source}.`;
}

function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
}
