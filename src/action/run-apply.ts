// `command: apply`: only on a push to the default branch (or workflow_dispatch on it). Plans again from
// the live organization and applies that plan only when its digest is the reviewed one (apply-authorization.ts);
// otherwise changes nothing and says why. Plans once more to check the result, and reports it in the job
// summary and on the pull request that was merged. The job fails unless the organization ends up matching org.yaml.

import type { ApplyRun } from '../apply/apply-plan.js';
import { loadOrgFile, type LoadedOrgFile } from '../config/load-org-file.js';
import { UserError } from '../model/errors.js';
import { countResults, formatDuration, renderApplyResultsMarkdown, renderStepResultLine } from '../render/apply-results.js';
import { escapeMarkdownInline } from '../render/markdown-escape.js';
import { serializePlan } from '../render/plan-file.js';
import { renderPlanText } from '../render/plan-text.js';
import { runApplyWorkflow, type ApplyOutcome } from '../workflow/apply-workflow.js';
import { annotationsForDiagnostics, annotationsForPlan } from './annotations.js';
import { composeComment, composeMarkdown, fittedPart, fixedPart, truncateLines, type CommentPart } from './compose-comment.js';
import { describeError } from '../text/describe-error.js';
import { attemptGitHubWrite, withFailure } from './github-write.js';
import type { Plan } from '../model/plan.js';
import { planDigest } from '../workflow/plan-digest.js';
import { authorizedDigest, readApplyAuthorization, resultPullRequest } from './apply-authorization.js';
import { refusedReport } from './apply-refusal.js';
import { markOtherPlansOutdated } from './outdated-plans.js';
import { applyMarker } from './reviewed-plan.js';
import { newAccountsPart } from './new-accounts.js';
import { commitLink, fileName, footerPart, JOB_SUMMARY_LIMIT, planPart, validationPart } from './markdown-parts.js';
import type { ActionDeps, ActionReport } from './report.js';
import type { ActionSettings } from './settings.js';
import { plural } from '../text/plural.js';

/** Checked in code, whatever the workflow's `on:` says: apply changes AWS, so only merged changes may run it. */
export function assertApplyAllowed(settings: ActionSettings): void {
  const { event } = settings;
  const nothing = 'Nothing was changed.';
  if (event.kind === 'pullRequest') {
    throw new UserError(`apply refuses to run for a pull request: it runs only on a push to the default branch, after review and merge. ${nothing} Use command: plan on pull requests.`);
  }
  if (event.kind !== 'push' && event.kind !== 'dispatch') {
    throw new UserError(`apply runs only on a push to the default branch (or workflow_dispatch on it); this run was triggered by a ${event.name} event. ${nothing}`);
  }
  if (event.defaultBranch === undefined) {
    throw new UserError(`apply cannot tell the repository's default branch: the ${event.kind === 'push' ? 'push' : 'workflow_dispatch'} event has no repository.default_branch. ${nothing}`);
  }
  if (event.ref !== `refs/heads/${event.defaultBranch}`) {
    const what = event.kind === 'push' ? 'this push is to' : 'this workflow_dispatch runs on';
    throw new UserError(`apply runs only on a push to the default branch (${event.defaultBranch}); ${what} ${event.ref || 'an unknown ref'}. ${nothing}`);
  }
}

