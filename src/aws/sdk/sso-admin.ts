// The IAM Identity Center (SSO Admin) side of the SDK port: its instances, one regional client each.

import { PAGE_SIZES } from '../page-sizes.js';
import type { SsoAdminPort } from '../ports/sso-admin.js';
import type { AdapterContext } from './adapter-context.js';
import { toIdentityCenterInstance } from './security-shapes.js';
import { ssoAdminAdminAccessAdapter } from './sso-admin-admin-access.js';
import { ssoAdminPermissionSetsAdapter } from './sso-admin-permission-sets.js';
import { ssoAdminAssignmentsAdapter } from './sso-admin-assignments.js';

/** The instances; permission sets, who has them on an account, and assignments come from their own files. */
export function ssoAdminAdapter(context: AdapterContext): SsoAdminPort {
  const { clients, list } = context;
  return {
    ...ssoAdminAdminAccessAdapter(context),
    ...ssoAdminPermissionSetsAdapter(context),
    ...ssoAdminAssignmentsAdapter(context),
    async listIdentityCenterInstances(region) {
      const security = await clients.security();
      const instances = await list({
        service: 'sso-admin',
        operation: 'ListInstances',
        pageSize: PAGE_SIZES.ssoAdmin,
        send: (NextToken, MaxResults) => security.ssoAdmin(region).send(new security.sdk.ListInstancesCommand({ MaxResults, NextToken })),
        page: (out) => ({ items: out.Instances, nextToken: out.NextToken }),
      });
      return instances.map(toIdentityCenterInstance);
    },
  };
}
