// EnableAWSServiceAccess, DisableAWSServiceAccess, ListAWSServiceAccessForOrganization,
// RegisterDelegatedAdministrator, DeregisterDelegatedAdministrator, ListDelegatedAdministrators,
// ListDelegatedServicesForAccount, with the refusals the Organizations API reference documents:
// management account only; trusted access and delegation need all features
// (ORGANIZATION_NOT_IN_ALL_FEATURES_MODE); a principal AWS does not know is InvalidInputException
// UNRECOGNIZED_SERVICE_PRINCIPAL; the management account cannot be a delegated administrator
// (CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR), nor a suspended account; registering twice is
// AccountAlreadyRegisteredException, deregistering (or listing) an account that administers nothing
// AccountNotRegisteredException. Enabling an enabled service and disabling a disabled one succeed.
// A delegated administrator needs the service's trusted access (SERVICE_ACCESS_NOT_ENABLED), as
// AWS's user guide says for most services; the emulator applies it to all.

import { KNOWN_SERVICE_PRINCIPALS } from '../../../model/service-principals.js';
import { requireManagement } from '../access.js';
import type { OrgContext } from '../context.js';
import { constraintViolation, invalidInput, orgError } from '../errors.js';
import { ACCOUNT_ID } from '../ids.js';
import { accountShape } from '../shapes.js';
import { orgPage, readInput, readPageRequest } from '../validation.js';
import type { OrgHandler } from './types.js';
import type { InputReader } from '../../input.js';

const PRINCIPAL_RULES = { min: 1, max: 128, pattern: /^[\w+=,.@-]*$/ };
const KNOWN = new Set(KNOWN_SERVICE_PRINCIPALS);

function readPrincipal(reader: InputReader, name = 'ServicePrincipal'): string {
  const principal = reader.string(name, PRINCIPAL_RULES);
  if (!KNOWN.has(principal)) throw invalidInput('UNRECOGNIZED_SERVICE_PRINCIPAL', 'You specified an unrecognized service principal.');
  return principal;
}

function requireAllFeatures(ctx: OrgContext): void {
  const { organization } = requireManagement(ctx);
  if (organization.featureSet !== 'ALL') {
    throw constraintViolation(
      'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
      "You attempted to perform an operation that requires the organization to be configured to support all features. An organization that supports only consolidated billing features can't perform this operation.",
    );
  }
}

function requireAccount(ctx: OrgContext, accountId: string): void {
  if (!ctx.state.accounts.has(accountId)) throw orgError('AccountNotFoundException');
}

const notRegistered = () => orgError('AccountNotRegisteredException', 'The specified account is not a delegated administrator for this AWS service.');

const enableAwsServiceAccess: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const principal = readPrincipal(readInput(input));
  requireAllFeatures(ctx);
  if (!ctx.state.serviceAccess.has(principal)) ctx.state.serviceAccess.set(principal, ctx.call.now / 1000);
  return {};
};

const disableAwsServiceAccess: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const principal = readPrincipal(readInput(input));
  requireAllFeatures(ctx);
  ctx.state.serviceAccess.delete(principal);
  return {};
};

const listAwsServiceAccessForOrganization: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const request = readPageRequest(readInput(input), ctx);
  const enabled = [...ctx.state.serviceAccess].map(([ServicePrincipal, DateEnabled]) => ({ ServicePrincipal, DateEnabled }));
  const page = orgPage(enabled, request, ctx, '');
  return { EnabledServicePrincipals: page.items, NextToken: page.nextToken };
};

const registerDelegatedAdministrator: OrgHandler = (input, ctx) => {
  const { organization } = requireManagement(ctx);
  const reader = readInput(input);
  const accountId = reader.string('AccountId', { pattern: ACCOUNT_ID });
  const principal = readPrincipal(reader);
  requireAllFeatures(ctx);
  requireAccount(ctx, accountId);
  if (accountId === organization.managementAccountId) {
    throw constraintViolation(
      'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
      'You attempted to register the management account of the organization as a delegated administrator for an AWS service integrated with Organizations. You can designate only a member account as a delegated administrator.',
    );
  }
  if (ctx.state.accounts.get(accountId)?.state === 'SUSPENDED') {
    throw constraintViolation('CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR', 'You cannot register a suspended account as a delegated administrator.');
  }
  if (!ctx.state.serviceAccess.has(principal)) {
    throw constraintViolation('SERVICE_ACCESS_NOT_ENABLED', `Trusted access is not enabled for ${principal}. Enable it before you register a delegated administrator.`);
  }
  const services = ctx.state.delegatedServicesOf(accountId);
  if (services.has(principal)) throw orgError('AccountAlreadyRegisteredException', 'The specified account is already a delegated administrator for this AWS service.');
  services.set(principal, ctx.call.now / 1000);
  return {};
};

const deregisterDelegatedAdministrator: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const accountId = reader.string('AccountId', { pattern: ACCOUNT_ID });
  const principal = readPrincipal(reader);
  requireAllFeatures(ctx);
  requireAccount(ctx, accountId);
  const services = ctx.state.delegatedAdministrators.get(accountId);
  if (!services?.has(principal)) throw notRegistered();
  services.delete(principal);
  if (services.size === 0) ctx.state.delegatedAdministrators.delete(accountId);
  return {};
};

const listDelegatedAdministrators: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const principal = reader.optionalString('ServicePrincipal', PRINCIPAL_RULES);
  if (principal !== undefined && !KNOWN.has(principal)) throw invalidInput('UNRECOGNIZED_SERVICE_PRINCIPAL', 'You specified an unrecognized service principal.');
  const request = readPageRequest(reader, ctx);
  const admins = [...ctx.state.delegatedAdministrators]
    .filter(([, services]) => principal === undefined || services.has(principal))
    .flatMap(([accountId, services]) => {
      const account = ctx.state.accounts.get(accountId);
      if (!account) return [];
      // When the account first became a delegated administrator (of any service).
      return [{ ...accountShape(ctx.state, account), DelegationEnabledDate: Math.min(...services.values()) }];
    });
  const page = orgPage(admins, request, ctx, principal ?? '');
  return { DelegatedAdministrators: page.items, NextToken: page.nextToken };
};

const listDelegatedServicesForAccount: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const accountId = reader.string('AccountId', { pattern: ACCOUNT_ID });
  const request = readPageRequest(reader, ctx);
  requireAccount(ctx, accountId);
  const services = ctx.state.delegatedAdministrators.get(accountId);
  if (!services) throw notRegistered();
  const delegated = [...services].map(([ServicePrincipal, DelegationEnabledDate]) => ({ ServicePrincipal, DelegationEnabledDate }));
  const page = orgPage(delegated, request, ctx, accountId);
  return { DelegatedServices: page.items, NextToken: page.nextToken };
};

export const serviceAccessHandlers: Readonly<Record<string, OrgHandler>> = {
  EnableAWSServiceAccess: enableAwsServiceAccess,
  DisableAWSServiceAccess: disableAwsServiceAccess,
  ListAWSServiceAccessForOrganization: listAwsServiceAccessForOrganization,
  RegisterDelegatedAdministrator: registerDelegatedAdministrator,
  DeregisterDelegatedAdministrator: deregisterDelegatedAdministrator,
  ListDelegatedAdministrators: listDelegatedAdministrators,
  ListDelegatedServicesForAccount: listDelegatedServicesForAccount,
};
