// parseActionSettings: the inputs and the event as GitHub gives them → the typed settings every
// command works from. Bad inputs are UserErrors that say what is allowed.

import { describe, expect, it } from 'vitest';
import { parseActionSettings, type RawActionContext, type RawActionInputs } from '../../src/action/inputs.js';
import { DEFAULT_AWS_TIMEOUTS } from '../../src/aws/timeouts.js';
import { UserError } from '../../src/model/errors.js';
import { pullRequestEvent, pushEvent, scheduleEvent, workflowDispatchEvent } from './support/events.js';

const INPUTS: RawActionInputs = { command: 'plan', file: '', githubToken: 'ghs_x', commentAuthor: '', comment: '', failOnDrift: '', rehearse: '' };
const CONTEXT: RawActionContext = {
  eventName: 'pull_request',
  payload: pullRequestEvent({ number: 7, headSha: 'a'.repeat(40) }),
  sha: '9'.repeat(40),
  repository: 'acme/aws-org',
  serverUrl: 'https://github.com',
  runId: '123',
  runAttempt: '1',
  workspace: '/home/runner/work/aws-org/aws-org',
  tempDir: '/home/runner/work/_temp',
  env: {},
};

const parse = (inputs: Partial<RawActionInputs> = {}, context: Partial<RawActionContext> = {}) => parseActionSettings({ ...INPUTS, ...inputs }, { ...CONTEXT, ...context });
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
};

