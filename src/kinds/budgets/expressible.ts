// Which live budgets org.yaml can declare exactly, and in words why not for the others.
// A budget is imported whole or not at all: a budget written without one of its notifications would
// make the first plan delete that notification. The string rules come from schema/org.schema.json,
// so this check and `orgctl validate` cannot drift apart.

import { ORG_SCHEMA, type SchemaNode } from '../../config/org-schema.js';
import type { TimeUnit } from '../../model/desired.js';
import type { LiveBudget, LiveNotification } from '../../model/live.js';
import { notificationKeyString } from '../../model/addresses.js';
import { canonicalNotificationKey } from './document.js';

const TIME_UNITS: readonly string[] = ['DAILY', 'MONTHLY', 'QUARTERLY', 'ANNUALLY'] satisfies readonly TimeUnit[];

const definitions = ORG_SCHEMA.definitions ?? {};
const budgetSchema = propertiesOf(definitions['budget']);
const notificationSchema = propertiesOf(definitions['notification']);
const emailSchema = definitions['emailAddress'] ?? {};

const BUDGET_NAME = stringRule(budgetSchema['name']);
const UNIT = stringRule(budgetSchema['unit']);
const EMAIL = stringRule(emailSchema);
const SNS = stringRule(notificationSchema['sns']);
const MAX_NOTIFICATIONS = numberField(budgetSchema['notifications'], 'maxItems');
const MAX_EMAILS = numberField(notificationSchema['emails'], 'maxItems');
const MIN_THRESHOLD = numberField(notificationSchema['threshold'], 'minimum');
const MAX_THRESHOLD = numberField(notificationSchema['threshold'], 'maximum');

/** Why org.yaml cannot declare this budget exactly; empty when it can. */
export function budgetProblems(budget: LiveBudget): string[] {
  const problems: string[] = [];
  if (budget.budgetType !== 'COST') problems.push(`a ${budget.budgetType} budget; org.yaml declares COST budgets only`);
  if (budget.amount === null) problems.push('no fixed limit (planned or auto-adjusted amounts)');
  else if (!(budget.amount > 0)) problems.push(`amount ${budget.amount}; org.yaml needs an amount above 0`);
  if (!TIME_UNITS.includes(budget.timeUnit)) problems.push(`time unit ${budget.timeUnit}; org.yaml has ${TIME_UNITS.join(', ')}`);
  if (budget.budgetType === 'COST' && budget.amount !== null && !UNIT(budget.unit)) problems.push(`unit "${budget.unit}" is not a 3-letter currency code`);
  if (!BUDGET_NAME(budget.name)) problems.push('its name cannot be written in org.yaml');
  if (budget.notifications.length === 0) problems.push('no notifications; org.yaml needs at least one per budget');
  if (budget.notifications.length > MAX_NOTIFICATIONS) problems.push(`${budget.notifications.length} notifications; org.yaml allows ${MAX_NOTIFICATIONS}`);
  const keys = new Set<string>();
  for (const notification of budget.notifications) {
    const key = notificationKeyString(canonicalNotificationKey(notification));
    if (keys.has(key)) problems.push(`notification ${key} appears twice`);
    keys.add(key);
    problems.push(...notificationProblems(notification, key));
  }
  return problems;
}

function notificationProblems(n: LiveNotification, key: string): string[] {
  const problems: string[] = [];
  const where = `notification ${key}`;
  if (!(n.threshold >= MIN_THRESHOLD && n.threshold <= MAX_THRESHOLD)) problems.push(`${where}: threshold ${n.threshold} is outside ${MIN_THRESHOLD}..${MAX_THRESHOLD}`);
  const emails = n.subscribers.filter((s) => s.type === 'EMAIL').map((s) => s.address);
  const sns = n.subscribers.filter((s) => s.type === 'SNS').map((s) => s.address);
  const other = n.subscribers.length - emails.length - sns.length;
  if (n.subscribers.length === 0) problems.push(`${where}: no subscribers`);
  if (other > 0) problems.push(`${where}: subscribers of a type org.yaml does not know`);
  if (sns.length > 1) problems.push(`${where}: ${sns.length} SNS subscribers; org.yaml has one per notification`);
  if (emails.length > MAX_EMAILS) problems.push(`${where}: ${emails.length} email subscribers; org.yaml allows ${MAX_EMAILS}`);
  if (new Set(emails).size !== emails.length) problems.push(`${where}: an email address is listed twice`);
  for (const address of emails) if (!EMAIL(address)) problems.push(`${where}: email address "${address}" is not one org.yaml accepts`);
  for (const address of sns) if (!SNS(address)) problems.push(`${where}: SNS subscriber "${address}" is not a topic ARN org.yaml accepts`);
  return problems;
}

function propertiesOf(node: SchemaNode | undefined): Readonly<Record<string, SchemaNode>> {
  return node?.properties ?? {};
}

/** The schema's pattern and length limits for a string, as a predicate (ajv matches with the `u` flag). */
function stringRule(node: SchemaNode | undefined): (value: string) => boolean {
  const pattern = typeof node?.pattern === 'string' ? new RegExp(node.pattern, 'u') : undefined;
  const min = typeof node?.['minLength'] === 'number' ? node['minLength'] : 0;
  const max = typeof node?.['maxLength'] === 'number' ? node['maxLength'] : Infinity;
  // JSON Schema counts code points.
  return (value) => [...value].length >= min && [...value].length <= max && (pattern?.test(value) ?? true);
}

function numberField(node: SchemaNode | undefined, field: string): number {
  const value = node?.[field];
  if (typeof value !== 'number') throw new Error(`schema/org.schema.json has no ${field} where the importer expects one`);
  return value;
}
