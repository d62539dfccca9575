// The organization changed while it was read: one read saw something that a moment later was gone
// (or in two places). The reader reads again; after MAX_READS such reads it gives up with
// OrganizationChangedWhileReadError, which says what happened in words, not as a raw AWS error.

import { type AwsCallError, isAwsCallError } from '../aws/errors.js';
import { UserError } from '../model/errors.js';

/** One read ran into a change made by someone else (internal to readLiveOrg: it reads again). */
export class ChangedUnderReadError extends Error {
  override readonly name = 'ChangedUnderReadError';

  constructor(
    /** The AWS error that showed it (ParentNotFoundException, NotFoundException, ...), if one did. */
    readonly awsError: AwsCallError | undefined,
    /** What the read had found moments before: "ou-ab12-34567890", "budget \"monthly\"", "account 222222222222". */
    readonly subject: string,
    /** What was seen instead, when no AWS error said it. */
    readonly seen?: string,
  ) {
    super(awsError ? `${awsError.operation} answered ${awsError.code} for ${subject}, which this read had found moments before` : `${subject} ${seen ?? 'changed'}`);
  }
}

export class OrganizationChangedWhileReadError extends UserError {
  override readonly name = 'OrganizationChangedWhileReadError';

  constructor(readonly changes: readonly ChangedUnderReadError[]) {
    super(
      `the organization changed while orgctl was reading it, each of the ${changes.length} times it tried, so orgctl has no consistent view of it to work from. ` +
        'The reads changed nothing; run the command again once no one else is changing the organization.',
      changes.map((change, i) => `read ${i + 1}: ${change.message}.`),
    );
  }
}

/**
 * `work` asks about `subject`, which this read found moments ago; NotFound then means someone removed
 * it since (ParentNotFoundException, NotFoundException, ...): the organization changed under the read.
 */
export function foundMomentsAgo<T>(work: Promise<T>, subject: string): Promise<T> {
  return work.catch((error: unknown) => {
    if (isAwsCallError(error, 'notFound')) throw new ChangedUnderReadError(error, subject);
    throw error;
  });
}
