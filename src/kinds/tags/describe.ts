// How tag changes read in a plan: one line per tag.

import type { Tags } from '../../model/tags.js';

/** `key: "old" → "new"`, `+ key: "new"`, `- key: "old"`: keys and values quoted, as they may hold spaces. */
export function tagChanges(before: Tags, after: Tags | null): string[] {
  if (after === null) return Object.entries(before).map(([key, value]) => `- ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return Object.entries(after).map(([key, value]) =>
    Object.hasOwn(before, key) ? `${JSON.stringify(key)}: ${JSON.stringify(before[key])} → ${JSON.stringify(value)}` : `+ ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
}
