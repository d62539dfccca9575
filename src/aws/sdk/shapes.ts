// SDK shapes ↔ our types. The only place that knows AWS's field names.

import type { Account, Organization, OrganizationalUnit, PolicySummary as SdkPolicySummary, PolicyTargetSummary, Root } from '@aws-sdk/client-organizations';
import type { Budget, Notification, Subscriber as SdkSubscriber } from '@aws-sdk/client-budgets';
import type { FeatureSet, NotificationKey, Subscriber } from '../../model/desired.js';
import type { AccountState, LiveOrganization, LiveRoot } from '../../model/live.js';
import type { AccountSummary, BudgetSummary, OuSummary, PolicySummary, PolicyTarget, PolicyTargetType, PolicyType } from '../port.js';
import type { BudgetScope } from '../ports/budgets.js';

export function toOrganization(o: Organization): LiveOrganization {
  return {
    id: o.Id ?? '',
    arn: o.Arn ?? '',
    featureSet: (o.FeatureSet ?? 'ALL') as FeatureSet,
    managementAccountId: o.MasterAccountId ?? '',
    managementAccountEmail: o.MasterAccountEmail ?? '',
  };
}

export function toRoot(r: Root): LiveRoot {
  return {
    id: r.Id ?? '',
    name: r.Name ?? 'Root',
    ...(r.PolicyTypes ? { policyTypes: r.PolicyTypes.map((t) => ({ type: t.Type ?? '', status: t.Status ?? '' })) } : {}),
  };
}

export function toOuSummary(ou: OrganizationalUnit): OuSummary {
  return { id: ou.Id ?? '', name: ou.Name ?? '' };
}

export function toAccountSummary(a: Account): AccountSummary {
  // `Status` retires on 2026-09-09; `State` replaces it (aws-facts.md §2.1). A value newer than our
  // union is passed through so the plan can still warn about a non-ACTIVE account.
  const state = (a.State ?? a.Status ?? 'ACTIVE') as AccountState;
  return { id: a.Id ?? '', name: a.Name ?? '', email: a.Email ?? '', state };
}

/** `requested` is the ListPolicies filter, which every returned policy has. */
export function toPolicySummary(p: SdkPolicySummary, requested: PolicyType): PolicySummary {
  return { id: p.Id ?? '', name: p.Name ?? '', type: (p.Type ?? requested) as PolicyType, awsManaged: p.AwsManaged ?? false, description: p.Description ?? '' };
}

export function toPolicyTarget(t: PolicyTargetSummary): PolicyTarget {
  const id = t.TargetId ?? '';
  const fromId: PolicyTargetType = id.startsWith('r-') ? 'ROOT' : id.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT';
  return { id, type: (t.Type as PolicyTargetType | undefined) ?? fromId, name: t.Name ?? '' };
}

export function toBudgetSummary(b: Budget): BudgetSummary {
  const amount = b.BudgetLimit?.Amount;
  return {
    name: b.BudgetName ?? '',
    budgetType: b.BudgetType ?? '',
    amount: amount === undefined ? null : Number(amount),
    unit: b.BudgetLimit?.Unit ?? '',
    timeUnit: b.TimeUnit ?? '',
  };
}

/** Budgets omits ThresholdType when it is PERCENTAGE (aws/aws-cli#7145). */
export function toNotificationKey(n: Notification): NotificationKey {
  return {
    type: n.NotificationType as NotificationKey['type'],
    comparison: n.ComparisonOperator as NotificationKey['comparison'],
    threshold: Number(n.Threshold),
    thresholdType: (n.ThresholdType ?? 'PERCENTAGE') as NotificationKey['thresholdType'],
  };
}

export function fromNotificationKey(n: NotificationKey): Notification {
  return { NotificationType: n.type, ComparisonOperator: n.comparison, Threshold: n.threshold, ThresholdType: n.thresholdType };
}

export function toSubscriber(s: SdkSubscriber): Subscriber {
  return { type: s.SubscriptionType as Subscriber['type'], address: s.Address ?? '' };
}

export function fromSubscriber(s: Subscriber): SdkSubscriber {
  return { SubscriptionType: s.type, Address: s.address };
}

/** Budgets wants a decimal string ("([0-9]*\.)?[0-9]+"); String(n) would give "1e+21" or "1e-7". */
export function formatAmount(amount: number): string {
  const plain = String(amount);
  if (!/e/i.test(plain)) return plain;
  if (Number.isInteger(amount)) return BigInt(amount).toString();
  return amount.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

export function budgetArn(accountId: string, budgetName: string): string {
  return `arn:aws:budgets::${accountId}:budget/${budgetName}`;
}

/**
 * The accounts a budget is limited to: CostFilters' LinkedAccount, or a FilterExpression whose top level
 * (or one of whose And terms) is a LINKED_ACCOUNT dimension. null: no such filter, it counts every account.
 */
export function toBudgetScope(b: Budget): BudgetScope {
  const fromCostFilters = b.CostFilters?.['LinkedAccount'];
  const expression = b.FilterExpression;
  const terms = expression ? [expression, ...(expression.And ?? [])] : [];
  const fromExpression = terms.flatMap((t) => (t.Dimensions?.Key === 'LINKED_ACCOUNT' ? (t.Dimensions.Values ?? []) : []));
  const linked = [...(fromCostFilters ?? []), ...fromExpression];
  const limited = fromCostFilters !== undefined || terms.some((t) => t.Dimensions?.Key === 'LINKED_ACCOUNT');
  return { name: b.BudgetName ?? '', linkedAccounts: limited ? linked : null };
}
