// The emulator keeps one model of Identity Center (PermissionSetState): a permission set created and an
// assignment made through the API (as apply makes them) are what the audit's reads see
// (ListPermissionSetsProvisionedToAccount, ListAccountAssignments, DescribePermissionSet, the policies).

import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build-audit-report.js';
import { readAuditInput } from '../../src/audit/read-audit-input.js';
import { aSecurity, checkById } from '../audit/support.js';
import { useEmulator } from '../support/emulator.js';
import { emulatorPort, MGMT } from '../workflow/support/emulator-world.js';

const REGION = 'eu-west-1';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('emulator: one model of permission sets and assignments', () => {
  const emulator = useEmulator({ createAccountDelayMs: 0 });

  it('an assignment made with CreateAccountAssignment is what the audit reads on the account', async () => {
    emulator().seed({ formatVersion: 1, identityCenterInstances: [{ ownerAccountId: MGMT, region: REGION }] });
    const organizations = new OrganizationsClient(emulator().clientConfig);
    await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    organizations.destroy();
    const port = emulatorPort(emulator().url);
    const [instance] = await port.listIdentityCenterInstances(REGION);
    const ref = { region: REGION, instanceArn: instance!.instanceArn };
    const arn = await port.createPermissionSet(ref, { name: 'PlatformAdmin', description: undefined, sessionDuration: 'PT1H' }, {});
    await port.attachManagedPolicyToPermissionSet(ref, arn, ADMIN);
    const groupId = await port.createGroup(REGION, instance!.identityStoreId!, { displayName: 'Admins' });
    await port.createAccountAssignment(REGION, ref.instanceArn, { accountId: MGMT, permissionSetArn: arn, principal: { type: 'GROUP', id: groupId } });

    expect(await port.listPermissionSetsProvisionedToAccount(REGION, ref.instanceArn, MGMT)).toEqual([arn]);
    expect(await port.listAccountAssignmentsOfPermissionSet(REGION, ref.instanceArn, MGMT, arn)).toEqual([{ principalType: 'GROUP', principalId: groupId }]);
    const input = await readAuditInput(port, { accountId: MGMT, scope: 'management', managementAccountId: MGMT, security: aSecurity(), identityCenterRegion: REGION, now: Date.now() });
    expect(checkById(buildAuditReport(input), 'identity-center-admin-access')).toMatchObject({ status: 'pass', reason: expect.stringContaining('PlatformAdmin') });
  });
});
