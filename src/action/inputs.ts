// The only reader of the Action's inputs, the event payload and the runner's environment. Called once,
// by main.ts; parseActionSettings is the pure part (tested without a runner).

import * as core from '@actions/core';
import * as github from '@actions/github';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { awsTimeoutsFrom } from '../aws/timeouts.js';
import { rateScaleFrom } from '../aws/rate-scale.js';
import { UserError } from '../model/errors.js';
import { ACTION_COMMANDS, type ActionCommand, type ActionSettings, type RepositoryName, type TriggerEvent } from './settings.js';

/** The inputs as GitHub passes them (INPUT_<NAME>): strings, empty when not given. */
export interface RawActionInputs {
  readonly command: string;
  readonly file: string;
  readonly githubToken: string;
  readonly commentAuthor: string;
  readonly comment: string;
  readonly failOnDrift: string;
  /** Empty or absent: false. */
  readonly labels?: string;
  /** Empty or absent: none. */
  readonly planDigest?: string;
  readonly rehearse: string;
}

/** The run's context as the runner describes it (GITHUB_* variables and the event payload file). */
export interface RawActionContext {
  readonly eventName: string;
  readonly payload: unknown;
  readonly sha: string;
  /** "owner/repo" (GITHUB_REPOSITORY). */
  readonly repository: string;
  readonly serverUrl: string;
  readonly runId: string;
  readonly runAttempt: string;
  /** GITHUB_WORKSPACE; the working directory when unset. */
  readonly workspace: string;
  /** RUNNER_TEMP; the OS temp directory when unset. */
  readonly tempDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function readActionSettings(): ActionSettings {
  const env = process.env;
  const context = github.context;
  return parseActionSettings(
    {
      command: core.getInput('command'),
      file: core.getInput('file'),
      githubToken: core.getInput('github-token'),
      commentAuthor: core.getInput('comment-author'),
      comment: core.getInput('comment'),
      failOnDrift: core.getInput('fail-on-drift'),
      labels: core.getInput('labels'),
      planDigest: core.getInput('plan-digest'),
      rehearse: core.getInput('rehearse'),
    },
    {
      eventName: context.eventName ?? '',
      payload: context.payload,
      sha: context.sha ?? '',
      repository: env['GITHUB_REPOSITORY'] ?? '',
      serverUrl: context.serverUrl,
      runId: env['GITHUB_RUN_ID'] ?? '',
      runAttempt: env['GITHUB_RUN_ATTEMPT'] ?? '',
      workspace: env['GITHUB_WORKSPACE'] || process.cwd(),
      tempDir: env['RUNNER_TEMP'] || tmpdir(),
      env,
    },
  );
}

export function parseActionSettings(inputs: RawActionInputs, context: RawActionContext): ActionSettings {
  const command = parseCommand(inputs.command);
  const commentOnChangeOnly = inputs.comment.trim() === 'on-change';
  const comment = commentOnChangeOnly || parseBoolean('comment', inputs.comment, true);
  const failOnDrift = parseBoolean('fail-on-drift', inputs.failOnDrift, false);
  const file = inputs.file.trim() || 'org.yaml';
  const orgFilePath = resolve(context.workspace, file);
  const inWorkspace = relative(context.workspace, orgFilePath);
  // Annotations name files relative to the repository root, with forward slashes.
  const orgFile = inWorkspace.startsWith('..') || isAbsolute(inWorkspace) ? file : inWorkspace.split(sep).join('/');
  if (comment && inputs.githubToken.trim() === '') {
    throw new UserError('the github-token input is empty. Leave it at its default (${{ github.token }}), pass a token, or set comment: false.');
  }
  const repository = parseRepository(context.repository);
  const runPath = context.runAttempt && context.runAttempt !== '1' ? `/attempts/${context.runAttempt}` : '';
  return {
    command,
    orgFile,
    orgFilePath,
    githubToken: inputs.githubToken.trim(),
    commentAuthor: parseLogin('comment-author', inputs.commentAuthor),
    comment,
    commentOnChangeOnly,
    labels: parseBoolean('labels', inputs.labels ?? '', false),
    planDigest: parsePlanDigest(inputs.planDigest ?? ''),
    failOnDrift,
    repository,
    event: parseEvent(context.eventName, context.payload),
    sha: context.sha,
    serverUrl: context.serverUrl.replace(/\/+$/, ''),
    runUrl: `${context.serverUrl.replace(/\/+$/, '')}/${repository.owner}/${repository.repo}/actions/runs/${context.runId}${runPath}`,
    planJsonPath: join(context.tempDir, 'orgctl-plan.json'),
    hasJobSummary: Boolean(context.env['GITHUB_STEP_SUMMARY']),
    rateScale: rateScaleFrom(context.env),
    awsTimeouts: awsTimeoutsFrom(context.env),
    rehearse: parseBoolean('rehearse', inputs.rehearse, true),
  };
}

function parseCommand(raw: string): ActionCommand {
  const value = raw.trim();
  const found = ACTION_COMMANDS.find((c) => c === value);
  if (found) return found;
  const given = value === '' ? 'no command' : `"${value}"`;
  throw new UserError(`the command input must be one of ${ACTION_COMMANDS.join(', ')} (got ${given}).`);
}

// The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim();
  if (value === '') return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new UserError(`the ${name} input must be true or false (got "${value}").`);
}

