// Starts moto_server (an independent AWS emulator) for the moto cross-check suites. moto is required:
// without moto_server on PATH those suites FAIL with MOTO_MISSING_MESSAGE, they do not skip. Only on a
// laptop, ORGCTL_SKIP_MOTO=1 skips them, loudly; with CI set the opt-out is refused.
// Suites use `describeWithMoto` (or `itWithMoto`) and either `useMoto` (moto started once, reset and a
// fresh SDK port before each test, the suite's own seeding clients) or `startMoto` directly.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { createSdkPort, type SdkPort, type SdkPortOptions } from '../../src/aws/sdk/create-sdk-port.js';
import type { SdkClientConfig } from './emulator.js';

/** The pinned requirement, from the file CI installs it with. */
export const MOTO_REQUIREMENTS_FILE = '.ci/moto-requirements.txt';
export const MOTO_REQUIREMENT =
  readFileSync(new URL(`../../${MOTO_REQUIREMENTS_FILE}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('moto')) ?? 'moto[server]';

export const MOTO_OPT_OUT_VARIABLE = 'ORGCTL_SKIP_MOTO';

export const MOTO_AVAILABLE = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).status === 0;

const inCi = (process.env['CI'] ?? '') !== '' && process.env['CI'] !== 'false';
const optedOut = process.env[MOTO_OPT_OUT_VARIABLE] === '1';

/** Skipped only on a laptop that asked for it; CI always runs the cross-check. */
export const MOTO_SKIPPED = optedOut && !inCi;

export const MOTO_MISSING_MESSAGE = [
  'moto_server is not on PATH, and the moto cross-check is required.',
  `Install it: pip install '${MOTO_REQUIREMENT}' (or pip install -r ${MOTO_REQUIREMENTS_FILE}).`,
  optedOut && inCi
    ? `${MOTO_OPT_OUT_VARIABLE}=1 is set, but CI is set too: CI never skips the moto suites.`
    : `Only on a laptop without moto: ${MOTO_OPT_OUT_VARIABLE}=1 skips the moto suites (CI never does).`,
].join('\n');

if (MOTO_SKIPPED) {
  process.stderr.write(`\n[moto] ${MOTO_OPT_OUT_VARIABLE}=1: the moto cross-check suites are SKIPPED. CI runs them.\n\n`);
}

const SKIP_NOTE = ` [SKIPPED: ${MOTO_OPT_OUT_VARIABLE}=1]`;

/** A describe block that needs moto: runs (and fails without moto), or skips only under the opt-out. */
export function describeWithMoto(name: string, body: () => void): void {
  if (MOTO_SKIPPED) describe.skip(`${name}${SKIP_NOTE}`, body);
  else describe(name, body);
}

/** A single test that needs moto, inside a block that does not. */
export function itWithMoto(name: string, body: () => Promise<void>): void {
  if (MOTO_SKIPPED) it.skip(`${name}${SKIP_NOTE}`, body);
  else it(name, body);
}

export interface MotoServer {
  readonly url: string;
  /** Clears every service's state (POST /moto-api/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts moto_server on a free port (`env`: settings for its environment, e.g. MOTO_IAM_LOAD_MANAGED_POLICIES); without moto_server on PATH, fails with MOTO_MISSING_MESSAGE. */
export async function startMoto(env: Readonly<Record<string, string>> = {}): Promise<MotoServer> {
  if (!MOTO_AVAILABLE) throw new Error(MOTO_MISSING_MESSAGE);
  const port = await freePort();
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', env: { ...process.env, ...env } });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/moto-api/reset`, { method: 'POST', signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not start on port ${port} within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async reset() {
      await fetch(`${url}/moto-api/reset`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The account moto answers as, whatever the credentials (its default). */
export const MOTO_ACCOUNT = '123456789012';
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

/** For `new OrganizationsClient(...)` and the other SDK clients a suite seeds moto with. */
export function motoClientConfig(url: string, credentials: SdkClientConfig['credentials'] = MOTO_CREDENTIALS): SdkClientConfig {
  return { endpoint: url, region: 'us-east-1', credentials: { ...credentials } };
}

export interface MotoSession<Clients> {
  /** The running server's URL. */
  readonly url: string;
  /** Clears moto's state mid-test (each test already starts on a reset moto). */
  reset(): Promise<void>;
  /** The SDK port on moto, made fresh before each test (its stats start at zero). */
  readonly port: SdkPort;
  /** The suite's own SDK clients on moto, made once. */
  readonly clients: Clients;
}

export interface MotoSessionOptions<Clients> {
  /** How the port is made (rate scale, retries); endpoint and credentials are moto's. */
  readonly port?: Omit<SdkPortOptions, 'endpoint' | 'credentials'>;
  /** The suite's seeding clients, given moto's client config; each is destroyed after the suite. */
  readonly clients?: (config: SdkClientConfig) => Clients;
}

/**
 * Inside `describeWithMoto`: starts moto before the suite, resets it and makes a fresh port before each
 * test, and closes the port, the clients and moto after the suite. Read the session's fields in tests
 * and hooks, not at collection time.
 */
export function useMoto<Clients extends Record<string, { destroy(): void }> = Record<string, never>>(options: MotoSessionOptions<Clients> = {}): MotoSession<Clients> {
  let moto: MotoServer | undefined;
  let port: SdkPort | undefined;
  let clients: Clients | undefined;
  const started = (): MotoServer => moto ?? expectStarted();
  beforeAll(async () => {
    // As createSdkPort does: no Node-version notice from an SDK client built here first.
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
    moto = await startMoto();
    clients = options.clients?.(motoClientConfig(moto.url));
  });
  afterAll(async () => {
    port?.destroy();
    for (const client of Object.values(clients ?? {})) client.destroy();
    await moto?.stop();
  });
  beforeEach(async () => {
    await started().reset();
    port?.destroy();
    port = createSdkPort({ ...options.port, endpoint: started().url, credentials: MOTO_CREDENTIALS });
  });
  return {
    get url() {
      return started().url;
    },
    reset: () => started().reset(),
    get port() {
      return port ?? expectStarted();
    },
    get clients() {
      return clients ?? ({} as Clients);
    },
  };
}

function expectStarted(): never {
  throw new Error('moto is not started: use the moto session inside tests and hooks of its describeWithMoto block');
}
