// The Account Management API's alternate contacts over REST-JSON: POST /getAlternateContact,
// /putAlternateContact, /deleteAlternateContact. A contact type that is not set answers
// ResourceNotFoundException (404). AccountId, when given, must name a member account and the caller
// must be its organization's management account; the management account may not name itself.

import { ApiError } from '../api-error.js';
import { InputReader } from '../input.js';
import type { JsonObject } from '../json.js';
import type { OrganizationsState } from '../organizations/state.js';
import { serviceFromHandlers, type CallContext, type EmulatedService, type ServiceErrors } from '../service.js';
import { ALTERNATE_CONTACT_TYPES, type AlternateContactsState } from './state.js';

export const ACCOUNT_ROUTES: Readonly<Record<string, string>> = {
  'POST /getAlternateContact': 'GetAlternateContact',
  'POST /putAlternateContact': 'PutAlternateContact',
  'POST /deleteAlternateContact': 'DeleteAlternateContact',
  'POST /putAccountName': 'PutAccountName',
};

export interface AccountContext {
  readonly contacts: AlternateContactsState;
  readonly organizations: OrganizationsState;
  readonly call: CallContext;
}

const accountErrors: ServiceErrors = {
  throttled: () => new ApiError('TooManyRequestsException', 'Too many requests', 429),
  conflict: () => new ApiError('ConflictException', 'The request could not be processed because of a conflict in the current status of the resource.', 409),
  internal: () => new ApiError('InternalServerException', 'The operation failed because of an error internal to AWS. Try your operation again later.', 500),
  unknownOperation: (operation) => new ApiError('UnknownOperationException', `The emulator does not implement the Account operation "${operation}".`, 400),
};

function reader(input: JsonObject): InputReader {
  return new InputReader(input, (failure) => new ApiError('ValidationException', failure.message, 400, { reason: 'fieldValidationFailed' }));
}

const EMAIL = /^[\s]*[\w+=.#|!&-]+@[\w.-]+\.[\w]+[\s]*$/;
const PHONE = /^[\s0-9()+-]+$/;

/** The account the call is about: the caller's own, or a member named by AccountId. */
function targetAccount(ctx: AccountContext, r: InputReader): string {
  const caller = ctx.call.caller.accountId;
  const accountId = r.optionalString('AccountId', { pattern: /^\d{12}$/ });
  if (accountId === undefined) return caller;
  const org = ctx.organizations.organization;
  if (accountId === caller && org?.managementAccountId === caller) {
    throw new ApiError('ValidationException', "The management account can't specify its own AccountId; call without AccountId.", 400, { reason: 'fieldValidationFailed' });
  }
  if (!org || org.managementAccountId !== caller || !ctx.organizations.accounts.has(accountId)) {
    throw new ApiError('AccessDeniedException', 'The operation failed because the calling identity does not have the minimum required permissions.', 403);
  }
  return accountId;
}

const HANDLERS: Readonly<Record<string, (input: JsonObject, ctx: AccountContext) => JsonObject>> = {
  GetAlternateContact: (input, ctx) => {
    const r = reader(input);
    const type = r.enumValue('AlternateContactType', ALTERNATE_CONTACT_TYPES);
    const contact = ctx.contacts.of(targetAccount(ctx, r)).get(type);
    if (!contact) throw new ApiError('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.', 404);
    return { AlternateContact: { AlternateContactType: type, EmailAddress: contact.emailAddress, Name: contact.name, PhoneNumber: contact.phoneNumber, Title: contact.title } };
  },

  PutAlternateContact: (input, ctx) => {
    const r = reader(input);
    const type = r.enumValue('AlternateContactType', ALTERNATE_CONTACT_TYPES);
    const contact = {
      name: r.string('Name', { min: 1, max: 64 }),
      title: r.string('Title', { min: 1, max: 50 }),
      emailAddress: r.string('EmailAddress', { min: 1, max: 254, pattern: EMAIL }),
      phoneNumber: r.string('PhoneNumber', { min: 1, max: 25, pattern: PHONE }),
    };
    ctx.contacts.of(targetAccount(ctx, r)).set(type, contact);
    return {};
  },

  DeleteAlternateContact: (input, ctx) => {
    const r = reader(input);
    const type = r.enumValue('AlternateContactType', ALTERNATE_CONTACT_TYPES);
    const contacts = ctx.contacts.of(targetAccount(ctx, r));
    if (!contacts.delete(type)) throw new ApiError('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.', 404);
    return {};
  },

  // Renames the caller's account, or a member named by AccountId (the organization's account record,
  // which ListAccounts then shows). Trusted access for account.amazonaws.com is not modelled.
  PutAccountName: (input, ctx) => {
    const r = reader(input);
    const name = r.string('AccountName', { min: 1, max: 50, pattern: /^[ -;=?-~]+$/ });
    const account = ctx.organizations.accounts.get(targetAccount(ctx, r));
    if (account) account.name = name;
    return {};
  },
};

export function accountService(contextFor: (call: CallContext) => AccountContext): EmulatedService {
  return serviceFromHandlers('account', accountErrors, HANDLERS, (call) => contextFor(call));
}
