// IAM Identity Center (SSO Admin): whether an instance exists, region by region.

import type { IdentityCenterInstance } from '../../model/security.js';
import type { SsoAdminAdminAccessPort } from './sso-admin-admin-access.js';
import type { SsoAdminPermissionSetsPort } from './sso-admin-permission-sets.js';

export interface SsoAdminPort extends SsoAdminAdminAccessPort, SsoAdminPermissionSetsPort {
  /** SSO Admin ListInstances in `region` (Identity Center is regional). */
  listIdentityCenterInstances(region: string): Promise<readonly IdentityCenterInstance[]>;
}
