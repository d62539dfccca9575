// `command: plan` (the committed dist/index.js) against AWS endpoints that misbehave: one that never
// answers and one that answers with an HTML page. The job fails with the same one-line message the CLI
// prints, the PR comment carries it (escaped), and no SDK warning or internals reach the log.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSilentEndpoint, type SilentEndpoint } from '../support/silent-endpoint.js';
import { pullRequestEvent } from './support/events.js';
import { markedComments, orgYaml, sha, useActionWorld } from './support/world.js';

const MARKER = '<!-- orgctl:plan -->';
const PLAN_INPUTS = { command: 'plan', file: 'org.yaml', 'github-token': 'ghs_test', comment: 'true', 'fail-on-drift': 'false' };
const SDK_TEXT = /@smithy|\[WARN\]|Deserialization error|\$response|throwOnRequestTimeout/;

describe('the Action against a misbehaving AWS endpoint', () => {
  const world = useActionWorld();
  let silent: SilentEndpoint;
  let html: Server;
  let htmlUrl: string;

  beforeAll(async () => {
    silent = await startSilentEndpoint();
    html = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(403, { 'content-type': 'text/html' });
        res.end('<html><body><a href="https://evil.example">@admin click</a></body></html>\n');
      });
    });
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await silent.close();
    html.closeAllConnections();
    await new Promise((resolve) => html.close(resolve));
  });

  const planAgainst = (number: number, extraEnv: Record<string, string>) => {
    world.github().addPullRequest({ number, headSha: sha('a') });
    return world.run({
      eventName: 'pull_request',
      event: pullRequestEvent({ number, headSha: sha('a') }),
      inputs: PLAN_INPUTS,
      orgYaml: orgYaml(),
      sha: sha('9'),
      ref: `refs/pull/${number}/merge`,
      extraEnv,
    });
  };

  it('an endpoint that never answers: the job fails with the operation, the endpoint and the timeout', async () => {
    const run = await planAgainst(21, { AWS_ENDPOINT_URL: silent.url, ORGCTL_CONNECT_TIMEOUT_MS: '1000', ORGCTL_REQUEST_TIMEOUT_MS: '300' });
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(SDK_TEXT);
    const errors = run.annotations.filter((a) => a.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::GetCallerIdentity failed: RequestTimeout: no reply from http:\/\/127\.0\.0\.1:\d+ within 300 ms \(ORGCTL_REQUEST_TIMEOUT_MS\) \(gave up after 6 attempts\)$/);
    const [comment] = markedComments(world.github(), 21, MARKER);
    expect(comment).toContain('orgctl plan: failed');
    expect(comment).toContain('ORGCTL\\_REQUEST\\_TIMEOUT\\_MS');
  });

  it('an HTML page: the job fails once, naming the status and the first line, which the comment escapes', async () => {
    const run = await planAgainst(22, { AWS_ENDPOINT_URL: htmlUrl });
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(SDK_TEXT);
    expect(run.annotations.filter((a) => a.startsWith('::error'))[0]).toMatch(/^::error::GetCallerIdentity failed: HTTP 403: not an AWS reply, from http:\/\/127\.0\.0\.1:\d+; its first line: <html>/);
    const [comment] = markedComments(world.github(), 22, MARKER);
    expect(comment).toContain('HTTP 403');
    expect(comment).not.toContain('<html>');
    expect(comment).not.toContain('<a href');
    expect(comment).not.toMatch(/@admin/);
  });
});
