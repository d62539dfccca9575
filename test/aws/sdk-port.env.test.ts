// Production wiring: endpoints come from the SDK's standard AWS_ENDPOINT_URL* variables (SDK v3
// resolves them per service ID; verified here, so orgctl has no lookup of its own), and
// Organizations/Budgets are signed for us-east-1 whatever AWS_REGION says. Runs in its own file
// because it changes process.env.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { callerIdentityXml, startScriptedAws, type ScriptedAws } from '../support/scripted-aws.js';

const VARS = ['AWS_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_ORGANIZATIONS', 'AWS_ENDPOINT_URL_BUDGETS', 'AWS_ENDPOINT_URL_STS'] as const;
const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
let server: ScriptedAws;

beforeAll(async () => {
  server = await startScriptedAws();
  server.handle((r) => {
    if (r.service === 'sts') return { body: callerIdentityXml('123456789012') };
    if (r.operation === 'DescribeOrganization') return { status: 400, body: { __type: 'AWSOrganizationsNotInUseException', Message: 'not in use' } };
    return { body: { Budgets: [] } };
  });
});
afterAll(() => server.close());
afterEach(() => {
  for (const v of VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
  server.requests.length = 0;
});

async function callAllThree(): Promise<void> {
  const port = createSdkPort({ credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
  try {
    await port.getCallerAccountId();
    await port.describeOrganization();
    await port.describeBudgets('123456789012');
  } finally {
    port.destroy();
  }
}

describe('endpoints and signing regions from the environment', () => {
  it('honours the per-service endpoint variables and signs Organizations and Budgets for us-east-1 under AWS_REGION=eu-west-1', async () => {
    process.env['AWS_REGION'] = 'eu-west-1';
    process.env['AWS_ENDPOINT_URL_ORGANIZATIONS'] = `${server.url}/org`;
    process.env['AWS_ENDPOINT_URL_BUDGETS'] = `${server.url}/budgets`;
    process.env['AWS_ENDPOINT_URL'] = `${server.url}/generic`;
    await callAllThree();
    const seen = server.requests.map((r) => ({ operation: r.operation, path: r.path, ...server.scopeOf(r) }));
    expect(seen).toEqual([
      { operation: 'GetCallerIdentity', path: '/generic/', region: 'eu-west-1', service: 'sts' },
      { operation: 'DescribeOrganization', path: '/org/', region: 'us-east-1', service: 'organizations' },
      { operation: 'DescribeBudgets', path: '/budgets/', region: 'us-east-1', service: 'budgets' },
    ]);
  });

  it('AWS_ENDPOINT_URL alone routes every service; STS falls back to us-east-1 without AWS_REGION', async () => {
    delete process.env['AWS_REGION'];
    process.env['AWS_ENDPOINT_URL'] = server.url;
    await callAllThree();
    expect(server.requests.map((r) => [r.path, server.scopeOf(r).region])).toEqual([
      ['/', 'us-east-1'],
      ['/', 'us-east-1'],
      ['/', 'us-east-1'],
    ]);
  });

  it('AWS_ENDPOINT_URL_STS wins over AWS_ENDPOINT_URL for STS', async () => {
    process.env['AWS_REGION'] = 'ap-southeast-2';
    process.env['AWS_ENDPOINT_URL'] = `${server.url}/generic`;
    process.env['AWS_ENDPOINT_URL_STS'] = `${server.url}/sts`;
    await callAllThree();
    expect(server.requests.map((r) => [r.operation, r.path, server.scopeOf(r).region])).toEqual([
      ['GetCallerIdentity', '/sts/', 'ap-southeast-2'],
      ['DescribeOrganization', '/generic/', 'us-east-1'],
      ['DescribeBudgets', '/generic/', 'us-east-1'],
    ]);
  });
});
