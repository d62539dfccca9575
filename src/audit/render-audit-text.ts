// The audit for a terminal: failures first and in red, each with what was found and what to do;
// recommendations and checks that could not run next; passes as one line each; the summary line last.
// Every line passes through visibleText (values from AWS and org.yaml cannot move the cursor).

import type { AuditCheck, AuditReport } from '../model/audit.js';
import { visibleText } from '../text/visible-text.js';
import { orderedChecks } from './order-checks.js';
import { auditSummaryLine, runbookSentence } from './summarize-audit.js';

export interface AuditTextOptions {
  readonly color: boolean;
  /** How checks name org.yaml positions ("org.yaml:12:5"). Default "org.yaml". */
  readonly sourceFile?: string;
}

const SGR = { reset: '\u001b[0m', bold: '\u001b[1m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m' } as const;
type Style = keyof typeof SGR;

/** The audit section: a heading, one entry per check, the runbook link and the summary line. */
export function renderAuditText(report: AuditReport, options: AuditTextOptions): string {
  const paint = (styles: readonly Style[], text: string): string => (options.color ? `${styles.map((s) => SGR[s]).join('')}${text}${SGR.reset}` : text);
  const sourceFile = options.sourceFile ?? 'org.yaml';
  const lines: string[] = [paint(['bold'], `Root credentials (account ${visibleText(report.accountId)})`)];
  for (const check of orderedChecks(report.checks)) {
    const label = LABELS[kindOf(check)];
    lines.push(`  ${paint(label.styles, label.text)}  ${visibleText(check.title)}${where(check, sourceFile)}`);
    if (check.status === 'pass') continue;
    lines.push(`      ${visibleText(check.reason)}`);
    if (check.remedy) lines.push(`      → ${visibleText(check.remedy)}`);
  }
  lines.push(`  ${visibleText(runbookSentence(report))}`);
  const summary = auditSummaryLine(report);
  lines.push(paint(report.checks.some((c) => kindOf(c) === 'failed') ? ['bold', 'red'] : ['bold'], summary));
  return `${lines.join('\n')}\n`;
}

type CheckKind = 'failed' | 'recommendation' | 'cannot-check' | 'passed';

export function kindOf(check: AuditCheck): CheckKind {
  if (check.status === 'pass') return 'passed';
  if (check.status === 'cannot-check') return 'cannot-check';
  return check.severity === 'required' ? 'failed' : 'recommendation';
}

const LABELS: Readonly<Record<CheckKind, { text: string; styles: readonly Style[] }>> = {
  failed: { text: 'FAIL', styles: ['bold', 'red'] },
  recommendation: { text: 'RECOMMENDED', styles: ['yellow'] },
  'cannot-check': { text: 'CANNOT CHECK', styles: ['yellow'] },
  passed: { text: 'pass', styles: ['green'] },
};

function where(check: AuditCheck, sourceFile: string): string {
  return check.source ? ` (${visibleText(sourceFile)}:${check.source.line}:${check.source.column})` : '';
}
