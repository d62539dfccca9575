// The real process as a CliIo.

import { createInterface } from 'node:readline/promises';
import { INTERRUPT_EXIT_CODES, type CliIo, type InterruptSignal } from './io.js';

const INTERRUPT_SIGNALS: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM'];

const trapInterrupts: NonNullable<CliIo['trapInterrupts']> = (listener) => {
  let received = false;
  const handlers = INTERRUPT_SIGNALS.map((signal) => {
    const handler = (): void => {
      listener(signal, received);
      if (received) process.exit(INTERRUPT_EXIT_CODES[signal]);
      received = true;
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
};

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    trapInterrupts,
    ...(process.stdin.isTTY
      ? {
          prompt: async (question: string) => {
            const rl = createInterface({ input: process.stdin, output: process.stderr });
            try {
              return await rl.question(question);
            } finally {
              rl.close();
            }
          },
        }
      : {}),
  };
}
