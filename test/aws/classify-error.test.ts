import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../src/aws/errors.js';
import { classifyError } from '../../src/aws/sdk/classify-error.js';

/** What SDK v3 service exceptions look like: name = AWS error code, $metadata.httpStatusCode, modelled members. */
function sdkError(name: string, status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: status }, $fault: status >= 500 ? 'server' : 'client', ...extra });
}

function networkError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyError', () => {
  it.each([
    ['TooManyRequestsException', 400, 'throttled'],
    ['TooManyRequestsException', 429, 'throttled'],
    ['ThrottlingException', 400, 'throttled'],
    ['ConcurrentModificationException', 409, 'concurrentModification'],
    ['ServiceException', 500, 'transient'],
    ['InternalErrorException', 500, 'transient'],
    ['AWSOrganizationsNotInUseException', 404, 'notInUse'],
    ['AccessDeniedException', 403, 'accessDenied'],
    ['DuplicateOrganizationalUnitException', 409, 'alreadyExists'],
    ['DuplicateAccountException', 409, 'alreadyExists'],
    ['DuplicateRecordException', 409, 'alreadyExists'],
    ['AlreadyInOrganizationException', 409, 'alreadyExists'],
    ['ParentNotFoundException', 404, 'notFound'],
    ['AccountNotFoundException', 404, 'notFound'],
    ['NotFoundException', 404, 'notFound'],
    ['ConstraintViolationException', 409, 'constraint'],
    ['OrganizationalUnitNotEmptyException', 409, 'constraint'],
    ['CreationLimitExceededException', 405, 'constraint'],
    ['InvalidInputException', 400, 'invalidInput'],
    ['InvalidParameterException', 400, 'invalidInput'],
    ['PolicyTypeNotEnabledException', 409, 'other'],
  ])('%s (HTTP %i) → %s', (name, status, kind) => {
    const error = classifyError(sdkError(name, status), 'organizations', 'MoveAccount');
    expect(error).toBeInstanceOf(AwsCallError);
    expect([error.kind, error.code, error.operation]).toEqual([kind, name, 'MoveAccount']);
  });

  it('decides by name, not status: a modelled client error stays what its name says even with a 5xx', () => {
    expect(classifyError(sdkError('InvalidInputException', 500), 'organizations', 'X').kind).toBe('invalidInput');
    expect(classifyError(sdkError('ConcurrentModificationException', 400), 'organizations', 'X').kind).toBe('concurrentModification');
  });

  it('falls back on the status only for names it does not know', () => {
    expect(classifyError(sdkError('SomethingNew', 429), 'budgets', 'X').kind).toBe('throttled');
    expect(classifyError(sdkError('Unknown', 503), 'budgets', 'X').kind).toBe('transient');
    expect(classifyError(sdkError('SomethingNew', 400), 'budgets', 'X').kind).toBe('other');
  });

  it('treats dropped connections and timeouts as transient', () => {
    expect(classifyError(networkError('ECONNRESET', 'socket hang up'), 'organizations', 'ListRoots')).toMatchObject({ kind: 'transient', code: 'ECONNRESET' });
    expect(classifyError(networkError('ETIMEDOUT', 'connect ETIMEDOUT'), 'organizations', 'ListRoots').kind).toBe('transient');
    expect(classifyError(Object.assign(new Error('socket hang up')), 'organizations', 'ListRoots').kind).toBe('transient');
    const timeout = Object.assign(new Error('Connection timed out after 30000 ms'), { name: 'TimeoutError' });
    expect(classifyError(timeout, 'budgets', 'DescribeBudgets').kind).toBe('transient');
  });

  it('words the SDK\'s timeouts itself, never passing on its text (the endpoint and limits come from the wire, see sdk-port.timeouts.test.ts)', () => {
    const sdkTimeout = (message: string, code?: string) => Object.assign(new Error(message), { name: 'TimeoutError', ...(code ? { code } : {}) });
    const request = classifyError(sdkTimeout('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 300 ms requestTimeout.', 'ETIMEDOUT'), 'organizations', 'ListRoots');
    expect([request.kind, request.code]).toEqual(['transient', 'RequestTimeout']);
    const connect = classifyError(sdkTimeout('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 100 ms.'), 'budgets', 'DescribeBudgets');
    expect([connect.kind, connect.code, connect.message]).toEqual(['transient', 'ConnectTimeout', 'could not connect to the endpoint']);
    const stalled = classifyError(sdkTimeout('@smithy/node-http-handler - the request socket timed out after 300 ms of inactivity (configured by client requestHandler).'), 'sts', 'GetCallerIdentity');
    expect(stalled.code).toBe('RequestTimeout');
    for (const error of [request, connect, stalled]) expect(error.describe()).not.toMatch(/@smithy|requestTimeout|requestHandler/);
  });

  it('keeps ConstraintViolationException.Reason', () => {
    const error = classifyError(sdkError('ConstraintViolationException', 409, { Reason: 'OU_NUMBER_LIMIT_EXCEEDED' }), 'organizations', 'CreateOrganizationalUnit');
    expect(error.reason).toBe('OU_NUMBER_LIMIT_EXCEEDED');
    expect(error.describe()).toBe('CreateOrganizationalUnit failed: ConstraintViolationException (OU_NUMBER_LIMIT_EXCEEDED): ConstraintViolationException message');
  });

  it('names the IAM action each denied call needs', () => {
    const message = (service: 'organizations' | 'budgets', op: string) => classifyError(sdkError('AccessDeniedException', 403), service, op).message;
    expect(message('organizations', 'ListOrganizationalUnitsForParent')).toMatch(/^the credentials lack organizations:ListOrganizationalUnitsForParent;/);
    expect(message('budgets', 'DescribeBudgets')).toMatch(/^the credentials lack budgets:ViewBudget;/);
    expect(message('budgets', 'DescribeSubscribersForNotification')).toMatch(/^the credentials lack budgets:ViewBudget;/);
    expect(message('budgets', 'UpdateBudget')).toMatch(/^the credentials lack budgets:ModifyBudget;/);
    expect(message('budgets', 'CreateBudget')).toMatch(/^the credentials lack budgets:ModifyBudget or budgets:TagResource;/);
    expect(message('budgets', 'ListTagsForResource')).toMatch(/^the credentials lack budgets:ListTagsForResource;/);
    const dependency = classifyError(sdkError('AccessDeniedForDependencyException', 403, { Reason: 'ACCESS_DENIED_DURING_CREATE_SERVICE_LINKED_ROLE' }), 'organizations', 'CreateOrganization');
    expect(dependency.kind).toBe('accessDenied');
    expect(dependency.message).toMatch(/iam:CreateServiceLinkedRole/);
  });

  it('explains rejected or missing credentials instead of blaming a permission', () => {
    const missing = classifyError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'sts', 'GetCallerIdentity');
    expect(missing.kind).toBe('other');
    expect(missing.describe()).toMatch(/^GetCallerIdentity failed: CredentialsProviderError: the AWS credentials were rejected or not found \(Could not load credentials/);
    expect(classifyError(sdkError('ExpiredToken', 403), 'sts', 'GetCallerIdentity').message).toMatch(/refresh expired sessions/);
  });

  it('passes an AwsCallError through unchanged', () => {
    const original = new AwsCallError('X', 'notFound', 'NotFoundException', 'gone');
    expect(classifyError(original, 'budgets', 'Y')).toBe(original);
  });
});
