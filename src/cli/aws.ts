// The AWS port for CLI commands: the SDK adapter configured from the environment,
// unless the caller (a test, the demo) supplies one.

import { createSdkPort } from '../aws/sdk/create-sdk-port.js';
import type { AwsPort } from '../aws/port.js';
import { awsTimeoutsFrom } from '../aws/timeouts.js';
import { rateScaleFrom } from '../aws/rate-scale.js';
import type { CliIo } from './io.js';


export interface CliPort {
  readonly port: AwsPort;
  /** Releases sockets so the process can exit promptly. */
  close(): void;
}

export function openAwsPort(io: CliIo): CliPort {
  if (io.awsPort) return { port: io.awsPort, close: () => undefined };
  const port = createSdkPort({
    rateScale: rateScaleFrom(io.env),
    timeouts: awsTimeoutsFrom(io.env),
    ...(io.awsProfile !== undefined ? { profile: io.awsProfile } : {}),
  });
  return { port, close: () => port.destroy() };
}
