// Budgets pagination: MaxResults within the operation's range, InvalidNextTokenException for bad tokens.

import type { InputReader } from '../input.js';
import { paginate, type Page } from '../pagination.js';
import type { BudgetsContext } from './context.js';
import { budgetsError } from './errors.js';

export function budgetsPage<T>(items: readonly T[], reader: InputReader, ctx: BudgetsContext, scope: string, max: number): Page<T> {
  const maxResults = reader.optionalInteger('MaxResults', { min: 1, max });
  const nextToken = reader.optionalString('NextToken');
  return paginate(items, { maxResults, nextToken }, {
    scope: `${ctx.operation}:${ctx.call.caller.accountId}:${scope}`,
    defaultSize: 100,
    serverMax: max,
    invalidToken: () => budgetsError('InvalidNextTokenException', 'The pagination token is invalid.'),
  });
}
