// GitHubApi over Octokit (@actions/github): GITHUB_API_URL, the runner's proxy settings and the token.
// Every request has a timeout. A failed request becomes a UserError that says which call failed and what
// GitHub answered (status and message), or, when no answer came, why GitHub could not be reached.

import * as github from '@actions/github';
import { UserError } from '../model/errors.js';
import type { GitHubApi, GitHubAuthor, IssueComment, IssueRef, PullRequestRef } from './github-api.js';
import type { RepositoryName } from './settings.js';

const PER_PAGE = 100;

/** Per request (each page of a listing is one). GitHub answers in well under a second when it is up. */
export const GITHUB_REQUEST_TIMEOUT_MS = 30_000;

/** The job permission each call needs, for 403 messages. */
const PERMISSION = {
  prComments: 'pull-requests: write',
  readPulls: 'pull-requests: read',
  issues: 'issues: write',
} as const;

export interface OctokitOptions {
  /** Default: GITHUB_API_URL, as @actions/github reads it. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

export function createOctokitGitHubApi(token: string, repository: RepositoryName, options: OctokitOptions = {}): GitHubApi {
  const octokit = github.getOctokit(token, options.baseUrl ? { baseUrl: options.baseUrl } : {});
  const timeoutMs = options.timeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS;
  octokit.hook.before('request', (request) => {
    request.request = { ...request.request, signal: AbortSignal.timeout(timeoutMs) };
  });
  const apiUrl = String(octokit.request.endpoint.DEFAULTS.baseUrl);
  const { owner, repo } = repository;

  async function call<T>(what: string, permission: string | undefined, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeRequestError(error, { what, permission, apiUrl, timeoutMs });
    }
  }

  return {
    getTokenUser: () =>
      call('asking which account the github-token acts as (GET /user)', undefined, async () => {
        try {
          const { data } = await octokit.rest.users.getAuthenticated();
          return { login: data.login, type: data.type };
        } catch (error) {
          // An installation token (GITHUB_TOKEN, a GitHub App's) may not read /user: "Resource not accessible by integration".
          if (httpStatus(error) === 403) return undefined;
          throw error;
        }
      }),
    listIssueComments: (issueNumber) =>
      call(`listing the comments of #${issueNumber}`, PERMISSION.prComments, async () => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: PER_PAGE });
        return comments.map((c): IssueComment => ({ id: c.id, body: c.body ?? '', author: author(c.user) }));
      }),
    createIssueComment: (issueNumber, body) =>
      call(`commenting on #${issueNumber}`, PERMISSION.prComments, async () => {
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
        return { id: data.id, body: data.body ?? '', author: author(data.user) };
      }),
    updateIssueComment: (commentId, body) =>
      call(`editing comment ${commentId}`, PERMISSION.prComments, async () => {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
      }),
    listPullRequestsForCommit: (sha) =>
      call(`finding the pull request of commit ${sha}`, PERMISSION.readPulls, async () => {
        const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { owner, repo, commit_sha: sha, per_page: PER_PAGE });
        return pulls.map((p): PullRequestRef => ({ number: p.number, mergedAt: p.merged_at ?? null, mergeCommitSha: p.merge_commit_sha ?? null, headSha: p.head?.sha }));
      }),
    listOpenIssuesWithLabel: (label) =>
      call(`listing open issues labelled ${label}`, PERMISSION.issues, async () => {
        const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', per_page: PER_PAGE });
        // This endpoint returns pull requests too.
        return issues.filter((i) => !i.pull_request).map((i): IssueRef => ({ number: i.number, body: i.body ?? '', url: i.html_url, author: author(i.user) }));
      }),
    createIssue: ({ title, body, labels }) =>
      call('opening an issue', PERMISSION.issues, async () => {
        const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels: [...labels] });
        return { number: data.number, body: data.body ?? '', url: data.html_url, author: author(data.user) };
      }),
    updateIssueBody: (issueNumber, body) =>
      call(`updating issue #${issueNumber}`, PERMISSION.issues, async () => {
        await octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, body });
      }),
    closeIssue: (issueNumber) =>
      call(`closing issue #${issueNumber}`, PERMISSION.issues, async () => {
        await octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, state: 'closed', state_reason: 'completed' });
      }),
    listOpenPullRequests: () =>
      call('listing the open pull requests', PERMISSION.readPulls, async () => {
        const pulls = await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'open', per_page: PER_PAGE });
        return pulls.map((p) => p.number);
      }),
    listPullRequestFiles: (pullNumber) =>
      call(`listing the files #${pullNumber} changes`, PERMISSION.readPulls, async () => {
        const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: PER_PAGE });
        // A renamed file counts under both names: its plan changes either way.
        return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
      }),
    listLabels: (issueNumber) =>
      call(`listing the labels of #${issueNumber}`, PERMISSION.prComments, async () => {
        const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { owner, repo, issue_number: issueNumber, per_page: PER_PAGE });
        return labels.map((l) => l.name);
      }),
    addLabels: (issueNumber, labels) =>
      call(`labelling #${issueNumber}`, PERMISSION.prComments, async () => {
        await octokit.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels: [...labels] });
      }),
    removeLabel: (issueNumber, label) =>
      call(`removing a label from #${issueNumber}`, PERMISSION.prComments, async () => {
        try {
          await octokit.rest.issues.removeLabel({ owner, repo, issue_number: issueNumber, name: label });
        } catch (error) {
          // Already gone (someone removed it since it was listed): what was wanted.
          if (httpStatus(error) !== 404) throw error;
        }
      }),
  };
}

function author(user: { readonly login: string; readonly type: string } | null | undefined): GitHubAuthor | undefined {
  return user ? { login: user.login, type: user.type } : undefined;
}

interface RequestContext {
  readonly what: string;
  /** The job permission the call needs, named in the advice for 403 and 404. */
  readonly permission: string | undefined;
  readonly apiUrl: string;
  readonly timeoutMs: number;
}

