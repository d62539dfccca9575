// The CLI entrypoint: argv → command → exit code. The only place (with the Action) that sets the exit code.

import { UserError } from '../model/errors.js';
import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { CliIo } from './io.js';
import { describeError } from '../text/describe-error.js';
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
    'Run `orgctl <command> --help` for a command\'s options.',
    'Exit codes: 0 success, 1 error; `plan --detailed-exitcode`: 0 no changes, 2 changes present;',
    '`apply` interrupted: 130 (Ctrl-C), 143 (SIGTERM).',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
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
    io.stderr.write(`orgctl: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n`);
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
