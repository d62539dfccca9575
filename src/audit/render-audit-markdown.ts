// The audit as markdown, for the PR comment (above the plan) and `orgctl audit --format markdown`:
// failed required checks in a CAUTION alert nobody can miss, recommendations and checks that could
// not run in a WARNING alert, passes folded. Values from AWS and org.yaml are escaped.

import type { AuditCheck, AuditReport } from '../model/audit.js';
import { countAudit } from '../model/audit.js';
import { escapeMarkdownInline } from '../render/markdown-escape.js';
import { orderedChecks } from './order-checks.js';
import { kindOf } from './render-audit-text.js';
import { auditSummaryLine, runbookSentence } from './summarize-audit.js';

export interface AuditMarkdownOptions {
  /** Heading level for the section title. Default 4 (under a "### orgctl plan" comment title). */
  readonly headingLevel?: number;
  /** How checks name org.yaml positions. Default "org.yaml". */
  readonly sourceFile?: string;
}

export function renderAuditMarkdown(report: AuditReport, options: AuditMarkdownOptions = {}): string {
  const sourceFile = options.sourceFile ?? 'org.yaml';
  const counts = countAudit(report);
  const checks = orderedChecks(report.checks);
  const heading = '#'.repeat(options.headingLevel ?? 4);
  // The summary line is our own words and counts: nothing to escape.
  const parts: string[] = [`${heading} Root credentials (account ${escapeMarkdownInline(report.accountId)})`, `**${auditSummaryLine(report)}**`];

  const failed = checks.filter((c) => kindOf(c) === 'failed');
  if (failed.length > 0) {
    const headline = `**${failed.length} required root-credential ${failed.length === 1 ? 'check' : 'checks'} failed.** The plan can still be applied; fix ${failed.length === 1 ? 'this' : 'these'} first.`;
    parts.push(quote(['[!CAUTION]', headline, '', ...failed.map((c) => item(c, sourceFile))]));
  }
  const attention = checks.filter((c) => kindOf(c) === 'cannot-check' || kindOf(c) === 'recommendation');
  if (attention.length > 0) {
    const headline = [
      counts.cannotCheck > 0 ? `${counts.cannotCheck} could not be checked` : undefined,
      counts.recommendations > 0 ? `${counts.recommendations} ${counts.recommendations === 1 ? 'recommendation' : 'recommendations'}` : undefined,
    ]
      .filter((s) => s !== undefined)
      .join(', ');
    parts.push(quote(['[!WARNING]', `**${headline}**`, '', ...attention.map((c) => item(c, sourceFile))]));
  }
  const passed = checks.filter((c) => c.status === 'pass');
  if (passed.length > 0) {
    const list = passed.map((c) => `- ${escapeMarkdownInline(c.title)}: ${escapeMarkdownInline(c.reason)}`).join('\n');
    parts.push(`<details><summary>${passed.length} ${passed.length === 1 ? 'check' : 'checks'} passed</summary>\n\n${list}\n\n</details>`);
  }
  parts.push(`_${escapeMarkdownInline(runbookSentence(report))}_`);
  return `${parts.join('\n\n')}\n`;
}

function item(check: AuditCheck, sourceFile: string): string {
  const label = check.status === 'cannot-check' ? 'could not check' : check.severity === 'required' ? 'FAIL' : 'recommended';
  const where = check.source ? ` _(${escapeMarkdownInline(sourceFile)}:${check.source.line}:${check.source.column})_` : '';
  const remedy = check.remedy ? ` **Do:** ${escapeMarkdownInline(check.remedy)}` : '';
  return `- **${escapeMarkdownInline(check.title)}** (${label})${where}: ${escapeMarkdownInline(check.reason)}${remedy}`;
}

function quote(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}
