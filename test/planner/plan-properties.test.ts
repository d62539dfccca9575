// Properties of every plan, over random desired and live organizations:
// - dependsOn only points backwards, and only where AWS or orgctl's promises need it;
// - deletions only with the prune options, and only of budgets orgctl created;
// - carrying out the steps, in any order dependsOn allows, under AWS's rules, converges:
//   the plan for the result has no steps, and (end-state oracle, test/support/end-state) the result is
//   what org.yaml declares, checked field by field without the planner.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOrgRules } from '../../src/config/rules/index.js';
import { MANAGED_BUDGET_TAG } from '../../src/model/live.js';
import type { PlanStep, StepKind } from '../../src/model/plan.js';
import { planOrg } from '../../src/planner/index.js';
import { FAKE_INPUTS } from '../support/builders.js';
import { endStateOfLive, expectedEndState, expectEndStateMatches, LIVE_ORG_GAPS } from '../support/end-state/index.js';
import { applicableTo, desiredOrgs, liveOrgs } from './arbitraries.js';
import { simulatePlan } from './simulate-plan.js';

/** The only reasons one step may wait for another. */
const MAY_DEPEND_ON: Readonly<Record<StepKind, readonly StepKind[]>> = {
  createOrganization: [],
  renameOrganizationalUnit: ['renameOrganizationalUnit'],
  createOrganizationalUnit: ['createOrganization', 'renameOrganizationalUnit', 'createOrganizationalUnit'],
  moveAccount: ['createOrganization', 'renameOrganizationalUnit', 'createOrganizationalUnit', 'createAccount'],
  deleteOrganizationalUnit: ['renameOrganizationalUnit', 'moveAccount', 'deleteOrganizationalUnit'],
  createBudget: [],
  updateBudget: [],
  deleteBudget: [],
  updateNotification: [],
  createNotification: ['deleteNotification'],
  deleteNotification: [],
  createSubscriber: ['updateNotification', 'deleteSubscriber'],
  deleteSubscriber: ['updateNotification', 'createSubscriber'],
  putAlternateContact: [],
  untagResource: [],
  tagResource: ['untagResource'],
  createAccount: ['createOrganization'],
  renameAccount: [],
  closeAccount: ['moveAccount'],
  enablePolicyType: ['createOrganization'],
  createPolicy: ['enablePolicyType'],
  updatePolicy: [],
  deletePolicy: ['detachPolicy'],
  attachPolicy: ['createOrganization', 'createOrganizationalUnit', 'renameOrganizationalUnit', 'enablePolicyType', 'createPolicy'],
  detachPolicy: ['createOrganization', 'createOrganizationalUnit', 'renameOrganizationalUnit', 'attachPolicy'],
  enableServiceAccess: [],
  deregisterDelegatedAdministrator: [],
  registerDelegatedAdministrator: ['enableServiceAccess', 'deregisterDelegatedAdministrator'],
  disableServiceAccess: ['deregisterDelegatedAdministrator'],
  createBreakGlassUser: [],
  createPermissionSet: [],
  updatePermissionSet: [],
  deletePermissionSet: [],
  provisionPermissionSet: ['updatePermissionSet'],
  createGroup: [],
  createAccountAssignment: ['createGroup', 'createAccount'],
  deleteAccountAssignment: [],
};

const budgetOf = (step: PlanStep): string | undefined => ('budgetName' in step ? step.budgetName : undefined);

describe('plan properties', () => {
  it('dependsOn points backwards, only between steps that need each other', () => {
    fc.assert(
      fc.property(desiredOrgs, liveOrgs, (desired, live) => {
        const { steps } = planOrg(desired, live, FAKE_INPUTS);
        steps.forEach((step, index) => {
          expect(step.dependsOn).toEqual([...new Set(step.dependsOn)].sort((a, b) => a - b));
          for (const d of step.dependsOn) {
            expect(d).toBeLessThan(index);
            const dependency = steps[d]!;
            expect(MAY_DEPEND_ON[step.kind]).toContain(dependency.kind);
            expect(budgetOf(dependency)).toBe(budgetOf(step));
            if (step.kind === 'createSubscriber' || step.kind === 'deleteSubscriber') {
              expect(dependency.address.startsWith(`budget:${step.budgetName}/notification:`)).toBe(true);
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('deletes only with the prune options, and only budgets tagged managed-by=orgctl', () => {
    fc.assert(
      fc.property(desiredOrgs, liveOrgs, (desired, live) => {
        const { steps } = planOrg(desired, live, FAKE_INPUTS);
        for (const step of steps) {
          if (step.kind === 'deleteOrganizationalUnit') expect(desired.options.pruneOrganizationalUnits).toBe(true);
          if (step.kind === 'deleteBudget') {
            expect(desired.options.pruneBudgets).toBe(true);
            expect(live.budgets.find((b) => b.name === step.before.name)?.tags?.[MANAGED_BUDGET_TAG.key]).toBe(MANAGED_BUDGET_TAG.value);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('applying the steps in any order dependsOn allows converges: the next plan has no steps', () => {
    fc.assert(
      fc.property(desiredOrgs, liveOrgs, fc.integer(), (desired, live, seed) => {
        const plan = planOrg(desired, live, FAKE_INPUTS);
        const after = simulatePlan(live, plan, seed);
        expect(planOrg(desired, after, FAKE_INPUTS).steps).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('applying a plan without errors leaves what org.yaml declares, read without the planner (end-state oracle)', () => {
    let checked = 0;
    fc.assert(
      fc.property(desiredOrgs, liveOrgs, fc.integer(), (generated, live, seed) => {
        const desired = applicableTo(live, generated);
        expect(checkOrgRules(desired, 'org.yaml')).toEqual([]);
        const plan = planOrg(desired, live, FAKE_INPUTS);
        fc.pre(plan.errors.length === 0);
        const after = simulatePlan(live, plan, seed);
        expectEndStateMatches(endStateOfLive(after), expectedEndState(desired, endStateOfLive(live)), { knownGaps: [LIVE_ORG_GAPS.budgetTags] });
        checked += 1;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBe(300);
  });
});
