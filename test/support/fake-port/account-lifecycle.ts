// The fake's account creation and closure, modelled as AWS documents them (aws-facts.md §2.5, §2.6):
// CreateAccount is asynchronous (IN_PROGRESS until the request has been described `pollsToComplete`
// times, then SUCCEEDED with the account in the root, or FAILED with a reason such as
// EMAIL_ALREADY_EXISTS); at most 5 creations in progress; CloseAccount puts the account in
// PENDING_CLOSURE, within a closure quota.

import type { CreateAccountRequest, CreateAccountState, CreateAccountStatus } from '../../../src/aws/port.js';
import { awsError } from './errors.js';
import type { FakeOrgTree } from './org-tree.js';

export const MAX_CREATIONS_IN_PROGRESS = 5;

export interface FakeCreateRequest {
  readonly requestId: string;
  readonly email: string;
  readonly accountName: string;
  state: CreateAccountState;
  accountId?: string;
  failureReason?: string;
  /** Describes left before it completes. */
  pollsLeft: number;
  /** Set: the request FAILS with this reason when it completes. */
  readonly failWith?: string;
  readonly tags: Readonly<Record<string, string>>;
}

export class FakeAccountLifecycle {
  readonly requests = new Map<string, FakeCreateRequest>();
  /** How many DescribeCreateAccountStatus calls a new request answers IN_PROGRESS before it completes. */
  pollsToComplete = 1;
  /** The next creations FAIL with these reasons, in order (ACCOUNT_LIMIT_EXCEEDED, INVALID_EMAIL, ...). */
  readonly failNext: string[] = [];
  /** Closures left in the rolling 30-day window (AWS: max(250, 20 % of members), at most 1 000). */
  closureQuotaLeft = 250;
  /** false: PutAccountName on a member answers AccessDenied (trusted access for account.amazonaws.com off). */
  accountManagementTrusted = true;
  private next = 1;

  constructor(private readonly tree: FakeOrgTree) {}

  /** A request someone (an earlier, interrupted run) already started. */
  seedRequest(email: string, accountName: string, state: CreateAccountState = 'IN_PROGRESS'): FakeCreateRequest {
    const request = this.start({ email, accountName });
    if (state !== 'IN_PROGRESS') this.complete(request, state === 'FAILED' ? 'INTERNAL_FAILURE' : undefined);
    return request;
  }

  create(input: CreateAccountRequest): CreateAccountStatus {
    const op = 'CreateAccount';
    this.tree.requireManagementCaller(op);
    const inProgress = [...this.requests.values()].filter((r) => r.state === 'IN_PROGRESS').length;
    if (inProgress >= MAX_CREATIONS_IN_PROGRESS) {
      throw awsError(op, 'constraint', 'ConstraintViolationException', 'You attempted to exceed the number of accounts that can be in progress at a time.', 'ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED');
    }
    return statusOf(this.start(input));
  }

  describe(requestId: string): CreateAccountStatus {
    const request = this.requests.get(requestId);
    if (!request) throw awsError('DescribeCreateAccountStatus', 'notFound', 'CreateAccountStatusNotFoundException', `We can't find a create account request with the ID ${requestId}.`);
    if (request.state === 'IN_PROGRESS' && --request.pollsLeft <= 0) this.complete(request, request.failWith);
    return statusOf(request);
  }

  list(states: readonly CreateAccountState[]): CreateAccountStatus[] {
    return [...this.requests.values()].filter((r) => states.length === 0 || states.includes(r.state)).map(statusOf);
  }

