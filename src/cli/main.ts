// The CLI entrypoint: argv → command → exit code. The only place (with the Action) that sets the exit code.

import { UserError } from '../model/errors.js';
import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { CliIo } from './io.js';
import { describeError } from '../text/describe-error.js';
import { visibleText } from '../text/visible-text.js';
import { closestMatch } from '../config/closest-match.js';
import packageJson from '../../package.json' with { type: 'json' };

// One source of truth: the bundle carries package.json's version, so a release only bumps package.json.
export const VERSION: string = packageJson.version;

function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'orgctl: reconcile an AWS Organization with org.yaml.',
    '',
    'Usage: orgctl <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --no-color        no ANSI colour (also: NO_COLOR set to anything but empty)',
    '  --profile <name>  the AWS profile of the shared config files to use (instead of AWS_PROFILE)',
    '  -h, --help        this help, or a command\'s with `orgctl <command> --help`',
    '  -v, --version     orgctl\'s version',
    '',
    'Run `orgctl <command> --help` for a command\'s options.',
    'Exit codes: 0 success, 1 error; `plan --detailed-exitcode`: 0 no changes, 2 changes present;',
    '`apply` interrupted: 130 (Ctrl-C), 143 (SIGTERM).',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], givenIo: CliIo): Promise<number> {
  let global: GlobalOptions;
  try {
    global = takeGlobalOptions(argv);
  } catch (error) {
    return reportFailure(error, givenIo);
  }
  const io: CliIo = {
    ...givenIo,
    ...(global.noColor ? { noColor: true } : {}),
    ...(global.profile !== undefined ? { awsProfile: global.profile } : {}),
  };
  const [name, ...rest] = global.args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(topLevelHelp());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`orgctl ${VERSION}\n`);
    return 0;
  }
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const names = COMMANDS.map((c) => c.name);
    const suggestion = closestMatch(name, names);
    const didYouMean = suggestion ? ` Did you mean "${suggestion}"?` : '';
    io.stderr.write(`orgctl: unknown command "${visibleText(name)}".${didYouMean} Commands: ${names.join(', ')}.\n`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** Known failures print their message; anything else is a bug, reported without a stack unless ORGCTL_DEBUG is set. */
export function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UserError) {
    io.stderr.write(`Error: ${error.message}\n`);
    for (const detail of error.details) io.stderr.write(`  ${detail}\n`);
    return 1;
  }
  const described = describeError(error);
  io.stderr.write(`Error: ${described.message}\n`);
  if (io.env['ORGCTL_DEBUG'] && described.stack) io.stderr.write(`${described.stack}\n`);
  return 1;
}

interface GlobalOptions {
  readonly args: readonly string[];
  readonly noColor: boolean;
  readonly profile: string | undefined;
}

/** --no-color and --profile NAME are accepted anywhere on the line, before or after the command. */
function takeGlobalOptions(argv: readonly string[]): GlobalOptions {
  const args: string[] = [];
  let noColor = false;
  let profile: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (arg === '--no-color') noColor = true;
    else if (arg === '--profile' || arg.startsWith('--profile=')) {
      const value = arg === '--profile' ? argv[(i += 1)] : arg.slice('--profile='.length);
      if (value === undefined || value === '' || value.startsWith('-')) {
        throw new UserError('--profile needs the name of a profile in your AWS config files, e.g. --profile org-admin.');
      }
      profile = value;
    } else args.push(arg);
  }
  return { args, noColor, profile };
}
