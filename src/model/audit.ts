// The root-credential audit as a value: what `orgctl audit` prints and what `plan` shows first.
// Plain data (it travels inside the JSON plan); built by src/audit, rendered by src/audit/render-*.

import type { SourcePosition } from './desired.js';

/** pass: checked and fine. fail: checked and not fine. cannot-check: AWS would not tell (see reason). */
export type AuditStatus = 'pass' | 'fail' | 'cannot-check';

/**
 * required: a failure makes `orgctl audit` exit 1 (org.yaml declares it, or it is a root-user rule).
 * recommended: a failure is shown as a recommendation and never changes an exit code.
 */
export type AuditSeverity = 'required' | 'recommended';

export interface AuditCheck {
  /** Stable machine identity, e.g. "root-mfa", "break-glass-user:break-glass", "alternate-contact:security". */
  readonly id: string;
  /** What is checked, for people: "Root user has an MFA device". */
  readonly title: string;
  readonly severity: AuditSeverity;
  readonly status: AuditStatus;
  /** What orgctl found (or why it could not look). */
  readonly reason: string;
  /** What to do about it; absent when the check passed. */
  readonly remedy?: string;
  /** Where org.yaml declares the expectation, when it does. */
  readonly source?: SourcePosition;
}

export interface AuditReport {
  /** The account whose root user and IAM users were audited (the caller's account). */
  readonly accountId: string;
  /** In a fixed order: root user, break-glass users, Identity Center, alternate contacts, centralized root access. */
  readonly checks: readonly AuditCheck[];
  /** The runbook for the checks no API can make (root mailbox MFA, phone number, offline recovery codes). */
  readonly runbook: string;
}

/** Where the manual checks are written down; the audit links to it. */
export const ROOT_CREDENTIALS_RUNBOOK = 'docs/root-credentials.md';

export interface AuditCounts {
  readonly passed: number;
  /** Required checks that failed: `orgctl audit` exits 1 when this is above 0. */
  readonly failed: number;
  /** Recommended checks that failed. */
  readonly recommendations: number;
  readonly cannotCheck: number;
}

export function countAudit(report: AuditReport): AuditCounts {
  let passed = 0;
  let failed = 0;
  let recommendations = 0;
  let cannotCheck = 0;
  for (const check of report.checks) {
    if (check.status === 'pass') passed += 1;
    else if (check.status === 'cannot-check') cannotCheck += 1;
    else if (check.severity === 'required') failed += 1;
    else recommendations += 1;
  }
  return { passed, failed, recommendations, cannotCheck };
}

/** True when a required check failed (the audit's exit code is 1). */
export function auditFailed(report: AuditReport): boolean {
  return report.checks.some((c) => c.status === 'fail' && c.severity === 'required');
}
