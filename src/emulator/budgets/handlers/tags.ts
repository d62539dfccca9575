// TagResource, UntagResource and ListTagsForResource on budget ARNs
// (arn:aws:budgets::<AccountId>:budget/<BudgetName>), at most 200 tags per budget.

import type { InputReader } from '../../input.js';
import type { BudgetsContext } from '../context.js';
import { budgetsError } from '../errors.js';
import { requireBudget } from '../lookup.js';
import { BUDGET_LIMITS, type BudgetRecord } from '../model.js';
import { readInput, readResourceTags } from '../validation.js';
import type { BudgetsHandler } from './types.js';

// `s`: budget names may contain line breaks (the name pattern only excludes `:` and `\`).
const BUDGET_ARN = /^arn:aws[a-z-]*:budgets::(\d{12}):budget\/(.+)$/s;

export function budgetArn(accountId: string, name: string): string {
  return `arn:aws:budgets::${accountId}:budget/${name}`;
}

function readBudgetArn(reader: InputReader, ctx: BudgetsContext): BudgetRecord {
  const arn = reader.string('ResourceARN', { min: 1, max: 1011 });
  const match = BUDGET_ARN.exec(arn);
  if (!match) throw budgetsError('InvalidParameterException', `"${arn}" is not a budget ARN (arn:aws:budgets::<account>:budget/<name>).`);
  const [, accountId = '', name = ''] = match;
  if (accountId !== ctx.call.caller.accountId) throw budgetsError('AccessDeniedException', `You are not authorized to access the budgets of account ${accountId}.`);
  return requireBudget(ctx, accountId, name, 'find resource');
}

const tagResource: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const record = readBudgetArn(reader, ctx);
  const tags = readResourceTags(reader, 'ResourceTags');
  const keys = new Set([...record.tags.keys(), ...tags.map(([k]) => k)]);
  if (keys.size > BUDGET_LIMITS.tagsPerBudget) {
    throw budgetsError('ServiceQuotaExceededException', `A budget can have at most ${BUDGET_LIMITS.tagsPerBudget} tags.`);
  }
  for (const [key, value] of tags) record.tags.set(key, value);
  return {};
};

const untagResource: BudgetsHandler = (input, ctx) => {
  const reader = readInput(input);
  const record = readBudgetArn(reader, ctx);
  for (const key of reader.stringList('ResourceTagKeys', { max: 200 }, { min: 1, max: 128 })) record.tags.delete(key);
  return {};
};

const listTagsForResource: BudgetsHandler = (input, ctx) => {
  const record = readBudgetArn(readInput(input), ctx);
  return { ResourceTags: [...record.tags].map(([Key, Value]) => ({ Key, Value })) };
};

export const budgetTagHandlers: Readonly<Record<string, BudgetsHandler>> = {
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
