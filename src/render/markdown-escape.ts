// Escaping untrusted text (names from org.yaml or AWS) for GitHub-flavoured markdown, so it can
// neither format, link, inject HTML, break a table or code fence, nor @-mention or cross-reference anyone.

import { visibleText } from '../text/visible-text.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Text safe anywhere inline: in a paragraph, a list item, a table cell or a <summary>.
 * Markdown punctuation is backslash-escaped, <, > and & become entities, and a zero-width space
 * after @ and # stops mentions and issue references (GitHub links those even in escaped text).
 */
export function escapeMarkdownInline(text: string): string {
  return visibleText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()+\-.!|~$:]/g, '\\$&')
    .replace(/[@#]/g, `$&${ZERO_WIDTH_SPACE}`);
}

/**
 * A fenced code block that its content cannot close: the fence is longer than any run of backticks
 * inside. Content lines must already be free of control characters (see visibleText).
 */
export function fencedCodeBlock(language: string, content: string): string {
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${content}\n${fence}`;
}
