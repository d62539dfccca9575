// What a CLI command may touch of the process, injected so commands run in-process in tests.

import type { AwsPort } from '../aws/port.js';

export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Reads one line from the terminal; undefined when stdin is not a TTY. */
  readonly prompt?: (question: string) => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The port to AWS; when absent, commands build the SDK adapter from the environment. */
  readonly awsPort?: AwsPort;
  /**
   * While a long operation runs: SIGINT and SIGTERM call `listener` instead of ending the process.
   * A second signal calls it again with `again` true, then ends the process at once (exit code
   * INTERRUPT_EXIT_CODES[signal]). Returns the function that restores the defaults.
   * Absent: signals keep their default effect.
   */
  readonly trapInterrupts?: (listener: (signal: InterruptSignal, again: boolean) => void) => () => void;
  /** `--no-color` was given. */
  readonly noColor?: boolean;
  /** `--profile NAME`: the AWS profile to use instead of AWS_PROFILE. */
  readonly awsProfile?: string;
}

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/** 128 + the signal's number, as shells report a process a signal ended. */
export const INTERRUPT_EXIT_CODES: Readonly<Record<InterruptSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** Color only on a TTY, never with --no-color or a non-empty NO_COLOR (https://no-color.org: an empty one does not count). */
export function useColor(io: CliIo): boolean {
  return Boolean(io.stdout.isTTY) && io.noColor !== true && !io.env['NO_COLOR'];
}
