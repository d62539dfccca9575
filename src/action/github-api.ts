// The GitHub REST calls the Action makes, on one repository. The Octokit adapter is
// octokit-github-api.ts; the logic that uses this interface is tested against a recording server.

/** Who wrote a comment or an issue, as GitHub's `user` object names them. */
export interface GitHubAuthor {
  readonly login: string;
  /** "User", "Bot" (a GitHub App, including github-actions[bot]) or "Organization". */
  readonly type: string;
}

export interface IssueComment {
  readonly id: number;
  readonly body: string;
  /** undefined when GitHub gives no user (a deleted account). */
  readonly author: GitHubAuthor | undefined;
}

export interface IssueRef {
  readonly number: number;
  readonly body: string;
  readonly url: string;
  readonly author: GitHubAuthor | undefined;
}

export interface PullRequestRef {
  readonly number: number;
  /** null while open or when closed without merging. */
  readonly mergedAt: string | null;
  readonly mergeCommitSha: string | null;
  /** The pull request's head commit: what its plan comment was made for. */
  readonly headSha: string | undefined;
}

export interface GitHubApi {
  /**
   * GET /user: the account a personal access token acts as. undefined when GitHub answers 403, as it does
   * for a GitHub App's installation token (GITHUB_TOKEN is one): those write as the app's bot.
   */
  getTokenUser(): Promise<GitHubAuthor | undefined>;
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
  /** Numbers of the repository's open pull requests, all pages (GET /repos/{owner}/{repo}/pulls). */
  listOpenPullRequests(): Promise<readonly number[]>;
  /** Paths of the files a pull request changes, all pages (GET /repos/{owner}/{repo}/pulls/{n}/files; GitHub lists at most 3,000). */
  listPullRequestFiles(pullNumber: number): Promise<readonly string[]>;
  /** Names of the labels on an issue or pull request. */
  listLabels(issueNumber: number): Promise<readonly string[]>;
  /** Adds labels (creating them in the repository when missing, as GitHub does). */
  addLabels(issueNumber: number, labels: readonly string[]): Promise<void>;
  removeLabel(issueNumber: number, label: string): Promise<void>;
}
