// `command: plan`: validate org.yaml, plan it against the live organization, and show the plan in the
// job summary and in one PR comment that every push edits. A PR from a fork has no AWS credentials:
// it gets org.yaml validated and a comment that says so.

import { loadOrgFile, type LoadedOrgFile } from '../config/load-org-file.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { Plan } from '../model/plan.js';
import { escapeMarkdownInline } from '../render/markdown-escape.js';
import { serializePlan } from '../render/plan-file.js';
import { renderPlanText } from '../render/plan-text.js';
import { renderPlanExtrasMarkdown } from '../render/rehearsal.js';
import { annotationsForDiagnostics, annotationsForPlan } from './annotations.js';
import { composeComment, composeMarkdown, fixedPart, type CommentPart } from './compose-comment.js';
import { countActions, planSummaryLine } from '../render/describe-step.js';
import { planDigest, stepKeys } from '../workflow/plan-digest.js';
import { planMarker, reviewedPlanRecord } from './reviewed-plan.js';
import { syncPlanLabels } from './plan-labels.js';
import { describeError } from '../text/describe-error.js';
import { attemptGitHubWrite, withFailure } from './github-write.js';
import { commitLink, fileName, footerPart, JOB_SUMMARY_LIMIT, planPart, validationPart } from './markdown-parts.js';
import { planWithAws } from './plan-with-aws.js';
import type { ActionDeps, ActionReport } from './report.js';
import type { ActionSettings } from './settings.js';
import { upsertComment } from './upsert-comment.js';
import { plural } from '../text/plural.js';

type PullRequestEvent = Extract<ActionSettings['event'], { kind: 'pullRequest' }>;

export async function runPlan(settings: ActionSettings, deps: ActionDeps): Promise<ActionReport> {
  const pr = settings.event.kind === 'pullRequest' ? settings.event : undefined;
  const loaded = await loadOrgFile(settings.orgFilePath, settings.orgFile);
  if (!loaded.ok) return invalidOrgFile(settings, deps, pr, loaded.errors);
  if (pr?.fromFork) return validatedOnly(settings, deps, pr);
  return planned(settings, deps, pr, loaded.value);
}

async function planned(settings: ActionSettings, deps: ActionDeps, pr: PullRequestEvent | undefined, loaded: LoadedOrgFile): Promise<ActionReport> {
  deps.log(`Planning ${settings.orgFile} against the live organization (reads AWS, changes nothing).`);
  const plan = await withFailureComment(settings, deps, pr, () => planWithAws(deps, loaded, { rehearse: settings.rehearse }));
  deps.log(renderPlanText(plan, { color: true }));
  await deps.writeFile(settings.planJsonPath, serializePlan(plan));

  const digest = planDigest(plan);
  const commit = pr ? commitLink(settings, pr.headSha, pr.number) : commitLink(settings, settings.sha);
  const parts = planCommentParts(plan, settings);
  // Apply on merge applies only the plan this comment shows, by its digest; a plan with errors cannot be applied.
  const record = pr && plan.errors.length === 0 ? [fixedPart(reviewedPlanRecord({ digest, commit: pr.headSha, stepKeys: stepKeys(plan) }))] : [];
  const digestNote = plan.errors.length === 0 ? ` · plan digest \`${digest}\`` : '';
  const changesNothing = plan.steps.length === 0 && plan.errors.length === 0;
  const commentFailure =
    pr && settings.comment
      ? await attemptGitHubWrite(`the plan comment on #${pr.number}`, () =>
          postComment(
            settings,
            deps,
            pr.number,
            composeComment(planMarker(settings.orgFile), [...record, ...parts, footerPart(settings, `Planned for commit ${commit}; updated on every push${digestNote}`)]),
            // on-change: a pull request that changes nothing in AWS gets no new comment; an existing one says so.
            { createIfMissing: !(settings.commentOnChangeOnly && changesNothing) },
          ),
        )
      : undefined;
  const labelFailure = pr && settings.labels ? await attemptGitHubWrite(`the labels of #${pr.number}`, () => syncPlanLabels(deps, pr.number, plan)) : undefined;
  const errors = plan.errors.length;
  const report: ActionReport = {
    outputs: { hasChanges: plan.steps.length > 0, planJson: settings.planJsonPath, summary: planSummaryLine(plan) },
    jobSummary: composeMarkdown([...parts, footerPart(settings, `Planned for commit ${commit}${digestNote}`)], JOB_SUMMARY_LIMIT),
    annotations: annotationsForPlan(plan, settings.orgFile),
    ...(errors > 0 ? { failure: `the plan has ${errors} error${errors === 1 ? '' : 's'} and cannot be applied; see the plan and the annotations on ${settings.orgFile}.` } : {}),
  };
  return withFailure(withFailure(report, commentFailure), labelFailure);
}

/**
 * The sections of the plan comment and summary, in order: the plan, whose part already carries the
 * root-credential audit (plan.audit). composeComment gives the plan the room fixed sections leave.
 */
