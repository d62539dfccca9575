// The SDK clients and commands only the root-credential audit uses (IAM, Account, SSO Admin). Loaded on
// first use through SdkClients.security(): most commands never need them, and plan starts its audit
// once the guard has passed, so loading them overlaps the bulk read instead of delaying every start.

export { AccountClient, GetAlternateContactCommand, PutAccountNameCommand, PutAlternateContactCommand } from '@aws-sdk/client-account';
export { GetAccountSummaryCommand, IAMClient, ListAccessKeysCommand, ListMFADevicesCommand, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
export { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
export {
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListPermissionSetsCommand,
} from '@aws-sdk/client-sso-admin';
export { CreateGroupCommand, GetGroupIdCommand, GetUserIdCommand, IdentitystoreClient, ListGroupsCommand, ListUsersCommand } from '@aws-sdk/client-identitystore';
