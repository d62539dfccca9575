// Which live budgets import declares, and the reasons it gives for the others (listed as comments).
import { describe, expect, it } from 'vitest';
import { budgetProblems } from '../../src/importer/budget-expressible.js';
import type { LiveBudget, LiveNotification } from '../../src/model/live.js';

const email = (address: string) => ({ type: 'EMAIL' as const, address });
const sns = (address: string) => ({ type: 'SNS' as const, address });
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alerts';
const notification: LiveNotification = { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE', subscribers: [email('ops@example.com')] };
const budget: LiveBudget = { name: 'monthly', budgetType: 'COST', amount: 100, unit: 'USD', timeUnit: 'MONTHLY', notifications: [notification] };
const withSubscribers = (...subscribers: LiveNotification['subscribers']): LiveBudget => ({ ...budget, notifications: [{ ...notification, subscribers }] });
const WHERE = 'notification ACTUAL:GREATER_THAN:80:PERCENTAGE';

describe('budgetProblems', () => {
  it('accepts a COST budget with a fixed limit, an ABSOLUTE_VALUE threshold, ten emails and an SNS topic', () => {
    const tenEmails = Array.from({ length: 10 }, (_, i) => email(`e${i}@example.com`));
    expect(budgetProblems({ ...budget, amount: 0.01, timeUnit: 'DAILY', notifications: [{ ...notification, thresholdType: 'ABSOLUTE_VALUE', threshold: 15e12, subscribers: [...tenEmails, sns(TOPIC)] }] })).toEqual([]);
  });

  it.each<[string, LiveBudget, string[]]>([
    ['a usage budget', { ...budget, budgetType: 'USAGE', unit: 'Hrs' }, ['a USAGE budget; org.yaml declares COST budgets only']],
    ['a planned or auto-adjusted limit', { ...budget, amount: null, unit: '' }, ['no fixed limit (planned or auto-adjusted amounts)']],
    ['a zero amount', { ...budget, amount: 0 }, ['amount 0; org.yaml needs an amount above 0']],
    ['a custom period', { ...budget, timeUnit: 'CUSTOM' }, ['time unit CUSTOM; org.yaml has DAILY, MONTHLY, QUARTERLY, ANNUALLY']],
    ['a unit that is not a currency code', { ...budget, unit: 'usd' }, ['unit "usd" is not a 3-letter currency code']],
    ['no notifications', { ...budget, notifications: [] }, ['no notifications; org.yaml needs at least one per budget']],
    ['a notification without subscribers', withSubscribers(), [`${WHERE}: no subscribers`]],
    ['two SNS topics', withSubscribers(sns(TOPIC), sns(`${TOPIC}2`)), [`${WHERE}: 2 SNS subscribers; org.yaml has one per notification`]],
    ['eleven emails', withSubscribers(...Array.from({ length: 11 }, (_, i) => email(`e${i}@example.com`))), [`${WHERE}: 11 email subscribers; org.yaml allows 10`]],
    ['an email twice', withSubscribers(email('a@example.com'), email('a@example.com')), [`${WHERE}: an email address is listed twice`]],
    ['an email the schema refuses', withSubscribers(email('ops@localhost')), [`${WHERE}: email address "ops@localhost" is not one org.yaml accepts`]],
    ['an SNS subscriber that is not a topic ARN', withSubscribers(sns('arn:aws:sns:us-east-1:123456789012:topic.fifo')), [`${WHERE}: SNS subscriber "arn:aws:sns:us-east-1:123456789012:topic.fifo" is not a topic ARN org.yaml accepts`]],
    ['a threshold above the schema maximum', { ...budget, notifications: [{ ...notification, threshold: 2e13 }] }, ['notification ACTUAL:GREATER_THAN:20000000000000:PERCENTAGE: threshold 20000000000000 is outside 0..15000000000000']],
  ])('refuses %s, saying why', (_what, live, reasons) => {
    expect(budgetProblems(live)).toEqual(reasons);
  });
});
