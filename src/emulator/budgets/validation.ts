// Budgets input rules: the Budget object (with AWS's defaults), notifications, subscribers and tags.

import { InputReader } from '../input.js';
import type { JsonObject, JsonValue } from '../json.js';
import { normalizeAmount } from './amount.js';
import type { BudgetsContext } from './context.js';
import { budgetsError, budgetsValidationError } from './errors.js';
import {
  BUDGET_LIMITS,
  BUDGET_TYPES,
  COMPARISON_OPERATORS,
  NOTIFICATION_STATES,
  NOTIFICATION_TYPES,
  SUBSCRIPTION_TYPES,
  THRESHOLD_TYPES,
  TIME_UNITS,
  type NotificationRecord,
  type SubscriberRecord,
  type TimeUnit,
} from './model.js';

export function readInput(input: JsonObject): InputReader {
  return new InputReader(input, budgetsValidationError);
}

/** The AccountId member, which must be the caller's own account. */
export function readOwnAccount(reader: InputReader, ctx: BudgetsContext): string {
  const accountId = reader.string('AccountId', { min: 12, max: 12, pattern: /^\d{12}$/ });
  if (accountId !== ctx.call.caller.accountId) {
    throw budgetsError('AccessDeniedException', `You are not authorized to access the budgets of account ${accountId}.`);
  }
  return accountId;
}

function invalid(message: string): never {
  throw budgetsError('InvalidParameterException', message);
}

/** The API pattern, length 1–100: no ":" or "\\", no "/action/", no <script> element. */
export function readBudgetName(reader: InputReader, name = 'BudgetName'): string {
  const value = reader.string(name, { min: 1, max: 100 });
  if (/[:\\]/.test(value) || value.includes('/action/') || /<script>.*<\/script>/is.test(value)) {
    invalid(`${name} "${value}" may not contain ":" or "\\", "/action/" or a <script> element.`);
  }
  return value;
}

const AMOUNT = /^([0-9]*\.)?[0-9]+$/;

function readSpend(reader: InputReader, ctx: BudgetsContext): JsonObject {
  const amount = reader.string('Amount', { min: 1, pattern: AMOUNT });
  const unit = reader.string('Unit', { min: 1 });
  return { Amount: ctx.settings.amountFormat === 'normalized' ? normalizeAmount(amount) : amount, Unit: unit };
}

/** Start of the current period (epoch seconds, UTC), AWS's default TimePeriod.Start. */
export function periodStart(timeUnit: TimeUnit, nowMs: number): number {
  const d = new Date(nowMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const start =
    timeUnit === 'DAILY' ? Date.UTC(y, m, d.getUTCDate()) : timeUnit === 'QUARTERLY' ? Date.UTC(y, m - (m % 3), 1) : timeUnit === 'ANNUALLY' ? Date.UTC(y, 0, 1) : Date.UTC(y, m, 1);
  return start / 1000;
}

const COST_TYPE_DEFAULTS: Readonly<Record<string, boolean>> = {
  IncludeTax: true,
  IncludeSubscription: true,
  UseBlended: false,
  IncludeRefund: true,
  IncludeCredit: true,
  IncludeUpfront: true,
  IncludeRecurring: true,
  IncludeOtherSubscription: true,
  IncludeSupport: true,
  IncludeDiscount: true,
  UseAmortized: false,
};

function readCostTypes(reader: InputReader | undefined): JsonObject {
  const out: Record<string, boolean> = {};
  for (const [key, fallback] of Object.entries(COST_TYPE_DEFAULTS)) out[key] = reader?.optionalBoolean(key) ?? fallback;
  return out;
}

function copyMap(value: JsonValue | undefined, field: string): JsonObject | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(`${field} must be a map.`);
  return value as JsonObject;
}

/**
 * The Budget object of CreateBudget or UpdateBudget, validated and with AWS's defaults filled in.
 * `previous` (UpdateBudget) supplies the TimePeriod when the new budget omits it.
 */
