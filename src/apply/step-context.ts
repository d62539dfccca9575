// What a step's executor gets: the port, the IDs known so far, and the management account.

import type { AwsPort } from '../aws/port.js';
import type { IdRegistry } from './id-registry.js';

export interface StepContext {
  readonly port: AwsPort;
  readonly ids: IdRegistry;
  readonly managementAccountId: string;
  /** Waits between polls of asynchronous work (account creation); default: a timer. Tests pass a fake. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A step could not start because something it needs is missing (not an AWS error). */
export class StepPreconditionError extends Error {
  override readonly name = 'StepPreconditionError';
}
