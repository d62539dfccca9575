// The plan as a GitHub PR comment: the root-credential audit first when the plan has one, then the summary line, errors and warnings as alerts nobody can
// miss, the steps in a ```diff block (folded in <details> when long), all under GitHub's comment limit.
// Names from org.yaml and AWS are escaped (markdown-escape.ts): outside code they cannot format, link,
// inject HTML or @-mention; inside the code block they cannot close the fence.
// When the whole does not fit, errors are kept first, then warnings, then as many steps as fit, and a
// note says how many were left out.

import type { Plan, PlanNote, PlanStep, StepAction } from '../model/plan.js';
import { renderAuditMarkdown } from '../audit/render-audit-markdown.js';
import { describeStep, formatCount, groupSteps, planErrorLine, renderedSummaryLine } from './describe-step.js';
import { planSections } from '../kinds/registry.js';
import type { KindPlanSection } from '../kinds/kind.js';
import { escapeMarkdownInline, fencedCodeBlock } from './markdown-escape.js';
import { visibleText } from '../text/visible-text.js';

export interface MarkdownRenderOptions {
  /** GitHub's limit on a comment's length. Default 65,536. */
  readonly maxLength?: number;
  /** Trusted markdown on the first line (e.g. a heading). Default "### orgctl plan". */
  readonly title?: string;
  /** Trusted markdown at the end (e.g. the hidden upsert marker, a link to the plan artifact). */
  readonly footer?: string;
  /** How notes name org.yaml positions. Default "org.yaml". */
  readonly sourceFile?: string;
}

export const GITHUB_COMMENT_LIMIT = 65_536;
/** More steps than this are folded in <details>. */
const FOLD_STEPS_OVER = 20;
/** More warnings than this are folded in <details>. */
const FOLD_WARNINGS_OVER = 10;

const SYMBOL: Readonly<Record<StepAction, string>> = { create: '+', update: '!', delete: '-' };

interface Shown {
  readonly errors: number;
  readonly warnings: number;
  readonly steps: number;
}

export function renderPlanMarkdown(plan: Plan, options: MarkdownRenderOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const sourceFile = options.sourceFile ?? 'org.yaml';
  const errorItems = plan.errors.map((n) => noteItem(n, sourceFile));
  const warningItems = plan.warnings.map((n) => noteItem(n, sourceFile));
  const stepItems = stepBlocks(plan.steps);
  const render = (shown: Shown): string => assemble(plan, options, errorItems, warningItems, stepItems, shown);

  const all = { errors: errorItems.length, warnings: warningItems.length, steps: stepItems.length };
  const full = render(all);
  if (full.length <= maxLength) return full;

  // Keep the most important items that fit: errors, then warnings, then steps.
  const fits = (shown: Shown): boolean => render(shown).length <= maxLength;
  const errors = largestFitting(all.errors, (n) => fits({ errors: n, warnings: 0, steps: 0 }));
  const warnings = largestFitting(all.warnings, (n) => fits({ errors, warnings: n, steps: 0 }));
  const steps = largestFitting(all.steps, (n) => fits({ errors, warnings, steps: n }));
  const cut = render({ errors, warnings, steps });
  // Only a title or footer longer than the limit itself gets here.
  return cut.length <= maxLength ? cut : cut.slice(0, maxLength);
}

/** The largest n in [0, max] with fits(n), for a fits that is true up to some n and false after. */
function largestFitting(max: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function assemble(
  plan: Plan,
  options: MarkdownRenderOptions,
  errorItems: readonly string[],
  warningItems: readonly string[],
  stepItems: readonly string[],
  shown: Shown,
): string {
  const parts: string[] = [options.title ?? '### orgctl plan'];
  // The root-credential audit first (it is small: one line per check), then the plan.
  if (plan.audit) parts.push(renderAuditMarkdown(plan.audit, { sourceFile: options.sourceFile ?? 'org.yaml' }).trimEnd());
  // The kinds' sections (who gains or loses access) first after the audit: what a reviewer must see.
  const sections = planSections(plan.steps).map(sectionMarkdown);
  parts.push(...sections);
  if (plan.audit || sections.length > 0) parts.push('#### Changes');
  parts.push(`**${renderedSummaryLine(plan)}**`);
  const omitted: string[] = [];

  if (errorItems.length > 0) {
    const errorLine = planErrorLine(plan)!;
    const items = withOmission(errorItems, shown.errors, 'error', 'errors');
    parts.push(quote(['[!CAUTION]', `**${errorLine}**`, '', ...items]));
  }

  if (warningItems.length > 0) {
    const count = `${formatCount(warningItems.length)} ${warningItems.length === 1 ? 'warning' : 'warnings'}`;
    const items = withOmission(warningItems, shown.warnings, 'warning', 'warnings');
    if (warningItems.length <= FOLD_WARNINGS_OVER) parts.push(quote(['[!WARNING]', `**${count}**`, '', ...items]));
    else parts.push(quote(['[!WARNING]', `**${count}**, listed below.`]), details(`Show ${count}`, items.join('\n')));
  }

  if (stepItems.length > 0) {
    const block = shown.steps > 0 ? fencedCodeBlock('diff', stepItems.slice(0, shown.steps).join('\n')) : '';
    const count = `${formatCount(stepItems.length)} ${stepItems.length === 1 ? 'step' : 'steps'}`;
    if (block) parts.push(stepItems.length > FOLD_STEPS_OVER ? details(`Show ${count}`, block) : block);
    if (shown.steps < stepItems.length) {
      omitted.push(
        `_${formatCount(stepItems.length - shown.steps)} of ${count} not shown: the comment is limited to ` +
          `${formatCount(options.maxLength ?? GITHUB_COMMENT_LIMIT)} characters. The complete plan is in the plan file (\`orgctl plan --format json\`)._`,
      );
    }
  }

  parts.push(...omitted);
  if (options.footer !== undefined) parts.push(options.footer);
  return `${parts.join('\n\n')}\n`;
}

function withOmission(items: readonly string[], shown: number, one: string, many: string): string[] {
  if (shown >= items.length) return [...items];
  const left = items.length - shown;
  return [...items.slice(0, shown), `- _… ${formatCount(left)} more ${left === 1 ? one : many} not shown (see \`orgctl plan\`)._`];
}

function noteItem(note: PlanNote, sourceFile: string): string {
  const where = note.source ? ` _(${escapeMarkdownInline(sourceFile)}:${note.source.line}:${note.source.column})_` : '';
  return `- ${escapeMarkdownInline(note.message)}${where}`;
}

/** One item per step (a heading line first when the step opens a group), lines free of control characters. */
function stepBlocks(steps: readonly PlanStep[]): string[] {
  return groupSteps(steps).flatMap(({ group, steps: inGroup }) =>
    inGroup.map((step, i) => {
      const d = describeStep(step);
      const symbol = SYMBOL[d.action];
      const lines = [`${symbol} ${visibleText(d.title)}  # ${visibleText(d.reason)}`, ...d.details.map((detail) => `${symbol}     ${visibleText(detail)}`)];
      return (i === 0 ? [`# ${group}`, ...lines] : lines).join('\n');
    }),
  );
}

/** A kind's section: a heading and one escaped item per line, callouts in bold first words. */
function sectionMarkdown(section: KindPlanSection): string {
  const items = section.items.map((item) => `- ${item.callout !== undefined ? `**⚠ ${escapeMarkdownInline(item.callout)}:** ` : ''}${escapeMarkdownInline(item.text)}`);
  return [`#### ${escapeMarkdownInline(section.title)}`, '', ...items].join('\n');
}

function quote(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
