// Organizations input rules shared by several handlers: tags, page requests, IDs.

import { InputReader } from '../input.js';
import type { JsonObject } from '../json.js';
import { paginate, type Page, type PageRequest } from '../pagination.js';
import type { OrgContext } from './context.js';
import { constraintViolation, invalidInput, orgValidationError } from './errors.js';
import { LIMITS } from './model.js';

export function readInput(input: JsonObject): InputReader {
  return new InputReader(input, orgValidationError);
}

const TAG_TEXT = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

export type TagList = readonly (readonly [string, string])[];

/** Reads a Tags member; one bad tag fails the whole request (aws-facts §2.2). */
export function readTags(input: InputReader, name = 'Tags', required = false): TagList {
  const list = required ? input.objectList(name) : (input.optionalObjectList(name) ?? []);
  const seen = new Set<string>();
  return list.map((tag) => {
    const key = tag.string('Key', { min: 1, max: 128, pattern: TAG_TEXT });
    const value = tag.string('Value', { min: 0, max: 256, pattern: TAG_TEXT });
    if (key.toLowerCase().startsWith('aws:')) {
      throw invalidInput('INVALID_SYSTEM_TAGS_PARAMETER', `The tag key "${key}" uses the reserved "aws:" prefix.`);
    }
    if (seen.has(key)) throw invalidInput('DUPLICATE_TAG_KEY', `The tag key "${key}" appears more than once.`);
    seen.add(key);
    return [key, value] as const;
  });
}

/** Refuses tags that would take a resource past 50 tags. */
export function checkTagCount(existing: ReadonlyMap<string, string>, added: TagList): void {
  const keys = new Set(existing.keys());
  for (const [key] of added) keys.add(key);
  if (keys.size > LIMITS.tagsPerResource) {
    throw constraintViolation('MAX_TAG_LIMIT_EXCEEDED', `You can attach at most ${LIMITS.tagsPerResource} tags to a resource.`);
  }
}

export function tagsToWire(tags: TagList | ReadonlyMap<string, string>): JsonObject[] {
  return [...tags].map(([Key, Value]) => ({ Key, Value }));
}

export function readPageRequest(input: InputReader, ctx: OrgContext, hasMaxResults = true): PageRequest {
  const nextToken = input.optionalString('NextToken', { max: 100_000 });
  if (!hasMaxResults) return { maxResults: undefined, nextToken };
  const clamp = ctx.settings.quirks.maxResultsAboveLimit === 'clamp';
  const maxResults = input.optionalInteger('MaxResults', clamp ? { min: 1 } : { min: 1, max: 20 });
  return { maxResults, nextToken };
}

/** One page of `items` for a listing identified by `scope` (operation and parameters). */
export function orgPage<T>(items: readonly T[], request: PageRequest, ctx: OrgContext, scope: string): Page<T> {
  return paginate(items, request, {
    scope: `${ctx.operation}:${scope}`,
    defaultSize: ctx.settings.pageSize,
    serverMax: ctx.settings.pageSize,
    injectEmptyPage: ctx.settings.injectEmptyPage,
    injectTrailingToken: ctx.settings.injectTrailingToken,
    onExtraPage: ctx.settings.onExtraPage,
    invalidToken: () => invalidInput('INVALID_NEXT_TOKEN', 'The NextToken you provided is not valid.'),
  });
}
