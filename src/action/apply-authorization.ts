// Which plan apply may apply: the one a person reviewed. On a push to the default branch, the plan the
// merged pull request's orgctl comment recorded (reviewed-plan.ts); on workflow_dispatch, the plan whose
// digest the person gave (plan-digest input). A direct push has no reviewed plan: apply applies nothing.

import { UserError } from '../model/errors.js';
import type { PullRequestRef } from './github-api.js';
import type { ActionDeps } from './report.js';
import { findReviewedPlan, type ReviewedPlan } from './reviewed-plan.js';
import type { ActionSettings } from './settings.js';

export type ApplyAuthorization =
  /** A push that merged pull request `pullRequest`; `reviewed` is undefined when its comment records no plan. */
  | { readonly kind: 'pullRequest'; readonly pullRequest: number; readonly reviewed: ReviewedPlan | undefined }
  /** A push no merged pull request contains. */
  | { readonly kind: 'directPush' }
  /** workflow_dispatch with plan-digest; `pullRequest` is the merged pull request of the commit, if any (for the result's comment). */
  | { readonly kind: 'dispatch'; readonly digest: string | undefined; readonly pullRequest: number | undefined };

/** The digest a fresh plan must have to be applied; undefined: none may be. */
export function authorizedDigest(authorization: ApplyAuthorization): string | undefined {
  switch (authorization.kind) {
    case 'pullRequest':
      return authorization.reviewed?.digest;
    case 'directPush':
      return undefined;
    case 'dispatch':
      return authorization.digest;
  }
}

/** The pull request to comment the result on. */
export function resultPullRequest(authorization: ApplyAuthorization): number | undefined {
  return authorization.kind === 'directPush' ? undefined : authorization.pullRequest;
}

/**
 * Reads what was reviewed from GitHub. A failed read throws (the job fails, nothing is applied): without
 * it apply cannot tell what was reviewed.
 */
export async function readApplyAuthorization(settings: ActionSettings, deps: ActionDeps): Promise<ApplyAuthorization> {
  const pulls = await deps.github.listPullRequestsForCommit(settings.sha);
  const pr = mergedPullRequest(pulls, settings.sha);
  if (settings.event.kind === 'dispatch') {
    if (settings.planDigest === undefined) {
      throw new UserError(
        'apply on workflow_dispatch needs the plan-digest input: the digest of the plan you reviewed (the job summary of a refused apply, or the pull request comment, gives it). Nothing was changed.',
      );
    }
    return { kind: 'dispatch', digest: settings.planDigest, pullRequest: pr?.number };
  }
  if (!pr) return { kind: 'directPush' };
  const comments = await deps.github.listIssueComments(pr.number);
  return { kind: 'pullRequest', pullRequest: pr.number, reviewed: findReviewedPlan(comments, await deps.tokenIdentity(), settings.orgFile) };
}

function mergedPullRequest(pulls: readonly PullRequestRef[], sha: string): PullRequestRef | undefined {
  return pulls.find((p) => p.mergeCommitSha === sha) ?? pulls.find((p) => p.mergedAt !== null);
}

