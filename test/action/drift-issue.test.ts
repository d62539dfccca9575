// syncDriftIssue against an in-memory GitHub: one open issue per drift, found by label and marker.

import { describe, expect, it } from 'vitest';
import { MARKERS } from '../../src/action/compose-comment.js';
import { DRIFT_LABEL, syncDriftIssue } from '../../src/action/drift-issue.js';
import type { GitHubApi, GitHubAuthor, IssueRef } from '../../src/action/github-api.js';
import { GITHUB_ACTIONS_BOT } from '../../src/action/token-identity.js';

interface Issue extends IssueRef {
  body: string;
  author: GitHubAuthor;
  open: boolean;
  labels: string[];
  comments: string[];
}

function memoryGitHub(issues: Issue[] = []): GitHubApi & { issues: Issue[] } {
  const find = (n: number): Issue => issues.find((i) => i.number === n)!;
  return {
    issues,
    getTokenUser: async () => undefined,
    listIssueComments: async (n) => find(n).comments.map((body, id) => ({ id, body, author: GITHUB_ACTIONS_BOT })),
    createIssueComment: async (n, body) => {
      find(n).comments.push(body);
      return { id: find(n).comments.length, body, author: GITHUB_ACTIONS_BOT };
    },
    updateIssueComment: async () => undefined,
    listPullRequestsForCommit: async () => [],
    listOpenIssuesWithLabel: async (label) => issues.filter((i) => i.open && i.labels.includes(label)),
    createIssue: async ({ body, labels }) => {
      const issue: Issue = { number: issues.length + 1, body, url: '', author: GITHUB_ACTIONS_BOT, open: true, labels: [...labels], comments: [] };
      issues.push(issue);
      return issue;
    },
    updateIssueBody: async (n, body) => void (find(n).body = body),
    closeIssue: async (n) => void (find(n).open = false),
    listOpenPullRequests: async () => [],
    listPullRequestFiles: async () => [],
    listLabels: async (n) => find(n).labels,
    addLabels: async () => undefined,
    removeLabel: async () => undefined,
  };
}

const issue = (number: number, body: string, labels = [DRIFT_LABEL], author: GitHubAuthor = GITHUB_ACTIONS_BOT): Issue => ({ number, body, url: '', author, open: true, labels, comments: [] });
const driftBody = (text: string): string => `${MARKERS.drift}\n\n${text}`;

describe('syncDriftIssue', () => {
  it('opens an issue labelled drift, then updates the same one', async () => {
    const github = memoryGitHub();
    expect(await syncDriftIssue(github, GITHUB_ACTIONS_BOT, { body: driftBody('one'), closingComment: 'gone' })).toEqual({ action: 'opened', number: 1 });
    expect(await syncDriftIssue(github, GITHUB_ACTIONS_BOT, { body: driftBody('two'), closingComment: 'gone' })).toEqual({ action: 'updated', number: 1 });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ body: driftBody('two'), labels: [DRIFT_LABEL], open: true });
  });

  it('closes it with a comment when drift is gone, and does nothing when there is none to close', async () => {
    const github = memoryGitHub([issue(4, driftBody('old'))]);
    expect(await syncDriftIssue(github, GITHUB_ACTIONS_BOT, { body: undefined, closingComment: 'No drift any more.' })).toEqual({ action: 'closed', number: 4 });
    expect(github.issues[0]).toMatchObject({ open: false, comments: ['No drift any more.'] });
    expect(await syncDriftIssue(github, GITHUB_ACTIONS_BOT, { body: undefined, closingComment: 'x' })).toEqual({ action: 'none' });
  });

  it('keeps the oldest when two checks raced, closing the other as a duplicate', async () => {
    const github = memoryGitHub([issue(9, driftBody('b')), issue(3, driftBody('a'))]);
    expect(await syncDriftIssue(github, GITHUB_ACTIONS_BOT, { body: driftBody('c'), closingComment: 'gone' })).toEqual({ action: 'updated', number: 3 });
    expect(github.issues.find((i) => i.number === 9)).toMatchObject({ open: false, comments: ['Duplicate of #3.'] });
  });

  it('leaves alone issues labelled drift that are not orgctl\'s', async () => {
    const github = memoryGitHub([issue(1, 'a human wrote this about drift')]);
    expect(await syncDriftIssue(github, GITHUB_ACTIONS_BOT, { body: undefined, closingComment: 'gone' })).toEqual({ action: 'none' });
    expect(await syncDriftIssue(github, GITHUB_ACTIONS_BOT, { body: driftBody('x'), closingComment: 'gone' })).toEqual({ action: 'opened', number: 2 });
    expect(github.issues[0]).toMatchObject({ open: true, body: 'a human wrote this about drift', comments: [] });
  });

  it('adopts only issues its own identity opened: one with the marker from anyone else is left open and untouched', async () => {
    const github = memoryGitHub([issue(1, driftBody('No drift, all fine'), [DRIFT_LABEL], { login: 'mallory', type: 'User' }), issue(2, driftBody('mine'), [DRIFT_LABEL], { login: 'GitHub-Actions[bot]', type: 'Bot' })]);
    expect(await syncDriftIssue(github, GITHUB_ACTIONS_BOT, { body: driftBody('now'), closingComment: 'gone' })).toEqual({ action: 'updated', number: 2 });
    expect(await syncDriftIssue(github, GITHUB_ACTIONS_BOT, { body: undefined, closingComment: 'gone' })).toEqual({ action: 'closed', number: 2 });
    expect(github.issues[0]).toMatchObject({ open: true, body: driftBody('No drift, all fine'), comments: [] });
  });

  it('warns when GitHub opened the issue as someone other than the identity it looks for', async () => {
    const github = memoryGitHub();
    const change = await syncDriftIssue(github, { login: 'acme-orgctl[bot]', type: 'Bot' }, { body: driftBody('x'), closingComment: 'gone' });
    expect(change).toEqual({ action: 'opened', number: 1, warning: expect.stringContaining('Set the comment-author input to github-actions[bot]') });
  });
});
