// The OU tree: create, rename, delete, describe and list OUs; ListChildren; ListParents.

import { requireManagement } from '../access.js';
import type { OrgContext } from '../context.js';
import { constraintViolation, orgError } from '../errors.js';
import { CHILD_ID, OU_ID, PARENT_ID } from '../ids.js';
import { LIMITS, type OuRecord } from '../model.js';
import { ouShape } from '../shapes.js';
import { checkTagCount, orgPage, readInput, readPageRequest, readTags } from '../validation.js';
import type { OrgHandler } from './types.js';

const OU_NAME = { min: 1, max: 128 };

function sameName(a: string, b: string, ctx: OrgContext): boolean {
  return ctx.settings.quirks.ouNamesCaseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
}

function siblingNamed(ctx: OrgContext, parentId: string, name: string, except?: string): boolean {
  return ctx.state.childOus(parentId).some((id) => id !== except && sameName(ctx.state.ous.get(id)?.name ?? '', name, ctx));
}

function requireOu(ctx: OrgContext, id: string): OuRecord {
  const ou = ctx.state.ous.get(id);
  if (!ou) throw orgError('OrganizationalUnitNotFoundException');
  return ou;
}

const createOrganizationalUnit: OrgHandler = (input, ctx) => {
  const { root } = requireManagement(ctx);
  const reader = readInput(input);
  const parentId = reader.string('ParentId', { max: 100, pattern: PARENT_ID });
  const name = reader.string('Name', OU_NAME);
  const tags = readTags(reader);
  const { state } = ctx;
  if (!state.isParent(parentId)) throw orgError('ParentNotFoundException');
  if (state.depthOf(parentId) + 1 > LIMITS.ouDepth) {
    throw constraintViolation('OU_DEPTH_LIMIT_EXCEEDED', `You attempted to create an OU tree that is too many levels deep (the limit is ${LIMITS.ouDepth} levels under the root).`);
  }
  if (state.ous.size >= state.quotas.maxOrganizationalUnits) {
    throw constraintViolation('OU_NUMBER_LIMIT_EXCEEDED', `You attempted to exceed the number of OUs that you can have in an organization (${state.quotas.maxOrganizationalUnits}).`);
  }
  if (siblingNamed(ctx, parentId, name)) throw orgError('DuplicateOrganizationalUnitException');
  checkTagCount(new Map(), tags);
  const ou: OuRecord = { id: ctx.ids.organizationalUnit(root.id, (id) => state.ous.has(id)), name, parentId };
  state.addOu(ou);
  if (tags.length > 0) {
    const stored = state.tagsOf(ou.id);
    for (const [key, value] of tags) stored.set(key, value);
  }
  return { OrganizationalUnit: ouShape(state, ou) };
};

const updateOrganizationalUnit: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const id = reader.string('OrganizationalUnitId', { max: 68, pattern: OU_ID });
  const name = reader.optionalString('Name', OU_NAME);
  const ou = requireOu(ctx, id);
  if (name !== undefined && name !== ou.name) {
    if (siblingNamed(ctx, ou.parentId, name, ou.id)) throw orgError('DuplicateOrganizationalUnitException');
    ou.name = name;
  }
  return { OrganizationalUnit: ouShape(ctx.state, ou) };
};

const deleteOrganizationalUnit: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const id = readInput(input).string('OrganizationalUnitId', { max: 68, pattern: OU_ID });
  requireOu(ctx, id);
  if (ctx.state.hasChildren(id)) throw orgError('OrganizationalUnitNotEmptyException');
  ctx.state.removeOu(id);
  return {};
};

const describeOrganizationalUnit: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const id = readInput(input).string('OrganizationalUnitId', { max: 68, pattern: OU_ID });
  return { OrganizationalUnit: ouShape(ctx.state, requireOu(ctx, id)) };
};

const listOrganizationalUnitsForParent: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const parentId = reader.string('ParentId', { max: 100, pattern: PARENT_ID });
  const request = readPageRequest(reader, ctx);
  if (!ctx.state.isParent(parentId)) throw orgError('ParentNotFoundException');
  const page = orgPage(ctx.state.childOus(parentId), request, ctx, parentId);
  return { OrganizationalUnits: page.items.map((id) => ouShape(ctx.state, requireOu(ctx, id))), NextToken: page.nextToken };
};

const listChildren: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const parentId = reader.string('ParentId', { max: 100, pattern: PARENT_ID });
  const childType = reader.enumValue('ChildType', ['ACCOUNT', 'ORGANIZATIONAL_UNIT']);
  const request = readPageRequest(reader, ctx);
  if (!ctx.state.isParent(parentId)) throw orgError('ParentNotFoundException');
  const ids = childType === 'ACCOUNT' ? ctx.state.childAccounts(parentId) : ctx.state.childOus(parentId);
  const page = orgPage(ids, request, ctx, `${parentId}:${childType}`);
  return { Children: page.items.map((Id) => ({ Id, Type: childType })), NextToken: page.nextToken };
};

const listParents: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const childId = reader.string('ChildId', { max: 100, pattern: CHILD_ID });
  const request = readPageRequest(reader, ctx);
  const parentId = ctx.state.ous.get(childId)?.parentId ?? ctx.state.accounts.get(childId)?.parentId;
  if (parentId === undefined) throw orgError('ChildNotFoundException');
  const parent = { Id: parentId, Type: parentId === ctx.state.root?.id ? 'ROOT' : 'ORGANIZATIONAL_UNIT' };
  const page = orgPage([parent], request, ctx, childId);
  return { Parents: page.items, NextToken: page.nextToken };
};

export const treeHandlers: Readonly<Record<string, OrgHandler>> = {
  CreateOrganizationalUnit: createOrganizationalUnit,
  UpdateOrganizationalUnit: updateOrganizationalUnit,
  DeleteOrganizationalUnit: deleteOrganizationalUnit,
  DescribeOrganizationalUnit: describeOrganizationalUnit,
  ListOrganizationalUnitsForParent: listOrganizationalUnitsForParent,
  ListChildren: listChildren,
  ListParents: listParents,
};
