// One-liners for suites that test against our emulator: start it on a free port, get SDK client config
// and CLI environment for the default account or for any other account ("wrong credentials").
//
//   const emulator = await startTestEmulator({ snapshot });
//   const org = new OrganizationsClient(emulator.clientConfig);
//   spawn(process.execPath, ['build/cli.js', 'plan'], { env: { ...process.env, ...emulator.env } });
//   new OrganizationsClient(emulator.clientConfigAs('210987654321')); // acts as a member or outsider
//
// Or, inside a describe block: `const emulator = useEmulator(options);` then `emulator()` in tests
// (started before all, reset before each, stopped after all).
//
// Pages are realistic by default (REALISTIC_PAGES): Organizations List* calls sometimes answer an empty
// page with a NextToken, and sometimes end with a NextToken that leads to one more, empty, page, as AWS
// documents they may. Seeded by the emulator's seed, so a run repeats. A test that counts calls adds
// exactly the extra pages the emulator served (`extraPagesByOperation(emulator.extraPages())`); only a
// test about page counts themselves passes FULL_PAGES, and says so.

import { afterAll, beforeAll, beforeEach } from 'vitest';
import { accessKeyIdFor, startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';

/** How often the tests' emulator sends AWS's empty pages and trailing NextTokens (probabilities). */
export const REALISTIC_PAGES = { emptyPages: 0.15, trailingTokens: 0.15 } as const;
/** Every page full and no trailing NextToken: only for tests about exact page counts. */
export const FULL_PAGES = { emptyPages: 0, trailingTokens: 0 } as const;

/** The emulator options tests use: `options` over realistic pages. */
export function testEmulatorOptions(options: EmulatorOptions = {}): EmulatorOptions {
  return { port: 0, ...REALISTIC_PAGES, ...options };
}

/**
 * The emulator's extra-page counts ("organizations:ListAccountsForParent") by bare operation name, as
 * orgctl's port statistics and call bounds name them.
 */
export function extraPagesByOperation(extraPages: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(extraPages)) {
    const operation = key.slice(key.indexOf(':') + 1);
    out[operation] = (out[operation] ?? 0) + n;
  }
  return out;
}

export interface SdkClientConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export interface TestEmulator extends Emulator {
  /** For `new OrganizationsClient(...)`, `new BudgetsClient(...)`, `new STSClient(...)`: acts as the default account. */
  readonly clientConfig: SdkClientConfig;
  /** Environment for spawning the CLI against the emulator (merge over process.env). */
  readonly env: Readonly<Record<string, string>>;
  /** Client config whose credentials act as `accountId`. */
  clientConfigAs(accountId: string): SdkClientConfig;
  /** CLI environment whose credentials act as `accountId`. */
  envAs(accountId: string): Readonly<Record<string, string>>;
}

/** An access key that names no account, so the emulator's default account answers. */
export const DEFAULT_TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

export function credentialsFor(accountId: string): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: accessKeyIdFor(accountId), secretAccessKey: 'test' };
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator(testEmulatorOptions(options));
  const config = (credentials: SdkClientConfig['credentials']): SdkClientConfig => ({ endpoint: emulator.url, region: 'us-east-1', credentials });
  const env = (credentials: SdkClientConfig['credentials']): Record<string, string> => ({
    AWS_ENDPOINT_URL: emulator.url,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
  });
  return {
    url: emulator.url,
    port: emulator.port,
    get accountId() {
      return emulator.accountId;
    },
    stop: () => emulator.stop(),
    reset: () => emulator.reset(),
    seed: (snapshot) => emulator.seed(snapshot),
    snapshot: () => emulator.snapshot(),
    counters: () => emulator.counters(),
    extraPages: () => emulator.extraPages(),
    requestLog: (since) => emulator.requestLog(since),
    clearStats: () => emulator.clearStats(),
    setFaults: (faults) => emulator.setFaults(faults),
    injectFault: (target, fault, count) => emulator.injectFault(target, fault, count),
    setRateLimits: (limits) => emulator.setRateLimits(limits),
    saveSnapshot: (file) => emulator.saveSnapshot(file),
    clientConfig: config(DEFAULT_TEST_CREDENTIALS),
    env: env(DEFAULT_TEST_CREDENTIALS),
    clientConfigAs: (accountId) => config(credentialsFor(accountId)),
    envAs: (accountId) => env(credentialsFor(accountId)),
  };
}

/** Starts one emulator for the enclosing describe block, resets it before each test, stops it after. */
export function useEmulator(options: EmulatorOptions = {}): () => TestEmulator {
  let emulator: TestEmulator | undefined;
  beforeAll(async () => {
    emulator = await startTestEmulator(options);
  });
  beforeEach(() => emulator?.reset());
  afterAll(async () => {
    await emulator?.stop();
  });
  return () => {
    if (!emulator) throw new Error('useEmulator(): the emulator is only available inside tests.');
    return emulator;
  };
}
