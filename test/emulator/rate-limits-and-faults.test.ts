// --rate-limits: AWS's token buckets with a time scale; --faults: seeded, reproducible injection of
// throttling, conflicts, 500s, dropped connections and latency; counters and the request log.

import { DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { DescribeOrganizationCommand, ListRootsCommand, CreateOrganizationalUnitCommand, ListOrganizationalUnitsForParentCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { FULL_PAGES, startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, budgets, createOrganization, fakeClock, orgs } from './helpers.js';

async function withEmulator(options: Parameters<typeof startTestEmulator>[0], body: (emulator: TestEmulator) => Promise<void>): Promise<void> {
  const emulator = await startTestEmulator(options);
  try {
    await body(emulator);
  } finally {
    await emulator.stop();
  }
}

/** Outcome names of `n` calls, e.g. ["ok", "TooManyRequestsException", ...]. */
async function outcomes(n: number, call: () => Promise<unknown>): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    try {
      await call();
      out.push('ok');
    } catch (error) {
      out.push((error as Error).name);
    }
  }
  return out;
}

describe('rate limits', () => {
  it('ListRoots (1/s, burst 2): two calls pass, the third is TooManyRequestsException 429; a second later one more passes', async () => {
    const clock = fakeClock();
    await withEmulator({ now: clock.now, rateLimits: { scale: 1 } }, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      await createOrganization(client); // CreateOrganization and one ListRoots
      clock.advance(10_000);
      expect(await outcomes(3, () => client.send(new ListRootsCommand({})))).toEqual(['ok', 'ok', 'TooManyRequestsException']);
      expect(await awsError(client.send(new ListRootsCommand({})))).toMatchObject({ name: 'TooManyRequestsException', status: 429 });
      clock.advance(1000);
      expect(await outcomes(2, () => client.send(new ListRootsCommand({})))).toEqual(['ok', 'TooManyRequestsException']);
      const throttled = emulator.requestLog().filter((e) => e.fault === 'rate-limit');
      expect(throttled.length).toBe(3);
    });
  });

  it('scale 10 refills ten times faster: 100 ms of emulator time is AWS’s one second', async () => {
    const clock = fakeClock();
    await withEmulator({ now: clock.now, rateLimits: { scale: 10 } }, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      const rootId = await createOrganization(client);
      let n = 0;
      const createOu = () => client.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: `ou-${++n}` }));
      // CreateOrganizationalUnit: 1/s, burst 2.
      expect(await outcomes(3, createOu)).toEqual(['ok', 'ok', 'TooManyRequestsException']);
      clock.advance(100);
      expect(await outcomes(2, createOu)).toEqual(['ok', 'TooManyRequestsException']);
    });
  });

  it('buckets are per operation and per caller account; Budgets throttles with ThrottlingException (400)', async () => {
    const clock = fakeClock();
    await withEmulator({ now: clock.now, rateLimits: { scale: 1 } }, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      const rootId = await createOrganization(client);
      clock.advance(10_000);
      await outcomes(3, () => client.send(new ListRootsCommand({})));
      // Another operation still has its own burst (ListOrganizationalUnitsForParent: 5/s, burst 8).
      expect(await outcomes(8, () => client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: rootId })))).not.toContain('TooManyRequestsException');
      const b = budgets(emulator.clientConfig);
      const results = await outcomes(25, () => b.send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT })));
      expect(results.filter((r) => r === 'ok')).toHaveLength(20); // the assumed 10/s, burst 20
      expect(await awsError(b.send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT })))).toMatchObject({ name: 'ThrottlingException', status: 400 });
      const other = orgs(emulator.clientConfigAs('555555555555'));
      expect((await awsError(other.send(new DescribeOrganizationCommand({})))).name).toBe('AWSOrganizationsNotInUseException'); // its own bucket
    });
  });

  it('the SDK retries throttled calls by itself (TooManyRequestsException is a throttling error)', async () => {
    await withEmulator({ rateLimits: { scale: 50 } }, async (emulator) => {
      const client = new OrganizationsClient({ ...emulator.clientConfig, maxAttempts: 5 });
      await createOrganization(orgs(emulator.clientConfig));
      const results = await Promise.all(Array.from({ length: 4 }, () => client.send(new ListRootsCommand({}))));
      expect(results).toHaveLength(4);
      expect(emulator.requestLog().some((e) => e.fault === 'rate-limit')).toBe(true);
    });
  });
});

