// The account-assignment side of the SSO Admin adapter: assignments by principal, and the asynchronous
// create/delete requests with their status.

import type { AccountAssignmentOperationStatus } from '@aws-sdk/client-sso-admin';
import { PAGE_SIZES } from '../page-sizes.js';
import type { AccountAssignment, AssignmentRequestStatus, SsoAdminAssignmentsPort } from '../ports/sso-admin.js';
import type { AdapterContext } from './adapter-context.js';

const STATUSES = ['IN_PROGRESS', 'FAILED', 'SUCCEEDED'] as const;

function toRequestStatus(status: AccountAssignmentOperationStatus | undefined): AssignmentRequestStatus {
  // An answer without a status is still in progress: the caller polls again.
  const value = STATUSES.find((s) => s === status?.Status) ?? 'IN_PROGRESS';
  return { requestId: status?.RequestId ?? '', status: value, ...(status?.FailureReason !== undefined && { failureReason: status.FailureReason }) };
}

function assignmentInput(InstanceArn: string, a: AccountAssignment) {
  return { InstanceArn, TargetId: a.accountId, TargetType: 'AWS_ACCOUNT' as const, PermissionSetArn: a.permissionSetArn, PrincipalType: a.principal.type, PrincipalId: a.principal.id };
}

export function ssoAdminAssignmentsAdapter({ clients, call, list }: AdapterContext): SsoAdminAssignmentsPort {
  return {
    async listAccountAssignmentsForPrincipal(region, InstanceArn, principal) {
      const security = await clients.security();
      const items = await list({
        service: 'sso-admin',
        operation: 'ListAccountAssignmentsForPrincipal',
        pageSize: PAGE_SIZES.identityCenter,
        send: (NextToken, MaxResults) =>
          security
            .ssoAdmin(region)
            .send(new security.sdk.ListAccountAssignmentsForPrincipalCommand({ InstanceArn, PrincipalId: principal.id, PrincipalType: principal.type, MaxResults, NextToken })),
        page: (out) => ({ items: out.AccountAssignments, nextToken: out.NextToken }),
      });
      return items.map((a): AccountAssignment => ({ accountId: a.AccountId ?? '', permissionSetArn: a.PermissionSetArn ?? '', principal }));
    },
    async createAccountAssignment(region, instanceArn, assignment) {
      const security = await clients.security();
      const out = await call('sso-admin', 'CreateAccountAssignment', () =>
        security.ssoAdmin(region).send(new security.sdk.CreateAccountAssignmentCommand(assignmentInput(instanceArn, assignment))),
      );
      return toRequestStatus(out.AccountAssignmentCreationStatus);
    },
    async deleteAccountAssignment(region, instanceArn, assignment) {
      const security = await clients.security();
      const out = await call('sso-admin', 'DeleteAccountAssignment', () =>
        security.ssoAdmin(region).send(new security.sdk.DeleteAccountAssignmentCommand(assignmentInput(instanceArn, assignment))),
      );
      return toRequestStatus(out.AccountAssignmentDeletionStatus);
    },
    async describeAccountAssignmentCreationStatus(region, InstanceArn, AccountAssignmentCreationRequestId) {
      const security = await clients.security();
      const out = await call('sso-admin', 'DescribeAccountAssignmentCreationStatus', () =>
        security.ssoAdmin(region).send(new security.sdk.DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId })),
      );
      return toRequestStatus(out.AccountAssignmentCreationStatus);
    },
    async describeAccountAssignmentDeletionStatus(region, InstanceArn, AccountAssignmentDeletionRequestId) {
      const security = await clients.security();
      const out = await call('sso-admin', 'DescribeAccountAssignmentDeletionStatus', () =>
        security.ssoAdmin(region).send(new security.sdk.DescribeAccountAssignmentDeletionStatusCommand({ InstanceArn, AccountAssignmentDeletionRequestId })),
      );
      return toRequestStatus(out.AccountAssignmentDeletionStatus);
    },
  };
}
