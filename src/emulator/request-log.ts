// What the emulator was asked and how it answered: per-operation call counters and a bounded request
// log, readable in-process and over the admin paths, for tests and benchmarks.

import type { JsonObject } from './json.js';
import type { ExtraPageKind } from './pagination.js';

export interface RequestLogEntry {
  /** 1, 2, 3, ... in arrival order. */
  readonly seq: number;
  /** Arrival time, epoch milliseconds. */
  readonly time: number;
  /** "organizations", "budgets", "sts", or "unknown" when no service matched. */
  readonly service: string;
  readonly operation: string;
  /** The account the caller's credentials act as. */
  readonly callerAccountId: string;
  readonly input: JsonObject;
  /** HTTP status sent; 0 when the connection was dropped instead. */
  readonly status: number;
  /** The AWS error code, when the call failed. */
  readonly errorCode?: string;
  /** The injected fault, when one applied ("throttle", "drop", ... or "rate-limit"). */
  readonly fault?: string;
  /** Set when the answer was a page that full pages would not need (an injected empty page, or the empty page after a trailing NextToken). */
  readonly extraPage?: ExtraPageKind;
  readonly durationMs: number;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private readonly calls = new Map<string, number>();
  private readonly extra = new Map<string, number>();
  private seq = 0;

  constructor(private readonly limit: number) {}

  /** Counts a call as it arrives, so counters include calls that are then throttled or dropped. */
  count(service: string, operation: string): number {
    const key = `${service}:${operation}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    this.seq += 1;
    return this.seq;
  }

  record(entry: RequestLogEntry): void {
    if (entry.extraPage) {
      const key = `${entry.service}:${entry.operation}`;
      this.extra.set(key, (this.extra.get(key) ?? 0) + 1);
    }
    this.entries.push(entry);
    // Drop the oldest half at once, so a long benchmark run stays O(1) per call on average.
    if (this.entries.length > this.limit) this.entries = this.entries.slice(this.entries.length - Math.floor(this.limit / 2));
  }

  /** Calls per operation, keyed "service:Operation" (e.g. "organizations:MoveAccount"). */
  counters(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Of those calls, the ones answered with an extra page (RequestLogEntry.extraPage), same keys. */
  extraPages(): Record<string, number> {
    return Object.fromEntries([...this.extra.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  list(sinceSeq = 0): readonly RequestLogEntry[] {
    return sinceSeq > 0 ? this.entries.filter((e) => e.seq > sinceSeq) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
    this.calls.clear();
    this.extra.clear();
  }
}
