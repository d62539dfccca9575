// Accounts: list, describe, move, create (asynchronous) and close (asynchronous).

import { requireManagement } from '../access.js';
import type { OrgContext } from '../context.js';
import { constraintViolation, invalidInput, orgError } from '../errors.js';
import { ACCOUNT_ID, CREATE_ACCOUNT_REQUEST_ID, EMAIL, PARENT_ID } from '../ids.js';
import { LIMITS, type AccountRecord } from '../model.js';
import { accountShape, createAccountStatusShape } from '../shapes.js';
import { checkTagCount, orgPage, readInput, readPageRequest, readTags } from '../validation.js';
import type { OrgHandler } from './types.js';

const ACCOUNT_ID_RULES = { max: 12, pattern: ACCOUNT_ID };
const PARENT_ID_RULES = { max: 100, pattern: PARENT_ID };

function requireAccount(ctx: OrgContext, id: string): AccountRecord {
  const account = ctx.state.accounts.get(id);
  if (!account) throw orgError('AccountNotFoundException');
  return account;
}

const listAccounts: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const page = orgPage([...ctx.state.accounts.keys()], readPageRequest(readInput(input), ctx), ctx, '');
  return { Accounts: page.items.map((id) => accountShape(ctx.state, requireAccount(ctx, id))), NextToken: page.nextToken };
};

const listAccountsForParent: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const parentId = reader.string('ParentId', PARENT_ID_RULES);
  const request = readPageRequest(reader, ctx);
  if (!ctx.state.isParent(parentId)) throw orgError('ParentNotFoundException');
  const page = orgPage(ctx.state.childAccounts(parentId), request, ctx, parentId);
  return { Accounts: page.items.map((id) => accountShape(ctx.state, requireAccount(ctx, id))), NextToken: page.nextToken };
};

const describeAccount: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const id = readInput(input).string('AccountId', ACCOUNT_ID_RULES);
  return { Account: accountShape(ctx.state, requireAccount(ctx, id)) };
};

const moveAccount: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const accountId = reader.string('AccountId', ACCOUNT_ID_RULES);
  const sourceId = reader.string('SourceParentId', PARENT_ID_RULES);
  const destinationId = reader.string('DestinationParentId', PARENT_ID_RULES);
  const { state } = ctx;
  const account = requireAccount(ctx, accountId);
  if (!state.isParent(sourceId)) throw orgError('SourceParentNotFoundException');
  if (!state.isParent(destinationId)) throw orgError('DestinationParentNotFoundException');
  // AWS documents both errors but not which comes first when both apply (a retried move that already
  // happened): the quirk picks.
  const { moveAccountCheckOrder, wrongSourceParent } = ctx.settings.quirks;
  const checkDestination = () => {
    if (account.parentId === destinationId) throw orgError('DuplicateAccountException');
  };
  const checkSource = () => {
    if (account.parentId !== sourceId && wrongSourceParent !== 'ignore') throw orgError(wrongSourceParent);
  };
  if (moveAccountCheckOrder === 'destinationFirst') checkDestination();
  checkSource();
  checkDestination();
  state.moveAccount(accountId, destinationId);
  return {};
};

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

const createAccount: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const email = reader.string('Email', { min: 6, max: 64, pattern: EMAIL });
  const accountName = reader.string('AccountName', { min: 1, max: 50, pattern: /^[\u0020-\u007E]+$/ });
  const roleName = reader.optionalString('RoleName', { pattern: ROLE_NAME });
  reader.optionalEnum('IamUserAccessToBilling', ['ALLOW', 'DENY']);
  const tags = readTags(reader);
  if (roleName?.startsWith('AWSServiceRoleFor')) {
    throw invalidInput('INVALID_ROLE_NAME', 'You provided a role name that is not valid: it may not start with "AWSServiceRoleFor".');
  }
  checkTagCount(new Map(), tags);
  const { state, call } = ctx;
  if (state.inProgressCreates() >= LIMITS.concurrentCreateAccount) {
    throw constraintViolation('ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED', `You attempted to exceed the number of accounts that can be in progress at a time (${LIMITS.concurrentCreateAccount}).`);
  }
  if (state.accounts.size + state.inProgressCreates() >= state.quotas.maxAccounts) {
    throw constraintViolation('ACCOUNT_NUMBER_LIMIT_EXCEEDED', `You attempted to exceed the limit on the number of accounts in an organization (${state.quotas.maxAccounts}).`);
  }
  const pendingIds = new Set([...state.createRequests.values()].map((r) => r.accountId));
  const request = {
    id: ctx.ids.createAccountRequest((id) => state.createRequests.has(id)),
    accountName,
    email,
    accountId: ctx.ids.account((id) => state.accounts.has(id) || pendingIds.has(id) || id === call.caller.accountId),
    state: 'IN_PROGRESS' as const,
    requestedAt: call.now,
    completesAt: call.now + ctx.settings.createAccountDelayMs,
    tags,
  };
  state.addCreateRequest(request);
  return { CreateAccountStatus: createAccountStatusShape(request) };
};

