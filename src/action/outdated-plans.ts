// After a merge changed the organization, the plans shown on other open pull requests that change the
// same org file were made against an organization that no longer exists. Their orgctl comment gets a
// callout saying so; their next plan run replaces the whole comment. Best effort: a failure is a warning,
// since the apply it follows has already changed AWS.

import { GITHUB_COMMENT_LIMIT } from '../render/plan-markdown.js';
import { describeError } from '../text/describe-error.js';
import { truncateLines } from './compose-comment.js';
import type { ActionDeps } from './report.js';
import { findPlanComment } from './reviewed-plan.js';
import type { ActionSettings } from './settings.js';

/** Marks a comment as outdated, so it is marked once however many merges follow. */
export const OUTDATED_MARKER = '<!-- orgctl:outdated -->';

export async function markOtherPlansOutdated(settings: ActionSettings, deps: ActionDeps, mergedPullRequest: number | undefined): Promise<void> {
  if (!settings.comment) return;
  try {
    const identity = await deps.tokenIdentity();
    const branch = 'defaultBranch' in settings.event && settings.event.defaultBranch ? settings.event.defaultBranch : 'the default branch';
    const marked: number[] = [];
    for (const number of await deps.github.listOpenPullRequests()) {
      if (number === mergedPullRequest) continue;
      const files = await deps.github.listPullRequestFiles(number);
      if (!files.includes(settings.orgFile)) continue;
      const comment = findPlanComment(await deps.github.listIssueComments(number), identity, settings.orgFile);
      if (!comment || comment.body.includes(OUTDATED_MARKER)) continue;
      await deps.github.updateIssueComment(comment.id, markedOutdated(comment.body, branch));
      marked.push(number);
    }
    if (marked.length > 0) deps.log(`Marked the plan comments of ${marked.map((n) => `#${n}`).join(', ')} as outdated.`);
  } catch (error) {
    deps.warn(`Could not mark the plan comments of other open pull requests as outdated: ${describeError(error).message}`);
  }
}

/** The comment with the outdated callout after its hidden lines, cut to GitHub's limit if need be. */
export function markedOutdated(body: string, branch: string): string {
  const callout = `${OUTDATED_MARKER}\n\n> [!IMPORTANT]\n> **Outdated:** ${codeSpan(branch)} changed after this plan; push or re-run to refresh.`;
  const lines = body.split('\n');
  // The marker and the reviewed-plan record are the first lines: the callout goes right after them.
  let head = 0;
  while (head < lines.length && ((lines[head] ?? '').startsWith('<!--') || lines[head] === '')) head += 1;
  const top = lines.slice(0, head).join('\n').trimEnd();
  const rest = lines.slice(head).join('\n').replace(/^\n+/, '');
  const room = GITHUB_COMMENT_LIMIT - top.length - callout.length - 6;
  return `${top}\n\n${callout}\n\n${truncateLines(rest, room, (n) => `_… ${n} more lines not shown._`)}`;
}

function codeSpan(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, '?')}\``;
}
