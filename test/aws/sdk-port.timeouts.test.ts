// The SDK adapter against an endpoint that accepts connections and never answers (a blackholed proxy,
// a stuck VPC endpoint): every attempt ends at the request timeout, is retried like any transient
// failure, and the final error names the operation, the endpoint and the timeout, in our words only.

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import { createSdkPort, type SdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { startSilentEndpoint, type SilentEndpoint } from '../support/silent-endpoint.js';

const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
let endpoint: SilentEndpoint;
const ports: SdkPort[] = [];

beforeAll(async () => {
  endpoint = await startSilentEndpoint();
});
afterAll(() => endpoint.close());
afterEach(() => {
  ports.splice(0).forEach((p) => p.destroy());
  vi.restoreAllMocks();
});

function port(maxAttempts?: number): SdkPort {
  const p = createSdkPort({
    endpoint: endpoint.url,
    credentials: CREDENTIALS,
    sleep: async () => {},
    timeouts: { connectMs: 1_000, requestMs: 200 },
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
  });
  ports.push(p);
  return p;
}

async function failure(promise: Promise<unknown>): Promise<AwsCallError> {
  const error = await promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AwsCallError);
  return error as AwsCallError;
}

describe('a silent endpoint', () => {
  it('ends each attempt at the request timeout and retries it like a transient failure, one connection per attempt', async () => {
    const before = endpoint.connections();
    const p = port();
    const error = await failure(p.listRoots());
    expect(error.kind).toBe('transient');
    expect(p.stats()).toEqual({ calls: { ListRoots: 6 }, throttled: {}, retried: { ListRoots: 5 } });
    expect(endpoint.connections() - before).toBe(6);
  });

  it('gives up with one line naming the operation, the endpoint and the timeout, and no SDK text', async () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const failed = await failure(port(2).describeBudgets('123456789012'));
    const line = failed.describe();
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^DescribeBudgets failed: /);
    expect(line).toContain(endpoint.url);
    expect(line).toContain('200 ms');
    expect(line).toContain('ORGCTL_REQUEST_TIMEOUT_MS');
    expect(line).toContain('gave up after 2 attempts');
    expect(line).not.toMatch(/@smithy|\[WARN\]|\[ERROR\]|throwOnRequestTimeout/);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('STS (the query protocol) times out the same way', async () => {
    const failed = await failure(port(1).getCallerAccountId());
    expect(failed.describe()).toMatch(new RegExp(`^GetCallerIdentity failed: \\w+: .*${endpoint.url.replace(/[.:/]/g, '\\$&')}.*200 ms`));
  });
});
