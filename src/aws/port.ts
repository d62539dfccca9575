// The one port through which orgctl talks to AWS, composed of one interface per service
// (src/aws/ports/). Our types only; the SDK adapter
// (src/aws/sdk/) is the only implementation that imports @aws-sdk/*.
//
// Contract for every implementation:
// - List/Describe methods return every item, following NextToken across empty pages.
// - Failures throw AwsCallError (src/aws/errors.ts) with a classified kind.
// - Throttling and ConcurrentModificationException are retried inside the implementation.

import type { AccessAnalyzerPort } from './ports/access-analyzer.js';
import type { AccountPort } from './ports/account.js';
import type { BudgetsPort } from './ports/budgets.js';
import type { IamPort } from './ports/iam.js';
import type { OrganizationsPort } from './ports/organizations.js';
import type { SsoAdminPort } from './ports/sso-admin.js';
import type { StsPort } from './ports/sts.js';
import type { IdentityStorePort } from './ports/identity-store.js';

export type { AccountPort } from './ports/account.js';
export type { BudgetNotifications, BudgetsPort, BudgetSummary } from './ports/budgets.js';
export type { IamPort } from './ports/iam.js';
export type { AccountSummary, OrganizationsPort, OuSummary, PolicySummary, PolicyTarget, PolicyTargetType, PolicyType } from './ports/organizations.js';
export type { CreateAccountRequest, CreateAccountState, CreateAccountStatus } from './ports/organizations.js';
export type { SsoAdminPort } from './ports/sso-admin.js';
export type { StsPort } from './ports/sts.js';
export type { AccountAssignment, AssignmentPrincipal, AssignmentRequestStatus, SsoAdminAssignmentsPort } from './ports/sso-admin.js';
export type { IdentityStorePort, IdentityStorePrincipal } from './ports/identity-store.js';
export type { AccessAnalyzerPolicyType, AccessAnalyzerPort, PolicyFinding, PolicyFindingType } from './ports/access-analyzer.js';

/** Every service orgctl calls, one interface each (src/aws/ports/), composed. */
export interface AwsPort extends OrganizationsPort, BudgetsPort, AccountPort, IamPort, SsoAdminPort, StsPort, AccessAnalyzerPort, IdentityStorePort {}

/** What an implementation reports about the calls it made (benchmarks, plan footers). */
export interface CallStats {
  /** Requests sent, by operation name (e.g. "ListAccountsForParent"), retries included. */
  readonly calls: Readonly<Record<string, number>>;
  /** Throttling errors received and retried, by operation. */
  readonly throttled: Readonly<Record<string, number>>;
  /** Other retried errors (ConcurrentModification, 5xx, dropped connections), by operation. */
  readonly retried: Readonly<Record<string, number>>;
}
