// What orgctl uploads as a policy's content, and its size as AWS counts it. The API stores the text
// exactly as sent ("no automatic removal of characters", Organizations quotas page), so orgctl sends
// minified JSON and the size rules measure that.

import type { JsonValue } from './types.js';

export function minifiedPolicyJson(document: JsonValue): string {
  return JSON.stringify(document);
}

/** Characters (Unicode code points, not UTF-16 units) of the minified document. */
export function minifiedLength(document: JsonValue): number {
  let count = 0;
  for (const _ of minifiedPolicyJson(document)) count++;
  return count;
}
