// A manual clock for pacing and retry tests: sleep() only resolves when the test advances time.

import type { Clock } from '../../src/aws/pacer.js';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/** Lets every pending promise continuation run (setImmediate fires after the microtask queue drains). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private time = 0;
  private seq = 0;
  private timers: Timer[] = [];
  /** Every sleep requested, in ms, in order. */
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
    });
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, waking sleepers in time order and letting them schedule more. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      await settle();
      const next = this.earliest();
      if (!next || next.at > target) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.resolve();
    }
    this.time = target;
    await settle();
  }

  /** Advances until no sleeper is left (bounded, to catch runaway loops). */
  async runAll(limitMs = 3_600_000): Promise<void> {
    const start = this.time;
    for (;;) {
      await settle();
      const next = this.earliest();
      if (!next) return;
      if (next.at - start > limitMs) throw new Error(`FakeClock.runAll: timers beyond ${limitMs} ms`);
      await this.advance(next.at - this.time);
    }
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }
}
