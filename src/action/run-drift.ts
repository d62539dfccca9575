// `command: drift` (schedule, workflow_dispatch): plan org.yaml against the live organization; any step
// means someone changed AWS outside orgctl (or org.yaml was merged but not applied). Keeps one `drift`
// issue open while that lasts; with fail-on-drift the job fails too.

import { loadOrgFile } from '../config/load-org-file.js';
import type { Plan } from '../model/plan.js';
import { planSummaryLine } from '../render/describe-step.js';
import { serializePlan } from '../render/plan-file.js';
import { renderPlanText } from '../render/plan-text.js';
import { annotationsForDiagnostics, annotationsForPlan } from './annotations.js';
import { composeComment, composeMarkdown, fixedPart, MARKERS } from './compose-comment.js';
import { syncDriftIssue } from './drift-issue.js';
import { attemptGitHubWrite, withFailure } from './github-write.js';
import { commitLink, fileName, footerPart, JOB_SUMMARY_LIMIT, planPart } from './markdown-parts.js';
import { planWithAws } from './plan-with-aws.js';
import type { ActionDeps, ActionReport } from './report.js';
import type { ActionSettings } from './settings.js';
import { plural } from '../text/plural.js';

export async function runDrift(settings: ActionSettings, deps: ActionDeps): Promise<ActionReport> {
  const loaded = await loadOrgFile(settings.orgFilePath, settings.orgFile);
  if (!loaded.ok) {
    const count = `${plural(loaded.errors.length, 'problem')}`;
    return {
      outputs: { hasChanges: false, planJson: undefined, summary: `${settings.orgFile} has ${count}; drift was not checked.` },
      jobSummary: `### orgctl drift: ${fileName(settings)} is not valid\n\nSee the annotations; drift was not checked.\n`,
      annotations: annotationsForDiagnostics(loaded.errors),
      failure: `${settings.orgFile} has ${count} (see the annotations); drift was not checked.`,
    };
  }

  deps.log(`Checking the live organization against ${settings.orgFile} at commit ${settings.sha} (reads AWS, changes nothing).`);
  const plan = await planWithAws(deps, loaded.value);
  deps.log(renderPlanText(plan, { color: true }));
  await deps.writeFile(settings.planJsonPath, serializePlan(plan));

  const drifted = plan.steps.length > 0 || plan.errors.length > 0;
  const commit = commitLink(settings, settings.sha);
  const heading = drifted
    ? fixedPart(
        `### orgctl drift: the organization differs from ${fileName(settings)}\n\n` +
          `The live AWS organization does not match ${fileName(settings)} at commit ${commit}. Someone changed it outside orgctl, ` +
          'or a change to org.yaml was not applied. Apply (re-run the apply workflow), or change org.yaml to describe what should exist. ' +
          'This issue is updated by every drift check and closed by the first one that finds no drift.',
      )
    : fixedPart(`### orgctl drift: none\n\nThe live AWS organization matches ${fileName(settings)} at commit ${commit}.`);
  const parts = [heading, planPart(plan, settings, '#### What apply would change')];

  const issueFailure = settings.comment
    ? await attemptGitHubWrite('the drift issue', async () => {
        const change = await syncDriftIssue(deps.github, await deps.tokenIdentity(), {
          body: drifted ? composeComment(MARKERS.drift, [...parts, footerPart(settings, `Last checked at commit ${commit}`)]) : undefined,
          closingComment: `No drift any more: the live organization matches ${fileName(settings)} at commit ${commit} ([drift check](${settings.runUrl})). Closing.`,
        });
        deps.log(change.action === 'none' ? 'No drift, and no drift issue open.' : `Drift issue #${change.number} ${change.action}.`);
        if (change.action === 'opened' && change.warning) deps.warn(change.warning);
      })
    : undefined;

  return withFailure({
    outputs: { hasChanges: drifted, planJson: settings.planJsonPath, summary: drifted ? `Drift: ${planSummaryLine(plan)}` : 'No drift. The organization matches org.yaml.' },
    jobSummary: composeMarkdown([...parts, footerPart(settings, `Checked commit ${commit}`)], JOB_SUMMARY_LIMIT),
    annotations: annotationsForPlan(plan, settings.orgFile),
    ...failure(plan, drifted, settings),
  }, issueFailure);
}

function failure(plan: Plan, drifted: boolean, settings: ActionSettings): { failure?: string } {
  if (plan.errors.length > 0) return { failure: `the plan has ${plural(plan.errors.length, 'error')}: org.yaml cannot be applied to this organization. See the job summary.` };
  if (drifted && settings.failOnDrift) return { failure: `drift: the live organization differs from ${settings.orgFile} (${plural(plan.steps.length, 'step')} to apply). See the job summary.` };
  return {};
}
