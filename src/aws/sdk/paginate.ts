// Follows NextToken to the end. AWS documents that List* calls can return an empty page that still
// carries a NextToken, so the loop ends only when the token is absent, never on an empty page.

import { AwsCallError } from '../errors.js';

export interface Page<T> {
  readonly items: readonly T[] | undefined;
  readonly nextToken: string | undefined;
}

/** `fetchPage` is called once per page, sequentially (each page needs the previous token). */
export async function collectPages<T>(operation: string, fetchPage: (nextToken: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    if (page.items) items.push(...page.items);
    token = page.nextToken || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw new AwsCallError(operation, 'other', 'PaginationLoop', `the service returned NextToken "${token}" twice; stopping instead of looping forever`);
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}
