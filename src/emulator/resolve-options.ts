// EmulatorOptions → ResolvedOptions: defaults filled in, values checked (a bad option is a UserError).

import { UserError } from '../model/errors.js';
import { FaultSpecError, parseFaultSpec } from './faults-spec.js';
import { DEFAULT_QUIRKS, type EmulatorOptions, type ResolvedOptions } from './options.js';

function check(ok: boolean, message: string): void {
  if (!ok) throw new UserError(message);
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const port = options.port ?? 0;
  check(Number.isInteger(port) && port >= 0 && port <= 65535, `port must be a whole number from 0 to 65535 (got ${port}).`);
  check(options.accountId === undefined || /^\d{12}$/.test(options.accountId), `accountId must be 12 digits (got "${options.accountId ?? ''}").`);
  const pageSize = options.pageSize ?? 20;
  check(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 20, `pageSize must be a whole number from 1 to 20 (got ${pageSize}).`);
  const emptyPages = options.emptyPages ?? 0;
  check(emptyPages >= 0 && emptyPages <= 1, `emptyPages must be a probability from 0 to 1 (got ${emptyPages}).`);
  const trailingTokens = options.trailingTokens ?? 0;
  check(trailingTokens >= 0 && trailingTokens <= 1, `trailingTokens must be a probability from 0 to 1 (got ${trailingTokens}).`);
  const rateLimits = options.rateLimits ?? false;
  check(rateLimits === false || (Number.isFinite(rateLimits.scale) && rateLimits.scale > 0), 'rateLimits.scale must be a number greater than 0.');
  for (const [name, value] of [
    ['createAccountDelayMs', options.createAccountDelayMs],
    ['closeAccountDelayMs', options.closeAccountDelayMs],
  ] as const) {
    check(value === undefined || (Number.isFinite(value) && value >= 0), `${name} must be 0 or more milliseconds (got ${value}).`);
  }
  let faults = typeof options.faults === 'string' ? undefined : options.faults;
  if (typeof options.faults === 'string') {
    try {
      faults = parseFaultSpec(options.faults);
    } catch (error) {
      if (error instanceof FaultSpecError) throw new UserError(`The fault spec is not valid: ${error.message} (in "${error.clause}").`);
      throw error;
    }
  }
  return {
    port,
    accountId: options.accountId,
    snapshot: options.snapshot,
    rateLimits,
    faults,
    emptyPages,
    trailingTokens,
    pageSize,
    seed: options.seed ?? 1,
    createAccountDelayMs: options.createAccountDelayMs ?? 200,
    closeAccountDelayMs: options.closeAccountDelayMs ?? 200,
    quotas: options.quotas,
    emailsOutsideOrganization: options.emailsOutsideOrganization ?? [],
    quirks: { ...DEFAULT_QUIRKS, ...options.quirks },
    statusCodes: options.statusCodes ?? 'smithy',
    now: options.now ?? Date.now,
    requestLogLimit: options.requestLogLimit ?? 100_000,
    onRequest: options.onRequest,
  };
}
