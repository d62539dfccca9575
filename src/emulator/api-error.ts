// An error the emulated service answers with: the AWS error code, its message, the HTTP status and
// any extra members the error shape carries (ConstraintViolationException.Reason, for example).

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** The bare AWS error code, e.g. "DuplicateOrganizationalUnitException". */
    readonly code: string,
    message: string,
    /** The HTTP status the current Smithy model declares for this error. */
    readonly status: number,
    /** Extra members of the error shape, sent next to `__type` and `Message`. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** Query-protocol errors say whose fault it was. */
  get senderFault(): boolean {
    return this.status < 500;
  }
}
