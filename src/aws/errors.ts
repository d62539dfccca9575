// The small error taxonomy every port implementation maps AWS errors into.

export type AwsErrorKind =
  /** TooManyRequestsException, ThrottlingException, HTTP 429: retry later. */
  | 'throttled'
  /** ConcurrentModificationException: retry later (the SDK does not). */
  | 'concurrentModification'
  /** 5xx, dropped connection, timeout: retry. */
  | 'transient'
  /** AWSOrganizationsNotInUseException. */
  | 'notInUse'
  /** AccessDeniedException and friends: the credentials lack an IAM action. */
  | 'accessDenied'
  /** The thing is already there: DuplicateOrganizationalUnit, DuplicateAccount (already in destination), DuplicateRecord. */
  | 'alreadyExists'
  /** The thing is not there: *NotFoundException. */
  | 'notFound'
  /** A rule refused the change: ConstraintViolation, OrganizationalUnitNotEmpty, CreationLimitExceeded. */
  | 'constraint'
  /** The request was malformed: InvalidInput, InvalidParameter. */
  | 'invalidInput'
  | 'other';

export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';

  constructor(
    /** The AWS operation, e.g. "MoveAccount". */
    readonly operation: string,
    readonly kind: AwsErrorKind,
    /** The AWS error code, e.g. "DuplicateOrganizationalUnitException". */
    readonly code: string,
    message: string,
    /** ConstraintViolationException.Reason and similar, when present. */
    readonly reason?: string,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'concurrentModification' || this.kind === 'transient';
  }

  /** One line for users: which call failed and why. */
  describe(): string {
    const reason = this.reason ? ` (${this.reason})` : '';
    return `${this.operation} failed: ${this.code}${reason}: ${this.message}`;
  }
}

export function isAwsCallError(error: unknown, kind?: AwsErrorKind): error is AwsCallError {
  return error instanceof AwsCallError && (kind === undefined || error.kind === kind);
}
