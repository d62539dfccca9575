// Moved to the budgets kind (src/kinds/budgets/expressible.ts); kept so existing imports still resolve.
export { budgetProblems } from '../kinds/budgets/expressible.js';
