// One open issue labelled `drift` while the live organization differs from org.yaml: opened by the first
// check that finds drift, its body replaced by each later one, closed (with a comment) by the first
// check that finds none. Found again by label, marker and author (the token's own identity), never by
// title: an issue someone else opened with the marker is left alone.

import { MARKERS } from './compose-comment.js';
import type { GitHubApi, GitHubAuthor, IssueRef } from './github-api.js';
import { authorMismatch, isWrittenBy } from './token-identity.js';

export const DRIFT_LABEL = 'drift';
export const DRIFT_ISSUE_TITLE = 'orgctl: the AWS organization differs from org.yaml';

export type DriftIssueChange =
  | { readonly action: 'opened'; readonly number: number; readonly warning?: string }
  | { readonly action: 'updated' | 'closed'; readonly number: number }
  | { readonly action: 'none' };

export interface DriftState {
  /** The issue body when there is drift; undefined when live matches org.yaml. */
  readonly body: string | undefined;
  /** Posted on the issue when it is closed. */
  readonly closingComment: string;
}

export async function syncDriftIssue(api: GitHubApi, identity: GitHubAuthor, state: DriftState): Promise<DriftIssueChange> {
  const open = (await api.listOpenIssuesWithLabel(DRIFT_LABEL))
    .filter((i) => i.body.startsWith(MARKERS.drift) && isWrittenBy(i.author, identity))
    .sort((a, b) => a.number - b.number);
  const [oldest, ...duplicates] = open;
  // Two checks racing may each have opened one; keep the oldest.
  for (const duplicate of duplicates) await close(api, duplicate, oldest ? `Duplicate of #${oldest.number}.` : state.closingComment);

  if (state.body === undefined) {
    if (!oldest) return { action: 'none' };
    await close(api, oldest, state.closingComment);
    return { action: 'closed', number: oldest.number };
  }
  if (oldest) {
    if (oldest.body !== state.body) await api.updateIssueBody(oldest.number, state.body);
    return { action: 'updated', number: oldest.number };
  }
  const created = await api.createIssue({ title: DRIFT_ISSUE_TITLE, body: state.body, labels: [DRIFT_LABEL] });
  const warning = authorMismatch(created.author, identity, 'drift issue');
  return { action: 'opened', number: created.number, ...(warning ? { warning } : {}) };
}

async function close(api: GitHubApi, issue: IssueRef, comment: string): Promise<void> {
  await api.createIssueComment(issue.number, comment);
  await api.closeIssue(issue.number);
}
