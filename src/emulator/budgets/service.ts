// The Budgets service: every handler in one table, behind the EmulatedService interface.

import type { EmulatedService } from '../service.js';
import { serviceFromHandlers } from '../service.js';
import type { BudgetsContext } from './context.js';
import { budgetsErrors } from './errors.js';
import { budgetHandlers } from './handlers/budgets.js';
import { notificationHandlers } from './handlers/notifications.js';
import { subscriberHandlers } from './handlers/subscribers.js';
import { budgetTagHandlers } from './handlers/tags.js';

export const BUDGETS_TARGET_PREFIX = 'AWSBudgetServiceGateway';

const HANDLERS = { ...budgetHandlers, ...notificationHandlers, ...subscriberHandlers, ...budgetTagHandlers };

export const BUDGETS_OPERATIONS: readonly string[] = Object.keys(HANDLERS);

export function budgetsService(contextFor: (call: Parameters<EmulatedService['call']>[2], operation: string) => BudgetsContext): EmulatedService {
  return serviceFromHandlers('budgets', budgetsErrors, HANDLERS, contextFor);
}
