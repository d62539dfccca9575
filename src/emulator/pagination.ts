// NextToken pagination as AWS does it: opaque tokens bound to one listing, pages never larger than the
// server's own limit, and (when asked) AWS's two documented irregularities, which every Organizations
// List* call may show: an empty page that still carries a NextToken, and a last page that carries a
// NextToken leading only to an empty page without one. Each page served only because of them is
// reported (onExtraPage), so a caller's call count can be checked as "full pages + these, exactly".

import type { ApiError } from './api-error.js';

export interface PageRequest {
  readonly maxResults: number | undefined;
  readonly nextToken: string | undefined;
}

/**
 * A page that a listing with full pages would not need: `empty` is an injected empty page with a
 * NextToken (mid-listing or first); `trailing` is the empty last page a trailing NextToken led to.
 */
export type ExtraPageKind = 'empty' | 'trailing';

export interface PageOptions {
  /** Identifies the listing (operation and its parameters); a token from another listing is refused. */
  readonly scope: string;
  /** Page size when the caller sends no MaxResults. */
  readonly defaultSize: number;
  /** The server's own cap; pages are never larger, whatever MaxResults says. */
  readonly serverMax: number;
  /** Asked once per page unless the request resumes an injected empty page: answer this page empty? */
  readonly injectEmptyPage?: () => boolean;
  /** Asked once per last page (not for the empty page a trailing token leads to): add a NextToken anyway? */
  readonly injectTrailingToken?: () => boolean;
  /** Told about every page served only because of the two injections above. */
  readonly onExtraPage?: (kind: ExtraPageKind) => void;
  readonly invalidToken: () => ApiError;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken: string | undefined;
}

interface TokenBody {
  /** Scope hash. */
  readonly s: string;
  /** Offset of the next item. */
  readonly o: number;
  /** Set when this token resumes an injected empty page, so that page is not emptied again. */
  readonly e?: 1;
  /** Set on a trailing token: the listing is over, and this token leads to one empty page without a NextToken. */
  readonly t?: 1;
}

function scopeHash(scope: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < scope.length; i++) {
    h ^= scope.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decodeToken(token: string, scope: string, invalid: () => ApiError): TokenBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  const { s, o, e, t } = parsed as Record<string, unknown>;
  if (s !== scopeHash(scope) || typeof o !== 'number' || !Number.isInteger(o) || o < 0) throw invalid();
  return { s, o, ...(e === 1 ? { e: 1 as const } : {}), ...(t === 1 ? { t: 1 as const } : {}) };
}

export function paginate<T>(items: readonly T[], request: PageRequest, options: PageOptions): Page<T> {
  const resumed = request.nextToken === undefined ? undefined : decodeToken(request.nextToken, options.scope, options.invalidToken);
  if (resumed?.t === 1) {
    options.onExtraPage?.('trailing');
    return { items: [], nextToken: undefined };
  }
  const offset = Math.min(resumed?.o ?? 0, items.length);
  const s = scopeHash(options.scope);
  if (resumed?.e !== 1 && options.injectEmptyPage?.()) {
    options.onExtraPage?.('empty');
    return { items: [], nextToken: encodeToken({ s, o: offset, e: 1 }) };
  }
  const size = Math.max(1, Math.min(request.maxResults ?? options.defaultSize, options.serverMax));
  const end = offset + size;
  const page = items.slice(offset, end);
  if (end < items.length) return { items: page, nextToken: encodeToken({ s, o: end }) };
  return { items: page, nextToken: options.injectTrailingToken?.() ? encodeToken({ s, o: items.length, t: 1 }) : undefined };
}
