// A CLI command: parses its own arguments, returns the exit code.

import type { CliIo } from './io.js';

export interface Command {
  readonly name: string;
  /** One line for `orgctl --help`. */
  readonly summary: string;
  /** Full usage for `orgctl <command> --help`. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
