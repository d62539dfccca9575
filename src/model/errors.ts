// Errors the user can act on. Entrypoints print their message (no stack trace) and exit 1.

export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(message: string, readonly details: readonly string[] = []) {
    super(message);
  }
}

/** The saved plan no longer matches org.yaml or the live organization. */
export class StalePlanError extends UserError {
  override readonly name = 'StalePlanError';
}

/** The `code` of a Node.js system error ("ENOENT", "EACCES", ...), or undefined for anything else. */
export function systemErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