const describeCreateAccountStatus: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const id = readInput(input).string('CreateAccountRequestId', { max: 36, pattern: CREATE_ACCOUNT_REQUEST_ID });
  const request = ctx.state.createRequests.get(id);
  if (!request) throw orgError('CreateAccountStatusNotFoundException');
  return { CreateAccountStatus: createAccountStatusShape(request) };
};

const listCreateAccountStatus: OrgHandler = (input, ctx) => {
  requireManagement(ctx);
  const reader = readInput(input);
  const states = reader.optionalStringList('States');
  for (const s of states ?? []) {
    if (!['IN_PROGRESS', 'SUCCEEDED', 'FAILED'].includes(s)) throw invalidInput('INVALID_ENUM', 'States must contain IN_PROGRESS, SUCCEEDED or FAILED.');
  }
  const request = readPageRequest(reader, ctx);
  const matching = [...ctx.state.createRequests.values()].filter((r) => !states || states.includes(r.state));
  const page = orgPage(matching, request, ctx, (states ?? []).join(','));
  return { CreateAccountStatuses: page.items.map(createAccountStatusShape), NextToken: page.nextToken };
};

const closeAccount: OrgHandler = (input, ctx) => {
  const { organization } = requireManagement(ctx);
  const id = readInput(input).string('AccountId', ACCOUNT_ID_RULES);
  const { state, call } = ctx;
  const account = requireAccount(ctx, id);
  if (id === organization.managementAccountId) {
    throw constraintViolation('CANNOT_CLOSE_MANAGEMENT_ACCOUNT', 'You attempted to close the management account; close it from its own settings after the organization is deleted.');
  }
  if (organization.featureSet !== 'ALL') {
    throw constraintViolation('ORGANIZATION_NOT_IN_ALL_FEATURES_MODE', 'Closing member accounts requires an organization with all features enabled.');
  }
  if (account.state === 'CLOSED' || account.state === 'SUSPENDED') throw orgError('AccountAlreadyClosedException');
  if (account.state === 'PENDING_CLOSURE') throw orgError('ConflictException', 'The account is already being closed.');
  if (state.inProgressClosures() >= LIMITS.concurrentCloseAccount) {
    throw constraintViolation('CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED', `You attempted to exceed the number of accounts that can be closed at a time (${LIMITS.concurrentCloseAccount}).`);
  }
  const windowStart = call.now - LIMITS.closeWindowMs;
  const recent = state.closureRequests.filter((t) => t > windowStart).length;
  const members = state.accounts.size - 1;
  const quota = Math.min(1000, Math.max(250, Math.floor(members * 0.2)));
  if (recent >= quota) {
    throw constraintViolation('CLOSE_ACCOUNT_QUOTA_EXCEEDED', `You have exceeded the close account quota of ${quota} accounts in a rolling 30-day window.`);
  }
  state.closureRequests.push(call.now);
  state.startClosure(id, call.now + ctx.settings.closeAccountDelayMs);
  return {};
};

export const accountHandlers: Readonly<Record<string, OrgHandler>> = {
  ListAccounts: listAccounts,
  ListAccountsForParent: listAccountsForParent,
  DescribeAccount: describeAccount,
  MoveAccount: moveAccount,
  CreateAccount: createAccount,
  DescribeCreateAccountStatus: describeCreateAccountStatus,
  ListCreateAccountStatus: listCreateAccountStatus,
  CloseAccount: closeAccount,
};
