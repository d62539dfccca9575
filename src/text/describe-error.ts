// Turns a thrown error into what a user sees: the message (and details) of a known failure, never a
// stack trace; anything unknown is a bug, whose stack goes to a debug log only. The one such helper for
// the CLI, the Action, apply's step results and the workflow (an AWS call failure describes itself).

import { UserError } from '../model/errors.js';

export interface DescribedError {
  readonly message: string;
  /** Not a UserError or a described AWS call failure: a bug in orgctl. */
  readonly unexpected: boolean;
  readonly stack?: string;
}

export function describeError(error: unknown): DescribedError {
  if (error instanceof UserError) {
    return { message: [error.message, ...error.details.map((d) => `  ${d}`)].join('\n'), unexpected: false };
  }
  if (error instanceof Error && 'describe' in error && typeof error.describe === 'function') {
    return { message: String(error.describe()), unexpected: false };
  }
  if (error instanceof Error) return { message: error.message, unexpected: true, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error), unexpected: true };
}