export async function runApply(settings: ActionSettings, deps: ActionDeps): Promise<ActionReport> {
  assertApplyAllowed(settings);
  const loaded = await loadOrgFile(settings.orgFilePath, settings.orgFile);
  if (!loaded.ok) {
    const parts = [fixedPart(`### orgctl apply: ${fileName(settings)} is not valid`), validationPart(loaded.errors, settings)];
    const commentFailure = await commentOnMergedPullRequest(settings, deps, parts);
    const count = `${plural(loaded.errors.length, 'problem')}`;
    const report: ActionReport = {
      outputs: { hasChanges: false, planJson: undefined, summary: `${settings.orgFile} has ${count}; nothing was applied.` },
      jobSummary: composeMarkdown(parts, JOB_SUMMARY_LIMIT),
      annotations: annotationsForDiagnostics(loaded.errors),
      failure: `${settings.orgFile} has ${count} (see the annotations); nothing was read from AWS or changed.`,
    };
    return withFailure(report, commentFailure);
  }

  // Before AWS is read: without knowing what was reviewed, nothing may be applied.
  const authorization = await readApplyAuthorization(settings, deps);
  const pullRequest = resultPullRequest(authorization);
  const expected = authorizedDigest(authorization);
  let outcome: ApplyOutcome;
  try {
    outcome = await applyWithAws(settings, deps, loaded.value, (plan) => planDigest(plan) === expected);
  } catch (error) {
    const { message } = describeError(error);
    const commentFailure = await commentOnMergedPullRequest(settings, deps, [
      fixedPart(`### orgctl apply: failed\n\n> [!CAUTION]\n> **${escapeMarkdownInline(message.split('\n')[0] ?? message)}**\n\nThe run's log has the details. Steps that succeeded stay done. Once the cause is fixed, re-run the job: it applies the reviewed plan if no step was done, and otherwise changes nothing and gives the digest of what remains, to apply by hand with \`plan-digest\`.`),
    ], pullRequest, 'Tried at commit');
    // The apply's own error fails the job; the comment's is secondary.
    if (commentFailure) deps.warn(commentFailure);
    throw error;
  }
  await deps.writeFile(settings.planJsonPath, serializePlan(outcome.plan));
  if (outcome.kind === 'declined') {
    const refusal = refusedReport(settings, authorization, outcome.plan);
    // A direct push and a refused dispatch have no pull request to explain it on: the job summary does.
    const commentFailure = authorization.kind === 'pullRequest' ? await commentOnMergedPullRequest(settings, deps, refusal.commentParts, pullRequest, 'Nothing applied; planned at commit') : undefined;
    return withFailure(refusal.report, commentFailure && `the refusal is in the job summary, but orgctl ${commentFailure}`);
  }
  const report = reportOutcome(settings, outcome);
  const commentFailure = await commentOnMergedPullRequest(settings, deps, report.commentParts, pullRequest);
  if (outcome.kind === 'applied' && outcome.run.results.some((r) => r.status === 'ok')) {
    await markOtherPlansOutdated(settings, deps, pullRequest);
  }
  return withFailure(report.report, commentFailure && `apply's result is in the job summary, but orgctl ${commentFailure}`);
}

async function applyWithAws(settings: ActionSettings, deps: ActionDeps, loaded: LoadedOrgFile, isReviewed: (plan: Plan) => boolean): Promise<ApplyOutcome> {
  deps.log(`Applying ${settings.orgFile} at commit ${settings.sha}: planning from the live organization first.`);
  const aws = deps.openAws();
  try {
    return await runApplyWorkflow({
      port: aws.port,
      desired: loaded.desired,
      orgYamlSha256: loaded.sha256,
      onPlanned: (plan) => deps.log(renderPlanText(plan, { color: true })),
      // The plan runs only when its steps are the ones reviewed (the pull request's comment, or the dispatch's plan-digest);
      // the environment's reviewers approved the job.
      confirm: async (plan) => isReviewed(plan),
      onStepFinished: (result) => deps.log(renderStepResultLine(result)),
    });
  } finally {
    aws.close();
  }
}

