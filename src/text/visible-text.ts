// Names come from org.yaml and AWS and may hold anything. Before they reach a terminal or a PR comment,
// control characters (newlines, ANSI escapes, bidirectional overrides that reorder what a reviewer sees)
// are shown as visible escapes, so one name is always one line and reads as what it is.

// C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings/overrides/isolates, zero-width and BOM.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
