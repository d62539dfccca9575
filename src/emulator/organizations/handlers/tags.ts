// TagResource, UntagResource, ListTagsForResource for roots, OUs, accounts and policies (≤ 50 tags each).

import { requireManagement } from '../access.js';
import type { OrgContext } from '../context.js';
import { orgError } from '../errors.js';
import { TAGGABLE_ID } from '../ids.js';
import { checkTagCount, orgPage, readInput, readPageRequest, readTags, tagsToWire } from '../validation.js';
import type { OrgHandler } from './types.js';

const RESOURCE_ID_RULES = { max: 130, pattern: TAGGABLE_ID };

function requireResource(ctx: OrgContext, id: string): void {
  const { state } = ctx;
  if (id !== state.root?.id && !state.ous.has(id) && !state.accounts.has(id) && !state.policies.has(id)) {
    throw orgError('TargetNotFoundException');
  }
}

const tagResource: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const id = reader.string('ResourceId', RESOURCE_ID_RULES);
  const tags = readTags(reader, 'Tags', true);
  requireResource(ctx, id);
  const stored = ctx.state.tagsOf(id);
  checkTagCount(stored, tags);
  for (const [key, value] of tags) stored.set(key, value);
  return {};
};

const untagResource: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const id = reader.string('ResourceId', RESOURCE_ID_RULES);
  const keys = reader.stringList('TagKeys', {}, { min: 1, max: 128 });
  requireResource(ctx, id);
  const stored = ctx.state.tagsOf(id);
  for (const key of keys) stored.delete(key);
  return {};
};

const listTagsForResource: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const id = reader.string('ResourceId', RESOURCE_ID_RULES);
  const request = readPageRequest(reader, ctx, false);
  requireResource(ctx, id);
  const page = orgPage([...ctx.state.tagsOf(id)], request, ctx, id);
  return { Tags: tagsToWire(page.items), NextToken: page.nextToken };
};

export const tagHandlers: Readonly<Record<string, OrgHandler>> = {
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
