// Reads who has administrator permission sets on the management account: the sets provisioned to it
// (ListPermissionSetsProvisionedToAccount), for each its name and policies (DescribePermissionSet,
// ListManagedPoliciesInPermissionSet, GetInlinePolicyForPermissionSet), and for the administrator sets
// their assignments there (ListAccountAssignments). Only with an active instance in a known region.
// A failed call (denied, ...) becomes the observation's failure, naming that call's IAM action.

import { isAwsCallError } from '../aws/errors.js';
import { iamActionsFor } from '../aws/operations.js';
import type { AwsPort } from '../aws/port.js';
import type { IdentityCenterInstance } from '../model/security.js';
import { adminGrantOf } from './admin-permission-set.js';
import type { AdminAccessObservation, AdminPermissionSetAssignment, Observation } from './audit-input.js';

export async function readAdminAccess(
  port: AwsPort,
  region: string | undefined,
  instances: Observation<readonly IdentityCenterInstance[]> | undefined,
  accountId: string,
): Promise<AdminAccessObservation> {
  const instance = instances?.ok ? instances.value.find((i) => i.status === undefined || i.status === 'ACTIVE') : undefined;
  if (region === undefined || instance === undefined) return { read: false };
  const instanceArn = instance.instanceArn;
  const ref = { region, instanceArn };
  try {
    const setArns = await port.listPermissionSetsProvisionedToAccount(region, instanceArn, accountId);
    const sets = await Promise.all(
      setArns.map(async (arn): Promise<AdminPermissionSetAssignment | undefined> => {
        const [attributes, managed, inline] = await Promise.all([
          port.describePermissionSet(ref, arn),
          port.listManagedPoliciesInPermissionSet(ref, arn),
          port.getInlinePolicyForPermissionSet(ref, arn),
        ]);
        const grantedBy = adminGrantOf(managed, inline ?? '');
        if (grantedBy === undefined) return undefined;
        const assignments = await port.listAccountAssignmentsOfPermissionSet(region, instanceArn, accountId, arn);
        return { permissionSetName: attributes.name, grantedBy, principals: assignments.length };
      }),
    );
    return { read: true, region, instanceArn, adminSets: { ok: true, value: sets.filter((s) => s !== undefined) } };
  } catch (error) {
    if (!isAwsCallError(error)) throw error;
    return {
      read: true,
      region,
      instanceArn,
      adminSets: {
        ok: false,
        failure: {
          operation: error.operation,
          action: iamActionsFor('sso-admin', error.operation).join(' or '),
          code: error.code,
          denied: error.kind === 'accessDenied',
          notFound: error.kind === 'notFound',
          message: error.message,
        },
      },
    };
  }
}