export function readBudget(reader: InputReader, ctx: BudgetsContext, previous?: JsonObject): JsonObject {
  const name = readBudgetName(reader);
  const budgetType = reader.enumValue('BudgetType', BUDGET_TYPES);
  const timeUnit = reader.enumValue('TimeUnit', TIME_UNITS);
  const limitReader = reader.optionalObject('BudgetLimit');
  let limit = limitReader ? readSpend(limitReader, ctx) : undefined;
  const planned = reader.optionalObject('PlannedBudgetLimits');
  const autoAdjust = reader.optionalObject('AutoAdjustData');
  if (limit && planned) invalid('Unable to create/update budget - BudgetLimit and PlannedBudgetLimits cannot be used together.');
  const isSpendBudget = budgetType === 'COST' || budgetType === 'USAGE';
  if (isSpendBudget && !limit && !planned && !autoAdjust) {
    invalid('Unable to create/update budget - please provide one of the followings: Budget Limit/ Planned Budget Limit/ Auto Adjust Data');
  }
  if (!isSpendBudget) {
    if (limit && Number(limit['Amount']) !== 100) invalid(`Unable to create/update budget - the limit of a ${budgetType} budget must be 100.`);
    limit ??= { Amount: ctx.settings.amountFormat === 'normalized' ? '100.0' : '100', Unit: 'PERCENTAGE' };
  }
  let plannedLimits: JsonObject | undefined;
  if (planned) {
    const entries: [string, JsonObject][] = [];
    for (const key of Object.keys(planned.data)) {
      if (!/^\d+$/.test(key)) invalid(`PlannedBudgetLimits keys must be epoch seconds (got "${key}").`);
      entries.push([key, readSpend(planned.object(key), ctx)]);
    }
    plannedLimits = Object.fromEntries(entries);
  }
  if (autoAdjust) {
    autoAdjust.enumValue('AutoAdjustType', ['HISTORICAL', 'FORECAST']);
    autoAdjust.optionalObject('HistoricalOptions')?.optionalInteger('BudgetAdjustmentPeriod', { min: 1, max: 60 });
  }
  const costFilters = copyMap(reader.raw('CostFilters'), 'CostFilters');
  const costTypesReader = reader.optionalObject('CostTypes');
  const filterExpression = copyMap(reader.raw('FilterExpression'), 'FilterExpression');
  const metrics = reader.optionalStringList('Metrics', { max: 1 });
  if (filterExpression && (costFilters || costTypesReader)) {
    invalid('Unable to create/update budget - FilterExpression cannot be combined with CostFilters or CostTypes.');
  }
  const periodReader = reader.optionalObject('TimePeriod');
  const previousPeriod = previous?.['TimePeriod'] as JsonObject | undefined;
  const start = periodReader?.optionalNumber('Start') ?? (previousPeriod?.['Start'] as number | undefined) ?? periodStart(timeUnit, ctx.call.now);
  const end = periodReader?.optionalNumber('End') ?? (previousPeriod?.['End'] as number | undefined) ?? BUDGET_LIMITS.defaultEnd;
  if (end <= start) invalid('Unable to create/update budget - TimePeriod.End must be after TimePeriod.Start.');
  const unit = (limit?.['Unit'] as string | undefined) ?? 'USD';
  return {
    BudgetName: name,
    BudgetLimit: limit,
    PlannedBudgetLimits: plannedLimits,
    CostFilters: costFilters,
    CostTypes: budgetType === 'COST' && !filterExpression ? readCostTypes(costTypesReader) : costTypesReader?.data,
    TimeUnit: timeUnit,
    TimePeriod: { Start: start, End: end },
    CalculatedSpend: { ActualSpend: { Amount: '0', Unit: unit }, ForecastedSpend: { Amount: '0', Unit: unit } },
    BudgetType: budgetType,
    LastUpdatedTime: ctx.call.now / 1000,
    AutoAdjustData: autoAdjust?.data,
    FilterExpression: filterExpression,
    Metrics: metrics,
    HealthStatus: { Status: 'HEALTHY' },
  };
}

export function readNotification(reader: InputReader): Omit<NotificationRecord, 'subscribers'> {
  return {
    notificationType: reader.enumValue('NotificationType', NOTIFICATION_TYPES),
    comparisonOperator: reader.enumValue('ComparisonOperator', COMPARISON_OPERATORS),
    threshold: reader.number('Threshold', { min: 0, max: 15_000_000_000_000 }),
    thresholdType: reader.optionalEnum('ThresholdType', THRESHOLD_TYPES) ?? 'PERCENTAGE',
    notificationState: reader.optionalEnum('NotificationState', NOTIFICATION_STATES) ?? 'OK',
  };
}

const SNS_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}$/;

export function readSubscriber(reader: InputReader): SubscriberRecord {
  const subscriptionType = reader.enumValue('SubscriptionType', SUBSCRIPTION_TYPES);
  const address = reader.string('Address', { min: 1 });
  if (/[\r\n]/.test(address)) invalid('A subscriber Address may not contain line breaks.');
  if (subscriptionType === 'SNS' && !SNS_ARN.test(address)) invalid(`"${address}" is not an SNS topic ARN.`);
  if (subscriptionType === 'EMAIL' && !/^[^\s@]+@[^\s@]+$/.test(address)) invalid(`"${address}" is not an email address.`);
  return { subscriptionType, address };
}

/** The composition rule: at most 1 SNS and 10 email subscribers per notification. */
export function checkSubscriberLimits(subscribers: readonly SubscriberRecord[]): void {
  const sns = subscribers.filter((s) => s.subscriptionType === 'SNS').length;
  const email = subscribers.length - sns;
  if (sns > BUDGET_LIMITS.snsSubscribersPerNotification) {
    throw budgetsError('CreationLimitExceededException', 'one notification can only have 1 subscribers with type of SNS');
  }
  if (email > BUDGET_LIMITS.emailSubscribersPerNotification) {
    throw budgetsError('CreationLimitExceededException', `one notification can only have ${BUDGET_LIMITS.emailSubscribersPerNotification} subscribers with type of EMAIL`);
  }
}

export function readResourceTags(reader: InputReader, name: string): (readonly [string, string])[] {
  return (reader.optionalObjectList(name, { max: BUDGET_LIMITS.tagsPerBudget }) ?? []).map((tag) => {
    const key = tag.string('Key', { min: 1, max: 128 });
    const value = tag.string('Value', { min: 0, max: 256 });
    if (key.toLowerCase().startsWith('aws:')) invalid(`The tag key "${key}" uses the reserved "aws:" prefix.`);
    return [key, value] as const;
  });
}
