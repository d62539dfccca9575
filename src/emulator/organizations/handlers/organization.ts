// CreateOrganization, DescribeOrganization, DeleteOrganization, ListRoots.

import { requireManagement, requireMember } from '../access.js';
import { orgError } from '../errors.js';
import { FEATURE_SETS } from '../model.js';
import { organizationShape, rootShape } from '../shapes.js';
import { orgPage, readInput, readPageRequest } from '../validation.js';
import type { OrgHandler } from './types.js';

const createOrganization: OrgHandler = (input, ctx) => {
  const featureSet = readInput(input).optionalEnum('FeatureSet', FEATURE_SETS) ?? 'ALL';
  const { state, call } = ctx;
  if (state.organization) {
    if (state.accounts.has(call.caller.accountId)) throw orgError('AlreadyInOrganizationException');
    throw orgError('AccessDeniedException', `The emulator holds a single organization (${state.organization.id}); account ${call.caller.accountId} is outside it and cannot create another.`);
  }
  const profile = ctx.settings.profileOf(call.caller.accountId);
  const root = { id: ctx.ids.root(), name: 'Root', policyTypes: new Set(featureSet === 'ALL' ? (['SERVICE_CONTROL_POLICY'] as const) : []) };
  state.createOrganization(
    { id: ctx.ids.organization(), featureSet, managementAccountId: call.caller.accountId },
    root,
    {
      id: call.caller.accountId,
      name: profile.name,
      email: profile.email,
      state: 'ACTIVE',
      joinedMethod: 'INVITED',
      joinedTimestamp: call.now / 1000,
      parentId: root.id,
    },
  );
  return { Organization: organizationShape(state) };
};

const describeOrganization: OrgHandler = (_input, ctx) => {
  requireMember(ctx);
  return { Organization: organizationShape(ctx.state) };
};

const deleteOrganization: OrgHandler = (_input, ctx) => {
  requireManagement(ctx);
  if (ctx.state.accounts.size > 1) throw orgError('OrganizationNotEmptyException');
  ctx.state.deleteOrganization();
  return {};
};

const listRoots: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const page = orgPage([rootShape(ctx.state)], readPageRequest(readInput(input), ctx), ctx, '');
  return { Roots: page.items, NextToken: page.nextToken };
};

export const organizationHandlers: Readonly<Record<string, OrgHandler>> = {
  CreateOrganization: createOrganization,
  DescribeOrganization: describeOrganization,
  DeleteOrganization: deleteOrganization,
  ListRoots: listRoots,
};
