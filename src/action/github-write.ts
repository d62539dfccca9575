// Writing the PR comment or the drift issue never hides a command's result: when GitHub refuses the write
// or cannot be reached, the failure joins the job's failure, and main.ts still writes the job summary and
// the outputs before it fails the job.

import { UserError } from '../model/errors.js';
import type { ActionReport } from './report.js';

/** Runs the write; returns why it failed (for ActionReport.failure), or undefined when it succeeded. */
export async function attemptGitHubWrite(what: string, write: () => Promise<void>): Promise<string | undefined> {
  try {
    await write();
    return undefined;
  } catch (error) {
    // The adapter turns every failed request into a UserError; anything else is a bug, reported as one by main.ts.
    if (!(error instanceof UserError)) throw error;
    return `could not write ${what}: ${error.message}`;
  }
}

/** The report, failing also for `failure` when there is one. */
export function withFailure(report: ActionReport, failure: string | undefined): ActionReport {
  if (failure === undefined) return report;
  return { ...report, failure: report.failure === undefined ? failure : `${report.failure}\n${failure}` };
}
