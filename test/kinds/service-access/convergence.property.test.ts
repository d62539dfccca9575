// Over random org.yaml sections and random live trusted access and delegations: the plan's steps, run
// in any order dependsOn allows under AWS's rules (test/planner/simulate-plan.ts: no administrator
// without trusted access, no administrator stranded by a disable), converge (the next plan has no
// steps) and leave what org.yaml declares (end-state oracle), and disable or deregister an unlisted
// service only with its prune option.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DesiredOrg } from '../../../src/model/desired.js';
import type { LiveOrg } from '../../../src/model/live.js';
import { planOrg } from '../../../src/planner/index.js';
import { aDesiredOrg, aLiveOrgMatching, FAKE_INPUTS } from '../../support/builders.js';
import { endStateOfLive, expectedEndState, expectEndStateMatches } from '../../support/end-state/index.js';
import { simulatePlan } from '../../planner/simulate-plan.js';

const PRINCIPALS = ['sso.amazonaws.com', 'guardduty.amazonaws.com', 'securityhub.amazonaws.com', 'ram.amazonaws.com'];
const ACCOUNTS = ['222222222222', '333333333333'];

const base = aDesiredOrg().withAccount(ACCOUNTS[0]!).withAccount(ACCOUNTS[1]!).build();
const principals = fc.uniqueArray(fc.constantFrom(...PRINCIPALS));
const delegations = fc.uniqueArray(fc.tuple(fc.constantFrom(...PRINCIPALS), fc.constantFrom(...ACCOUNTS)), { selector: ([p, a]) => `${p}/${a}` });

const worlds = fc
  .record({
    trusted: fc.option(principals, { nil: undefined }),
    delegated: fc.option(fc.dictionary(fc.constantFrom(...PRINCIPALS), fc.uniqueArray(fc.constantFrom(...ACCOUNTS), { minLength: 1 })), { nil: undefined }),
    pruneTrustedServices: fc.boolean(),
    pruneDelegatedAdministrators: fc.boolean(),
    liveTrusted: principals,
    liveDelegated: delegations,
    seed: fc.integer(),
  })
  .map((w) => {
    const desired: DesiredOrg = {
      ...base,
      options: { ...base.options, pruneTrustedServices: w.pruneTrustedServices, pruneDelegatedAdministrators: w.pruneDelegatedAdministrators },
      ...(w.trusted && { trustedServices: w.trusted.map((principal) => ({ principal })) }),
      ...(w.delegated && { delegatedAdministrators: Object.entries(w.delegated).map(([principal, accountIds]) => ({ principal, accountIds })) }),
    };
    const live: LiveOrg = {
      ...aLiveOrgMatching(base).build(),
      trustedServices: w.liveTrusted,
      delegatedAdministrators: w.liveDelegated.map(([principal, accountId]) => ({ principal, accountId })),
    };
    return { desired, live, seed: w.seed };
  });

describe('service access: plan properties', () => {
  it('disables and deregisters an unlisted service only with its prune option', () => {
    fc.assert(
      fc.property(worlds, ({ desired, live }) => {
        const listedTrusted = new Set(desired.trustedServices?.map((s) => s.principal));
        const listedDelegated = new Set(desired.delegatedAdministrators?.map((d) => d.principal));
        for (const step of planOrg(desired, live, FAKE_INPUTS).steps) {
          if (step.kind === 'disableServiceAccess') {
            expect(desired.options.pruneTrustedServices).toBe(true);
            expect(listedTrusted.has(step.before.servicePrincipal)).toBe(false);
          }
          if (step.kind === 'deregisterDelegatedAdministrator' && !listedDelegated.has(step.before.servicePrincipal)) expect(desired.options.pruneDelegatedAdministrators).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a plan without errors, whose registrations have trusted access, converges and leaves what org.yaml declares', () => {
    let checked = 0;
    fc.assert(
      fc.property(worlds, ({ desired, live, seed }) => {
        const plan = planOrg(desired, live, FAKE_INPUTS);
        // Registering for a service without trusted access fails in AWS as in the simulation; the plan warns.
        fc.pre(plan.errors.length === 0 && !plan.warnings.some((w) => w.code === 'trusted-service-not-enabled'));
        const after = simulatePlan(live, plan, seed);
        expect(planOrg(desired, after, FAKE_INPUTS).steps).toEqual([]);
        expectEndStateMatches(endStateOfLive(after), expectedEndState(desired, endStateOfLive(live)));
        checked += 1;
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});
