// The Action's entrypoint (bundled to dist/index.js): settings → command → annotations, outputs, job
// summary, and the job's result. The only place that calls setFailed.

import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createSdkPort } from '../aws/sdk/create-sdk-port.js';
import { describeError } from '../text/describe-error.js';
import type { GitHubAuthor } from './github-api.js';
import { readActionSettings } from './inputs.js';
import { createOctokitGitHubApi } from './octokit-github-api.js';
import type { ActionDeps, ActionReport, Annotation } from './report.js';
import { runCommand } from './run-command.js';
import type { ActionSettings } from './settings.js';
import { resolveTokenIdentity } from './token-identity.js';

function depsFor(settings: ActionSettings): ActionDeps {
  const github = createOctokitGitHubApi(settings.githubToken, settings.repository);
  let identity: Promise<GitHubAuthor> | undefined;
  return {
    github,
    tokenIdentity: () => (identity ??= resolveTokenIdentity(github, settings.commentAuthor)),
    openAws: () => {
      const port = createSdkPort({ rateScale: settings.rateScale, timeouts: settings.awsTimeouts });
      return { port, close: () => port.destroy() };
    },
    log: (line) => core.info(line.replace(/\n$/, '')),
    warn: (message) => core.warning(message),
    writeFile: async (path, text) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    },
  };
}

function annotate(annotation: Annotation): void {
  const properties: core.AnnotationProperties = {
    file: annotation.file,
    ...(annotation.line !== undefined ? { startLine: annotation.line } : {}),
    ...(annotation.column !== undefined ? { startColumn: annotation.column } : {}),
  };
  if (annotation.level === 'error') core.error(annotation.message, properties);
  else core.warning(annotation.message, properties);
}

async function publish(settings: ActionSettings, report: ActionReport): Promise<void> {
  for (const annotation of report.annotations) annotate(annotation);
  core.setOutput('has-changes', report.outputs.hasChanges ? 'true' : 'false');
  core.setOutput('plan-json', report.outputs.planJson ?? '');
  core.setOutput('summary', report.outputs.summary);
  core.info(report.outputs.summary);
  if (settings.hasJobSummary) await core.summary.addRaw(report.jobSummary, true).write();
  if (report.failure !== undefined) core.setFailed(report.failure);
}

export async function run(): Promise<void> {
  try {
    const settings = readActionSettings();
    await publish(settings, await runCommand(settings, depsFor(settings)));
  } catch (error) {
    const described = describeError(error);
    if (described.stack) core.debug(described.stack);
    core.setFailed(described.unexpected ? `${described.message} (this is a bug in orgctl; re-run with debug logging for the stack trace)` : described.message);
  }
}

await run();
