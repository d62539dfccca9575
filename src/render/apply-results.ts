// Renders what apply did: a line per finished step, and a summary (text for terminals, markdown for GitHub).

import type { ApplyRun, StepResult } from '../apply/apply-plan.js';
import { escapeMarkdownInline } from './markdown-escape.js';
import { visibleText } from '../text/visible-text.js';

const MARK: Record<StepResult['status'], string> = { ok: 'ok', failed: 'FAILED', skipped: 'skipped' };

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

/** One line for a finished step, e.g. "ok      createOrganizationalUnit ou:/Workloads/Prod (1.2s)". */
export function renderStepResultLine(result: StepResult): string {
  // Addresses hold names from org.yaml and AWS, and AWS messages echo them: one step is always one visible line.
  const head = `${MARK[result.status].padEnd(7)} ${result.step.kind} ${visibleText(result.step.address)}`;
  const time = result.status === 'skipped' ? '' : ` (${formatDuration(result.durationMs)})`;
  const why = result.message && result.status !== 'ok' ? `: ${visibleText(result.message)}` : '';
  return `${head}${time}${why}`;
}

export function countResults(run: ApplyRun): Record<StepResult['status'], number> {
  const counts = { ok: 0, failed: 0, skipped: 0 };
  for (const result of run.results) counts[result.status] += 1;
  return counts;
}

export function renderApplySummaryText(run: ApplyRun, wallMs: number): string {
  const counts = countResults(run);
  const outcome = run.interrupted ? 'interrupted' : counts.failed > 0 ? 'stopped' : 'complete';
  const lines = [`Apply ${outcome}: ${counts.ok} succeeded, ${counts.failed} failed, ${counts.skipped} not run, in ${formatDuration(wallMs)}.`];
  const failed = run.results.filter((r) => r.status === 'failed');
  if (failed.length > 0) {
    lines.push('', 'Failed:');
    for (const result of failed) lines.push(`  ${result.step.kind} ${visibleText(result.step.address)}: ${visibleText(result.message ?? 'unknown error')}`);
    lines.push('', 'Steps that succeeded stay done. Fix the cause and run apply again: it continues from the live state.');
  } else if (run.interrupted) {
    lines.push('', 'No step started after the interrupt; the steps in flight finished. Steps that succeeded stay done.', 'Run apply again: it continues from the live state.');
  }
  return `${lines.join('\n')}\n`;
}

/** A markdown table of step results for the job summary and the merged PR's comment. */
export function renderApplyResultsMarkdown(run: ApplyRun): string {
  const counts = countResults(run);
  const rows = run.results.map((r) => {
    const why = r.message ? escapeMarkdownInline(r.message) : '';
    return `| ${MARK[r.status]} | \`${r.step.kind}\` | ${escapeMarkdownInline(r.step.address)} | ${r.status === 'skipped' ? '' : formatDuration(r.durationMs)} | ${why} |`;
  });
  return [
    `**${counts.ok} succeeded, ${counts.failed} failed, ${counts.skipped} not run.**`,
    '',
    '| result | step | address | time | detail |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