  close(accountId: string): void {
    const op = 'CloseAccount';
    this.tree.requireManagementCaller(op);
    const organization = this.tree.organization!;
    const account = this.tree.accounts.get(accountId);
    if (!account) throw awsError(op, 'notFound', 'AccountNotFoundException', `We can't find an account with the AccountId ${accountId}.`);
    if (accountId === organization.managementAccountId) {
      throw awsError(op, 'constraint', 'ConstraintViolationException', 'You cannot close the management account.', 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT');
    }
    if (account.state === 'SUSPENDED' || account.state === 'CLOSED') throw awsError(op, 'other', 'AccountAlreadyClosedException', 'The account is already closed.');
    if (account.state === 'PENDING_CLOSURE') throw awsError(op, 'other', 'ConflictException', 'The account is already being closed.');
    if (this.closureQuotaLeft <= 0) {
      throw awsError(op, 'constraint', 'ConstraintViolationException', 'You have exceeded the close account quota for the past 30 days.', 'CLOSE_ACCOUNT_QUOTA_EXCEEDED');
    }
    this.closureQuotaLeft--;
    account.state = 'PENDING_CLOSURE';
  }

  /** What AWS checks before a call with another account's AccountId (alternate contacts): a member, trusted access on. */
  requireMember(accountId: string, operation = 'GetAlternateContact'): void {
    if (accountId === this.tree.organization?.managementAccountId) {
      throw awsError(operation, 'invalidInput', 'ValidationException', "The management account can't specify its own AccountId.");
    }
    if (!this.accountManagementTrusted) throw awsError(operation, 'accessDenied', 'AccessDeniedException', 'Trusted access is not enabled for account.amazonaws.com.');
    if (!this.tree.accounts.has(accountId)) throw awsError(operation, 'accessDenied', 'AccessDeniedException', `The account ${accountId} is not a member of the caller's organization.`);
  }

  rename(accountId: string | undefined, name: string): void {
    const caller = this.tree.callerAccountId;
    const id = accountId ?? caller;
    if (accountId !== undefined && accountId === this.tree.organization?.managementAccountId) {
      throw awsError('PutAccountName', 'invalidInput', 'ValidationException', "The management account can't specify its own AccountId.");
    }
    if (accountId !== undefined && !this.accountManagementTrusted) {
      throw awsError('PutAccountName', 'accessDenied', 'AccessDeniedException', 'Trusted access is not enabled for account.amazonaws.com.');
    }
    const account = this.tree.accounts.get(id);
    if (!account) throw awsError('PutAccountName', 'accessDenied', 'AccessDeniedException', `The account ${id} is not a member of the caller's organization.`);
    if (!/^[ -;=?-~]{1,50}$/.test(name)) throw awsError('PutAccountName', 'invalidInput', 'ValidationException', 'AccountName must be 1 to 50 characters matching [ -;=?-~]+.');
    account.name = name;
  }

  private start(input: Pick<CreateAccountRequest, 'email' | 'accountName' | 'tags'>): FakeCreateRequest {
    const failWith = this.failNext.shift();
    const request: FakeCreateRequest = {
      requestId: `car-${String(this.next++).padStart(8, '0')}`,
      email: input.email,
      accountName: input.accountName,
      state: 'IN_PROGRESS',
      pollsLeft: this.pollsToComplete,
      ...(failWith !== undefined && { failWith }),
      tags: input.tags ?? {},
    };
    this.requests.set(request.requestId, request);
    return request;
  }

  private complete(request: FakeCreateRequest, failWith: string | undefined): void {
    const taken = [...this.tree.accounts.values()].some((a) => a.email.toLowerCase() === request.email.toLowerCase());
    const reason = failWith ?? (taken ? 'EMAIL_ALREADY_EXISTS' : undefined);
    if (reason !== undefined) {
      request.state = 'FAILED';
      request.failureReason = reason;
      return;
    }
    const accountId = this.tree.seedAccount({ name: request.accountName, email: request.email });
    if (Object.keys(request.tags).length > 0) this.tree.seedTags(accountId, request.tags);
    request.state = 'SUCCEEDED';
    request.accountId = accountId;
  }
}

function statusOf(r: FakeCreateRequest): CreateAccountStatus {
  return {
    requestId: r.requestId,
    accountName: r.accountName,
    state: r.state,
    ...(r.accountId !== undefined && { accountId: r.accountId }),
    ...(r.failureReason !== undefined && { failureReason: r.failureReason }),
  };
}
