// The GitHub REST calls the Action makes, on one repository. The Octokit adapter is
// octokit-github-api.ts; the logic that uses this interface is tested against a recording server.

export interface IssueComment {
  readonly id: number;
  readonly body: string;
}

export interface IssueRef {
  readonly number: number;
  readonly body: string;
  readonly url: string;
}

export interface PullRequestRef {
  readonly number: number;
  /** null while open or when closed without merging. */
  readonly mergedAt: string | null;
  readonly mergeCommitSha: string | null;
}

export interface GitHubApi {
  /** Every comment on an issue or pull request, all pages. */
  listIssueComments(issueNumber: number): Promise<readonly IssueComment[]>;
  createIssueComment(issueNumber: number, body: string): Promise<IssueComment>;
  updateIssueComment(commentId: number, body: string): Promise<void>;
  /** Pull requests that contain the commit (GET /repos/{owner}/{repo}/commits/{sha}/pulls). */
  listPullRequestsForCommit(sha: string): Promise<readonly PullRequestRef[]>;
  /** Open issues (not pull requests) carrying the label, all pages. */
  listOpenIssuesWithLabel(label: string): Promise<readonly IssueRef[]>;
  createIssue(issue: { readonly title: string; readonly body: string; readonly labels: readonly string[] }): Promise<IssueRef>;
  updateIssueBody(issueNumber: number, body: string): Promise<void>;
  closeIssue(issueNumber: number): Promise<void>;
}
