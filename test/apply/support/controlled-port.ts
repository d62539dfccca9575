// Wraps any AwsPort to watch and steer the timing of its calls, for scheduler tests:
//   const port = new ControlledPort(fake);
//   const gate = port.hold('moveAccount');            // MoveAccount calls wait until gate.release()
//   port.hold('createBudget', (args) => ...)          // only the calls whose arguments match
//   port.delay = () => Math.random() * 3;             // every call waits a little (interleavings)
//   ... applyPlan(plan, { port: port.port, ... }) ...
//   port.maxInFlight('createBudget')                  // most calls of that method running at once
// Events are recorded in order: a call "starts" when the scheduler makes it and "ends" when it settles.

import type { AwsPort } from '../../../src/aws/port.js';

export type PortMethodName = keyof AwsPort;

export interface CallEvent {
  readonly type: 'start' | 'end';
  readonly method: PortMethodName;
  readonly args: readonly unknown[];
}

export interface Gate {
  /** Lets every held call (and every later one) through. */
  release(): void;
  /** Calls waiting at the gate right now. */
  readonly waiting: number;
  /** Resolves once `count` calls are waiting at the gate. */
  whenWaiting(count: number): Promise<void>;
}

interface GateEntry {
  readonly method: PortMethodName;
  readonly when: ((args: readonly unknown[]) => boolean) | undefined;
  gate: Gate;
  open: boolean;
  readonly waiters: (() => void)[];
  readonly watchers: { count: number; resolve: () => void }[];
}

export class ControlledPort {
  readonly events: CallEvent[] = [];
  /** Milliseconds each call waits before it reaches the wrapped port (default none). */
  delay: ((method: PortMethodName, args: readonly unknown[]) => number) | undefined;
  /** Called with every event as it is recorded. */
  onEvent: ((event: CallEvent) => void) | undefined;
  readonly port: AwsPort;
  private readonly gates: GateEntry[] = [];
  private readonly running = new Map<PortMethodName, number>();
  private readonly peaks = new Map<PortMethodName, number>();

  constructor(inner: AwsPort) {
    this.port = new Proxy(inner, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const method = property as PortMethodName;
        return async (...args: unknown[]) => {
          this.record({ type: 'start', method, args });
          this.running.set(method, (this.running.get(method) ?? 0) + 1);
          this.peaks.set(method, Math.max(this.peaks.get(method) ?? 0, this.running.get(method)!));
          try {
            await this.wait(method, args);
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } finally {
            this.running.set(method, this.running.get(method)! - 1);
            this.record({ type: 'end', method, args });
          }
        };
      },
    });
  }

  /** Calls of `method` (whose arguments match `when`, if given) wait until the gate is released. */
  hold(method: PortMethodName, when?: (args: readonly unknown[]) => boolean): Gate {
    const entry = { method, when, open: false, waiters: [], watchers: [] } as unknown as GateEntry;
    entry.gate = {
      release: () => {
        entry.open = true;
        for (const waiter of entry.waiters.splice(0)) waiter();
      },
      get waiting() {
        return entry.waiters.length;
      },
      whenWaiting: (count) =>
        entry.waiters.length >= count ? Promise.resolve() : new Promise<void>((resolve) => entry.watchers.push({ count, resolve })),
    };
    this.gates.push(entry);
    return entry.gate;
  }

  maxInFlight(method: PortMethodName): number {
    return this.peaks.get(method) ?? 0;
  }

  /** Calls of `method` made so far. */
  started(method: PortMethodName): number {
    return this.events.filter((e) => e.type === 'start' && e.method === method).length;
  }

  private record(event: CallEvent): void {
    this.events.push(event);
    this.onEvent?.(event);
  }

  private async wait(method: PortMethodName, args: readonly unknown[]): Promise<void> {
    const ms = this.delay?.(method, args) ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    const entry = this.gates.find((g) => g.method === method && !g.open && (g.when === undefined || g.when(args)));
    if (!entry) return;
    await new Promise<void>((resolve) => {
      entry.waiters.push(resolve);
      for (const watcher of [...entry.watchers]) {
        if (entry.waiters.length >= watcher.count) {
          entry.watchers.splice(entry.watchers.indexOf(watcher), 1);
          watcher.resolve();
        }
      }
    });
  }
}
