// The rate scale from the environment, for the CLI and the Action alike.

import { UserError } from '../model/errors.js';

/** ORGCTL_RATE_SCALE multiplies AWS's published rates (accounts with raised limits, time-scaled emulators). */
export function rateScaleFrom(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env['ORGCTL_RATE_SCALE'];
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new UserError(`ORGCTL_RATE_SCALE must be a number above 0 (got "${raw}").`);
  return scale;
}
