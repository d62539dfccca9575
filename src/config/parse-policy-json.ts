// A policy file's text → its JSON value, or a problem located at line:col in that file. Pure: the
// config loader (load-org-file.ts) reads the file.

import type { JsonValue, SourcePosition } from '../model/desired.js';

export type PolicyJsonResult = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly position?: SourcePosition; readonly message: string };

export function parsePolicyJson(text: string): PolicyJsonResult {
  // A byte-order mark is not JSON, but editors write it; AWS would refuse it, so it is skipped here and never uploaded.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message)?.[1] ?? offsetFromSnippet(body, message);
    // V8 says "Unexpected end of JSON input" without a position when the text stops early.
    const at = offset !== undefined ? positionAt(body, Number(offset)) : /end of JSON input/.test(message) ? positionAt(body, body.length) : undefined;
    const reason = message.replace(/,? ?"[\s\S]*" is not valid JSON/, '').replace(/ (in|after) JSON at position \d+.*$/, '').trim();
    return { ok: false, ...(at ? { position: at } : {}), message: `the policy document is not valid JSON: ${reason}. Fix the JSON (a policy document is one JSON object).` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, position: { line: 1, column: 1 }, message: 'the policy document must be a JSON object, like {"Version": "2012-10-17", "Statement": [...]}.' };
  }
  return { ok: true, value: value as JsonValue };
}

/**
 * V8's "Unexpected token 'x', ..."context"... is not valid JSON" gives no position, but its context is
 * the text from 10 characters before the error (with "..." when cut): find it in the text.
 */
function offsetFromSnippet(text: string, message: string): number | undefined {
  const match = /Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (!match) return undefined;
  const [, token, cut, context] = match;
  const start = text.indexOf(context!);
  if (start < 0) return undefined;
  return cut ? start + 10 : start + context!.indexOf(token!);
}

/** 1-based line and column of a character offset. */
function positionAt(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