export function planCommentParts(plan: Plan, settings: ActionSettings): CommentPart[] {
  const deletes = countActions(plan).delete;
  return [...(deletes > 0 ? [deletionWarningPart(deletes)] : []), planPart(plan, settings, `### orgctl plan: ${fileName(settings)}`), fixedPart(renderPlanExtrasMarkdown(plan))];
}

/** A callout GitHub renders in yellow: the plan removes something from AWS (deletes, closes). */
function deletionWarningPart(deletes: number): CommentPart {
  return fixedPart(`> [!WARNING]\n> **This plan deletes or closes ${plural(deletes, 'resource')} in AWS.** Check each \`-\` step below before you approve: apply cannot undo them.`);
}


/** A failed plan replaces the PR's plan comment too, so it never shows a plan for an older commit as current. */
async function withFailureComment<T>(settings: ActionSettings, deps: ActionDeps, pr: PullRequestEvent | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (pr && settings.comment) {
      const { message } = describeError(error);
      const body = composeComment(planMarker(settings.orgFile), [
        fixedPart(`### orgctl plan: failed\n\n> [!CAUTION]\n> **orgctl could not plan ${fileName(settings)}.** ${escapeMarkdownInline(message.replace(/\n/g, ' '))}\n\nThe run's log has the details; push again or re-run the job once the cause is fixed.`),
        footerPart(settings, `Tried commit ${commitLink(settings, pr.headSha, pr.number)}`),
      ]);
      await postComment(settings, deps, pr.number, body).catch((commentError: unknown) => deps.warn(`Could not update the PR comment either: ${describeError(commentError).message}`));
    }
    throw error;
  }
}

async function invalidOrgFile(settings: ActionSettings, deps: ActionDeps, pr: PullRequestEvent | undefined, errors: readonly Diagnostic[]): Promise<ActionReport> {
  const parts = [fixedPart(`### orgctl plan: ${fileName(settings)} is not valid`), validationPart(errors, settings)];
  const commentFailure =
    pr && settings.comment
      ? await attemptGitHubWrite(`the plan comment on #${pr.number}`, () =>
          postComment(settings, deps, pr.number, composeComment(planMarker(settings.orgFile), [...parts, footerPart(settings, `Checked commit ${commitLink(settings, pr.headSha, pr.number)}`)])),
        )
      : undefined;
  const count = `${plural(errors.length, 'problem')}`;
  const report: ActionReport = {
    outputs: { hasChanges: false, planJson: undefined, summary: `${settings.orgFile} has ${count}; nothing was planned.` },
    jobSummary: composeMarkdown(parts, JOB_SUMMARY_LIMIT),
    annotations: annotationsForDiagnostics(errors),
    failure: `${settings.orgFile} has ${count} (see the annotations); nothing was read from AWS.`,
  };
  return withFailure(report, commentFailure);
}

const FORK_NOTE =
  'This pull request comes from a fork. GitHub gives workflows of pull requests from forks no secrets and no OIDC token, ' +
  'so orgctl cannot read the AWS organization here: it checked org.yaml only, and made no plan.';

async function validatedOnly(settings: ActionSettings, deps: ActionDeps, pr: PullRequestEvent): Promise<ActionReport> {
  deps.log(`${settings.orgFile} is valid. ${FORK_NOTE}`);
  const parts = [
    fixedPart(
      `### orgctl plan: validation only\n\n> [!NOTE]\n> ${FORK_NOTE}\n\n` +
        `**${fileName(settings)} is valid.** A maintainer can see the plan by pushing this change to a branch of this repository; ` +
        'after merge, apply plans again from the live organization before it changes anything.',
    ),
  ];
  if (settings.comment) {
    const body = composeComment(planMarker(settings.orgFile), [...parts, footerPart(settings, `Checked commit ${commitLink(settings, pr.headSha, pr.number)}`)]);
    // The token of a fork's run is usually read-only: say so in the log, do not fail a valid change for it.
    await postComment(settings, deps, pr.number, body).catch((error: unknown) => deps.warn(`Could not comment on the pull request: ${describeError(error).message}`));
  }
  return {
    outputs: { hasChanges: false, planJson: undefined, summary: `${settings.orgFile} is valid; not planned (pull request from a fork: no AWS credentials).` },
    jobSummary: composeMarkdown(parts, JOB_SUMMARY_LIMIT),
    annotations: [],
  };
}

async function postComment(settings: ActionSettings, deps: ActionDeps, prNumber: number, body: string, options: { readonly createIfMissing?: boolean } = {}): Promise<void> {
  const result = await upsertComment(deps.github, await deps.tokenIdentity(), prNumber, planMarker(settings.orgFile), body, options);
  if (result.action === 'skipped') {
    deps.log(`No plan comment on #${prNumber}: the plan has no changes and comment is on-change.`);
    return;
  }
  deps.log(`Plan comment ${result.action} on #${prNumber} (comment ${result.id}).`);
  if (result.warning) deps.warn(result.warning);
}
