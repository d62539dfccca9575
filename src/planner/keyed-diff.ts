// One diff for every keyed collection (OUs by path, accounts by ID, budgets by name, notifications by
// their key, ...): which keys only one side has, and which both have with different values. Each kind
// diffs its own collections with it instead of decoding JSON Patch pointers of one whole document.

import { byCodeUnit } from './sorted-record.js';

export interface KeyedDiff {
  /** Keys only the desired side has, in code-unit order. */
  readonly added: readonly string[];
  /** Keys only the live side has, in code-unit order. */
  readonly removed: readonly string[];
  /** Keys on both sides whose values are not equal, in code-unit order. */
  readonly changed: readonly string[];
}

export function diffKeyed<L, D>(
  live: Readonly<Record<string, L>>,
  desired: Readonly<Record<string, D>>,
  equal: (live: L, desired: D) => boolean = jsonEqual,
): KeyedDiff {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const key of Object.keys(desired)) {
    if (!Object.hasOwn(live, key)) added.push(key);
    else if (!equal(live[key]!, desired[key]!)) changed.push(key);
  }
  for (const key of Object.keys(live)) if (!Object.hasOwn(desired, key)) removed.push(key);
  return { added: added.sort(byCodeUnit), removed: removed.sort(byCodeUnit), changed: changed.sort(byCodeUnit) };
}

export function isEmptyDiff(diff: KeyedDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** Equality of JSON values (canonical documents hold nothing else): same keys, same values, same order in arrays. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, i) => jsonEqual(value, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  const otherKeys = Object.keys(right).filter((k) => right[k] !== undefined);
  return keys.length === otherKeys.length && keys.every((k) => Object.hasOwn(right, k) && jsonEqual(left[k], right[k]));
}