/** The HTTP status GitHub answered with; undefined when no answer came (Octokit reports those as 500 without a response). */
function httpStatus(error: unknown): number | undefined {
  const response = field(error, 'response');
  const status = field(response, 'status');
  return typeof status === 'number' ? status : undefined;
}

function describeRequestError(error: unknown, context: RequestContext): UserError {
  const status = httpStatus(error);
  if (status === undefined) {
    return new UserError(`could not reach ${context.apiUrl} while ${context.what}: ${networkReason(error, context.timeoutMs)}. Check that the runner can reach GitHub's API, then re-run the job.`);
  }
  const said = error instanceof Error ? error.message : String(error);
  const hint =
    status === 401
      ? ' The github-token input is not a valid token.'
      : (status === 403 || status === 404) && context.permission !== undefined
        ? ` Give the job \`permissions: ${context.permission}\` (and contents: read), or pass a github-token that has it.`
        : status >= 500
          ? ' GitHub had a problem; re-run the job.'
          : '';
  return new UserError(`GitHub answered HTTP ${status} (${said}) while ${context.what}.${hint}`);
}

/** The deepest system error code in the cause chain (ECONNREFUSED, ENOTFOUND, ...), or the timeout, or the message. */
function networkReason(error: unknown, timeoutMs: number): string {
  let code: string | undefined;
  let timedOut = false;
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 8; e = field(e, 'cause'), depth++) {
    const name = field(e, 'name');
    if (name === 'TimeoutError') timedOut = true;
    const eCode = field(e, 'code');
    if (typeof eCode === 'string' && /^E[A-Z_]+$/.test(eCode)) code = eCode;
    // Node reports each address it tried (IPv6 and IPv4) in an AggregateError.
    const errors = field(e, 'errors');
    if (!code && Array.isArray(errors)) {
      const inner = errors.map((x) => field(x, 'code')).find((c): c is string => typeof c === 'string');
      if (inner) code = inner;
    }
  }
  if (timedOut) return `no answer within ${timeoutMs / 1000} s`;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
