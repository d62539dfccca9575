// syncDriftIssue against an in-memory GitHub: one open issue per drift, found by label and marker.

import { describe, expect, it } from 'vitest';
import { MARKERS } from '../../src/action/compose-comment.js';
import { DRIFT_LABEL, syncDriftIssue } from '../../src/action/drift-issue.js';
import type { GitHubApi, IssueRef } from '../../src/action/github-api.js';

interface Issue extends IssueRef {
  body: string;
  open: boolean;
  labels: string[];
  comments: string[];
}

function memoryGitHub(issues: Issue[] = []): GitHubApi & { issues: Issue[] } {
  const find = (n: number): Issue => issues.find((i) => i.number === n)!;
  return {
    issues,
    listIssueComments: async (n) => find(n).comments.map((body, id) => ({ id, body })),
    createIssueComment: async (n, body) => {
      find(n).comments.push(body);
      return { id: find(n).comments.length, body };
    },
    updateIssueComment: async () => undefined,
    listPullRequestsForCommit: async () => [],
    listOpenIssuesWithLabel: async (label) => issues.filter((i) => i.open && i.labels.includes(label)),
    createIssue: async ({ body, labels }) => {
      const issue: Issue = { number: issues.length + 1, body, url: '', open: true, labels: [...labels], comments: [] };
      issues.push(issue);
      return issue;
    },
    updateIssueBody: async (n, body) => void (find(n).body = body),
    closeIssue: async (n) => void (find(n).open = false),
  };
}

const issue = (number: number, body: string, labels = [DRIFT_LABEL]): Issue => ({ number, body, url: '', open: true, labels, comments: [] });
const driftBody = (text: string): string => `${MARKERS.drift}\n\n${text}`;

describe('syncDriftIssue', () => {
  it('opens an issue labelled drift, then updates the same one', async () => {
    const github = memoryGitHub();
    expect(await syncDriftIssue(github, { body: driftBody('one'), closingComment: 'gone' })).toEqual({ action: 'opened', number: 1 });
    expect(await syncDriftIssue(github, { body: driftBody('two'), closingComment: 'gone' })).toEqual({ action: 'updated', number: 1 });
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ body: driftBody('two'), labels: [DRIFT_LABEL], open: true });
  });

  it('closes it with a comment when drift is gone, and does nothing when there is none to close', async () => {
    const github = memoryGitHub([issue(4, driftBody('old'))]);
    expect(await syncDriftIssue(github, { body: undefined, closingComment: 'No drift any more.' })).toEqual({ action: 'closed', number: 4 });
    expect(github.issues[0]).toMatchObject({ open: false, comments: ['No drift any more.'] });
    expect(await syncDriftIssue(github, { body: undefined, closingComment: 'x' })).toEqual({ action: 'none' });
  });

  it('keeps the oldest when two checks raced, closing the other as a duplicate', async () => {
    const github = memoryGitHub([issue(9, driftBody('b')), issue(3, driftBody('a'))]);
    expect(await syncDriftIssue(github, { body: driftBody('c'), closingComment: 'gone' })).toEqual({ action: 'updated', number: 3 });
    expect(github.issues.find((i) => i.number === 9)).toMatchObject({ open: false, comments: ['Duplicate of #3.'] });
  });

  it('leaves alone issues labelled drift that are not orgctl\'s', async () => {
    const github = memoryGitHub([issue(1, 'a human wrote this about drift')]);
    expect(await syncDriftIssue(github, { body: undefined, closingComment: 'gone' })).toEqual({ action: 'none' });
    expect(await syncDriftIssue(github, { body: driftBody('x'), closingComment: 'gone' })).toEqual({ action: 'opened', number: 2 });
    expect(github.issues[0]).toMatchObject({ open: true, body: 'a human wrote this about drift', comments: [] });
  });
});
