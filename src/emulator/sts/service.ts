// STS, for GetCallerIdentity only: it tells a caller which account its credentials act as.

import { ApiError } from '../api-error.js';
import { serviceFromHandlers, type CallContext, type EmulatedService, type ServiceErrors } from '../service.js';

export const STS_VERSION = '2011-06-15';
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

const stsErrors: ServiceErrors = {
  throttled: () => new ApiError('Throttling', 'Rate exceeded', 400),
  conflict: () => undefined,
  internal: () => new ApiError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500),
  unknownOperation: (operation) => new ApiError('InvalidAction', `The emulator does not implement the STS action "${operation}".`, 400),
};

export function stsService(): EmulatedService {
  return serviceFromHandlers('sts', stsErrors, {
    GetCallerIdentity: (_input, call: CallContext) => ({
      UserId: `AIDAEMULATOR${call.caller.accountId}`,
      Account: call.caller.accountId,
      Arn: `arn:aws:iam::${call.caller.accountId}:user/orgctl-emulator`,
    }),
  }, (call) => call);
}