function reportOutcome(settings: ActionSettings, outcome: ApplyOutcome): { report: ActionReport; commentParts: CommentPart[] } {
  const commit = commitLink(settings, settings.sha);
  const plan = outcome.plan;
  const planJson = settings.planJsonPath;
  const annotations = annotationsForPlan(plan, settings.orgFile);
  if (outcome.kind !== 'applied') {
    const parts = [fixedPart(`### orgctl apply: no changes\n\nThe organization already matched ${fileName(settings)} at commit ${commit}; nothing was changed.`)];
    return {
      report: {
        outputs: { hasChanges: false, planJson, summary: 'No changes. The organization matches org.yaml.' },
        jobSummary: composeMarkdown([...parts, planPart(plan, settings, '#### Plan')], JOB_SUMMARY_LIMIT),
        annotations,
      },
      commentParts: parts,
    };
  }

  const { run, after, converged } = outcome;
  const counts = countResults(run);
  const verdict = converged ? 'applied' : counts.failed > 0 ? 'stopped' : 'incomplete';
  const checked = converged
    ? 'Checked afterwards: the organization matches org.yaml.'
    : `Checked afterwards: the organization still differs from org.yaml in ${plural(after.steps.length, 'step')}${after.errors.length > 0 ? ` and has ${plural(after.errors.length, 'error')}` : ''}.`;
  const headline = fixedPart(
    `### orgctl apply: ${verdict}\n\n` +
      `**Commit ${commit}: ${counts.ok} succeeded, ${counts.failed} failed, ${counts.skipped} not run, in ${formatDuration(outcome.wallMs)}. ${checked}**` +
      (converged
        ? ''
        : '\n\nSteps that succeeded stay done. Fix the cause, then apply what remains deliberately: run the apply workflow by hand with ' +
          `\`plan-digest\` \`${planDigest(after)}\` (the digest of what still differs, below). Re-running this job applies nothing: what remains is not the plan that was reviewed.`),
  );
  const appliedPlan = planPart(plan, settings, '#### Applied plan');
  const remaining = converged ? [] : [planPart(after, settings, '#### What still differs')];
  const summaryLine = converged
    ? `Applied ${counts.ok} step${counts.ok === 1 ? '' : 's'}; the organization matches org.yaml.`
    : `Apply ${verdict}: ${counts.ok} succeeded, ${counts.failed} failed, ${counts.skipped} not run; the organization still differs from org.yaml.`;
  return {
    report: {
      outputs: { hasChanges: plan.steps.length > 0, planJson, summary: summaryLine },
      jobSummary: composeMarkdown([headline, resultsPart(run, false), ...remaining, appliedPlan], JOB_SUMMARY_LIMIT),
      annotations,
      ...(converged ? {} : { failure: `apply did not converge: ${plural(counts.failed, 'step')} failed, ${counts.skipped} not run, ${plural(after.steps.length, 'change')} ${after.steps.length === 1 ? 'remains' : 'remain'}. See the job summary.` }),
    },
    // The comment leads with what went wrong; the full table is in the job summary.
    commentParts: [headline, ...newAccountsPart(plan, run), ...(converged ? [] : [resultsPart(run, true)]), ...remaining, appliedPlan],
  };
}

/** The step results as a table (problemsOnly: the failed and skipped steps), as many rows as fit. */
function resultsPart(run: ApplyRun, problemsOnly: boolean): CommentPart {
  const shown: ApplyRun = problemsOnly ? { ...run, results: run.results.filter((r) => r.status !== 'ok') } : run;
  const title = problemsOnly ? '#### Steps that did not succeed' : '#### Step results';
  // The headline already counts every step; the table's own count line would count only the rows shown.
  const table = problemsOnly ? renderApplyResultsMarkdown(shown).split('\n').slice(2).join('\n') : renderApplyResultsMarkdown(shown);
  return fittedPart((maxLength) => truncateLines(`${title}\n\n${table}`, maxLength, (n) => `_… ${n} more rows not shown; the run's log lists every step._`));
}

/**
 * Adds a comment to the pull request the pushed commit came from. Always a new comment, never an edit:
 * each apply's comment is the record of what it changed, and a re-run must not replace it.
 * Returns why the comment could not be written, if it could not.
 */
async function commentOnMergedPullRequest(
  settings: ActionSettings,
  deps: ActionDeps,
  parts: readonly CommentPart[],
  known?: number,
  footer = 'Applied from commit',
): Promise<string | undefined> {
  if (!settings.comment) return undefined;
  return attemptGitHubWrite('the apply comment on the merged pull request', async () => {
    const number = known ?? (await findMergedPullRequest(settings, deps));
    if (number === undefined) {
      deps.log(`No merged pull request contains commit ${settings.sha} (pushed directly?); the result is in the job summary only.`);
      return;
    }
    const body = composeComment(applyMarker(settings.orgFile), [...parts, footerPart(settings, `${footer} ${commitLink(settings, settings.sha)}`)]);
    const created = await deps.github.createIssueComment(number, body);
    deps.log(`Apply comment added to #${number} (comment ${created.id}).`);
  });
}

async function findMergedPullRequest(settings: ActionSettings, deps: ActionDeps): Promise<number | undefined> {
  const pulls = await deps.github.listPullRequestsForCommit(settings.sha);
  return (pulls.find((p) => p.mergeCommitSha === settings.sha) ?? pulls.find((p) => p.mergedAt !== null))?.number;
}
