// Failures first, then checks that could not run, then recommendations, then passes; the report's
// own order within each group. The report keeps its fixed order; renderers show the worst first.

import type { AuditCheck } from '../model/audit.js';

function rank(check: AuditCheck): number {
  if (check.status === 'fail') return check.severity === 'required' ? 0 : 2;
  return check.status === 'cannot-check' ? 1 : 3;
}

export function orderedChecks(checks: readonly AuditCheck[]): AuditCheck[] {
  return checks.map((check, index) => ({ check, index })).sort((a, b) => rank(a.check) - rank(b.check) || a.index - b.index).map(({ check }) => check);
}
