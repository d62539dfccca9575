// What every emulated AWS service provides to the server: its operations and its own error shapes for
// throttling, conflicts, internal failures and unknown operations. Protocols (JSON 1.1, query/XML, later
// REST-JSON) are separate, so one service model can be reached over whichever protocol AWS uses for it.

import type { ApiError } from './api-error.js';
import type { Caller } from './caller.js';
import type { JsonObject } from './json.js';

export type ServiceName = 'organizations' | 'budgets' | 'sts' | 'iam' | 'account' | 'sso-admin' | 'identitystore';

export interface CallContext {
  readonly caller: Caller;
  readonly requestId: string;
  /** Epoch milliseconds at which the call is handled. */
  readonly now: number;
  /** The region of the SigV4 credential scope (regional services: SSO Admin). */
  readonly region?: string | undefined;
}

export interface ServiceErrors {
  /** Answer to a throttled call (TooManyRequestsException, ThrottlingException, ...). `n` picks among AWS's messages. */
  throttled(n: number): ApiError;
  /** ConcurrentModificationException, for services that have one. */
  conflict(): ApiError | undefined;
  /** The service's 500 error. */
  internal(): ApiError;
  unknownOperation(operation: string): ApiError;
}

export interface EmulatedService {
  readonly name: ServiceName;
  readonly errors: ServiceErrors;
  has(operation: string): boolean;
  /** Runs one operation; throws ApiError for any AWS error answer. */
  call(operation: string, input: JsonObject, context: CallContext): JsonObject;
}

/** A table of handlers as an EmulatedService. */
export function serviceFromHandlers<C>(
  name: ServiceName,
  errors: ServiceErrors,
  handlers: Readonly<Record<string, (input: JsonObject, context: C) => JsonObject>>,
  makeContext: (call: CallContext, operation: string) => C,
): EmulatedService {
  return {
    name,
    errors,
    has: (operation) => Object.hasOwn(handlers, operation),
    call(operation, input, call) {
      const handler = Object.hasOwn(handlers, operation) ? handlers[operation] : undefined;
      if (!handler) throw errors.unknownOperation(operation);
      return handler(input, makeContext(call, operation));
    },
  };
}
