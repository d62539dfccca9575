// The budgets kind: the management account's budgets with their notifications and subscribers.

import type { ResourceKind } from '../kind.js';
import { sortedRecord } from '../../planner/sorted-record.js';
import { liveBudgetDocument } from './document.js';
import { ignoring } from '../ignoring.js';
import { condition, liveLimitLine, notificationLine } from './describe.js';
import { createBudget, createNotification, updateNotification } from './execute.js';
import { importBudgets } from './import.js';
import { planBudgetSteps } from './plan.js';
import type { BudgetStep } from './steps.js';
import { writeBudgetsSection } from './write-yaml.js';
import { normalizeBudgetsSection } from './normalize.js';
import { readBudgets } from './read.js';
import { tagChanges } from '../tags/describe.js';

const GROUP = 'Budgets';

export const budgetsKind: ResourceKind<BudgetStep['kind'], 'budgets'> = {
  name: 'budgets',
  groups: [GROUP],
  normalize: normalizeBudgetsSection,
  readSnapshot: readBudgets,
  plan: planBudgetSteps,
  importDesired: importBudgets,
  orgYamlSection: writeBudgetsSection,
  liveFields: ['budgets'],
  fingerprint: (live) => ({
    budgets: sortedRecord(
      live.budgets.map((b) => [b.name, { ...liveBudgetDocument(b), tags: b.tags === undefined ? null : sortedRecord(Object.entries(b.tags)) }]),
    ),
  }),
  steps: {
    createBudget: {
      group: GROUP,
      action: 'create',
      describe: (step) => ({
        details: [
          `limit: ${step.after.amount} ${step.after.unit} ${step.after.timeUnit}`,
          ...step.after.notifications.map(notificationLine),
          ...(step.after.tags ? tagChanges({}, step.after.tags) : []),
        ],
      }),
      execute: (step, { port, managementAccountId }) => createBudget(port, managementAccountId, step.after),
    },
    updateBudget: {
      group: GROUP,
      action: 'update',
      describe: () => ({ details: [] }),
      execute: (step, { port, managementAccountId }) => port.updateBudget(managementAccountId, step.after),
    },
    deleteBudget: {
      group: GROUP,
      action: 'delete',
      describe: (step) => ({ details: [liveLimitLine(step.before), ...step.before.notifications.map(notificationLine)] }),
      execute: (step, { port, managementAccountId }) => ignoring('notFound', () => port.deleteBudget(managementAccountId, step.before.name)),
    },
    createNotification: {
      group: GROUP,
      action: 'create',
      describe: (step) => ({ details: [notificationLine(step.after)] }),
      execute: (step, { port, managementAccountId }) => createNotification(port, managementAccountId, step.budgetName, step.after),
    },
    updateNotification: {
      group: GROUP,
      action: 'update',
      describe: (step) => ({ details: [`notify when ${condition(step.before)} → ${condition(step.after)}`] }),
      execute: updateNotification,
    },
    deleteNotification: {
      group: GROUP,
      action: 'delete',
      describe: (step) => ({ details: [notificationLine(step.before)] }),
      execute: (step, { port, managementAccountId }) =>
        ignoring('notFound', () => port.deleteNotification(managementAccountId, step.budgetName, step.before)),
    },
    createSubscriber: {
      group: GROUP,
      action: 'create',
      describe: () => ({ details: [] }),
      execute: (step, { port, managementAccountId }) =>
        ignoring('alreadyExists', () => port.createSubscriber(managementAccountId, step.budgetName, step.notification, step.after)),
    },
    deleteSubscriber: {
      group: GROUP,
      action: 'delete',
      describe: () => ({ details: [] }),
      execute: (step, { port, managementAccountId }) =>
        ignoring('notFound', () => port.deleteSubscriber(managementAccountId, step.budgetName, step.notification, step.before)),
    },
  },
};
