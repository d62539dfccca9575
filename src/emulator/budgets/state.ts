// Budgets per account, in creation order.

import { DEFAULT_BUDGETS_QUOTAS, type BudgetRecord, type BudgetsQuotas } from './model.js';

export class BudgetsState {
  readonly accounts = new Map<string, Map<string, BudgetRecord>>();
  quotas: BudgetsQuotas = DEFAULT_BUDGETS_QUOTAS;

  budgetsOf(accountId: string): Map<string, BudgetRecord> {
    let budgets = this.accounts.get(accountId);
    if (!budgets) this.accounts.set(accountId, (budgets = new Map()));
    return budgets;
  }

  clear(): void {
    this.accounts.clear();
  }
}
