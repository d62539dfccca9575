// The SDK side of SsoAdminAdminAccessPort: the audit's reads of who has which permission set on the
// management account. One regional client per call's region, as ListInstances.

import { PAGE_SIZES } from '../page-sizes.js';
import type { SsoAdminAdminAccessPort } from '../ports/sso-admin-admin-access.js';
import type { AdapterContext } from './adapter-context.js';

export function ssoAdminAdminAccessAdapter({ clients, call, list }: AdapterContext): SsoAdminAdminAccessPort {
  const service = 'sso-admin';
  return {
    async listPermissionSetsProvisionedToAccount(region, instanceArn, accountId) {
      const security = await clients.security();
      return list({
        service,
        operation: 'ListPermissionSetsProvisionedToAccount',
        pageSize: PAGE_SIZES.ssoAdmin,
        send: (NextToken, MaxResults) =>
          security.ssoAdmin(region).send(new security.sdk.ListPermissionSetsProvisionedToAccountCommand({ InstanceArn: instanceArn, AccountId: accountId, MaxResults, NextToken })),
        page: (out) => ({ items: out.PermissionSets, nextToken: out.NextToken }),
      });
    },

    async listAccountAssignmentsOfPermissionSet(region, instanceArn, accountId, permissionSetArn) {
      const security = await clients.security();
      const assignments = await list({
        service,
        operation: 'ListAccountAssignments',
        pageSize: PAGE_SIZES.ssoAdmin,
        send: (NextToken, MaxResults) =>
          security
            .ssoAdmin(region)
            .send(new security.sdk.ListAccountAssignmentsCommand({ InstanceArn: instanceArn, AccountId: accountId, PermissionSetArn: permissionSetArn, MaxResults, NextToken })),
        page: (out) => ({ items: out.AccountAssignments, nextToken: out.NextToken }),
      });
      return assignments.map((a) => ({ principalType: a.PrincipalType === 'USER' ? ('USER' as const) : ('GROUP' as const), principalId: a.PrincipalId ?? '' }));
    },
  };
}
