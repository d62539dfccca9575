// The pieces the Action's comments, issues and job summaries are made of. Pure: values in, markdown out.

import type { Diagnostic } from '../model/diagnostics.js';
import type { Plan } from '../model/plan.js';
import { escapeMarkdownInline } from '../render/markdown-escape.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { fittedPart, fixedPart, truncateLines, type CommentPart } from './compose-comment.js';
import type { ActionSettings } from './settings.js';

/** GitHub keeps at most 1 MiB of job summary per step; a character is at most 3 bytes of UTF-8 per UTF-16 unit. */
export const JOB_SUMMARY_LIMIT = 340_000;

export function fileName(settings: ActionSettings): string {
  return codeSpan(settings.orgFile);
}

/** A path in a code span; it cannot close the span (no backticks) or break the line. */
function codeSpan(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, '?')}\``;
}

/** Link to a commit: through the PR when there is one, so commits of forks resolve too. */
export function commitLink(settings: ActionSettings, sha: string, pullRequest?: number): string {
  const { owner, repo } = settings.repository;
  const url = pullRequest === undefined ? `${settings.serverUrl}/${owner}/${repo}/commit/${sha}` : `${settings.serverUrl}/${owner}/${repo}/pull/${pullRequest}/commits/${sha}`;
  return `[\`${sha.slice(0, 7)}\`](${url})`;
}

/** The plan, as big as the room allows (errors first, then warnings, then steps). */
export function planPart(plan: Plan, settings: ActionSettings, title: string): CommentPart {
  return fittedPart((maxLength) => renderPlanMarkdown(plan, { maxLength, title, sourceFile: settings.orgFile }));
}

/** org.yaml's problems, one per line as FILE:LINE:COL, as many as fit. */
export function validationPart(diagnostics: readonly Diagnostic[], settings: ActionSettings): CommentPart {
  const count = `${diagnostics.length} ${diagnostics.length === 1 ? 'problem' : 'problems'}`;
  const lead = `> [!CAUTION]\n> **${fileName(settings)} has ${count}; nothing was read from AWS.** Fix ${diagnostics.length === 1 ? 'it' : 'them'} and push again.`;
  const items = diagnostics.map((d) => `- ${codeSpan(d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file)}: ${escapeMarkdownInline(d.message)}`).join('\n');
  return fittedPart((maxLength) => truncateLines(`${lead}\n\n${items}`, maxLength, (n) => `_… ${n} more not shown; the run's annotations list every problem._`));
}

export function footerPart(settings: ActionSettings, what: string): CommentPart {
  return fixedPart(`<sub>${what} · [workflow run](${settings.runUrl}) · orgctl</sub>`);
}