describe('faults', () => {
  const spec = 'seed=42; *: throttle=20%, conflict=10%, error500=10%';

  it('are deterministic: the same seed gives the same faults on the same calls', async () => {
    const runs: string[][] = [];
    for (let run = 0; run < 2; run++) {
      await withEmulator({ faults: spec }, async (emulator) => {
        const client = orgs(emulator.clientConfig);
        runs.push(await outcomes(40, () => client.send(new DescribeOrganizationCommand({}))));
      });
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(new Set(runs[0])).toEqual(new Set(['AWSOrganizationsNotInUseException', 'TooManyRequestsException', 'ConcurrentModificationException', 'ServiceException']));
    await withEmulator({ faults: spec.replace('seed=42', 'seed=43') }, async (emulator) => {
      expect(await outcomes(40, () => orgs(emulator.clientConfig).send(new DescribeOrganizationCommand({})))).not.toEqual(runs[0]);
    });
  });

  it('each fault has AWS’s shape: 429 TooManyRequests, 409 ConcurrentModification, 500 ServiceException; Budgets 500 InternalErrorException', async () => {
    await withEmulator({}, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      emulator.injectFault('DescribeOrganization', 'throttle');
      expect(await awsError(client.send(new DescribeOrganizationCommand({})))).toMatchObject({ name: 'TooManyRequestsException', status: 429 });
      emulator.injectFault('DescribeOrganization', 'conflict');
      expect(await awsError(client.send(new DescribeOrganizationCommand({})))).toMatchObject({ name: 'ConcurrentModificationException', status: 409 });
      emulator.injectFault('organizations.*', 'error500');
      expect(await awsError(client.send(new DescribeOrganizationCommand({})))).toMatchObject({ name: 'ServiceException', status: 500 });
      emulator.injectFault('budgets.*', 'error500');
      expect(await awsError(budgets(emulator.clientConfig).send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT })))).toMatchObject({ name: 'InternalErrorException', status: 500 });
      expect(await awsError(client.send(new DescribeOrganizationCommand({})))).toMatchObject({ name: 'AWSOrganizationsNotInUseException' });
    });
  });

  it('drop closes the connection before the call runs; drop-after runs it, then drops', async () => {
    // Reads single pages with raw SDK commands and checks what each holds: full pages (FULL_PAGES).
    await withEmulator(FULL_PAGES, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      const rootId = await createOrganization(client);
      emulator.injectFault('CreateOrganizationalUnit', 'drop');
      const dropped = await awsError(client.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'A' })));
      expect(dropped.status).toBeUndefined(); // no HTTP answer at all
      expect((await client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: rootId }))).OrganizationalUnits).toEqual([]);
      emulator.injectFault('CreateOrganizationalUnit', 'drop-after');
      await awsError(client.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'A' })));
      expect((await client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: rootId }))).OrganizationalUnits?.map((o) => o.Name)).toEqual(['A']);
      const log = emulator.requestLog().filter((e) => e.operation === 'CreateOrganizationalUnit');
      expect(log.map((e) => [e.status, e.fault])).toEqual([
        [0, 'drop'],
        [0, 'drop-after'],
      ]);
    });
  });

  it('latency delays the answer by at least the injected time', async () => {
    await withEmulator({ faults: 'DescribeOrganization: latency=60ms' }, async (emulator) => {
      await awsError(orgs(emulator.clientConfig).send(new DescribeOrganizationCommand({})));
      expect(emulator.requestLog()[0]?.durationMs).toBeGreaterThanOrEqual(59);
    });
  });

  it('per-operation rules override "*" rules; setFaults replaces the spec at run time', async () => {
    await withEmulator({ faults: '*: throttle=100%; DescribeOrganization: throttle=0' }, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      expect((await awsError(client.send(new DescribeOrganizationCommand({})))).name).toBe('AWSOrganizationsNotInUseException');
      expect((await awsError(client.send(new ListRootsCommand({})))).name).toBe('TooManyRequestsException');
      emulator.setFaults(undefined);
      expect((await awsError(client.send(new ListRootsCommand({})))).name).toBe('AWSOrganizationsNotInUseException');
    });
  });

  it('legacy status codes send 400 for every client error, as Organizations once did', async () => {
    await withEmulator({ statusCodes: 'legacy' }, async (emulator) => {
      emulator.injectFault('*', 'throttle');
      expect(await awsError(orgs(emulator.clientConfig).send(new DescribeOrganizationCommand({})))).toMatchObject({ name: 'TooManyRequestsException', status: 400 });
      expect(await awsError(orgs(emulator.clientConfig).send(new DescribeOrganizationCommand({})))).toMatchObject({ name: 'AWSOrganizationsNotInUseException', status: 400 });
    });
  });
});

describe('counters and the request log', () => {
  it('count every call per operation, including refused ones, and clear on demand', async () => {
    await withEmulator({}, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      await createOrganization(client);
      await client.send(new ListRootsCommand({}));
      await budgets(emulator.clientConfig).send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT }));
      expect(emulator.counters()).toEqual({ 'budgets:DescribeBudgets': 1, 'organizations:CreateOrganization': 1, 'organizations:ListRoots': 2 });
      const log = emulator.requestLog();
      expect(log.map((e) => e.operation)).toEqual(['CreateOrganization', 'ListRoots', 'ListRoots', 'DescribeBudgets']);
      expect(log[3]).toMatchObject({ service: 'budgets', status: 200, callerAccountId: MANAGEMENT, input: { AccountId: MANAGEMENT } });
      expect(emulator.requestLog(2).map((e) => e.seq)).toEqual([3, 4]);
      emulator.clearStats();
      expect(emulator.counters()).toEqual({});
      expect(emulator.requestLog()).toEqual([]);
    });
  });
});
