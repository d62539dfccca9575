// The budgets section of org.yaml, in the order given: one email subscriber per line.

import { INDENT, number, scalar } from '../../config/yaml-scalar.js';
import type { DesiredBudget, DesiredNotification, DesiredOrg } from '../../model/desired.js';
import { flowTags } from '../tags/write-yaml.js';

/** Nothing when there are no budgets (the section is optional). */
export function writeBudgetsSection(org: DesiredOrg): string[] {
  if (org.budgets.length === 0) return [];
  const lines = ['budgets:'];
  for (const budget of org.budgets) writeBudget(lines, budget);
  return lines;
}

function writeBudget(lines: string[], budget: DesiredBudget): void {
  const at = INDENT + INDENT;
  lines.push(`${INDENT}- name: ${scalar(budget.name)}`);
  lines.push(`${at}amount: ${number(budget.amount)}`);
  lines.push(`${at}unit: ${scalar(budget.unit)}`);
  lines.push(`${at}timeUnit: ${budget.timeUnit}`);
  if (budget.tags) lines.push(`${at}tags: ${flowTags(budget.tags)}`);
  lines.push(`${at}notifications:`);
  for (const notification of budget.notifications) writeNotification(lines, notification, at + INDENT);
}

function writeNotification(lines: string[], n: DesiredNotification, indent: string): void {
  const at = indent + INDENT;
  lines.push(`${indent}- type: ${n.type}`);
  lines.push(`${at}threshold: ${number(n.threshold)}`);
  lines.push(`${at}thresholdType: ${n.thresholdType}`);
  lines.push(`${at}comparison: ${n.comparison}`);
  const emails = n.subscribers.filter((s) => s.type === 'EMAIL');
  const sns = n.subscribers.filter((s) => s.type === 'SNS');
  // org.yaml has one `sns:` per notification, as AWS allows one SNS subscriber.
  if (sns.length > 1) throw new RangeError(`a notification can hold one SNS subscriber in org.yaml, got ${sns.length}`);
  if (emails.length > 0) {
    lines.push(`${at}emails:`);
    for (const email of emails) lines.push(`${at}${INDENT}- ${scalar(email.address)}`);
  }
  if (sns[0]) lines.push(`${at}sns: ${scalar(sns[0].address)}`);
}
