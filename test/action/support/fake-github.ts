// A small GitHub REST API on 127.0.0.1 for running the bundled Action end to end: it keeps issues,
// pull requests and comments in memory, answers the calls the Action makes the way api.github.com does
// (status codes, `Link` pagination with per_page/page, 422 for a body over 65,536 characters,
// 401 without a token), and records every request. Each token writes as its own identity, and GET /user
// answers for it as GitHub does (see FakeToken); comments and issues carry their author in `user`.
//
//   const gh = await startFakeGitHub({ owner: 'acme', repo: 'org' });
//   gh.addPullRequest({ number: 7, headSha: 'abc…' });
//   spawn node dist/index.js with GITHUB_API_URL=gh.url
//   gh.commentsOn(7), gh.requests, gh.issues()

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GITHUB_BODY_LIMIT = 65_536;

export interface RecordedGitHubRequest {
  readonly method: string;
  /** Path without the query, e.g. "/repos/acme/org/issues/7/comments". */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: Record<string, unknown> | undefined;
  readonly authorization: string | undefined;
}

export interface FakeUser {
  readonly login: string;
  readonly type: 'User' | 'Bot';
}

/**
 * What a token is, and so whom GitHub writes as and what GET /user answers:
 * - `actions`: GITHUB_TOKEN. Writes as github-actions[bot]; GET /user is 403.
 * - `app`: a GitHub App's installation token. Writes as `<slug>[bot]`; GET /user is 403.
 * - `user`: a personal access token. Writes as the user; GET /user returns the user.
 */
export type FakeToken = { readonly kind: 'actions' } | { readonly kind: 'app'; readonly slug: string } | { readonly kind: 'user'; readonly login: string };

export const GITHUB_ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' };

export interface FakeComment {
  readonly id: number;
  body: string;
  readonly user: FakeUser;
}

export interface FakeIssue {
  readonly number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  readonly user: FakeUser;
  /** Pull requests are issues too (as in GitHub's issues API). */
  readonly pullRequest?: { readonly headSha: string; mergeCommitSha: string | null; mergedAt: string | null; files: string[] };
  readonly comments: FakeComment[];
}

