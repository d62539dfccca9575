// One comment per marker per pull request: edited in place on every run, created only when none exists.
// Only a comment the token's own identity wrote is edited; one that anyone else wrote with the marker is
// left alone, whatever it says.

import type { GitHubApi, GitHubAuthor } from './github-api.js';
import { authorMismatch, isWrittenBy } from './token-identity.js';

export interface UpsertedComment {
  readonly id: number;
  /** 'skipped': none existed and createIfMissing was false; id is then 0. */
  readonly action: 'created' | 'updated' | 'unchanged' | 'skipped';
  /** Set when GitHub wrote a new comment as someone other than `identity` (see authorMismatch). */
  readonly warning?: string;
}

export async function upsertComment(
  api: GitHubApi,
  identity: GitHubAuthor,
  issueNumber: number,
  marker: string,
  body: string,
  options: { readonly createIfMissing?: boolean } = {},
): Promise<UpsertedComment> {
  const comments = await api.listIssueComments(issueNumber);
  // The oldest keeps its place in the conversation; body must start with the marker, so a quoted marker in a reply does not count.
  const existing = comments.find((c) => c.body.startsWith(marker) && isWrittenBy(c.author, identity));
  if (!existing) {
    if (options.createIfMissing === false) return { id: 0, action: 'skipped' };
    const created = await api.createIssueComment(issueNumber, body);
    const warning = authorMismatch(created.author, identity, 'comment');
    return { id: created.id, action: 'created', ...(warning ? { warning } : {}) };
  }
  if (existing.body === body) return { id: existing.id, action: 'unchanged' };
  await api.updateIssueComment(existing.id, body);
  return { id: existing.id, action: 'updated' };
}
