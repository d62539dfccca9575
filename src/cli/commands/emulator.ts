// `orgctl emulator`: serves the local AWS Organizations + Budgets (+ STS) emulator on 127.0.0.1 until
// stopped, optionally loading and saving a snapshot file. See docs/emulator.md.

import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../../model/errors.js';
import {
  readSnapshotFile,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type EmulatorSnapshot,
  type RequestLogEntry,
} from '../../emulator/index.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import type { CliIo } from '../io.js';
import { plural } from '../../text/plural.js';

const USAGE = `Usage: orgctl emulator [options]

Serves AWS Organizations, AWS Budgets, STS GetCallerIdentity and the root-credential audit's IAM,
Account (alternate contacts) and SSO Admin calls on 127.0.0.1 until stopped, speaking AWS's own wire
protocols, so the AWS CLI, the AWS SDKs and orgctl work against it unchanged. It starts as a standalone
account with no organization, or from a snapshot file.

Options:
  --port <n>                    TCP port on 127.0.0.1 (default 4566; 0 picks a free port)
  --state <file>                start from this snapshot file
  --save <file>                 write the state to this file on Ctrl+C / SIGTERM and on POST /_emulator/save
                                (may be the same file as --state)
  --account-id <12 digits>      the account callers act as (default: the snapshot's, else 123456789012);
                                an access key ID ending in 12 digits acts as that account instead
  --rate-limits                 throttle every operation at AWS's published rate and burst
                                (TooManyRequestsException for Organizations, ThrottlingException for Budgets)
  --rate-scale <n>              with --rate-limits: buckets refill n times faster (bursts unchanged), so a
                                client pacing at n x AWS's rates sees AWS's throttling shape (default 1)
  --faults <spec>               inject faults deterministically, e.g.
                                "seed=7; *: throttle=10%, drop=2%; MoveAccount: conflict=20%, latency=50-200ms"
                                faults: throttle, conflict, error500, drop, drop-after, latency
  --empty-pages <p>             probability (0-1) that an Organizations List* page comes back empty with a
                                NextToken, as AWS documents can happen
  --trailing-tokens <p>         probability (0-1) that the last page of an Organizations List* listing
                                still carries a NextToken, which leads to one empty page without one
  --page-size <n>               largest Organizations page, 1-20 (default 20)
  --max-accounts <n>            the organization's account quota (default: the snapshot's, else AWS's 10)
  --create-account-delay <ms>   how long CreateAccount stays IN_PROGRESS (default 200)
  --close-account-delay <ms>    how long CloseAccount stays PENDING_CLOSURE (default 200)
  --legacy-status-codes         answer every client error with HTTP 400, as Organizations once did
  --seed <n>                    seed for generated IDs, faults, empty pages and trailing tokens (default 1)
  --log                         print one line per request to stderr
  -h, --help                    show this help

Point a client at it:
  export AWS_ENDPOINT_URL=http://127.0.0.1:4566
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1

Admin paths (JSON): /_emulator/counters, /_emulator/extra-pages, /_emulator/requests, /_emulator/snapshot,
/_emulator/faults, /_emulator/reset, /_emulator/save. Details: docs/emulator.md.
`;

interface NumberRule {
  readonly min: number;
  readonly max?: number;
  readonly integer?: boolean;
}

function numberFlag(flag: string, value: string | undefined, rule: NumberRule): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const ok = value.trim() !== '' && Number.isFinite(n) && n >= rule.min && (rule.max === undefined || n <= rule.max) && (!rule.integer || Number.isInteger(n));
  if (!ok) {
    const range = rule.max === undefined ? `${rule.min} or more` : `from ${rule.min} to ${rule.max}`;
    throw new UserError(`--${flag} must be ${rule.integer ? 'a whole number' : 'a number'} ${range} (got "${value}"). Run \`orgctl emulator --help\` for usage.`);
  }
  return n;
}

function describeState(emulator: Emulator, snapshot: EmulatorSnapshot): string {
  const org = snapshot.organization;
  const budgets = snapshot.budgets?.length ?? 0;
  if (!org) return `standalone account ${emulator.accountId}, no organization, ${plural(budgets, 'budget')}`;
  return `organization ${org.id} with ${plural(org.accounts.length, 'account')}, ${plural(org.organizationalUnits?.length ?? 0, 'OU')}, ${plural(budgets, 'budget')}; callers act as ${emulator.accountId}`;
}

