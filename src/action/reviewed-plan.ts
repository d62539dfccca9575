// What a plan comment records for apply: the digest of the plan it shows and the commit it was made
// for, in a hidden line of the comment itself. Apply on merge reads it back (only from a comment the
// token's own identity wrote: anyone can write the same line in a comment of their own) and applies
// only a plan with that digest. The record and the comment's marker are keyed by the org file's path,
// so several org files in one repository keep separate comments.

import type { IssueComment, GitHubAuthor } from './github-api.js';
import { MARKERS } from './compose-comment.js';
import { isWrittenBy } from './token-identity.js';

/** The `file` input's default: its comments keep the marker they had before markers were keyed by path. */
export const DEFAULT_ORG_FILE = 'org.yaml';

/** At most this many step keys are recorded (13 characters each); a larger plan records its digest only. */
export const MAX_RECORDED_STEPS = 400;

export interface ReviewedPlan {
  /** planDigest of the plan the comment shows. */
  readonly digest: string;
  /** The pull request's head commit the plan was made for. */
  readonly commit: string;
  /** stepKeys of that plan; undefined when it had more than MAX_RECORDED_STEPS steps. */
  readonly stepKeys: readonly string[] | undefined;
}

/** The path as it may stand inside an HTML comment: percent-encoded, so it cannot close the comment. */
function fileKey(orgFile: string): string {
  return encodeURIComponent(orgFile);
}

/** The marker a plan comment for `orgFile` starts with. */
export function planMarker(orgFile: string): string {
  return orgFile === DEFAULT_ORG_FILE ? MARKERS.plan : `<!-- orgctl:plan file=${fileKey(orgFile)} -->`;
}

/** The marker an apply comment for `orgFile` starts with. */
export function applyMarker(orgFile: string): string {
  return orgFile === DEFAULT_ORG_FILE ? MARKERS.apply : `<!-- orgctl:apply file=${fileKey(orgFile)} -->`;
}

const RECORD = /^<!-- orgctl:reviewed-plan digest=([0-9a-f]{64}) commit=([0-9a-f]{40}|unknown) steps=((?:[0-9a-f]{12}(?:,[0-9a-f]{12})*)?|more) -->$/;

/** The hidden line a plan comment carries. */
export function reviewedPlanRecord(plan: ReviewedPlan): string {
  const commit = /^[0-9a-f]{40}$/.test(plan.commit) ? plan.commit : 'unknown';
  const steps = plan.stepKeys === undefined || plan.stepKeys.length > MAX_RECORDED_STEPS ? 'more' : plan.stepKeys.join(',');
  return `<!-- orgctl:reviewed-plan digest=${plan.digest} commit=${commit} steps=${steps} -->`;
}

/**
 * The record in a comment body: only the first line after the marker counts, so a record-like line in
 * the plan itself (a name from org.yaml or AWS) is never read as one.
 */
export function parseReviewedPlanRecord(body: string): ReviewedPlan | undefined {
  const afterMarker = body.split('\n').slice(1).find((line) => line !== '') ?? '';
  const match = RECORD.exec(afterMarker);
  if (!match) return undefined;
  const [, digest = '', commit = '', steps = ''] = match;
  return { digest, commit, stepKeys: steps === 'more' ? undefined : steps === '' ? [] : steps.split(',') };
}

/** The plan comment for `orgFile` that `identity` wrote (the oldest, as upsertComment edits it), if any. */
export function findPlanComment(comments: readonly IssueComment[], identity: GitHubAuthor, orgFile: string): IssueComment | undefined {
  const marker = planMarker(orgFile);
  return comments.find((c) => c.body.startsWith(marker) && isWrittenBy(c.author, identity));
}

/** The plan the pull request's orgctl comment for `orgFile` shows; undefined when it shows none (failed, invalid, fork, missing). */
export function findReviewedPlan(comments: readonly IssueComment[], identity: GitHubAuthor, orgFile: string): ReviewedPlan | undefined {
  const comment = findPlanComment(comments, identity, orgFile);
  return comment && parseReviewedPlanRecord(comment.body);
}

export interface StepDifference {
  /** Indexes (into the new plan's steps) of steps the reviewed plan did not have. */
  readonly added: readonly number[];
  /** How many reviewed steps the new plan no longer has. */
  readonly removed: number;
}

/** Which steps differ, as a multiset of step keys; undefined when the reviewed plan recorded too many to compare. */
export function compareStepKeys(reviewed: ReviewedPlan, fresh: readonly string[]): StepDifference | undefined {
  if (reviewed.stepKeys === undefined) return undefined;
  const left = new Map<string, number>();
  for (const key of reviewed.stepKeys) left.set(key, (left.get(key) ?? 0) + 1);
  const added: number[] = [];
  fresh.forEach((key, index) => {
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else added.push(index);
  });
  const removed = [...left.values()].reduce((sum, n) => sum + n, 0);
  return { added, removed };
}
