// Every AWS operation orgctl calls, keyed by the port method that makes it. One list, read by the
// SDK adapter (operation names for pacing and stats), the fake port, and docs/aws-access.md.

import type { AccessAnalyzerPort, AccountPort, AwsPort, BudgetsPort, IamPort, IdentityStorePort, OrganizationsPort, SsoAdminPort, StsPort } from './port.js';

export type AwsServiceName = 'organizations' | 'budgets' | 'sts' | 'iam' | 'account' | 'sso-admin' | 'accessanalyzer' | 'identitystore';

export interface OperationInfo {
  readonly service: AwsServiceName;
  /** The AWS API operation, e.g. "ListAccountsForParent". */
  readonly operation: string;
  readonly access: 'read' | 'write';
  /** The run goes on without its answer ("could not check"): retried only when throttled (CallOptions.optional). */
  readonly optional?: boolean;
}

/** The service whose interface (src/aws/ports/) declares port method M. */
type ServiceOf<M extends keyof AwsPort> = M extends keyof OrganizationsPort
  ? 'organizations'
  : M extends keyof BudgetsPort
    ? 'budgets'
    : M extends keyof AccountPort
      ? 'account'
      : M extends keyof IamPort
        ? 'iam'
        : M extends keyof SsoAdminPort
          ? 'sso-admin'
          : M extends keyof StsPort
            ? 'sts'
            : M extends keyof AccessAnalyzerPort
              ? 'accessanalyzer'
              : M extends keyof IdentityStorePort
                ? 'identitystore'
                : never;

