// The end-state oracle's service-access kind reports each way the end state can break org.yaml's
// promises (so it can fail), and nothing for a world that keeps them.

import { describe, expect, it } from 'vitest';
import type { DesiredOptions, DesiredOrg } from '../../../src/model/desired.js';
import type { LiveDelegatedAdministrator, LiveOrg } from '../../../src/model/live.js';
import { aDesiredOrg, aLiveOrg, MANAGEMENT_ACCOUNT_ID as MGMT } from '../builders.js';
import { compareEndState, endStateOfLive, expectedEndState } from './index.js';

const A = '111111111111';
const B = '222222222222';

function declared(options: Partial<DesiredOptions> = {}, sections: Pick<DesiredOrg, 'trustedServices' | 'delegatedAdministrators'> | null = null): DesiredOrg {
  const desired = aDesiredOrg().withAccount(MGMT).withAccount(A).withAccount(B).withOptions(options).build();
  return {
    ...desired,
    ...(sections ?? {
      trustedServices: [{ principal: 'guardduty.amazonaws.com' }],
      delegatedAdministrators: [{ principal: 'guardduty.amazonaws.com', accountIds: [A] }],
    }),
  };
}

function world(trusted: readonly string[], delegated: readonly LiveDelegatedAdministrator[]): LiveOrg {
  return { ...aLiveOrg().withAccount(MGMT).withAccount(A).withAccount(B).build(), trustedServices: trusted, delegatedAdministrators: delegated };
}

const KEPT = world(['guardduty.amazonaws.com'], [{ principal: 'guardduty.amazonaws.com', accountId: A }]);
const mismatchesOf = (desired: DesiredOrg, before: LiveOrg, after: LiveOrg) => compareEndState(endStateOfLive(after), expectedEndState(desired, endStateOfLive(before))).mismatches;

describe('end-state oracle: service access', () => {
  it('a world that is what org.yaml declares: nothing to report', () => {
    expect(mismatchesOf(declared(), world([], []), KEPT)).toEqual([]);
  });

  const extra = world(['guardduty.amazonaws.com', 'ram.amazonaws.com'], [
    { principal: 'guardduty.amazonaws.com', accountId: A },
    { principal: 'macie.amazonaws.com', accountId: B },
  ]);
  const cases: { name: string; desired?: DesiredOrg; before?: LiveOrg; after: LiveOrg; report: string[] }[] = [
    { name: 'a listed service without trusted access', after: world([], [{ principal: 'guardduty.amazonaws.com', accountId: A }]), report: ['[service access] guardduty.amazonaws.com: in trustedServices, but has no trusted access'] },
    {
      name: 'a listed service with another administrator',
      after: world(['guardduty.amazonaws.com'], [{ principal: 'guardduty.amazonaws.com', accountId: B }]),
      report: [`[service access] guardduty.amazonaws.com: delegated administrators are ["${B}"], org.yaml lists ["${A}"]`],
    },
    { name: 'a service enabled by the apply, not listed', after: world(['guardduty.amazonaws.com', 'sso.amazonaws.com'], KEPT.delegatedAdministrators!), report: ['[service access] sso.amazonaws.com: enabled by the apply, though not in trustedServices'] },
    { name: 'an extra service disabled without pruneTrustedServices', before: extra, after: world(['guardduty.amazonaws.com'], extra.delegatedAdministrators!), report: ['[service access] ram.amazonaws.com: trusted access disabled although pruneTrustedServices is off'] },
    {
      name: 'an extra service kept with pruneTrustedServices',
      desired: declared({ pruneTrustedServices: true }),
      before: extra,
      after: extra,
      report: ['[service access] ram.amazonaws.com: not in trustedServices and pruneTrustedServices is on, yet it keeps trusted access'],
    },
    { name: 'an unlisted administrator deregistered without the prune option', before: extra, after: world(extra.trustedServices!, [{ principal: 'guardduty.amazonaws.com', accountId: A }]), report: [`[service access] macie.amazonaws.com ${B}: deregistered although pruneDelegatedAdministrators is off and its service is not listed`] },
    { name: 'an unlisted administrator kept with the prune option', desired: declared({ pruneDelegatedAdministrators: true }), before: extra, after: extra, report: [`[service access] macie.amazonaws.com ${B}: its service is not in delegatedAdministrators and pruneDelegatedAdministrators is on, yet it is still registered`] },
    { name: 'sections absent: anything changed is reported', desired: declared({}, {}), before: extra, after: KEPT, report: [
      `[service access] delegatedAdministrators not in org.yaml, yet they changed from ["guardduty.amazonaws.com ${A}","macie.amazonaws.com ${B}"] to ["guardduty.amazonaws.com ${A}"]`,
      '[service access] trustedServices not in org.yaml, yet trusted access changed from ["guardduty.amazonaws.com","ram.amazonaws.com"] to ["guardduty.amazonaws.com"]',
    ] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(mismatchesOf(c.desired ?? declared(), c.before ?? KEPT, c.after)).toEqual(c.report);
    });
  }
});
