// Ctrl-C (SIGINT) or SIGTERM while apply carries out steps: the first one asks the scheduler to stop
// (no new step starts, the steps in flight finish, the summary follows); a second one stops at once.

import type { CliIo, InterruptSignal } from './io.js';
import type { ProgressBar } from './progress-bar.js';

export interface InterruptWatch {
  /** The first signal received, if any. */
  readonly received: InterruptSignal | undefined;
  /** Gives the signals their default effect back. */
  restore(): void;
}

export function stopOnInterrupt(io: CliIo, progress: ProgressBar, stop: AbortController): InterruptWatch {
  let received: InterruptSignal | undefined;
  const restore =
    io.trapInterrupts?.((signal, again) => {
      if (again) {
        // The process ends right after this: leave the terminal clean and say where things stand.
        progress.done();
        io.stderr.write('Stopped at once: steps that were in flight may or may not be done. Run `orgctl apply` again: it continues from the live state.\n');
        return;
      }
      received = signal;
      stop.abort();
      const howToForce = signal === 'SIGINT' ? 'Ctrl-C again stops at once' : 'a second SIGTERM stops at once';
      progress.note(`Interrupted (${signal}): no new step starts; waiting for the steps in flight to finish (${howToForce}).`);
    }) ?? (() => undefined);
  return {
    get received() {
      return received;
    },
    restore,
  };
}