describe('parseActionSettings', () => {
  it('applies the defaults of action.yml and reads a same-repository pull request', () => {
    expect(parse()).toEqual({
      command: 'plan',
      orgFile: 'org.yaml',
      orgFilePath: '/home/runner/work/aws-org/aws-org/org.yaml',
      githubToken: 'ghs_x',
      commentAuthor: undefined,
      comment: true,
      commentOnChangeOnly: false,
      labels: false,
      planDigest: undefined,
      failOnDrift: false,
      repository: { owner: 'acme', repo: 'aws-org' },
      event: { kind: 'pullRequest', number: 7, headSha: 'a'.repeat(40), fromFork: false },
      sha: '9'.repeat(40),
      serverUrl: 'https://github.com',
      runUrl: 'https://github.com/acme/aws-org/actions/runs/123',
      planJsonPath: '/home/runner/work/_temp/orgctl-plan.json',
      hasJobSummary: false,
      rateScale: 1,
      awsTimeouts: DEFAULT_AWS_TIMEOUTS,
      rehearse: true,
    });
  });

  it('reads the rehearse input (default true) as a boolean', () => {
    expect(parse({ rehearse: 'false' })).toMatchObject({ rehearse: false });
    expect(parse({ rehearse: 'TRUE' })).toMatchObject({ rehearse: true });
    expect(refusal(() => parse({ rehearse: 'yes' }))).toBe('the rehearse input must be true or false (got "yes").');
  });

  it('tells a fork (or a deleted fork) from a branch of the repository', () => {
    expect(parse({}, { payload: pullRequestEvent({ number: 7, headSha: 'a'.repeat(40), headRepo: 'someone/aws-org' }) }).event).toMatchObject({ fromFork: true });
    const deleted = pullRequestEvent({ number: 7, headSha: 'a'.repeat(40) });
    ((deleted['pull_request'] as Record<string, Record<string, unknown>>)['head'] ?? {})['repo'] = null;
    expect(parse({}, { payload: deleted }).event).toMatchObject({ fromFork: true });
  });

  it('reads the ref and the default branch of a push, and names other events', () => {
    expect(parse({ command: 'apply' }, { eventName: 'push', payload: pushEvent({ after: 'c'.repeat(40), ref: 'refs/heads/main' }) }).event).toEqual({
      kind: 'push',
      ref: 'refs/heads/main',
      defaultBranch: 'main',
    });
    expect(parse({ command: 'drift' }, { eventName: 'schedule', payload: scheduleEvent() }).event).toEqual({ kind: 'other', name: 'schedule' });
  });

  it('keeps org.yaml paths relative to the repository for annotations, and links a re-run attempt', () => {
    const settings = parse({ file: './config/org.yaml' }, { runAttempt: '3' });
    expect(settings.orgFile).toBe('config/org.yaml');
    expect(settings.orgFilePath).toBe('/home/runner/work/aws-org/aws-org/config/org.yaml');
    expect(settings.runUrl).toBe('https://github.com/acme/aws-org/actions/runs/123/attempts/3');
  });

  it('reads booleans as YAML does and ORGCTL_RATE_SCALE as the CLI does', () => {
    expect(parse({ comment: 'False', failOnDrift: 'TRUE' })).toMatchObject({ comment: false, failOnDrift: true });
    expect(parse({}, { env: { ORGCTL_RATE_SCALE: '4', GITHUB_STEP_SUMMARY: '/tmp/s' } })).toMatchObject({ rateScale: 4, hasJobSummary: true });
  });

  it('reads the AWS timeouts as the CLI does', () => {
    expect(parse({}, { env: { ORGCTL_CONNECT_TIMEOUT_MS: '2000', ORGCTL_REQUEST_TIMEOUT_MS: '4000' } }).awsTimeouts).toEqual({ connectMs: 2000, requestMs: 4000 });
    expect(parse({}, { env: { ORGCTL_REQUEST_TIMEOUT_MS: '750' } }).awsTimeouts).toEqual({ ...DEFAULT_AWS_TIMEOUTS, requestMs: 750 });
  });

  it('reads comment-author as a GitHub login, an app\'s bot included', () => {
    expect(parse({ commentAuthor: ' acme-orgctl[bot] ' }).commentAuthor).toBe('acme-orgctl[bot]');
    expect(parse({ commentAuthor: 'Org-Bot' }).commentAuthor).toBe('Org-Bot');
    expect(refusal(() => parse({ commentAuthor: '@acme-orgctl' }))).toBe('the comment-author input must be a GitHub login, such as my-app[bot] for a GitHub App (got "@acme-orgctl").');
    expect(refusal(() => parse({ commentAuthor: 'a b' }))).toContain('comment-author input must be a GitHub login');
  });

  it('refuses what it cannot act on, saying what is allowed', () => {
    expect(refusal(() => parse({ command: 'destroy' }))).toBe('the command input must be one of plan, apply, drift (got "destroy").');
    expect(refusal(() => parse({ command: '' }))).toContain('(got no command)');
    expect(refusal(() => parse({ comment: 'yes' }))).toBe('the comment input must be true or false (got "yes").');
    expect(refusal(() => parse({ githubToken: ' ' }))).toContain('github-token input is empty');
    expect(parse({ githubToken: '', comment: 'false' }).comment).toBe(false);
    expect(refusal(() => parse({}, { repository: 'acme' }))).toContain('GITHUB_REPOSITORY must be "owner/repo"');
    expect(refusal(() => parse({}, { payload: {} }))).toContain('pull_request event payload has no pull_request.number');
    expect(refusal(() => parse({}, { env: { ORGCTL_RATE_SCALE: '0' } }))).toContain('ORGCTL_RATE_SCALE');
  });

  it('reads comment: on-change, labels, plan-digest and a workflow_dispatch event', () => {
    expect(parse({ comment: 'on-change' })).toMatchObject({ comment: true, commentOnChangeOnly: true });
    expect(parse({ comment: 'false' })).toMatchObject({ comment: false, commentOnChangeOnly: false });
    expect(parse({ labels: 'true' }).labels).toBe(true);
    expect(refusal(() => parse({ labels: 'sometimes' }))).toBe('the labels input must be true or false (got "sometimes").');
    const digest = 'AB'.repeat(32);
    expect(parse({ planDigest: ` ${digest} ` }).planDigest).toBe(digest.toLowerCase());
    expect(refusal(() => parse({ planDigest: 'abc123' }))).toMatch(/^the plan-digest input must be the 64 hexadecimal characters a plan's digest has/);
    expect(parse({}, { eventName: 'workflow_dispatch', payload: workflowDispatchEvent({ inputs: { 'plan-digest': digest } }) }).event).toEqual({ kind: 'dispatch', ref: 'refs/heads/main', defaultBranch: 'main' });
  });
});
