// The one way every check reports a read AWS refused or failed: cannot-check, naming the IAM action
// to allow when the refusal was for lack of permission.

import type { AuditCheck, AuditSeverity } from '../../model/audit.js';
import type { SourcePosition } from '../../model/desired.js';
import type { ReadFailure } from '../audit-input.js';

export interface CheckIdentity {
  readonly id: string;
  readonly title: string;
  readonly severity: AuditSeverity;
  readonly source?: SourcePosition | undefined;
}

/** A check result with `source` only when known (exactOptionalPropertyTypes). */
export function checkResult(identity: CheckIdentity, status: AuditCheck['status'], reason: string, remedy?: string): AuditCheck {
  return {
    id: identity.id,
    title: identity.title,
    severity: identity.severity,
    status,
    reason,
    ...(remedy !== undefined && { remedy }),
    ...(identity.source !== undefined && { source: identity.source }),
  };
}

export function cannotCheck(identity: CheckIdentity, failure: ReadFailure): AuditCheck {
  if (failure.denied) {
    return checkResult(
      identity,
      'cannot-check',
      `AWS denied ${failure.operation}: the credentials lack ${failure.action}.`,
      `Allow ${failure.action} in the IAM policy of the role orgctl runs as (docs/aws-access.md lists every action), then run the audit again.`,
    );
  }
  return checkResult(identity, 'cannot-check', `${failure.operation} failed: ${failure.message}`, 'Run the audit again; if it keeps failing, the error above says what AWS objected to.');
}
