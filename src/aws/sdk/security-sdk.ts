// The SDK clients and commands only the root-credential audit uses (IAM, Account, SSO Admin). Loaded on
// first use through SdkClients.security(): most commands never need them, and plan starts its audit
// once the guard has passed, so loading them overlaps the bulk read instead of delaying every start.

export { AccountClient, GetAlternateContactCommand, PutAccountNameCommand, PutAlternateContactCommand } from '@aws-sdk/client-account';
export { GetAccountSummaryCommand, IAMClient, ListAccessKeysCommand, ListMFADevicesCommand, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
export { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
export { AttachUserPolicyCommand, CreateUserCommand, GetUserCommand, ListAttachedUserPoliciesCommand } from '@aws-sdk/client-iam';
// SSO Admin's commands (sso-admin*.ts). SSO Admin's tag commands are renamed: the names are generic.
export {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DeleteAccountAssignmentCommand,
  DeleteInlinePolicyFromPermissionSetCommand,
  DeletePermissionSetCommand,
  DeletePermissionsBoundaryFromPermissionSetCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetCommand,
  DescribePermissionSetProvisioningStatusCommand,
  DetachCustomerManagedPolicyReferenceFromPermissionSetCommand,
  DetachManagedPolicyFromPermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ListTagsForResourceCommand as ListSsoAdminTagsCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  TagResourceCommand as TagSsoAdminResourceCommand,
  UntagResourceCommand as UntagSsoAdminResourceCommand,
  UpdatePermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
export { CreateGroupCommand, GetGroupIdCommand, GetUserIdCommand, IdentitystoreClient, ListGroupsCommand, ListUsersCommand } from '@aws-sdk/client-identitystore';
