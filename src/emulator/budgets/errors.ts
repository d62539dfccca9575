// Budgets error codes with the HTTP status the Smithy model declares (aws-facts §1.3).

import { ApiError } from '../api-error.js';
import type { ValidationFailure } from '../input.js';
import type { ServiceErrors } from '../service.js';

const STATUS = {
  InvalidParameterException: 400,
  InvalidNextTokenException: 400,
  ExpiredNextTokenException: 400,
  ThrottlingException: 400,
  UnknownOperationException: 400,
  ServiceQuotaExceededException: 402,
  AccessDeniedException: 403,
  NotFoundException: 404,
  CreationLimitExceededException: 405,
  DuplicateRecordException: 409,
  ResourceLockedException: 423,
  InternalErrorException: 500,
} as const;

export type BudgetsErrorCode = keyof typeof STATUS;

export function budgetsError(code: BudgetsErrorCode, message: string): ApiError {
  return new ApiError(code, message, STATUS[code]);
}

export function budgetsValidationError(failure: ValidationFailure): ApiError {
  return budgetsError('InvalidParameterException', failure.message);
}

export const budgetsErrors: ServiceErrors = {
  throttled: () => budgetsError('ThrottlingException', 'Rate exceeded: API requests exceeded the maximum allowed for the account. Try again later.'),
  conflict: () => undefined,
  internal: () => budgetsError('InternalErrorException', 'An error on the server occurred during the processing of your request. Try again later.'),
  unknownOperation: (operation) => budgetsError('UnknownOperationException', `The emulator does not implement the Budgets operation "${operation}".`),
};
