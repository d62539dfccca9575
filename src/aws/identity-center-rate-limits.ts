// IAM Identity Center request rates (aws-facts.md §7, §8, [SSO-QUOTAS]): the SSO Admin API has one throttle
// shared by all its operations (20 transactions per second; the identity store's is assumed the same), and at most
// 10 CreateAccountAssignment requests may be in progress at once. Our buckets are per operation, so each
// operation gets a share of the shared 20/s: orgctl's reads and writes of one run use at most four
// operations of a service at a time, so 5/s each keeps their sum at or under the published figure.

import type { RateLimit } from './rate-limits.js';

const share = (rate: number, burst: number): RateLimit => ({ rate, burst, published: true });
/** The identity store's figure could not be checked (aws-facts.md §8): the same 20 TPS share, an assumption. */
const assumedShare = (rate: number, burst: number): RateLimit => ({ rate, burst, published: false });

export const SSO_ADMIN_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  ListInstances: share(5, 5),
  ListPermissionSets: share(5, 5),
  DescribePermissionSet: share(5, 5),
  ListAccountAssignmentsForPrincipal: share(5, 5),
  // Fewer than the 10 requests AWS lets be in progress: each is polled until it ends (execute.ts).
  CreateAccountAssignment: share(2, 2),
  DeleteAccountAssignment: share(2, 2),
  DescribeAccountAssignmentCreationStatus: share(5, 5),
  DescribeAccountAssignmentDeletionStatus: share(5, 5),
};

export const IDENTITY_STORE_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  GetGroupId: assumedShare(5, 5),
  GetUserId: assumedShare(5, 5),
  ListGroups: assumedShare(5, 5),
  ListUsers: assumedShare(5, 5),
  CreateGroup: assumedShare(2, 2),
};

/** The Identity Center limit of an operation, if it has one. */
export function identityCenterRateLimit(service: string, operation: string): RateLimit | undefined {
  if (service === 'sso-admin') return SSO_ADMIN_RATE_LIMITS[operation];
  if (service === 'identitystore') return IDENTITY_STORE_RATE_LIMITS[operation];
  return undefined;
}