function parsePlanDigest(raw: string): string | undefined {
  const value = raw.trim().toLowerCase();
  if (value === '') return undefined;
  if (/^[0-9a-f]{64}$/.test(value)) return value;
  throw new UserError(`the plan-digest input must be the 64 hexadecimal characters a plan's digest has, as the pull request comment or the job summary gives it (got "${raw.trim().slice(0, 80)}").`);
}

// GitHub logins: letters, digits and hyphens; an app's bot adds [bot].
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}(\[bot\])?$/;

function parseLogin(name: string, raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  if (LOGIN.test(value)) return value;
  throw new UserError(`the ${name} input must be a GitHub login, such as my-app[bot] for a GitHub App (got "${value}").`);
}

function parseRepository(raw: string): RepositoryName {
  const [owner, repo, ...rest] = raw.split('/');
  if (!owner || !repo || rest.length > 0) throw new UserError(`GITHUB_REPOSITORY must be "owner/repo" (got "${raw}"). Run the Action in a GitHub workflow.`);
  return { owner, repo };
}

function parseEvent(name: string, payload: unknown): TriggerEvent {
  if (name === 'pull_request' || name === 'pull_request_target') {
    const pr = field(payload, 'pull_request');
    const number = field(pr, 'number');
    const headSha = field(field(pr, 'head'), 'sha');
    if (typeof number !== 'number' || typeof headSha !== 'string') {
      throw new UserError(`the ${name} event payload has no pull_request.number or head.sha; is GITHUB_EVENT_PATH the event file the runner wrote?`);
    }
    const headRepo = field(field(field(pr, 'head'), 'repo'), 'full_name');
    const baseRepo = field(field(field(pr, 'base'), 'repo'), 'full_name');
    // A deleted fork has head.repo null: treat it as a fork.
    const fromFork = typeof headRepo !== 'string' || headRepo !== baseRepo;
    return { kind: 'pullRequest', number, headSha, fromFork };
  }
  if (name === 'push') {
    const ref = field(payload, 'ref');
    const defaultBranch = field(field(payload, 'repository'), 'default_branch');
    return { kind: 'push', ref: typeof ref === 'string' ? ref : '', defaultBranch: typeof defaultBranch === 'string' ? defaultBranch : undefined };
  }
  if (name === 'workflow_dispatch') {
    const ref = field(payload, 'ref');
    const defaultBranch = field(field(payload, 'repository'), 'default_branch');
    return { kind: 'dispatch', ref: typeof ref === 'string' ? ref : '', defaultBranch: typeof defaultBranch === 'string' ? defaultBranch : undefined };
  }
  return { kind: 'other', name: name || 'unknown' };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
