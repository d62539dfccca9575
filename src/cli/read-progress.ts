// One line on the terminal's stderr while plan or import reads the organization (a large one takes
// minutes): how many OUs, accounts and budgets so far, redrawn at most 5 times a second, cleared at the end.
// Nothing when stderr is not a terminal: logs and pipes get only the result.

import type { ReadProgress } from '../reader/read-live-org.js';
import type { CliIo } from './io.js';

export function progressLine(io: CliIo): { update: (progress: ReadProgress) => void; done: () => void } {
  if (!io.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update: (p) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      drawn = true;
      io.stderr.write(`\r\x1b[2KReading: ${p.ous} OUs, ${p.accounts} accounts, ${p.budgets} budgets`);
    },
    done: () => {
      if (drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}
