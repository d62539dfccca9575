// The AWS port for CLI commands: the SDK adapter configured from the environment,
// unless the caller (a test, the demo) supplies one.

import { createSdkPort } from '../aws/sdk/create-sdk-port.js';
import type { AwsPort } from '../aws/port.js';
import { awsTimeoutsFrom } from '../aws/timeouts.js';
import { UserError } from '../model/errors.js';
import type { CliIo } from './io.js';

/** ORGCTL_RATE_SCALE multiplies AWS's published rates (accounts with raised limits, time-scaled emulators). */
export function rateScaleFrom(env: CliIo['env']): number {
  const raw = env['ORGCTL_RATE_SCALE'];
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new UserError(`ORGCTL_RATE_SCALE must be a number above 0 (got "${raw}").`);
  return scale;
}

export interface CliPort {
  readonly port: AwsPort;
  /** Releases sockets so the process can exit promptly. */
  close(): void;
}

export function openAwsPort(io: CliIo): CliPort {
  if (io.awsPort) return { port: io.awsPort, close: () => undefined };
  const port = createSdkPort({ rateScale: rateScaleFrom(io.env), timeouts: awsTimeoutsFrom(io.env) });
  return { port, close: () => port.destroy() };
}
