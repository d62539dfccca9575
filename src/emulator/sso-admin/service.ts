// SSO Admin (IAM Identity Center) over JSON 1.1, target SWBExternalService: ListInstances, answering
// with the caller's instances in the request's region (Identity Center is regional: the SigV4
// credential scope says which region was asked), then permission sets (permission-sets.ts) and account
// assignments (assignments.ts), one handler per operation over one model (state.ts).

import { ApiError } from '../api-error.js';
import { InputReader } from '../input.js';
import type { JsonObject } from '../json.js';
import { paginate } from '../pagination.js';
import { serviceFromHandlers, type CallContext, type EmulatedService, type ServiceErrors } from '../service.js';
import { PERMISSION_SET_HANDLERS } from './permission-sets.js';
import type { IdentityStoreState } from '../identity-store/state.js';
import type { OrganizationsState } from '../organizations/state.js';
import { ASSIGNMENT_HANDLERS } from './assignments.js';
import type { IdentityCenterState } from './state.js';

export const SSO_ADMIN_TARGET_PREFIX = 'SWBExternalService';
/** What the emulator assumes when a request carries no credential scope. */
const DEFAULT_REGION = 'us-east-1';

export interface SsoAdminContext {
  readonly identityCenter: IdentityCenterState;
  readonly call: CallContext;
  /** Account assignments check their principal here and their account in the organization. */
  readonly identityStore: IdentityStoreState;
  readonly organizations: OrganizationsState;
}

const ssoAdminErrors: ServiceErrors = {
  throttled: () => new ApiError('ThrottlingException', 'Rate exceeded', 429),
  conflict: () => new ApiError('ConflictException', 'Occurs when a conflict with a previous successful write is detected.', 409),
  internal: () => new ApiError('InternalServerException', 'The request processing has failed because of an unknown error, exception, or failure with an internal server.', 500),
  unknownOperation: (operation) => new ApiError('UnknownOperationException', `The emulator does not implement the SSO Admin operation "${operation}".`, 400),
};

const HANDLERS: Readonly<Record<string, (input: JsonObject, ctx: SsoAdminContext) => JsonObject>> = {
  ListInstances: (input, ctx) => {
    const r = new InputReader(input, (failure) => new ApiError('ValidationException', failure.message, 400));
    const maxResults = r.optionalInteger('MaxResults', { min: 1, max: 100 });
    const region = ctx.call.region ?? DEFAULT_REGION;
    const caller = ctx.call.caller.accountId;
    const visible = ctx.identityCenter.instances.filter((i) => i.region === region && i.ownerAccountId === caller);
    const page = paginate(visible, { maxResults, nextToken: r.optionalString('NextToken') }, {
      scope: `${caller}:${region}:ListInstances`,
      defaultSize: 100,
      serverMax: 100,
      invalidToken: () => new ApiError('ValidationException', 'The NextToken is not valid.', 400),
    });
    return {
      Instances: page.items.map((i) => ({
        InstanceArn: i.instanceArn,
        IdentityStoreId: i.identityStoreId,
        OwnerAccountId: i.ownerAccountId,
        ...(i.name !== undefined && { Name: i.name }),
        CreatedDate: i.createdAt / 1000,
        Status: i.status,
      })),
      ...(page.nextToken !== undefined && { NextToken: page.nextToken }),
    };
  },
};

type Handlers = Readonly<Record<string, (input: JsonObject, ctx: SsoAdminContext) => JsonObject>>;

/** The handler tables as one; an operation in two tables is a mistake (one would silently win). */
function oneHandlerEach(...tables: readonly Handlers[]): Handlers {
  const all: Record<string, Handlers[string]> = {};
  for (const table of tables) {
    for (const [operation, handle] of Object.entries(table)) {
      if (operation in all) throw new Error(`SSO Admin operation ${operation} has two handlers in the emulator`);
      all[operation] = handle;
    }
  }
  return all;
}

export function ssoAdminService(contextFor: (call: CallContext) => SsoAdminContext): EmulatedService {
  return serviceFromHandlers('sso-admin', ssoAdminErrors, oneHandlerEach(HANDLERS, PERMISSION_SET_HANDLERS, ASSIGNMENT_HANDLERS), (call) => {
    const context = contextFor(call);
    // Provisioning requests whose time has come are done before anything reads them.
    context.identityCenter.permissionSets.advance(call.now);
    return context;
  });
}
