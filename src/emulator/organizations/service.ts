// The Organizations service: every handler in one table, behind the EmulatedService interface.

import type { EmulatedService } from '../service.js';
import { serviceFromHandlers } from '../service.js';
import type { OrgContext } from './context.js';
import { organizationsErrors } from './errors.js';
import { accountHandlers } from './handlers/accounts.js';
import { organizationHandlers } from './handlers/organization.js';
import { policyHandlers } from './handlers/policies.js';
import { serviceAccessHandlers } from './handlers/service-access.js';
import { tagHandlers } from './handlers/tags.js';
import { treeHandlers } from './handlers/tree.js';

export const ORGANIZATIONS_TARGET_PREFIX = 'AWSOrganizationsV20161128';

const HANDLERS = { ...organizationHandlers, ...treeHandlers, ...accountHandlers, ...policyHandlers, ...tagHandlers, ...serviceAccessHandlers };

export const ORGANIZATIONS_OPERATIONS: readonly string[] = Object.keys(HANDLERS);

/** `contextFor` supplies state and settings; pending asynchronous work is completed before each call. */
export function organizationsService(contextFor: (call: Parameters<EmulatedService['call']>[2], operation: string) => OrgContext): EmulatedService {
  return serviceFromHandlers('organizations', organizationsErrors, HANDLERS, (call, operation) => {
    const ctx = contextFor(call, operation);
    ctx.state.advance(call.now);
    return ctx;
  });
}