export interface FakeGitHub {
  readonly url: string;
  readonly requests: RecordedGitHubRequest[];
  /** `files`: the paths the pull request changes (GET …/pulls/{n}/files); by default org.yaml. */
  addPullRequest(pr: { number: number; headSha: string; mergeCommitSha?: string; merged?: boolean; files?: string[] }): FakeIssue;
  /** Merges an open pull request as `mergeCommitSha` (GitHub closes it and records the merge). */
  mergePullRequest(number: number, mergeCommitSha: string): void;
  addIssue(issue: { title: string; body: string; labels?: string[]; state?: 'open' | 'closed'; user?: FakeUser }): FakeIssue;
  /** Adds comments by someone else (by default `reviewer`; to make the comment list span pages). */
  addComments(issueNumber: number, count: number, body?: (i: number) => string, user?: FakeUser): FakeComment[];
  /**
   * From now on, answers requests whose method and path match with `status` and GitHub's error body
   * ({ message, documentation_url, status }), instead of serving them.
   */
  failRequests(method: string, pathPattern: RegExp, status: number, message: string): void;
  issue(number: number): FakeIssue;
  issues(): readonly FakeIssue[];
  /** Requests whose method and path match. */
  requestsTo(method: string, pathPattern: RegExp): RecordedGitHubRequest[];
  close(): Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export interface FakeGitHubOptions {
  /** By token value; a token not listed is GITHUB_TOKEN (`actions`). */
  readonly tokens?: Readonly<Record<string, FakeToken>>;
}

/** Whom GitHub writes as for a token. */
export function writerOf(token: FakeToken): FakeUser {
  if (token.kind === 'user') return { login: token.login, type: 'User' };
  return token.kind === 'app' ? { login: `${token.slug}[bot]`, type: 'Bot' } : GITHUB_ACTIONS_BOT;
}

export async function startFakeGitHub(repository: { owner: string; repo: string }, options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: RecordedGitHubRequest[] = [];
  const failures: { method: string; pattern: RegExp; status: number; message: string }[] = [];
  const issues = new Map<number, FakeIssue>();
  let nextIssueNumber = 1;
  let nextCommentId = 1_000_001;
  let baseUrl = '';
  const repoPath = `/repos/${repository.owner}/${repository.repo}`;

  const issueJson = (i: FakeIssue): Record<string, unknown> => ({
    id: 500_000 + i.number,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.stateReason,
    labels: i.labels.map((name, n) => ({ id: n + 1, name })),
    html_url: `https://github.example/${repository.owner}/${repository.repo}/${i.pullRequest ? 'pull' : 'issues'}/${i.number}`,
    user: userJson(i.user),
    ...(i.pullRequest ? { pull_request: { url: `${baseUrl}${repoPath}/pulls/${i.number}` } } : {}),
  });
  const commentJson = (issueNumber: number, c: FakeComment): Record<string, unknown> => ({
    id: c.id,
    body: c.body,
    user: userJson(c.user),
    issue_url: `${baseUrl}${repoPath}/issues/${issueNumber}`,
    html_url: `https://github.example/${repository.owner}/${repository.repo}/issues/${issueNumber}#issuecomment-${c.id}`,
  });
  const pullJson = (i: FakeIssue): Record<string, unknown> => ({
    number: i.number,
    state: i.pullRequest?.mergedAt ? 'closed' : i.state,
    title: i.title,
    merged_at: i.pullRequest?.mergedAt ?? null,
    merge_commit_sha: i.pullRequest?.mergeCommitSha ?? null,
    head: { sha: i.pullRequest?.headSha },
  });

  const userJson = (u: FakeUser): Record<string, unknown> => ({ login: u.login, id: loginId(u.login), type: u.type, site_admin: false });

  /** A page of `items` with GitHub's Link header. */
  const page = (path: string, query: Record<string, string>, items: readonly unknown[]): Reply => {
    const perPage = Math.min(100, Math.max(1, Number(query['per_page'] ?? 30)));
    const pageNumber = Math.max(1, Number(query['page'] ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number): string => {
      const params = new URLSearchParams({ ...query, per_page: String(perPage), page: String(n) });
      return `${baseUrl}${path}?${params.toString()}`;
    };
    const links: string[] = [];
    if (pageNumber < last) links.push(`<${link(pageNumber + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (pageNumber > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(pageNumber - 1)}>; rel="prev"`);
    return {
      status: 200,
      body: items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  };
  const notFound: Reply = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  const tooLong = (field: string): Reply => ({
    status: 422,
    body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field, message: `${field} is too long (maximum is ${GITHUB_BODY_LIMIT} characters)` }] },
  });

  const integration403: Reply = {
    status: 403,
    body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' },
  };

