// The accounts an apply created, for its comment: each new account's ID beside its name, email and OU
// (issue #15). IDs come from the run's ID registry (what createAccount recorded under the email).

import type { ApplyRun } from '../apply/apply-plan.js';
import type { Plan } from '../model/plan.js';
import { pathOfParent, refKey } from '../model/refs.js';
import { escapeMarkdownInline } from '../render/markdown-escape.js';
import { fittedPart, truncateLines, type CommentPart } from './compose-comment.js';

export function newAccountsPart(plan: Plan, run: ApplyRun): CommentPart[] {
  const idByRef = new Map((run.recorded ?? []).filter((r) => r.ref.type === 'account').map((r) => [refKey(r.ref), r.id]));
  const rows: string[] = [];
  for (const step of plan.steps) {
    if (step.kind !== 'createAccount') continue;
    const id = idByRef.get(refKey({ type: 'account', email: step.after.email }));
    if (id === undefined) continue;
    const cells = [id, step.after.name, step.after.email, pathOfParent(step.after.parent)].map(escapeMarkdownInline);
    rows.push(`| ${cells.join(' | ')} |`);
  }
  if (rows.length === 0) return [];
  const table = ['#### New accounts', '', '| account ID | name | email | OU |', '| --- | --- | --- | --- |', ...rows].join('\n');
  return [fittedPart((maxLength) => truncateLines(table, maxLength, (n) => `_… ${n} more new accounts; the run's log lists every step._`))];
}
