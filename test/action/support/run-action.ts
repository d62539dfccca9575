// Runs the committed bundle (dist/index.js) as a GitHub runner would: a fresh process with the GITHUB_*
// variables, INPUT_* inputs (named as the runner names them: upper case, dashes kept), an event file,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and a workspace holding org.yaml.

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FULL_NAME } from './events.js';

export const BUNDLE = resolve(import.meta.dirname, '../../../dist/index.js');
export const RUN_ID = '4242424242';
export const SERVER_URL = 'https://github.com';
export const RUN_URL = `${SERVER_URL}/${FULL_NAME}/actions/runs/${RUN_ID}`;

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Parsed from GITHUB_OUTPUT. */
  readonly outputs: Readonly<Record<string, string>>;
  /** The job summary file's text. */
  readonly summary: string;
  /** `::error …::` / `::warning …::` lines. */
  readonly annotations: readonly string[];
  /** The file the plan-json output names, read before the runner's temp directory is removed. */
  readonly planJson: string | undefined;
}

export interface RunActionOptions {
  readonly eventName: string;
  readonly event: Record<string, unknown>;
  /** INPUT_* values by input name ("github-token"). Defaults as action.yml gives them are the test's to pass. */
  readonly inputs: Readonly<Record<string, string>>;
  /** org.yaml's text, written to the workspace. */
  readonly orgYaml: string;
  readonly sha: string;
  readonly ref: string;
  readonly githubApiUrl: string;
  /** AWS_* variables (the emulator); none for a fork's run. */
  readonly awsEnv?: Readonly<Record<string, string>>;
  readonly extraEnv?: Readonly<Record<string, string>>;
  /** More files in the workspace, by path relative to it (a second org file). */
  readonly extraFiles?: Readonly<Record<string, string>>;
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const root = await mkdtemp(join(tmpdir(), 'orgctl-action-'));
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'runner-temp');
  await Promise.all([mkdirp(workspace), mkdirp(runnerTemp)]);
  const eventPath = join(root, 'event.json');
  const outputPath = join(root, 'output.txt');
  const summaryPath = join(root, 'summary.md');
  await Promise.all([
    writeFile(eventPath, JSON.stringify(options.event, null, 2)),
    writeFile(outputPath, ''),
    writeFile(summaryPath, ''),
    writeFile(join(workspace, 'org.yaml'), options.orgYaml),
  ]);
  for (const [path, text] of Object.entries(options.extraFiles ?? {})) {
    await mkdirp(join(workspace, path, '..'));
    await writeFile(join(workspace, path), text);
  }

  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: root,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: FULL_NAME,
    GITHUB_REPOSITORY_OWNER: FULL_NAME.split('/')[0] ?? '',
    GITHUB_REF: options.ref,
    GITHUB_SHA: options.sha,
    GITHUB_SERVER_URL: SERVER_URL,
    GITHUB_API_URL: options.githubApiUrl,
    GITHUB_GRAPHQL_URL: `${options.githubApiUrl}/graphql`,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'org',
    GITHUB_JOB: 'orgctl',
    GITHUB_ACTOR: 'dev',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_STATE: join(root, 'state.txt'),
    GITHUB_ENV: join(root, 'env.txt'),
    GITHUB_PATH: join(root, 'path.txt'),
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    // The shared AWS config files of whoever runs the tests must not leak in.
    AWS_CONFIG_FILE: join(root, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-aws-credentials'),
    ...options.awsEnv,
    ...options.extraEnv,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [BUNDLE], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', fail);
    child.on('close', (exitCode) => done({ code: exitCode, stdout: out, stderr: err }));
  });
  const [outputText, summary] = await Promise.all([readFile(outputPath, 'utf8'), readFile(summaryPath, 'utf8')]);
  const annotations = stdout.split('\n').filter((line) => line.startsWith('::error') || line.startsWith('::warning'));
  const outputs = parseOutputFile(outputText);
  const planJsonPath = outputs['plan-json'];
  const planJson = planJsonPath ? await readFile(planJsonPath, 'utf8') : undefined;
  const run: ActionRun = { code, stdout, stderr, outputs, summary, annotations, planJson };
  await rm(root, { recursive: true, force: true });
  return run;
}

async function mkdirp(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER\nvalue\nDELIMITER\n`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = lines[i]?.match(/^([^<=]+)<<(.+)$/);
    if (!match) continue;
    const [, name = '', delimiter] = match;
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}