  function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown> | undefined, token: FakeToken): Reply {
    const failure = failures.find((f) => f.method === method && f.pattern.test(path));
    if (failure) return { status: failure.status, body: { message: failure.message, documentation_url: 'https://docs.github.com/rest', status: String(failure.status) } };
    if (path === '/user' && method === 'GET') return token.kind === 'user' ? { status: 200, body: { ...userJson(writerOf(token)), name: token.login } } : integration403;
    if (!path.startsWith(`${repoPath}/`)) return notFound;
    const rest = path.slice(repoPath.length);
    let m: RegExpMatchArray | null;

    if ((m = rest.match(/^\/issues\/(\d+)\/comments$/))) {
      const issue = issues.get(Number(m[1]));
      if (!issue) return notFound;
      if (method === 'GET') return page(path, query, issue.comments.map((c) => commentJson(issue.number, c)));
      if (method === 'POST') {
        const text = String(body?.['body'] ?? '');
        if (text.length > GITHUB_BODY_LIMIT) return tooLong('body');
        const comment: FakeComment = { id: nextCommentId++, body: text, user: writerOf(token) };
        issue.comments.push(comment);
        return { status: 201, body: commentJson(issue.number, comment) };
      }
    }
    if ((m = rest.match(/^\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
      const id = Number(m[1]);
      for (const issue of issues.values()) {
        const comment = issue.comments.find((c) => c.id === id);
        if (!comment) continue;
        const text = String(body?.['body'] ?? '');
        if (text.length > GITHUB_BODY_LIMIT) return tooLong('body');
        comment.body = text;
        return { status: 200, body: commentJson(issue.number, comment) };
      }
      return notFound;
    }
    if ((m = rest.match(/^\/commits\/([0-9a-f]{40})\/pulls$/)) && method === 'GET') {
      const sha = m[1];
      const pulls = [...issues.values()].filter((i) => i.pullRequest && (i.pullRequest.mergeCommitSha === sha || i.pullRequest.headSha === sha));
      return page(path, query, pulls.map(pullJson));
    }
    if (rest === '/pulls' && method === 'GET') {
      const state = query['state'] ?? 'open';
      const pulls = [...issues.values()].filter((i) => i.pullRequest && (state === 'all' || (i.pullRequest.mergedAt ? 'closed' : i.state) === state));
      return page(path, query, pulls.sort((a, b) => b.number - a.number).map(pullJson));
    }
    if ((m = rest.match(/^\/pulls\/(\d+)\/files$/)) && method === 'GET') {
      const pull = issues.get(Number(m[1]));
      if (!pull?.pullRequest) return notFound;
      return page(path, query, pull.pullRequest.files.map((filename, n) => ({ sha: String(n).padStart(40, '0'), filename, status: 'modified', additions: 1, deletions: 1, changes: 2 })));
    }
    if ((m = rest.match(/^\/issues\/(\d+)\/labels$/))) {
      const issue = issues.get(Number(m[1]));
      if (!issue) return notFound;
      const labelsJson = (): unknown[] => issue.labels.map((name, n) => ({ id: n + 1, name, color: 'ededed', default: false }));
      if (method === 'GET') return page(path, query, labelsJson());
      if (method === 'POST') {
        const wanted = Array.isArray(body?.['labels']) ? (body['labels'] as unknown[]).map(String) : [];
        for (const label of wanted) if (!issue.labels.includes(label)) issue.labels.push(label);
        return { status: 200, body: labelsJson() };
      }
    }
    if ((m = rest.match(/^\/issues\/(\d+)\/labels\/([^/]+)$/)) && method === 'DELETE') {
      const issue = issues.get(Number(m[1]));
      const label = decodeURIComponent(m[2] ?? '');
      if (!issue || !issue.labels.includes(label)) return { status: 404, body: { message: 'Label does not exist', documentation_url: 'https://docs.github.com/rest' } };
      issue.labels = issue.labels.filter((l) => l !== label);
      return { status: 200, body: issue.labels.map((name, n) => ({ id: n + 1, name })) };
    }
    if (rest === '/issues' && method === 'GET') {
      const state = query['state'] ?? 'open';
      const labels = (query['labels'] ?? '').split(',').filter((l) => l !== '');
      const found = [...issues.values()]
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number);
      return page(path, query, found.map(issueJson));
    }
    if (rest === '/issues' && method === 'POST') {
      const text = String(body?.['body'] ?? '');
      if (text.length > GITHUB_BODY_LIMIT) return tooLong('body');
      const rawLabels = Array.isArray(body?.['labels']) ? (body['labels'] as unknown[]) : [];
      const issue = addIssue({ title: String(body?.['title'] ?? ''), body: text, labels: rawLabels.map(String), user: writerOf(token) });
      return { status: 201, body: issueJson(issue) };
    }
    if ((m = rest.match(/^\/issues\/(\d+)$/))) {
      const issue = issues.get(Number(m[1]));
      if (!issue) return notFound;
      if (method === 'GET') return { status: 200, body: issueJson(issue) };
      if (method === 'PATCH') {
        if (typeof body?.['body'] === 'string') {
          if (body['body'].length > GITHUB_BODY_LIMIT) return tooLong('body');
          issue.body = body['body'];
        }
        if (typeof body?.['title'] === 'string') issue.title = body['title'];
        if (body?.['state'] === 'open' || body?.['state'] === 'closed') issue.state = body['state'];
        if (typeof body?.['state_reason'] === 'string') issue.stateReason = body['state_reason'];
        return { status: 200, body: issueJson(issue) };
      }
    }
    return notFound;
  }

  function addIssue(input: { title: string; body: string; labels?: string[]; state?: 'open' | 'closed'; user?: FakeUser }): FakeIssue {
    const issue: FakeIssue = {
      number: nextIssueNumber++,
      title: input.title,
      body: input.body,
      state: input.state ?? 'open',
      stateReason: null,
      labels: [...(input.labels ?? [])],
      user: input.user ?? { login: 'someone', type: 'User' },
      comments: [],
    };
    issues.set(issue.number, issue);
    return issue;
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw === '' ? undefined : (JSON.parse(raw) as Record<string, unknown>);
      const query = Object.fromEntries(url.searchParams.entries());
      const authorization = req.headers.authorization;
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query, body, authorization });
      const token = options.tokens?.[authorization?.replace(/^(token|bearer) /i, '') ?? ''] ?? { kind: 'actions' };
      const reply: Reply = authorization ? route(req.method ?? 'GET', url.pathname, query, body, token) : { status: 401, body: { message: 'Requires authentication' } };
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    requests,
    addPullRequest: ({ number, headSha, mergeCommitSha, merged, files = ['org.yaml'] }) => {
      const issue: FakeIssue = {
        number,
        title: `PR ${number}`,
        body: '',
        state: merged ? 'closed' : 'open',
        stateReason: null,
        labels: [],
        user: { login: 'dev', type: 'User' },
        pullRequest: { headSha, mergeCommitSha: mergeCommitSha ?? null, mergedAt: merged ? '2026-01-02T03:04:05Z' : null, files: [...files] },
        comments: [],
      };
      issues.set(number, issue);
      nextIssueNumber = Math.max(nextIssueNumber, number + 1);
      return issue;
    },
    mergePullRequest: (number, mergeCommitSha) => {
      const pull = issues.get(number)?.pullRequest;
      if (!pull) throw new Error(`no pull request #${number}`);
      pull.mergeCommitSha = mergeCommitSha;
      pull.mergedAt = '2026-01-02T03:04:05Z';
      issues.get(number)!.state = 'closed';
    },
    addIssue,
    addComments: (issueNumber, count, body = (i) => `comment ${i}`, user = { login: 'reviewer', type: 'User' }) => {
      const issue = issues.get(issueNumber);
      if (!issue) throw new Error(`no issue #${issueNumber}`);
      const added = Array.from({ length: count }, (_, i): FakeComment => ({ id: nextCommentId++, body: body(i), user }));
      issue.comments.push(...added);
      return added;
    },
    failRequests: (method, pathPattern, status, message) => void failures.push({ method, pattern: pathPattern, status, message }),
    issue: (number) => {
      const issue = issues.get(number);
      if (!issue) throw new Error(`no issue #${number}`);
      return issue;
    },
    issues: () => [...issues.values()],
    requestsTo: (method, pattern) => requests.filter((r) => r.method === method && pattern.test(r.path)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A stable numeric id per login, as GitHub gives every account one. */
function loginId(login: string): number {
  let id = 7;
  for (const char of login.toLowerCase()) id = (id * 31 + char.charCodeAt(0)) % 100_000_000;
  return id;
}
