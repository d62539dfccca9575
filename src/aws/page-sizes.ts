// Page sizes the adapter asks for: the maximum each operation accepts (aws-facts.md §2.3, §4.3).
// The reader's call bound counts pages with the same numbers.

export const PAGE_SIZES = {
  /** Every Organizations List* operation: MaxResults 1..20. */
  organizations: 20,
  /** DescribeBudgets and DescribeBudgetNotificationsForAccount: MaxResults 1..1000. */
  budgets: 1000,
  /** DescribeSubscribersForNotification: MaxResults 1..100. */
  subscribers: 100,
  /** IAM List* MaxItems: 1..1000. */
  iam: 1000,
  /** SSO Admin ListInstances MaxResults: 1..100. */
  ssoAdmin: 100,
  /** SSO Admin ListPermissionSets, ListManagedPoliciesInPermissionSet, ListCustomerManagedPolicyReferencesInPermissionSet, ListAccountsForProvisionedPermissionSet MaxResults: 1..100. */
  ssoAdminPermissionSets: 100,
  /** ListPermissionSets, ListAccountAssignmentsForPrincipal, identity store ListGroups and ListUsers: MaxResults 1..100. */
  identityCenter: 100,
} as const;

/** Requests needed to list `items` items at `pageSize` per page: an empty list still takes one. */
export function pagesFor(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / pageSize));
}
