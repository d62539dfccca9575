// Follows NextToken to the end. AWS documents that List* calls can return an empty page that still
// carries a NextToken, so the loop ends only when the token is absent, never on an empty page.
// `listAll` is the one way the adapter reads a List/Describe operation: each page is one paced,
// counted, retried call (AdapterContext.call), asked for at the operation's page size.

import type { CallOptions, CallRunner } from '../call-runner.js';
import type { AwsServiceName } from '../operations.js';
import { AwsCallError } from '../errors.js';

export interface Page<T> {
  readonly items: readonly T[] | undefined;
  readonly nextToken: string | undefined;
}

/** One List/Describe operation, as the adapter pages through it. */
export interface PagedOperation<Reply, Item> {
  readonly service: AwsServiceName;
  /** The AWS operation, e.g. "ListAccountsForParent" (pacing, stats, errors). */
  readonly operation: string;
  /** MaxResults (MaxItems for IAM) of every request; undefined where the operation takes none and AWS picks. */
  readonly pageSize: number | undefined;
  /** Sends the request for the page after `token` (undefined: the first page). */
  readonly send: (token: string | undefined, pageSize: number | undefined) => Promise<Reply>;
  /** The reply's items and the next page's token (undefined on the last page). */
  readonly page: (reply: Reply) => Page<Item>;
  /** How each page's call is retried (CallOptions.optional); default: as every call. */
  readonly callOptions?: CallOptions;
}

/** Every item of a paged operation, one call per page, in order. `call` sends one request (paced, counted, classified, retried). */
export function listAll<Reply, Item>(call: CallRunner, paged: PagedOperation<Reply, Item>): Promise<Item[]> {
  return collectPages(paged.operation, async (token) => paged.page(await call(paged.service, paged.operation, () => paged.send(token, paged.pageSize), paged.callOptions)));
}

/** `fetchPage` is called once per page, sequentially (each page needs the previous token). */
async function collectPages<T>(operation: string, fetchPage: (nextToken: string | undefined) => Promise<Page<T>>): Promise<T[]> {
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