function logLine(entry: RequestLogEntry): string {
  const outcome = entry.status === 0 ? `dropped (${entry.fault ?? 'fault'})` : `${entry.status}${entry.errorCode ? ` ${entry.errorCode}` : ''}${entry.fault ? ` [${entry.fault}]` : ''}`;
  return `${new Date(entry.time).toISOString()} ${entry.callerAccountId} ${entry.service}:${entry.operation} -> ${outcome} (${entry.durationMs} ms)\n`;
}

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('emulator', args, {
    port: { type: 'string' },
    state: { type: 'string' },
    save: { type: 'string' },
    'account-id': { type: 'string' },
    'rate-limits': { type: 'boolean' },
    'rate-scale': { type: 'string' },
    faults: { type: 'string' },
    'empty-pages': { type: 'string' },
    'trailing-tokens': { type: 'string' },
    'page-size': { type: 'string' },
    'max-accounts': { type: 'string' },
    'create-account-delay': { type: 'string' },
    'close-account-delay': { type: 'string' },
    'legacy-status-codes': { type: 'boolean' },
    seed: { type: 'string' },
    log: { type: 'boolean' },
  });
  const port = numberFlag('port', values.port, { min: 0, max: 65535, integer: true }) ?? 4566;
  const accountId = values['account-id'];
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    throw new UserError(`--account-id must be a 12-digit AWS account ID (got "${accountId}").`);
  }
  const rateScale = numberFlag('rate-scale', values['rate-scale'], { min: Number.MIN_VALUE });
  if (rateScale !== undefined && !values['rate-limits']) {
    throw new UserError('--rate-scale only applies with --rate-limits; add --rate-limits.');
  }
  const maxAccounts = numberFlag('max-accounts', values['max-accounts'], { min: 1, integer: true });
  const createAccountDelayMs = numberFlag('create-account-delay', values['create-account-delay'], { min: 0 });
  const closeAccountDelayMs = numberFlag('close-account-delay', values['close-account-delay'], { min: 0 });
  const emptyPages = numberFlag('empty-pages', values['empty-pages'], { min: 0, max: 1 });
  const trailingTokens = numberFlag('trailing-tokens', values['trailing-tokens'], { min: 0, max: 1 });
  const pageSize = numberFlag('page-size', values['page-size'], { min: 1, max: 20, integer: true });
  const seed = numberFlag('seed', values.seed, { min: 0, integer: true });
  if (values.save !== undefined) {
    const folder = dirname(resolve(io.cwd, values.save));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new UserError(`--save ${values.save}: the folder ${folder} does not exist. Create it, or save somewhere else.`);
    }
  }
  const snapshot = values.state === undefined ? undefined : await readSnapshotFile(values.state, { ouNamesCaseSensitive: true });

  const options: EmulatorOptions = {
    port,
    ...(accountId === undefined ? {} : { accountId }),
    ...(snapshot === undefined ? {} : { snapshot }),
    rateLimits: values['rate-limits'] ? { scale: rateScale ?? 1 } : false,
    ...(values.faults === undefined ? {} : { faults: values.faults }),
    ...(emptyPages === undefined ? {} : { emptyPages }),
    ...(trailingTokens === undefined ? {} : { trailingTokens }),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(seed === undefined ? {} : { seed }),
    ...(createAccountDelayMs === undefined ? {} : { createAccountDelayMs }),
    ...(closeAccountDelayMs === undefined ? {} : { closeAccountDelayMs }),
    ...(maxAccounts === undefined ? {} : { quotas: { maxAccounts } }),
    ...(values['legacy-status-codes'] ? { statusCodes: 'legacy' as const } : {}),
    ...(values.log ? { onRequest: (entry: RequestLogEntry) => void io.stderr.write(logLine(entry)) } : {}),
  };

  let emulator: Emulator;
  try {
    emulator = await startEmulator(options, values.save === undefined ? {} : { saveFile: values.save });
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.message.replace(/^The fault spec/, '--faults'), error.details);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`Port ${port} on 127.0.0.1 is already in use. Stop what is using it, or pass --port <another port> (--port 0 picks a free one).`);
    if (code === 'EACCES') throw new UserError(`Not allowed to listen on port ${port}. Pick a port above 1023 with --port.`);
    throw error;
  }

  const rate = values['rate-limits'] ? `AWS's published rates${rateScale && rateScale !== 1 ? ` x ${rateScale} (time scale)` : ''}` : 'off';
  io.stdout.write(
    [
      `orgctl emulator: AWS Organizations, Budgets and STS on ${emulator.url}`,
      `  State: ${describeState(emulator, emulator.snapshot())}${values.state ? ` (from ${values.state})` : ''}`,
      `  Rate limits: ${rate}`,
      `  Faults: ${values.faults ?? 'off'}`,
      '',
      'Point the AWS CLI or an AWS SDK at it:',
      `  export AWS_ENDPOINT_URL=${emulator.url}`,
      '  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1',
      '  (an access key ID ending in 12 digits, such as AKIA210987654321, acts as that account)',
      '',
      `Admin: ${emulator.url}/_emulator/ (counters, requests, snapshot, faults, reset${values.save ? ', save' : ''})`,
      `Stop with Ctrl+C${values.save ? `; the state is then saved to ${values.save}` : ''}.`,
      '',
    ].join('\n'),
  );

  const signal = await waitForStopSignal();
  try {
    if (values.save !== undefined) {
      await emulator.saveSnapshot(values.save);
      io.stderr.write(`orgctl emulator: ${signal}, state saved to ${values.save}.\n`);
    }
  } catch (error) {
    throw new UserError(`Could not save the state to ${values.save ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await emulator.stop();
  }
  return 0;
}

export const emulatorCommand: Command = {
  name: 'emulator',
  summary: 'Run a local AWS Organizations + Budgets emulator to try orgctl without an AWS account',
  usage: USAGE,
  run,
};
