// What is shown after the plan: the estimated apply time and the rehearsal's verdict, for the terminal
// and the PR comment. The refusal's reason is the emulator's error text, which can quote names from
// org.yaml or AWS: it passes through visibleText (terminal) or escapeMarkdownInline (comment).

import type { Plan } from '../model/plan.js';
import type { Rehearsal } from '../model/rehearsal.js';
import { plural } from '../text/plural.js';
import { visibleText } from '../text/visible-text.js';
import { renderApplyEstimate } from './apply-estimate.js';
import { escapeMarkdownInline } from './markdown-escape.js';

export function rehearsalLine(rehearsal: Rehearsal): string {
  switch (rehearsal.outcome) {
    case 'converged':
      return `rehearsal: ${plural(rehearsal.applied, 'step')} applied, converged`;
    case 'refused':
      return `rehearsal: AWS would refuse step ${rehearsal.step.index + 1} (${rehearsal.step.kind} ${rehearsal.step.address}) after ${plural(rehearsal.applied, 'step')} applied: ${rehearsal.reason}`;
    case 'not-converged':
      return `rehearsal: ${plural(rehearsal.applied, 'step')} applied, but planning again still finds ${plural(rehearsal.remaining, 'step')} (a bug in orgctl: please report it)`;
    case 'skipped':
      return `rehearsal: not run, ${rehearsal.reason}`;
  }
}

/** The lines after the plan in the terminal: the estimate (when there are steps) and the rehearsal; '' when neither. */
export function renderPlanExtrasText(plan: Plan): string {
  const lines: string[] = [];
  if (plan.applyEstimate && plan.steps.length > 0) lines.push(renderApplyEstimate(plan.applyEstimate));
  if (plan.rehearsal) lines.push(rehearsalLine(plan.rehearsal));
  return lines.length === 0 ? '' : `\n${lines.map(visibleText).join('\n')}\n`;
}

/** The same for the PR comment: a refusal is a caution alert, a rehearsal that does not converge a warning. */
export function renderPlanExtrasMarkdown(plan: Plan): string {
  const parts: string[] = [];
  if (plan.applyEstimate && plan.steps.length > 0) parts.push(escapeMarkdownInline(renderApplyEstimate(plan.applyEstimate)));
  const rehearsal = plan.rehearsal;
  if (rehearsal) {
    const line = escapeMarkdownInline(rehearsalLine(rehearsal));
    if (rehearsal.outcome === 'refused') parts.push(`> [!CAUTION]\n> ${line}`);
    else if (rehearsal.outcome === 'not-converged') parts.push(`> [!WARNING]\n> ${line}`);
    else parts.push(line);
  }
  return parts.join('\n\n');
}
