// Argument parsing shared by every command: node's parseArgs, with errors turned into UserErrors.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatch } from '../config/closest-match.js';
import { UserError } from '../model/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<const O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify .*$/s, '') : String(error);
    throw new UserError(`${message}.${didYouMean(error, options)} Run \`orgctl ${command} --help\` for usage.`);
  }
}

/** Reads a choice-valued option, refusing anything outside the list. */
export function choice<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${option} must be one of ${allowed.join(', ')} (got "${value}"). Run \`orgctl ${command} --help\` for usage.`);
}

/** " Did you mean --file?" for a mistyped option (node's ERR_PARSE_ARGS_UNKNOWN_OPTION), else ''. */
function didYouMean(error: unknown, options: Options): string {
  if (!(error instanceof Error) || (error as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return '';
  const given = /option '(-{1,2}[^'=]+)/.exec(error.message)?.[1];
  if (given === undefined || !given.startsWith('--')) return '';
  const names = [...Object.keys(options), 'help', 'no-color', 'profile'];
  const match = closestMatch(given.slice(2), names);
  return match ? ` Did you mean --${match}?` : '';
}

/** parseCommandArgs for a command that also takes operands (`orgctl explain TARGET`). */
export function parseCommandArgsWithOperands<const O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify .*$/s, '') : String(error);
    throw new UserError(`${message}.${didYouMean(error, options)} Run \`orgctl ${command} --help\` for usage.`);
  }
}
