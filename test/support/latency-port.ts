// An AwsPort whose answers arrive after a seeded random delay of a few milliseconds, as over a network:
// calls start in the order they are made (the wrapped port sees that order), but concurrent calls finish
// out of order. Reader and apply code that assumes answers come back in the order they were asked passes
// against a latency-free fake and fails here. Deterministic: the same seed gives the same delays in the
// same call order. No test may assert on the time this takes.
//
//   const port = withLatency(fake, { seed: 7 });                 // real timers, 0–4 ms per answer
//   const port = withLatency(fake, { seed: 7, sleep: (ms) => clock.sleep(ms) });   // with a FakeClock

import type { AwsPort } from '../../src/aws/port.js';
import { SeededRandom } from '../../src/emulator/random.js';

export interface LatencyOptions {
  readonly seed: number;
  /** Largest delay per answer, in ms (whole ms from 0 to this). Default 4. */
  readonly maxMs?: number;
  /** Default: real timers. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function withLatency(port: AwsPort, options: LatencyOptions): AwsPort {
  const random = new SeededRandom(options.seed);
  const maxMs = options.maxMs ?? 4;
  const sleep = options.sleep ?? realSleep;
  // The proxy's target is an empty object, so any port (even one with read-only methods) can be wrapped.
  return new Proxy({} as AwsPort, {
    get(_empty, property) {
      const value: unknown = Reflect.get(port, property, port);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        const delayMs = Math.floor(random.next() * (maxMs + 1));
        // Start the call now, so the wrapped port sees calls in the order they were made.
        const answer = (value as (...a: unknown[]) => Promise<unknown>).apply(port, args);
        try {
          return await answer;
        } finally {
          await sleep(delayMs);
        }
      };
    },
  });
}
