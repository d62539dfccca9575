// Tags as orgctl manages them: which keys it never touches, and AWS's limits on the rest.

import { MANAGED_BUDGET_TAG } from './live.js';

export type Tags = Readonly<Record<string, string>>;

/** AWS's tag limits (Organizations TagResource and Budgets TagResource; aws-facts.md §2.2, §5). */
export const TAG_LIMITS = {
  keyLength: { min: 1, max: 128 },
  valueLength: { min: 0, max: 256 },
  /** Per root, OU or account (Organizations quota). */
  perOrganizationsResource: 50,
  /** Per budget (Budgets ResourceTags). */
  perBudget: 200,
  /** Per policy: Organizations' 50, less the `managed-by` tag orgctl gives the policies it creates. */
  perPolicy: 49,
  /** Letters, digits, white space and _ . : / = + - @ (the Tag shapes' pattern). */
  characters: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
} as const;

/**
 * Keys orgctl never sets or removes: AWS's own (`aws:` in any case, reserved by AWS) and orgctl's
 * `managed-by`, which marks the budgets it created for `pruneBudgets`.
 */
export function isUntouchedTagKey(key: string): boolean {
  return key.toLowerCase().startsWith('aws:') || key === MANAGED_BUDGET_TAG.key;
}

/** The tags orgctl compares: all but the untouched ones. */
export function managedTags(tags: Tags): Tags {
  return Object.fromEntries(Object.entries(tags).filter(([key]) => !isUntouchedTagKey(key)));
}
