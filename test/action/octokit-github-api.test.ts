// The Octokit adapter against the fake GitHub and a server that never answers: who the token writes as
// (GET /user, per token kind), and a request timeout that ends in a message saying what happened.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOctokitGitHubApi } from '../../src/action/octokit-github-api.js';
import { UserError } from '../../src/model/errors.js';
import { OWNER, REPO } from './support/events.js';
import { startFakeGitHub, type FakeGitHub } from './support/fake-github.js';

const REPOSITORY = { owner: OWNER, repo: REPO };

describe('createOctokitGitHubApi', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0)) await close();
  });

  async function fakeGitHub(): Promise<FakeGitHub> {
    const github = await startFakeGitHub(REPOSITORY, { tokens: { ghp_user: { kind: 'user', login: 'Org-Automation' }, ghs_app: { kind: 'app', slug: 'acme-orgctl' } } });
    cleanup.push(() => github.close());
    return github;
  }

  it('names the user of a personal token, and nobody (403) for an installation token', async () => {
    const github = await fakeGitHub();
    const api = (token: string) => createOctokitGitHubApi(token, REPOSITORY, { baseUrl: github.url });
    expect(await api('ghp_user').getTokenUser()).toEqual({ login: 'Org-Automation', type: 'User' });
    expect(await api('ghs_default').getTokenUser()).toBeUndefined();
    expect(await api('ghs_app').getTokenUser()).toBeUndefined();
  });

  it('reports any other answer to GET /user as what GitHub answered', async () => {
    const github = await fakeGitHub();
    github.failRequests('GET', /^\/user$/, 401, 'Bad credentials');
    const failure = await createOctokitGitHubApi('ghp_user', REPOSITORY, { baseUrl: github.url }).getTokenUser().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as Error).message).toBe(
      'GitHub answered HTTP 401 (Bad credentials - https://docs.github.com/rest) while asking which account the github-token acts as (GET /user). The github-token input is not a valid token.',
    );
  });

  it('gives up on a request GitHub does not answer, and says so', async () => {
    const silent: Server = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          silent.closeAllConnections();
          silent.close(() => resolve());
        }),
    );
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const api = createOctokitGitHubApi('ghs_x', REPOSITORY, { baseUrl: url, timeoutMs: 200 });
    const failure = await api.listIssueComments(7).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as Error).message).toBe(`could not reach ${url} while listing the comments of #7: no answer within 0.2 s. Check that the runner can reach GitHub's API, then re-run the job.`);
  });
});
