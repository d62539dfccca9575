// A desired and live organization that differ only in break-glass users, for the kind's tests.

import type { DesiredBreakGlassUser, DesiredOrg } from '../../../src/model/desired.js';
import type { LiveBreakGlassUser, LiveOrg } from '../../../src/model/live.js';
import { aDesiredOrg, aLiveOrgMatching } from '../../support/builders.js';

export function breakGlassWorld(users: readonly DesiredBreakGlassUser[], liveUsers: readonly LiveBreakGlassUser[] | undefined): { desired: DesiredOrg; live: LiveOrg } {
  const base = aDesiredOrg().build();
  const desired: DesiredOrg = { ...base, security: { breakGlassUsers: users, identityCenter: 'optional', alternateContacts: [] } };
  const live: LiveOrg = { ...aLiveOrgMatching(base).build(), ...(liveUsers && { breakGlassUsers: liveUsers }) };
  return { desired, live };
}