export const PORT_OPERATIONS = {
  getCallerAccountId: { service: 'sts', operation: 'GetCallerIdentity', access: 'read' },
  describeOrganization: { service: 'organizations', operation: 'DescribeOrganization', access: 'read' },
  listRoots: { service: 'organizations', operation: 'ListRoots', access: 'read' },
  listOrganizationalUnitsForParent: { service: 'organizations', operation: 'ListOrganizationalUnitsForParent', access: 'read' },
  listAccountsForParent: { service: 'organizations', operation: 'ListAccountsForParent', access: 'read' },
  describeBudgets: { service: 'budgets', operation: 'DescribeBudgets', access: 'read' },
  describeBudgetNotificationsForAccount: { service: 'budgets', operation: 'DescribeBudgetNotificationsForAccount', access: 'read' },
  describeSubscribersForNotification: { service: 'budgets', operation: 'DescribeSubscribersForNotification', access: 'read' },
  listBudgetTags: { service: 'budgets', operation: 'ListTagsForResource', access: 'read' },
  listPolicies: { service: 'organizations', operation: 'ListPolicies', access: 'read' },
  listTargetsForPolicy: { service: 'organizations', operation: 'ListTargetsForPolicy', access: 'read' },
  listResourceTags: { service: 'organizations', operation: 'ListTagsForResource', access: 'read' },
  createOrganization: { service: 'organizations', operation: 'CreateOrganization', access: 'write' },
  createOrganizationalUnit: { service: 'organizations', operation: 'CreateOrganizationalUnit', access: 'write' },
  renameOrganizationalUnit: { service: 'organizations', operation: 'UpdateOrganizationalUnit', access: 'write' },
  deleteOrganizationalUnit: { service: 'organizations', operation: 'DeleteOrganizationalUnit', access: 'write' },
  moveAccount: { service: 'organizations', operation: 'MoveAccount', access: 'write' },
  createBudget: { service: 'budgets', operation: 'CreateBudget', access: 'write' },
  updateBudget: { service: 'budgets', operation: 'UpdateBudget', access: 'write' },
  deleteBudget: { service: 'budgets', operation: 'DeleteBudget', access: 'write' },
  createNotification: { service: 'budgets', operation: 'CreateNotification', access: 'write' },
  updateNotification: { service: 'budgets', operation: 'UpdateNotification', access: 'write' },
  deleteNotification: { service: 'budgets', operation: 'DeleteNotification', access: 'write' },
  createSubscriber: { service: 'budgets', operation: 'CreateSubscriber', access: 'write' },
  deleteSubscriber: { service: 'budgets', operation: 'DeleteSubscriber', access: 'write' },
  getRootCredentialSummary: { service: 'iam', operation: 'GetAccountSummary', access: 'read' },
  listOrganizationsFeatures: { service: 'iam', operation: 'ListOrganizationsFeatures', access: 'read' },
  listMfaDevices: { service: 'iam', operation: 'ListMFADevices', access: 'read' },
  listAccessKeys: { service: 'iam', operation: 'ListAccessKeys', access: 'read' },
  listIdentityCenterInstances: { service: 'sso-admin', operation: 'ListInstances', access: 'read' },
  getAlternateContact: { service: 'account', operation: 'GetAlternateContact', access: 'read' },
  putAlternateContact: { service: 'account', operation: 'PutAlternateContact', access: 'write' },
  tagResource: { service: 'organizations', operation: 'TagResource', access: 'write' },
  untagResource: { service: 'organizations', operation: 'UntagResource', access: 'write' },
  tagBudget: { service: 'budgets', operation: 'TagResource', access: 'write' },
  untagBudget: { service: 'budgets', operation: 'UntagResource', access: 'write' },
  describePolicy: { service: 'organizations', operation: 'DescribePolicy', access: 'read' },
  createPolicy: { service: 'organizations', operation: 'CreatePolicy', access: 'write' },
  updatePolicy: { service: 'organizations', operation: 'UpdatePolicy', access: 'write' },
  deletePolicy: { service: 'organizations', operation: 'DeletePolicy', access: 'write' },
  attachPolicy: { service: 'organizations', operation: 'AttachPolicy', access: 'write' },
  detachPolicy: { service: 'organizations', operation: 'DetachPolicy', access: 'write' },
  enablePolicyType: { service: 'organizations', operation: 'EnablePolicyType', access: 'write' },
  listAwsServiceAccess: { service: 'organizations', operation: 'ListAWSServiceAccessForOrganization', access: 'read' },
  listDelegatedAdministrators: { service: 'organizations', operation: 'ListDelegatedAdministrators', access: 'read' },
  listDelegatedServicesForAccount: { service: 'organizations', operation: 'ListDelegatedServicesForAccount', access: 'read' },
  enableAwsServiceAccess: { service: 'organizations', operation: 'EnableAWSServiceAccess', access: 'write' },
  disableAwsServiceAccess: { service: 'organizations', operation: 'DisableAWSServiceAccess', access: 'write' },
  registerDelegatedAdministrator: { service: 'organizations', operation: 'RegisterDelegatedAdministrator', access: 'write' },
  deregisterDelegatedAdministrator: { service: 'organizations', operation: 'DeregisterDelegatedAdministrator', access: 'write' },
  validatePolicy: { service: 'accessanalyzer', operation: 'ValidatePolicy', access: 'read', optional: true },
  createAccount: { service: 'organizations', operation: 'CreateAccount', access: 'write' },
  describeCreateAccountStatus: { service: 'organizations', operation: 'DescribeCreateAccountStatus', access: 'read' },
  listCreateAccountStatus: { service: 'organizations', operation: 'ListCreateAccountStatus', access: 'read' },
  closeAccount: { service: 'organizations', operation: 'CloseAccount', access: 'write' },
  putAccountName: { service: 'account', operation: 'PutAccountName', access: 'write' },
  describeAccount: { service: 'organizations', operation: 'DescribeAccount', access: 'read' },
  listParents: { service: 'organizations', operation: 'ListParents', access: 'read' },
  describeOrganizationalUnit: { service: 'organizations', operation: 'DescribeOrganizationalUnit', access: 'read' },
  listPoliciesForTarget: { service: 'organizations', operation: 'ListPoliciesForTarget', access: 'read' },
  describeBudgetScopes: { service: 'budgets', operation: 'DescribeBudgets', access: 'read' },
  getIamUser: { service: 'iam', operation: 'GetUser', access: 'read' },
  createIamUser: { service: 'iam', operation: 'CreateUser', access: 'write' },
  attachUserPolicy: { service: 'iam', operation: 'AttachUserPolicy', access: 'write' },
  listAttachedUserPolicies: { service: 'iam', operation: 'ListAttachedUserPolicies', access: 'read' },
  listPermissionSetsProvisionedToAccount: { service: 'sso-admin', operation: 'ListPermissionSetsProvisionedToAccount', access: 'read' },
  listAccountAssignmentsOfPermissionSet: { service: 'sso-admin', operation: 'ListAccountAssignments', access: 'read' },
  listPermissionSets: { service: 'sso-admin', operation: 'ListPermissionSets', access: 'read' },
  describePermissionSet: { service: 'sso-admin', operation: 'DescribePermissionSet', access: 'read' },
  listManagedPoliciesInPermissionSet: { service: 'sso-admin', operation: 'ListManagedPoliciesInPermissionSet', access: 'read' },
  listCustomerManagedPolicyReferencesInPermissionSet: { service: 'sso-admin', operation: 'ListCustomerManagedPolicyReferencesInPermissionSet', access: 'read' },
  getInlinePolicyForPermissionSet: { service: 'sso-admin', operation: 'GetInlinePolicyForPermissionSet', access: 'read' },
  getPermissionsBoundaryForPermissionSet: { service: 'sso-admin', operation: 'GetPermissionsBoundaryForPermissionSet', access: 'read' },
  listPermissionSetTags: { service: 'sso-admin', operation: 'ListTagsForResource', access: 'read' },
  listAccountsForProvisionedPermissionSet: { service: 'sso-admin', operation: 'ListAccountsForProvisionedPermissionSet', access: 'read' },
  createPermissionSet: { service: 'sso-admin', operation: 'CreatePermissionSet', access: 'write' },
  updatePermissionSet: { service: 'sso-admin', operation: 'UpdatePermissionSet', access: 'write' },
  deletePermissionSet: { service: 'sso-admin', operation: 'DeletePermissionSet', access: 'write' },
  attachManagedPolicyToPermissionSet: { service: 'sso-admin', operation: 'AttachManagedPolicyToPermissionSet', access: 'write' },
  detachManagedPolicyFromPermissionSet: { service: 'sso-admin', operation: 'DetachManagedPolicyFromPermissionSet', access: 'write' },
  attachCustomerManagedPolicyReferenceToPermissionSet: { service: 'sso-admin', operation: 'AttachCustomerManagedPolicyReferenceToPermissionSet', access: 'write' },
  detachCustomerManagedPolicyReferenceFromPermissionSet: { service: 'sso-admin', operation: 'DetachCustomerManagedPolicyReferenceFromPermissionSet', access: 'write' },
  putInlinePolicyToPermissionSet: { service: 'sso-admin', operation: 'PutInlinePolicyToPermissionSet', access: 'write' },
  deleteInlinePolicyFromPermissionSet: { service: 'sso-admin', operation: 'DeleteInlinePolicyFromPermissionSet', access: 'write' },
  putPermissionsBoundaryToPermissionSet: { service: 'sso-admin', operation: 'PutPermissionsBoundaryToPermissionSet', access: 'write' },
  deletePermissionsBoundaryFromPermissionSet: { service: 'sso-admin', operation: 'DeletePermissionsBoundaryFromPermissionSet', access: 'write' },
  tagPermissionSet: { service: 'sso-admin', operation: 'TagResource', access: 'write' },
  untagPermissionSet: { service: 'sso-admin', operation: 'UntagResource', access: 'write' },
  provisionPermissionSet: { service: 'sso-admin', operation: 'ProvisionPermissionSet', access: 'write' },
  describePermissionSetProvisioningStatus: { service: 'sso-admin', operation: 'DescribePermissionSetProvisioningStatus', access: 'read' },
  listAccountAssignmentsForPrincipal: { service: 'sso-admin', operation: 'ListAccountAssignmentsForPrincipal', access: 'read' },
  createAccountAssignment: { service: 'sso-admin', operation: 'CreateAccountAssignment', access: 'write' },
  deleteAccountAssignment: { service: 'sso-admin', operation: 'DeleteAccountAssignment', access: 'write' },
  describeAccountAssignmentCreationStatus: { service: 'sso-admin', operation: 'DescribeAccountAssignmentCreationStatus', access: 'read' },
  describeAccountAssignmentDeletionStatus: { service: 'sso-admin', operation: 'DescribeAccountAssignmentDeletionStatus', access: 'read' },
  getGroupId: { service: 'identitystore', operation: 'GetGroupId', access: 'read' },
  getUserId: { service: 'identitystore', operation: 'GetUserId', access: 'read' },
  createGroup: { service: 'identitystore', operation: 'CreateGroup', access: 'write' },
  listGroups: { service: 'identitystore', operation: 'ListGroups', access: 'read' },
  listUsers: { service: 'identitystore', operation: 'ListUsers', access: 'read' },
  // Every method, under the service whose interface declares it.
} as const satisfies { readonly [M in keyof AwsPort]: OperationInfo & { readonly service: ServiceOf<M> } };

