// The plan for a terminal: Terraform-like "+ ~ -" lines grouped by what they touch, details below
// each step, warnings and errors, and the summary line. ANSI color only when asked (the shell decides:
// a TTY and no NO_COLOR). Every line passes through visibleText, so names cannot move the cursor,
// recolor the terminal or forge extra lines.

import type { Plan, PlanNote, StepAction } from '../model/plan.js';
import { renderAuditText } from '../audit/render-audit-text.js';
import { describeStep, groupSteps, planErrorLine, renderedSummaryLine } from './describe-step.js';
import { planSections } from '../kinds/registry.js';
import { visibleText } from '../text/visible-text.js';

export interface TextRenderOptions {
  readonly color: boolean;
  /** How notes name org.yaml positions ("org.yaml:12:5"). Default "org.yaml". */
  readonly sourceFile?: string;
}

const SYMBOL: Readonly<Record<StepAction, string>> = { create: '+', update: '~', delete: '-' };
const SGR = { reset: '\u001b[0m', bold: '\u001b[1m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m' } as const;
const ACTION_COLOR: Readonly<Record<StepAction, keyof typeof SGR>> = { create: 'green', update: 'yellow', delete: 'red' };

export function renderPlanText(plan: Plan, options: TextRenderOptions): string {
  const paint = (style: keyof typeof SGR, text: string): string => (options.color ? `${SGR[style]}${text}${SGR.reset}` : text);
  const sourceFile = options.sourceFile ?? 'org.yaml';
  const lines: string[] = [];
  // The root-credential audit comes first: a failed check must be seen before the changes.
  if (plan.audit) lines.push(renderAuditText(plan.audit, { color: options.color, sourceFile }));
  // Then the kinds' sections (who gains or loses access).
  for (const section of planSections(plan.steps)) {
    lines.push(paint('bold', visibleText(section.title)));
    for (const item of section.items) lines.push(`  ${item.callout !== undefined ? `${paint('yellow', `! ${visibleText(item.callout)}:`)} ` : ''}${visibleText(item.text)}`);
    lines.push('');
  }

  for (const { group, steps } of groupSteps(plan.steps)) {
    lines.push(paint('bold', group));
    for (const step of steps) {
      const d = describeStep(step);
      lines.push(`  ${paint(ACTION_COLOR[d.action], `${SYMBOL[d.action]} ${visibleText(d.title)}`)}  # ${visibleText(d.reason)}`);
      for (const detail of d.details) lines.push(`      ${visibleText(detail)}`);
    }
    lines.push('');
  }

  const notes = (title: string, mark: string, style: keyof typeof SGR, list: readonly PlanNote[]): void => {
    if (list.length === 0) return;
    lines.push(paint('bold', paint(style, title)));
    for (const note of list) lines.push(`  ${paint(style, mark)} ${visibleText(note.message)}${where(note, sourceFile)}`);
    lines.push('');
  };
  notes('Warnings', '!', 'yellow', plan.warnings);
  notes('Errors', 'x', 'red', plan.errors);

  lines.push(paint('bold', renderedSummaryLine(plan)));
  const errorLine = planErrorLine(plan);
  if (errorLine) lines.push(paint('red', errorLine));
  return `${lines.join('\n')}\n`;
}

function where(note: PlanNote, sourceFile: string): string {
  return note.source ? ` (${visibleText(sourceFile)}:${note.source.line}:${note.source.column})` : '';
}
