// The rehearsal's copy holds Identity Center as the plan read it: the instance, the permission sets, the
// groups and users org.yaml names and their assignments, so the rehearsal's re-plan finds them as AWS
// has them (an existing assignment is not planned again; a new one finds its group).

import { describe, expect, it } from 'vitest';
import { createSdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { accessKeyIdFor, startEmulator } from '../../src/emulator/index.js';
import { readIdentityCenter } from '../../src/kinds/identity-center/read.js';
import type { LiveOrg } from '../../src/model/live.js';
import { snapshotOfLive } from '../../src/rehearsal/snapshot-of-live.js';
import { desiredOf, HEADER, yamlDoc } from '../config/support.js';
import { aLiveOrgMatching } from '../support/builders.js';

const REGION = 'eu-west-1';
const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-1111111111111111';
const SET_ARN = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-aaaaaaaaaaaaaaaa';
const GROUP_ID = '90670000-0000-7000-8000-000000000001';
const USER_ID = '90670000-0000-7000-8000-000000000002';

describe('snapshotOfLive, Identity Center', () => {
  it('copies the permission sets, the named groups and users, and their assignments', async () => {
    const desired = desiredOf(
      yamlDoc(
        ...HEADER,
        '    Team:',
        '      accounts: ["111111111111", "123456789012"]',
        'identityCenter:',
        `  region: ${REGION}`,
        '  permissionSets:',
        '    Admin: { managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }',
        '  assignments:',
        '    - group: Admins',
        '      permissionSet: Admin',
        '      accounts: ["111111111111"]',
        '    - user: alice@example.com',
        '      permissionSet: Admin',
        '      accounts: ["111111111111"]',
      ),
    );
    const base = aLiveOrgMatching(desired).build();
    const live: LiveOrg = {
      ...base,
      identityCenterPermissionSets: {
        region: REGION,
        instance: { region: REGION, instanceArn: INSTANCE_ARN },
        permissionSets: [
          {
            arn: SET_ARN,
            name: 'Admin',
            description: undefined,
            sessionDuration: 'PT1H',
            managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
            customerManagedPolicies: [],
            inlinePolicy: undefined,
            // org.yaml declares neither a boundary nor tags for Admin: plan reads neither.
            provisionedAccountIds: ['111111111111'],
          },
        ],
      },
      identityCenterAccess: {
        region: REGION,
        instance: { instanceArn: INSTANCE_ARN, identityStoreId: 'd-1111111111' },
        permissionSets: [{ name: 'Admin', arn: SET_ARN }],
        principals: [
          { type: 'GROUP', name: 'Admins', id: GROUP_ID },
          { type: 'USER', name: 'alice@example.com', id: USER_ID },
        ],
        assignments: [{ accountId: '111111111111', permissionSetArn: SET_ARN, principalType: 'GROUP', principalId: GROUP_ID }],
      },
    };
    const emulator = await startEmulator({ snapshot: snapshotOfLive(live) });
    const port = createSdkPort({ endpoint: emulator.url, credentials: { accessKeyId: accessKeyIdFor(live.callerAccountId), secretAccessKey: 'x' }, rateScale: 1e6 });
    try {
      const read = await readIdentityCenter({ port, desired, callerAccountId: live.callerAccountId, observations: {}, tree: Promise.resolve(live), onDiscovered: () => undefined });
      expect(read).toEqual({ identityCenterPermissionSets: live.identityCenterPermissionSets, identityCenterAccess: live.identityCenterAccess });
    } finally {
      port.destroy();
      await emulator.stop();
    }
  });
});
