// The IAM Identity Center (SSO Admin) side of the SDK port: its instances, one regional client each.

import { PAGE_SIZES } from '../page-sizes.js';
import type { SsoAdminAssignmentsPort, SsoAdminPort } from '../ports/sso-admin.js';
import type { AdapterContext } from './adapter-context.js';
import { toIdentityCenterInstance } from './security-shapes.js';

/** The instances; the assignments are sso-admin-assignments.ts. */
export function ssoAdminAdapter({ clients, list }: AdapterContext): Omit<SsoAdminPort, keyof SsoAdminAssignmentsPort> {
  return {
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
