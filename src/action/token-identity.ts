// Whose comments and issues are the Action's own: those written by the identity its token writes as.
// A body that starts with a marker proves nothing (anyone can comment on a public pull request), so
// the Action adopts only what that identity wrote, and leaves everything else alone.

import type { GitHubApi, GitHubAuthor } from './github-api.js';

/** The author of everything GITHUB_TOKEN writes (the default github-token). */
export const GITHUB_ACTIONS_BOT: GitHubAuthor = { login: 'github-actions[bot]', type: 'Bot' };

/**
 * The comment-author input when set (a GitHub App's `<slug>[bot]`); else the user GET /user returns for a
 * personal access token; else (GitHub answers 403 for an installation token) github-actions[bot].
 */
export async function resolveTokenIdentity(api: GitHubApi, commentAuthor: string | undefined): Promise<GitHubAuthor> {
  if (commentAuthor !== undefined) return authorNamed(commentAuthor);
  return (await api.getTokenUser()) ?? GITHUB_ACTIONS_BOT;
}

/** Only apps have logins ending in [bot]; users cannot have brackets in theirs. */
export function authorNamed(login: string): GitHubAuthor {
  return { login, type: /\[bot\]$/i.test(login) ? 'Bot' : 'User' };
}

/** GitHub logins are case-insensitive. */
export function isWrittenBy(author: GitHubAuthor | undefined, identity: GitHubAuthor): boolean {
  return author !== undefined && author.type === identity.type && author.login.toLowerCase() === identity.login.toLowerCase();
}

/**
 * What to tell the user when GitHub wrote a new comment or issue as someone other than the identity
 * the Action looks for: the next run would not find it and would write another.
 */
export function authorMismatch(written: GitHubAuthor | undefined, identity: GitHubAuthor, what: string): string | undefined {
  if (written === undefined || isWrittenBy(written, identity)) return undefined;
  return (
    `GitHub wrote the ${what} as ${written.login}, but the Action takes only ${identity.login}'s as its own, so the next run will write another. ` +
    `Set the comment-author input to ${written.login}.`
  );
}
