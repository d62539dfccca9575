// GitHubApi over Octokit (@actions/github): GITHUB_API_URL, the runner's proxy settings and the token.
// Failed requests become UserErrors that say which call failed and which job permission it needs.

import * as github from '@actions/github';
import { UserError } from '../model/errors.js';
import type { GitHubApi, IssueComment, IssueRef, PullRequestRef } from './github-api.js';
import type { RepositoryName } from './settings.js';

const PER_PAGE = 100;

/** The job permission each call needs, for 403 messages. */
const PERMISSION = {
  prComments: 'pull-requests: write',
  readPulls: 'pull-requests: read',
  issues: 'issues: write',
} as const;

export function createOctokitGitHubApi(token: string, repository: RepositoryName): GitHubApi {
  const octokit = github.getOctokit(token);
  const { owner, repo } = repository;

  async function call<T>(what: string, permission: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeRequestError(error, what, permission);
    }
  }

  return {
    listIssueComments: (issueNumber) =>
      call(`listing the comments of #${issueNumber}`, PERMISSION.prComments, async () => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: PER_PAGE });
        return comments.map((c): IssueComment => ({ id: c.id, body: c.body ?? '' }));
      }),
    createIssueComment: (issueNumber, body) =>
      call(`commenting on #${issueNumber}`, PERMISSION.prComments, async () => {
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
        return { id: data.id, body: data.body ?? '' };
      }),
    updateIssueComment: (commentId, body) =>
      call(`editing comment ${commentId}`, PERMISSION.prComments, async () => {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
      }),
    listPullRequestsForCommit: (sha) =>
      call(`finding the pull request of commit ${sha}`, PERMISSION.readPulls, async () => {
        const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { owner, repo, commit_sha: sha, per_page: PER_PAGE });
        return pulls.map((p): PullRequestRef => ({ number: p.number, mergedAt: p.merged_at ?? null, mergeCommitSha: p.merge_commit_sha ?? null }));
      }),
    listOpenIssuesWithLabel: (label) =>
      call(`listing open issues labelled ${label}`, PERMISSION.issues, async () => {
        const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', per_page: PER_PAGE });
        // This endpoint returns pull requests too.
        return issues.filter((i) => !i.pull_request).map((i): IssueRef => ({ number: i.number, body: i.body ?? '', url: i.html_url }));
      }),
    createIssue: ({ title, body, labels }) =>
      call('opening an issue', PERMISSION.issues, async () => {
        const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels: [...labels] });
        return { number: data.number, body: data.body ?? '', url: data.html_url };
      }),
    updateIssueBody: (issueNumber, body) =>
      call(`updating issue #${issueNumber}`, PERMISSION.issues, async () => {
        await octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, body });
      }),
    closeIssue: (issueNumber) =>
      call(`closing issue #${issueNumber}`, PERMISSION.issues, async () => {
        await octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, state: 'closed', state_reason: 'completed' });
      }),
  };
}

function describeRequestError(error: unknown, what: string, permission: string): Error {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
  const said = error instanceof Error ? error.message : String(error);
  if (status === undefined) return new UserError(`GitHub could not be reached while ${what}: ${said}`);
  const hint =
    status === 401
      ? ' The github-token input is not a valid token.'
      : status === 403 || status === 404
        ? ` Give the job \`permissions: ${permission}\` (and contents: read), or pass a github-token that has it.`
        : '';
  return new UserError(`GitHub refused ${what} (HTTP ${status}: ${said}).${hint}`);
}
