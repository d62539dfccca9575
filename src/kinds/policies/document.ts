// A policy document's canonical form: its JSON value with object keys sorted, minified. Two documents
// are the same policy when their canonical forms are equal, so whitespace, key order in the file and
// AWS's stored formatting never show as drift. Array order is kept: it can matter to a policy's reader.

import type { JsonValue } from '../../model/desired.js';

/** The document as orgctl uploads it: minified JSON, keys in the order written. */
export function minifiedJson(document: JsonValue): string {
  return JSON.stringify(document);
}

/** Minified JSON with every object's keys sorted: equal for equal JSON values. */
export function canonicalJson(document: JsonValue): string {
  return JSON.stringify(sortKeys(document));
}

/** AWS's stored content → its canonical form; undefined when it is not JSON (then it always differs). */
export function canonicalContent(content: string): string | undefined {
  try {
    return canonicalJson(JSON.parse(content) as JsonValue);
  } catch {
    return undefined;
  }
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const object = value as { readonly [key: string]: JsonValue };
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((key) => [key, sortKeys(object[key]!)]),
    );
  }
  return value;
}
