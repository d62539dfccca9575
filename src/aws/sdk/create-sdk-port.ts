// The production AwsPort: one adapter per service (organizations.ts, budgets.ts, account.ts, iam.ts,
// sso-admin.ts, sts.ts) over AWS SDK v3 clients, composed here. Every call goes through one call
// runner (per-operation pacing → attempt counted → send → classify → retry), and every List or
// Describe follows NextToken to the end with the largest page size AWS allows (paginate.ts).

import { CallStatsRecorder } from '../call-stats.js';
import { createCallRunner } from '../call-runner.js';
import { Pacer, SYSTEM_CLOCK } from '../pacer.js';
import type { AwsPort, CallStats } from '../port.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry.js';
import type { AwsTimeouts } from '../timeouts.js';
import { accessAnalyzerAdapter } from './access-analyzer.js';
import { accountAdapter } from './account.js';
import { createAdapterContext } from './adapter-context.js';
import { budgetsAdapter } from './budgets.js';
import { createClients, type StaticCredentials } from './clients.js';
import { iamAdapter } from './iam.js';
import { organizationsAdapter } from './organizations.js';
import { ssoAdminAdapter } from './sso-admin.js';
import { identityStoreAdapter } from './identity-store.js';
import { stsAdapter } from './sts.js';

export interface SdkPortOptions {
  /** Multiplies every published rate and burst (benchmarks against a time-scaled emulator). Default 1. */
  readonly rateScale?: number;
  /** Caps attempts per call for every retryable kind (1 turns retries off). Default: DEFAULT_RETRY_POLICY. */
  readonly maxAttempts?: number;
  /** Full control over backoff; maxAttempts, when given, overrides its attempt counts. */
  readonly retryPolicy?: RetryPolicy;
  /** Injected time and randomness (tests). Milliseconds. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Tests: one endpoint for Organizations, Budgets and STS. Production: the SDK's AWS_ENDPOINT_URL* variables. */
  readonly endpoint?: string;
  /** Tests: static credentials. Production: the SDK's default chain (AWS_PROFILE, env, SSO, role...). */
  readonly credentials?: StaticCredentials;
  /** STS region; default AWS_REGION, else us-east-1. Organizations and Budgets always use us-east-1. */
  readonly stsRegion?: string;
  /** Connect and request timeouts of every request. Default: DEFAULT_AWS_TIMEOUTS; the shells read ORGCTL_*_TIMEOUT_MS. */
  readonly timeouts?: AwsTimeouts;
  /** Production: a named profile (the CLI's --profile) instead of AWS_PROFILE. */
  readonly profile?: string;
}

export type SdkPort = AwsPort & {
  /** Calls made since creation or the last resetStats(), retries included. */
  stats(): CallStats;
  resetStats(): void;
  /** Closes the clients' sockets. */
  destroy(): void;
};

export function createSdkPort(options: SdkPortOptions = {}): SdkPort {
  const clients = createClients({
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    ...(options.stsRegion !== undefined ? { stsRegion: options.stsRegion } : {}),
    ...(options.timeouts !== undefined ? { timeouts: options.timeouts } : {}),
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
  });
  const recorder = new CallStatsRecorder();
  const clock = { now: options.now ?? SYSTEM_CLOCK.now, sleep: options.sleep ?? SYSTEM_CLOCK.sleep };
  const run = createCallRunner({
    stats: recorder,
    pacer: new Pacer({ clock, scale: options.rateScale ?? 1 }),
    sleep: clock.sleep,
    random: options.random ?? Math.random,
    retryPolicy: policyFrom(options),
  });
  const context = createAdapterContext(clients, run);
  const port: AwsPort = {
    ...organizationsAdapter(context),
    ...budgetsAdapter(context),
    ...accountAdapter(context),
    ...iamAdapter(context),
    ...ssoAdminAdapter(context),
    ...stsAdapter(context),
    ...accessAnalyzerAdapter(context),
    ...identityStoreAdapter(context),
  };
  return {
    ...port,
    stats: () => recorder.snapshot(),
    resetStats: () => recorder.reset(),
    destroy: () => clients.destroy(),
  };
}

function policyFrom(options: SdkPortOptions): RetryPolicy {
  const base = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const max = options.maxAttempts;
  if (max === undefined) return base;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxAttempts must be a whole number ≥ 1, got ${max}`);
  return { throttled: { ...base.throttled, maxAttempts: max }, other: { ...base.other, maxAttempts: Math.min(base.other.maxAttempts, max) } };
}
