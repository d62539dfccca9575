// `orgctl plan` as a real process against endpoints that misbehave: one that accepts connections and
// never answers, and one that answers with a proxy's HTML page. Either way the process ends, exits 1,
// and prints one line of ours, with no SDK warning or internals.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnv, spawnOrgctl, workspace } from '../workflow/support/cli-harness.js';
import { crashDesired } from '../workflow/support/crash-scenario.js';
import { orgYamlOf } from '../workflow/support/org-yaml.js';
import { startSilentEndpoint, type SilentEndpoint } from '../support/silent-endpoint.js';

const SDK_TEXT = /@smithy|\[WARN\]|\[ERROR\]|Deserialization error|\$response|\\n|throwOnRequestTimeout/;

describe('orgctl plan against a misbehaving endpoint (real process)', () => {
  const ws = workspace({ 'org.yaml': orgYamlOf(crashDesired()) });
  let silent: SilentEndpoint;
  let htmlServer: Server;
  let htmlUrl: string;
  let htmlRequests = 0;

  beforeAll(async () => {
    silent = await startSilentEndpoint();
    htmlServer = createServer((req, res) => {
      htmlRequests += 1;
      req.resume();
      req.on('end', () => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>nothing here</body></html>\n');
      });
    });
    await new Promise<void>((resolve) => htmlServer.listen(0, '127.0.0.1', resolve));
    htmlUrl = `http://127.0.0.1:${(htmlServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await silent.close();
    htmlServer.closeAllConnections();
    await new Promise((resolve) => htmlServer.close(resolve));
    ws.remove();
  });

  it('an endpoint that never answers: retried, then exit 1 with one line naming the operation, the endpoint and the timeout', async () => {
    const env = { ...emulatorEnv(silent.url), ORGCTL_CONNECT_TIMEOUT_MS: '1000', ORGCTL_REQUEST_TIMEOUT_MS: '300' };
    const run = await spawnOrgctl(['plan'], { cwd: ws.dir, env });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(SDK_TEXT);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Error: GetCallerIdentity failed: /);
    expect(lines[0]).toContain(silent.url);
    expect(lines[0]).toContain('300 ms');
    expect(lines[0]).toContain('gave up after 6 attempts');
    expect(silent.connections()).toBeGreaterThanOrEqual(6);
  });

  it('a timeout variable that is not a positive whole number is refused before any call', async () => {
    const before = silent.connections();
    const run = await spawnOrgctl(['plan'], { cwd: ws.dir, env: { ...emulatorEnv(silent.url), ORGCTL_REQUEST_TIMEOUT_MS: '5s' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Error: ORGCTL_REQUEST_TIMEOUT_MS must be a whole number of milliseconds above 0 (got "5s").\n');
    expect(silent.connections()).toBe(before);
  });

  it('an HTML page instead of AWS: not retried, exit 1 with the operation, the HTTP status and the first line of the page', async () => {
    htmlRequests = 0;
    const run = await spawnOrgctl(['plan'], { cwd: ws.dir, env: emulatorEnv(htmlUrl) });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(SDK_TEXT);
    expect(run.stderr).toMatch(/^Error: GetCallerIdentity failed: HTTP 404: .*<!DOCTYPE html>.*\n$/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(htmlRequests).toBe(1);
  });
});
