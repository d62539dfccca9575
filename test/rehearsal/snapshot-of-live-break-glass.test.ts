// The rehearsal's copy holds the break-glass users the plan read, so the rehearsal's re-plan finds them
// as AWS has them (an existing user is not planned again; orgctl's half-made one still lacks its policy).

import { describe, expect, it } from 'vitest';
import { createSdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { accessKeyIdFor, startEmulator } from '../../src/emulator/index.js';
import { readBreakGlassUsers } from '../../src/kinds/break-glass/read.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import type { LiveOrg } from '../../src/model/live.js';
import { snapshotOfLive } from '../../src/rehearsal/snapshot-of-live.js';
import { aDesiredOrg, aLiveOrg, MANAGEMENT_ACCOUNT_ID } from '../support/builders.js';

const ORGCTL_TAGS = { 'managed-by': 'orgctl', 'orgctl:role': 'break-glass' };

describe('snapshotOfLive, break-glass users', () => {
  it('copies the users with their tags, and the policies of the ones orgctl created', async () => {
    const breakGlassUsers: LiveOrg['breakGlassUsers'] = [
      { name: 'someone-elses', user: { tags: { owner: 'ops' }, attachedPolicies: undefined } },
      { name: 'half-made', user: { tags: ORGCTL_TAGS, attachedPolicies: [] } },
      { name: 'done', user: { tags: ORGCTL_TAGS, attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::111111111111:policy/Extra'] } },
      { name: 'missing', user: null },
    ];
    const live: LiveOrg = { ...aLiveOrg().withAccount(MANAGEMENT_ACCOUNT_ID, '/').build(), breakGlassUsers };
    const desired: DesiredOrg = {
      ...aDesiredOrg().build(),
      security: { breakGlassUsers: breakGlassUsers.map((u) => ({ name: u.name, create: true as const })), identityCenter: 'optional', alternateContacts: [] },
    };
    const emulator = await startEmulator({ snapshot: snapshotOfLive(live) });
    const port = createSdkPort({ endpoint: emulator.url, credentials: { accessKeyId: accessKeyIdFor(live.callerAccountId), secretAccessKey: 'x' }, rateScale: 1e6 });
    try {
      const read = await readBreakGlassUsers({ port, desired, callerAccountId: live.callerAccountId, observations: {}, tree: Promise.resolve(live), onDiscovered: () => undefined });
      expect(read.breakGlassUsers).toEqual(breakGlassUsers);
    } finally {
      port.destroy();
      await emulator.stop();
    }
  });
});
