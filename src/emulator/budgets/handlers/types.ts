import type { JsonObject } from '../../json.js';
import type { BudgetsContext } from '../context.js';

export type BudgetsHandler = (input: JsonObject, ctx: BudgetsContext) => JsonObject;