export type PortMethod = keyof typeof PORT_OPERATIONS;

/** The AWS operation names the port uses ("MoveAccount", "DescribeBudgets", ...). */
export type PortOperation = (typeof PORT_OPERATIONS)[PortMethod]['operation'];

/** The IAM actions a call needs, for AccessDenied messages and the docs. */
export function iamActionsFor(service: AwsServiceName, operation: string): readonly string[] {
  switch (service) {
    case 'organizations':
      // orgctl creates policies with its managed-by tag, which needs TagResource too.
      if (operation === 'CreatePolicy') return ['organizations:CreatePolicy', 'organizations:TagResource'];
      return [`organizations:${operation}`];
    case 'sts':
      // GetCallerIdentity needs no permission; a denial here means the credentials themselves are bad.
      return [`sts:${operation}`];
    case 'iam':
      // orgctl creates its break-glass user with tags, which needs TagUser too.
      if (operation === 'CreateUser') return ['iam:CreateUser', 'iam:TagUser'];
      return [`iam:${operation}`];
    case 'account':
      return [`account:${operation}`];
    case 'sso-admin':
      // IAM Identity Center's API is "sso-admin", its IAM actions are "sso:".
      // orgctl creates permission sets with its managed-by tag, which needs TagResource too.
      if (operation === 'CreatePermissionSet') return ['sso:CreatePermissionSet', 'sso:TagResource'];
      return [`sso:${operation}`];
    case 'identitystore':
      return [`identitystore:${operation}`];
    case 'accessanalyzer':
      // The client is "accessanalyzer"; its IAM actions are "access-analyzer:".
      return [`access-analyzer:${operation}`];
    case 'budgets':
      // Budgets authorizes most operations with two coarse actions (Service Authorization Reference).
      if (operation === 'ListTagsForResource' || operation === 'TagResource' || operation === 'UntagResource') return [`budgets:${operation}`];
      if (operation === 'CreateBudget') return ['budgets:ModifyBudget', 'budgets:TagResource'];
      return [operation.startsWith('Describe') ? 'budgets:ViewBudget' : 'budgets:ModifyBudget'];
  }
}

/** "the credentials lack organizations:ListAccountsForParent" (or "budgets:ModifyBudget or budgets:TagResource"). */
export function accessDeniedMessage(service: AwsServiceName, operation: string, awsMessage?: string): string {
  const actions = iamActionsFor(service, operation).join(' or ');
  const said = awsMessage ? ` (AWS said: ${awsMessage})` : '';
  return `the credentials lack ${actions}; allow it in the IAM policy of the role orgctl runs as${said}`;
}
