// IAM's error codes (query protocol: the code in <Code>, the SDK adds "Exception" for modelled ones)
// with the HTTP status the Smithy model declares.

import { ApiError } from '../api-error.js';
import type { ServiceErrors } from '../service.js';

export const iamErrors: ServiceErrors = {
  throttled: () => new ApiError('Throttling', 'Rate exceeded', 400),
  conflict: () => new ApiError('ConcurrentModification', 'The request was rejected because multiple requests to change this object were submitted simultaneously.', 409),
  internal: () => new ApiError('ServiceFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500),
  unknownOperation: (operation) => new ApiError('InvalidAction', `The emulator does not implement the IAM action "${operation}".`, 400),
};

export function noSuchUser(userName: string): ApiError {
  return new ApiError('NoSuchEntity', `The user with name ${userName} cannot be found.`, 404);
}

export function validationError(message: string): ApiError {
  return new ApiError('ValidationError', message, 400);
}
