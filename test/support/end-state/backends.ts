// Which emulator the oracle reads, and what that emulator cannot answer. A gap is a named sentence:
// checks that need the missing value report it as unchecked, and expectEndStateMatches fails unless
// the test lists the gap as known. So a gap is always visible in the test that accepts it.

export type GapName = 'budgetSubscribers' | 'budgetTags' | 'permissionSetBoundaries' | 'permissionSetTags';

export interface Backend {
  readonly name: string;
  readonly gaps: Readonly<Partial<Record<GapName, string>>>;
}

/** src/emulator: implements every call the oracle makes. */
export const EMULATOR_BACKEND: Backend = { name: 'orgctl emulator', gaps: {} };

/** moto_server 5.x: its Budgets has no DescribeSubscribersForNotification and no ListTagsForResource. */
export const MOTO_BACKEND: Backend = {
  name: 'moto',
  gaps: {
    budgetSubscribers: 'moto has no budgets:DescribeSubscribersForNotification: notification subscribers are not checked',
    budgetTags: 'moto has no budgets:ListTagsForResource: budget tags (managed-by=orgctl) are not checked',
    permissionSetBoundaries: 'moto has no sso-admin:GetPermissionsBoundaryForPermissionSet: permission set boundaries are not checked',
    permissionSetTags: 'moto has no sso-admin:ListTagsForResource: permission set tags (managed-by=orgctl) are not checked',
  },
};

/** A LiveOrg (test/planner/simulate-plan.ts) holds budget tags only where orgctl's reader read them. */
export const LIVE_ORG_GAPS = {
  budgetTags: 'LiveOrg without tags for a budget: whether it is managed-by=orgctl is not checked',
} as const;
