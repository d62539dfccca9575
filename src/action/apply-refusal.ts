// What apply says when it applies nothing because the plan it made is not the reviewed one: why, what
// differs, the new plan, and how a person applies it deliberately (workflow_dispatch with its digest).

import type { Plan } from '../model/plan.js';
import { describeStep } from '../render/describe-step.js';
import { escapeMarkdownInline } from '../render/markdown-escape.js';
import { plural } from '../text/plural.js';
import { planDigest, stepKeys } from '../workflow/plan-digest.js';
import type { ApplyAuthorization } from './apply-authorization.js';
import { composeMarkdown, fittedPart, fixedPart, truncateLines, type CommentPart } from './compose-comment.js';
import { commitLink, fileName, JOB_SUMMARY_LIMIT, planPart } from './markdown-parts.js';
import type { ActionReport } from './report.js';
import { compareStepKeys } from './reviewed-plan.js';
import type { ActionSettings } from './settings.js';

const NOTHING = 'Nothing was changed.';

export function refusedReport(settings: ActionSettings, authorization: ApplyAuthorization, plan: Plan): { report: ActionReport; commentParts: CommentPart[] } {
  const digest = planDigest(plan);
  const { headline, reason, failure } = explain(settings, authorization, digest);
  const parts: CommentPart[] = [
    fixedPart(`### orgctl apply: not applied (${headline})\n\n> [!CAUTION]\n> **${NOTHING}** ${reason}`),
    ...differencePart(authorization, plan),
    fixedPart(howToApply(settings, digest)),
    planPart(plan, settings, '#### The plan made now'),
  ];
  return {
    report: {
      outputs: { hasChanges: plan.steps.length > 0, planJson: settings.planJsonPath, summary: `Not applied: ${headline}. ${NOTHING}` },
      jobSummary: composeMarkdown(parts, JOB_SUMMARY_LIMIT),
      annotations: [],
      failure: `${failure} ${NOTHING} To apply the plan made now, review it in the job summary and run this workflow by hand with plan-digest ${digest}.`,
    },
    commentParts: parts,
  };
}

function explain(settings: ActionSettings, authorization: ApplyAuthorization, digest: string): { headline: string; reason: string; failure: string } {
  const commit = commitLink(settings, settings.sha);
  switch (authorization.kind) {
    case 'directPush':
      return {
        headline: 'no reviewed plan',
        reason: `Commit ${commit} was pushed to the default branch without a pull request, so no one reviewed a plan for it; orgctl applies only reviewed plans.`,
        failure: `commit ${settings.sha} is in no merged pull request (a direct push): there is no reviewed plan to apply.`,
      };
    case 'pullRequest':
      if (authorization.reviewed === undefined) {
        return {
          headline: 'no reviewed plan',
          reason: `This pull request has no plan comment by orgctl for ${fileName(settings)} that records a plan (the plan failed, org.yaml was invalid, or the plan job did not run), so there is no reviewed plan to apply.`,
          failure: `pull request #${authorization.pullRequest} has no orgctl plan comment recording a plan for ${settings.orgFile}: there is no reviewed plan to apply.`,
        };
      }
      return {
        headline: 'the organization changed since this plan was reviewed',
        reason:
          `The organization changed since this plan was reviewed: the plan made now from the live organization and ${fileName(settings)} at ${commit} ` +
          `(digest \`${digest.slice(0, 12)}\`) is not the plan this pull request's comment showed (digest \`${authorization.reviewed.digest.slice(0, 12)}\`). ` +
          'Someone changed the organization by hand, or another change was applied first.',
        failure: `the organization changed since the plan of #${authorization.pullRequest} was reviewed: the plan made now (digest ${digest}) is not the reviewed one (digest ${authorization.reviewed.digest}).`,
      };
    case 'dispatch':
      return {
        headline: 'the plan-digest is not the plan made now',
        reason: `The plan made now from the live organization and ${fileName(settings)} at ${commit} has digest \`${digest}\`, not the plan-digest given (\`${authorization.digest ?? ''}\`): the organization or the file changed since that plan was made.`,
        failure: `the plan made now (digest ${digest}) is not the plan-digest given (${authorization.digest ?? ''}).`,
      };
  }
}

/** Steps added and removed since the reviewed plan, when its comment recorded them. */
function differencePart(authorization: ApplyAuthorization, plan: Plan): CommentPart[] {
  if (authorization.kind !== 'pullRequest' || authorization.reviewed === undefined) return [];
  const difference = compareStepKeys(authorization.reviewed, stepKeys(plan));
  if (difference === undefined) return [fixedPart('#### What differs\n\nThe reviewed plan was too large for its comment to record its steps one by one; compare the plan below with it.')];
  const lines = difference.added.map((index) => {
    const step = plan.steps[index];
    if (!step) return '';
    const description = describeStep(step);
    return `- ${description.action} ${escapeMarkdownInline(description.title)}`;
  });
  const removed = difference.removed === 0 ? '' : `\n\n${plural(difference.removed, 'reviewed step')} ${difference.removed === 1 ? 'is' : 'are'} no longer in the plan (the comment above shows the reviewed plan).`;
  const added =
    lines.length > 0
      ? `${plural(lines.length, 'step')} added since the review:\n\n${lines.join('\n')}`
      : difference.removed === 0
        ? 'The same steps, in another order or with other dependencies.'
        : 'No step was added.';
  return [fittedPart((maxLength) => truncateLines(`#### What differs\n\n${added}${removed}`, maxLength, (n) => `_… ${n} more lines not shown; the plan below has every step._`))];
}

function howToApply(settings: ActionSettings, digest: string): string {
  return (
    '#### How to apply it\n\n' +
    `Review the plan below. To apply it, run this workflow by hand (Actions → the apply workflow → Run workflow, on the default branch) with \`plan-digest\` set to\n\n` +
    `\`\`\`\n${digest}\n\`\`\`\n\n` +
    `That run applies the plan only if the plan it makes from ${fileName(settings)} still has this digest; otherwise it changes nothing. ` +
    'Or open a pull request that changes org.yaml and merge it once its plan is reviewed.'
  );
}
