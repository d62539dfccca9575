// YAML scalars as org.yaml's writer puts them: numbers that read back exactly, strings plain only when
// every YAML reader takes them as the same string, else double-quoted with invisible characters escaped.
// Shared by src/config/write-org-yaml.ts and the kinds' sections of it (src/kinds/*/write-yaml.ts).

/** One level of org.yaml's indentation. */
export const INDENT = '  ';

/** A YAML number that reads back as exactly `value` (JavaScript's shortest round-trip form). */
export function number(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`org.yaml numbers are finite, got ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

// Plain (unquoted) only for text that every YAML reader takes as this same string: starts with a
// letter or `_`, words of letters, digits and `_ . / @ + = -` (and `:` inside words outside flow
// collections, for ARNs) separated by single spaces, and not a word YAML 1.1 reads as a boolean or null.
const PLAIN_BLOCK = /^[\p{L}_][\p{L}\p{M}\p{N}_./@+=:-]*(?: [\p{L}\p{M}\p{N}_./@+=:-]+)*$/u;
const PLAIN_FLOW = /^[\p{L}_][\p{L}\p{M}\p{N}_./@+=-]*(?: [\p{L}\p{M}\p{N}_./@+=-]+)*$/u;
const RESERVED = /^(?:y|yes|n|no|true|false|on|off|null)$/i;

/** A string as a YAML scalar: plain when that is unambiguous, else double-quoted. */
export function scalar(text: string, context: 'block' | 'flow' = 'block'): string {
  const plain = context === 'flow' ? PLAIN_FLOW : PLAIN_BLOCK;
  // A `:` may not end a plain word (`a:` or `a: b` would start a mapping).
  if (plain.test(text) && !RESERVED.test(text) && !/:(?: |$)/.test(text)) return text;
  return quoted(text);
}

/** A double-quoted YAML scalar: `\` and `"` escaped, and every character that is invisible or breaks a line. */
export function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`).replace(INVISIBLE, escapeChar)}"`;
}

/** Comment text with invisible characters and line breaks shown as escapes, so it stays one comment line. */
export function visibleInComment(text: string): string {
  return text.replace(INVISIBLE, escapeChar);
}

// C0 and C1 controls, DEL, no-break space, soft hyphen, line/paragraph separators, bidi controls,
// zero-width and other format characters, BOM, specials and non-characters, lone surrogates.
const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\uffff]|\p{Cs}/gu;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\u001b': '\\e',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function escapeChar(c: string): string {
  const named = NAMED_ESCAPES[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}
