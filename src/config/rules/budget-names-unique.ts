// orgctl identifies a budget by its name, and AWS Budgets keeps names unique per account.

import type { SourcePosition } from '../../model/desired.js';
import { visibleText } from '../../text/visible-text.js';
import type { OrgRule } from './rule.js';

export const budgetNamesUnique: OrgRule = (org, report) => {
  const seen = new Map<string, SourcePosition | undefined>();
  for (const budget of org.budgets) {
    if (!seen.has(budget.name)) {
      seen.set(budget.name, budget.at);
      continue;
    }
    const first = seen.get(budget.name);
    report(budget.at, `budget name "${visibleText(budget.name)}" is already used${first ? ` on line ${first.line}` : ''}; budget names must be unique. Rename one, or merge their notifications.`);
  }
};
