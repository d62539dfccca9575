// Deterministic order for canonical documents and fingerprints: records with sorted keys, and the
// locale-independent string order they use.

/** A record with keys in code-unit order. Object.fromEntries defines own properties, so "__proto__" is just a key. */
export function sortedRecord<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => byCodeUnit(a, b)));
}

/** Locale-independent string order, so plans are the same on every machine. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
