// What a Budgets handler works with.

import type { CallContext } from '../service.js';
import type { BudgetsState } from './state.js';

export interface BudgetsSettings {
  /** "normalized" answers BudgetLimit.Amount "100" as "100.0"; "verbatim" echoes the string sent. */
  readonly amountFormat: 'normalized' | 'verbatim';
  /** Whether CreateBudget creates nothing when one of its notifications is refused (AWS: unverified). */
  readonly createBudgetAtomic: boolean;
}

export interface BudgetsContext {
  readonly state: BudgetsState;
  readonly settings: BudgetsSettings;
  readonly call: CallContext;
  readonly operation: string;
}
