// Maps whatever the SDK throws into our AwsCallError taxonomy (src/aws/errors.ts). Decisions go by
// the error's name (the AWS error code), never by HTTP status: Organizations has sent throttles as
// 400 and current models say 429 (aws-facts.md §1.3). Status only breaks the tie for names we do
// not know (an unmodelled 5xx or 429 from a proxy). Two failures get our own words instead of the
// SDK's: timeouts (the SDK's text names its internals, not the endpoint) and replies that are not
// AWS's at all (the SDK reports a parse error and a hidden field).

import { AwsCallError, type AwsErrorKind } from '../errors.js';
import { accessDeniedMessage, type AwsServiceName } from '../operations.js';
import { TIMEOUT_VARIABLES } from '../timeouts.js';
import { transportFactsOf, type RawReply, type TransportFacts } from './transport-facts.js';

const THROTTLING_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'RequestLimitExceeded',
  'PriorRequestNotComplete',
  'SlowDown',
]);

const TRANSIENT_NAMES = new Set([
  'ServiceException', // Organizations' 500
  'InternalErrorException', // Budgets' 500
  'ServiceFailure', // IAM's 500 (code), as the SDK names it below
  'ServiceFailureException',
  'InternalServerException', // Account's and SSO Admin's 500
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

/** Node network error codes that mean "the request may not have arrived; try again". */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

const CREDENTIAL_NAMES = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);

const CONSTRAINT_NAMES = new Set(['ConstraintViolationException', 'OrganizationalUnitNotEmptyException', 'CreationLimitExceededException', 'ServiceQuotaExceededException']);

const INVALID_INPUT_NAMES = new Set(['InvalidInputException', 'InvalidParameterException', 'InvalidNextTokenException', 'ExpiredNextTokenException', 'ValidationException', 'SerializationException']);

interface SdkErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly Reason?: unknown;
  /** The error code the query protocol (STS, IAM) read from the reply. */
  readonly Code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

export function classifyError(error: unknown, service: AwsServiceName, operation: string): AwsCallError {
  if (error instanceof AwsCallError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const networkCode = typeof e.code === 'string' ? e.code : undefined;
  const code = name === 'Error' && networkCode ? networkCode : name;
  const awsMessage = typeof e.message === 'string' && e.message !== '' ? e.message : typeof error === 'string' ? error : name;
  const reason = typeof e.Reason === 'string' ? e.Reason : undefined;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;

  const make = (kind: AwsErrorKind, message = awsMessage) => new AwsCallError(operation, kind, code, message, reason);

  const facts = transportFactsOf(error);
  if (name === 'TimeoutError') return timedOut(operation, awsMessage, facts);
  if (facts?.reply && !isAwsReply(e, facts.reply)) return notAwsReply(operation, facts.endpoint, facts.reply);

  if (THROTTLING_NAMES.has(name)) return make('throttled');
  if (name === 'ConcurrentModificationException') return make('concurrentModification');
  if (TRANSIENT_NAMES.has(name) || (networkCode !== undefined && TRANSIENT_NETWORK_CODES.has(networkCode)) || /socket hang up/i.test(awsMessage)) {
    return make('transient');
  }
  if (name === 'AWSOrganizationsNotInUseException') return make('notInUse');
  if (name === 'AccessDeniedForDependencyException') {
    return make('accessDenied', `the credentials lack a permission ${operation} depends on, usually iam:CreateServiceLinkedRole (AWS said: ${awsMessage})`);
  }
  if (name.startsWith('AccessDenied')) return make('accessDenied', accessDeniedMessage(service, operation, awsMessage));
  if (CREDENTIAL_NAMES.has(name)) {
    return make('other', `the AWS credentials were rejected or not found (${awsMessage}); check AWS_PROFILE or the credential variables, and refresh expired sessions`);
  }
  if (name.startsWith('Duplicate') || name === 'AlreadyInOrganizationException' || name === 'AccountAlreadyRegisteredException' || name === 'EntityAlreadyExists' || name === 'EntityAlreadyExistsException') return make('alreadyExists');
  // The account is not a delegated administrator (of that service): what a deregistration wants.
  if (name === 'AccountNotRegisteredException') return make('notFound');
  // IAM says NoSuchEntity for a user (or other entity) that does not exist.
  if (name.includes('NotFound') || name === 'NoSuchEntity' || name === 'NoSuchEntityException') return make('notFound');
  if (CONSTRAINT_NAMES.has(name)) return make('constraint');
  if (INVALID_INPUT_NAMES.has(name)) return make('invalidInput');
  // Names we do not know: fall back on what the status says about retrying.
  if (status === 429) return make('throttled');
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) return make('transient');
  return make('other');
}

/** The SDK's timeout errors, in words that name the endpoint and the setting to change. */
function timedOut(operation: string, sdkMessage: string, facts: TransportFacts | undefined): AwsCallError {
  const endpoint = facts?.endpoint ?? 'the endpoint';
  if (/establish a connection/i.test(sdkMessage)) {
    const limit = facts ? ` within ${facts.timeouts.connectMs} ms (${TIMEOUT_VARIABLES.connectMs})` : '';
    return new AwsCallError(operation, 'transient', 'ConnectTimeout', `could not connect to ${endpoint}${limit}`);
  }
  if (/requestTimeout|socket timed out/i.test(sdkMessage)) {
    const limit = facts ? ` within ${facts.timeouts.requestMs} ms (${TIMEOUT_VARIABLES.requestMs})` : '';
    return new AwsCallError(operation, 'transient', 'RequestTimeout', `no reply from ${endpoint}${limit}`);
  }
  return new AwsCallError(operation, 'transient', 'Timeout', `the connection to ${endpoint} timed out`);
}

/**
 * An AWS error reply names its error code, in the body (JSON __type, XML <Code>) or a header
 * (x-amzn-ErrorType). A reply the SDK could not parse at all has no $fault; one it parsed but found
 * no code in gets a placeholder name ("Unknown", or "NotFound" for a 404 in the query protocol)
 * that the reply does not contain.
 */
function isAwsReply(e: SdkErrorLike, reply: RawReply): boolean {
  if (e.$fault === undefined) return false;
  const codes = [e.name, e.Code].filter((c): c is string => typeof c === 'string' && c !== '' && c !== 'Unknown');
  const text = `${new TextDecoder().decode(reply.body)}\n${Object.values(reply.headers).join('\n')}`;
  return codes.some((c) => text.includes(c));
}

/** Not AWS's reply (a proxy's page, an emulator without the operation): retried only if its status says so. */
function notAwsReply(operation: string, endpoint: string, reply: RawReply): AwsCallError {
  const kind: AwsErrorKind = reply.status === 429 ? 'throttled' : reply.status >= 500 ? 'transient' : 'other';
  return new AwsCallError(operation, kind, `HTTP ${reply.status}`, `not an AWS reply, from ${endpoint}; ${firstLineOf(reply.body)}`);
}

const FIRST_LINE_MAX = 160;

function firstLineOf(body: Uint8Array): string {
  const line = new TextDecoder()
    .decode(body.subarray(0, 4096))
    .split(/\r?\n/)
    .map((l) => l.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim())
    .find((l) => l !== '');
  if (line === undefined) return 'the body is empty';
  return `its first line: ${line.length > FIRST_LINE_MAX ? `${line.slice(0, FIRST_LINE_MAX)}…` : line}`;
}
