// The AwsCallErrors the fake answers with: AWS's own rule refusals, and the failures a test injects.

import { AwsCallError, type AwsErrorKind } from '../../../src/aws/errors.js';
import { accessDeniedMessage, type AwsServiceName } from '../../../src/aws/operations.js';

export interface InjectedFailure {
  /** Defaults per kind: TooManyRequestsException / ThrottlingException, ConcurrentModificationException, ... */
  readonly code?: string;
  readonly message?: string;
  readonly reason?: string;
  /** Only calls whose arguments match fail (and use up the count). */
  readonly when?: (args: readonly unknown[]) => boolean;
}

export function awsError(operation: string, kind: AwsErrorKind, code: string, message: string, reason?: string): AwsCallError {
  return new AwsCallError(operation, kind, code, message, reason);
}

const DEFAULT_CODES: Record<AwsErrorKind, string> = {
  throttled: 'TooManyRequestsException',
  concurrentModification: 'ConcurrentModificationException',
  transient: 'ServiceException',
  notInUse: 'AWSOrganizationsNotInUseException',
  accessDenied: 'AccessDeniedException',
  alreadyExists: 'DuplicateRecordException',
  notFound: 'NotFoundException',
  constraint: 'ConstraintViolationException',
  invalidInput: 'InvalidInputException',
  other: 'UnknownError',
};

export function injectedError(service: AwsServiceName, operation: string, kind: AwsErrorKind, details: InjectedFailure): AwsCallError {
  const code = details.code ?? (kind === 'throttled' && service === 'budgets' ? 'ThrottlingException' : DEFAULT_CODES[kind]);
  const message = details.message ?? (kind === 'accessDenied' ? accessDeniedMessage(service, operation) : `injected ${code}`);
  return new AwsCallError(operation, kind, code, message, details.reason);
}
