// The audit in one line, for the summary lines of `orgctl audit` and of a plan.

import { countAudit, type AuditReport } from '../model/audit.js';

/** "Audit: 2 required checks failed, 1 recommendation, 1 could not be checked, 4 passed." */
export function auditSummaryLine(report: AuditReport): string {
  const c = countAudit(report);
  if (report.checks.length > 0 && c.passed === report.checks.length) return `Audit: all ${c.passed} checks passed.`;
  const parts = [
    c.failed > 0 ? `${c.failed} required ${c.failed === 1 ? 'check' : 'checks'} FAILED` : '0 failed',
    ...(c.recommendations > 0 ? [`${c.recommendations} ${c.recommendations === 1 ? 'recommendation' : 'recommendations'}`] : []),
    ...(c.cannotCheck > 0 ? [`${c.cannotCheck} could not be checked`] : []),
    `${c.passed} passed`,
  ];
  return `Audit: ${parts.join(', ')}.`;
}

/** The sentence that links the runbook, for both renderers. */
export function runbookSentence(report: AuditReport): string {
  return `No API can check the root email's own MFA, the root phone number, recovery codes kept offline or who holds which MFA device: see ${report.runbook}.`;
}
