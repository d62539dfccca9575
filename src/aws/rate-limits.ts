// Per-operation request rates, as token buckets (sustained requests per second, burst).
// Organizations: AWS's published per-account throttling limits (aws-facts.md §3.1, [ORG-QUOTAS]).
// Budgets publishes none; the figures below are our assumption, marked `published: false`.
// Shared by the client-side pacer, the emulator's --rate-limits and the benchmark's bounds.

export interface RateLimit {
  /** Sustained requests per second. */
  readonly rate: number;
  /** Bucket size: requests that may be sent at once after a quiet period. */
  readonly burst: number;
  /** false when AWS publishes no figure and this is an assumption. */
  readonly published: boolean;
}

const org = (rate: number, burst: number): RateLimit => ({ rate, burst, published: true });
const assumed = (rate: number, burst: number): RateLimit => ({ rate, burst, published: false });

export const ORGANIZATIONS_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  CloseAccount: org(0.05, 1),
  CreateAccount: org(0.1, 3),
  CreateGovCloudAccount: org(0.1, 3),
  DescribeAccount: org(20, 30),
  DescribeCreateAccountStatus: org(2, 2),
  ListCreateAccountStatus: org(5, 8),
  CreateOrganization: org(1, 1),
  DeleteOrganization: org(1, 1),
  CreateOrganizationalUnit: org(1, 2),
  DescribeOrganization: org(1, 2),
  MoveAccount: org(2, 3),
  UpdateOrganizationalUnit: org(2, 3),
  DeleteOrganizationalUnit: org(2, 3),
  DescribeOrganizationalUnit: org(2, 2),
  ListAccounts: org(8, 12),
  ListChildren: org(6, 10),
  ListParents: org(5, 8),
  ListAccountsForParent: org(5, 8),
  ListOrganizationalUnitsForParent: org(5, 8),
  ListRoots: org(1, 2),
  ListTagsForResource: org(10, 15),
  TagResource: org(4, 6),
  UntagResource: org(4, 6),
  CreatePolicy: org(2, 3),
  DeletePolicy: org(2, 3),
  AttachPolicy: org(2, 3),
  DetachPolicy: org(2, 3),
  UpdatePolicy: org(2, 3),
  DescribePolicy: org(2, 2),
  EnablePolicyType: org(1, 1),
  DisablePolicyType: org(1, 1),
  ListPolicies: org(5, 8),
  ListPoliciesForTarget: org(5, 8),
  ListTargetsForPolicy: org(5, 8),
  // The quotas page gives no separate figure for these ("mostly 1–5 rps", aws-facts §3.1): the low end, an assumption.
  ListAWSServiceAccessForOrganization: assumed(1, 2),
  ListDelegatedAdministrators: assumed(1, 2),
  ListDelegatedServicesForAccount: assumed(1, 2),
  EnableAWSServiceAccess: assumed(1, 1),
  DisableAWSServiceAccess: assumed(1, 1),
  RegisterDelegatedAdministrator: assumed(1, 1),
  DeregisterDelegatedAdministrator: assumed(1, 1),
};

/** Budgets: no published rates. Assumed generous enough for normal use, finite so pacing is exercised. */
export const BUDGETS_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  DescribeBudgets: assumed(10, 20),
  DescribeBudget: assumed(10, 20),
  DescribeBudgetNotificationsForAccount: assumed(10, 20),
  DescribeNotificationsForBudget: assumed(10, 20),
  DescribeSubscribersForNotification: assumed(10, 20),
  CreateBudget: assumed(5, 10),
  UpdateBudget: assumed(5, 10),
  DeleteBudget: assumed(5, 10),
  CreateNotification: assumed(5, 10),
  UpdateNotification: assumed(5, 10),
  DeleteNotification: assumed(5, 10),
  CreateSubscriber: assumed(5, 10),
  UpdateSubscriber: assumed(5, 10),
  DeleteSubscriber: assumed(5, 10),
  ListTagsForResource: assumed(10, 20),
  TagResource: assumed(5, 10),
  UntagResource: assumed(5, 10),
};

/**
 * Account Management, per account (docs.aws.amazon.com/accounts/latest/reference/quotas.html, read 2026-12-05:
 * "Rate of GetAlternateContact requests per account: 10 per second, burst to 15"; PutAlternateContact 5, burst 8;
 * PutAccountName 1, burst 1 per caller account). The China regions' page still lists older, lower figures.
 */
export const ACCOUNT_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  GetAlternateContact: org(10, 15),
  PutAlternateContact: org(5, 8),
  PutAccountName: org(1, 1),
};

/**
 * IAM Identity Center (SSO Admin): "IAM Identity Center APIs have a collective throttle maximum of 20
 * transactions per second" (aws-facts.md §7.1, [SSO-QUOTAS]): one bucket for every SSO Admin operation
 * of an account. AWS gives no burst; one second's worth is our assumption.
 */
export const SSO_ADMIN_COLLECTIVE_RATE_LIMIT: RateLimit = { rate: 20, burst: 20, published: true };

/**
 * The identity store (groups and users of Identity Center's directory): its own collective throttle, assumed
 * the same 20 per second as SSO Admin's (aws-facts.md §8: the figure could not be checked).
 */
export const IDENTITY_STORE_COLLECTIVE_RATE_LIMIT: RateLimit = { rate: 20, burst: 20, published: false };

/** Services whose limit is collective: one bucket for all their operations (pacer.ts). */
export const COLLECTIVE_RATE_LIMITS = { 'sso-admin': SSO_ADMIN_COLLECTIVE_RATE_LIMIT, identitystore: IDENTITY_STORE_COLLECTIVE_RATE_LIMIT } as const;
export type CollectiveService = keyof typeof COLLECTIVE_RATE_LIMITS;

export type AwsService = 'organizations' | 'budgets' | 'account';

export function rateLimitFor(service: AwsService, operation: string): RateLimit | undefined {
  return (service === 'organizations' ? ORGANIZATIONS_RATE_LIMITS : service === 'account' ? ACCOUNT_RATE_LIMITS : BUDGETS_RATE_LIMITS)[operation];
}

/**
 * A limit at a time scale: `scale` speeds time up, so the rate is multiplied and the burst (a count
 * of requests) stays. The client pacer uses this; the emulator's --rate-limits applies the same rule.
 */
export function scaleRateLimit(limit: Pick<RateLimit, 'rate' | 'burst'>, scale: number): { readonly rate: number; readonly burst: number } {
  return { rate: limit.rate * scale, burst: limit.burst };
}
