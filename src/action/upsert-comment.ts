// One comment per marker per pull request: edited in place on every run, created only when none exists.

import type { GitHubApi } from './github-api.js';

export interface UpsertedComment {
  readonly id: number;
  readonly action: 'created' | 'updated' | 'unchanged';
}

export async function upsertComment(api: GitHubApi, issueNumber: number, marker: string, body: string): Promise<UpsertedComment> {
  const comments = await api.listIssueComments(issueNumber);
  // The oldest keeps its place in the conversation; body must start with the marker, so a quoted marker in a reply does not count.
  const existing = comments.find((c) => c.body.startsWith(marker));
  if (!existing) return { id: (await api.createIssueComment(issueNumber, body)).id, action: 'created' };
  if (existing.body === body) return { id: existing.id, action: 'unchanged' };
  await api.updateIssueComment(existing.id, body);
  return { id: existing.id, action: 'updated' };
}
