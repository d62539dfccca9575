// A comment (or issue body) is a hidden marker followed by parts. Fixed parts are kept whole; fitted
// parts (the plan) are rendered into whatever room the fixed parts leave under GitHub's limit. A new
// section (e.g. an audit summary above the plan) is one more part in the list.

import { GITHUB_COMMENT_LIMIT } from '../render/plan-markdown.js';

/** Markers that find the Action's own comments and issues again; never shown by GitHub. */
export const MARKERS = {
  plan: '<!-- orgctl:plan -->',
  apply: '<!-- orgctl:apply -->',
  drift: '<!-- orgctl:drift -->',
} as const;

export type CommentPart =
  | { readonly kind: 'fixed'; readonly markdown: string }
  | {
      readonly kind: 'fitted';
      /** Must return at most maxLength characters. */
      readonly render: (maxLength: number) => string;
    };

export function fixedPart(markdown: string): CommentPart {
  return { kind: 'fixed', markdown };
}

export function fittedPart(render: (maxLength: number) => string): CommentPart {
  return { kind: 'fitted', render };
}

const SEPARATOR = '\n\n';

/** The hidden marker, then the parts: a comment or issue body the Action can find again. */
export function composeComment(marker: string, parts: readonly CommentPart[], maxLength: number = GITHUB_COMMENT_LIMIT): string {
  return composeMarkdown([fixedPart(marker), ...parts], maxLength);
}

/**
 * The parts in order, separated by blank lines, at most `maxLength` characters.
 * Fitted parts share what the fixed ones leave, first come first served.
 */
export function composeMarkdown(parts: readonly CommentPart[], maxLength: number): string {
  const fixedLength = parts.reduce((sum, part) => sum + (part.kind === 'fixed' ? part.markdown.trimEnd().length : 0), 0);
  let room = maxLength - fixedLength - SEPARATOR.length * parts.length - 1;
  const rendered = parts.map((part) => {
    if (part.kind === 'fixed') return part.markdown.trimEnd();
    const text = part.render(Math.max(0, room)).trimEnd();
    room -= text.length;
    return text;
  });
  const body = `${rendered.filter((text) => text !== '').join(SEPARATOR)}\n`;
  // Only fixed parts longer than the limit get here; GitHub would refuse the whole comment.
  return body.length <= maxLength ? body : `${body.slice(0, maxLength - 1)}\n`;
}

/** Keeps whole lines of `markdown` up to maxLength, with a note when lines were left out. */
export function truncateLines(markdown: string, maxLength: number, note: (omittedLines: number) => string): string {
  if (markdown.length <= maxLength) return markdown;
  const lines = markdown.split('\n');
  let kept = lines.length;
  let length = markdown.length;
  const noteRoom = note(lines.length).length + 2;
  while (kept > 0 && length + noteRoom > maxLength) {
    kept -= 1;
    length -= (lines[kept]?.length ?? 0) + 1;
  }
  if (kept === 0) return '';
  return `${lines.slice(0, kept).join('\n')}\n\n${note(lines.length - kept)}`;
}
