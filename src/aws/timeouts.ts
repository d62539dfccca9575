// How long one AWS request may take before orgctl abandons it. A timed-out request is retried like any
// transient failure (src/aws/retry.ts), so an endpoint that accepts connections and never answers ends
// the run with a clear error instead of holding it (and, in the Action, the apply concurrency group).

import { UserError } from '../model/errors.js';

export interface AwsTimeouts {
  /** Establishing the TCP connection. */
  readonly connectMs: number;
  /** From sending the request to the reply's headers; also the longest silence allowed while the body arrives. */
  readonly requestMs: number;
}

/**
 * AWS answers Organizations and Budgets calls in well under a second; 10 s leaves room for a slow
 * network. Worst case with these defaults, for a call to an endpoint that never answers: 6 attempts
 * (DEFAULT_RETRY_POLICY.other) × 10 s + backoffs of at most 0.1 + 0.2 + 0.4 + 0.8 + 1.6 s = 63.1 s
 * (worstCaseGiveUpMs; test/aws/timeouts.test.ts keeps it under two minutes).
 */
export const DEFAULT_AWS_TIMEOUTS: AwsTimeouts = { connectMs: 5_000, requestMs: 10_000 };

export const TIMEOUT_VARIABLES = { connectMs: 'ORGCTL_CONNECT_TIMEOUT_MS', requestMs: 'ORGCTL_REQUEST_TIMEOUT_MS' } as const;

/** ORGCTL_CONNECT_TIMEOUT_MS and ORGCTL_REQUEST_TIMEOUT_MS override the defaults (slow networks, tests). */
export function awsTimeoutsFrom(env: Readonly<Record<string, string | undefined>>): AwsTimeouts {
  const read = (key: keyof AwsTimeouts): number => {
    const name = TIMEOUT_VARIABLES[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return DEFAULT_AWS_TIMEOUTS[key];
    const value = Number(raw);
    if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
      throw new UserError(`${name} must be a whole number of milliseconds above 0 (got "${raw}").`);
    }
    return value;
  };
  return { connectMs: read('connectMs'), requestMs: read('requestMs') };
}
