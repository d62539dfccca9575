// The break-glass kind's plan: a `create: true` user that does not exist gets a createBreakGlassUser step
// (orgctl's tags, AdministratorAccess); a user that exists is never changed, but for one orgctl created
// that lacks its policy (an apply stopped between CreateUser and AttachUserPolicy); an unreadable user is
// a plan error; users without `create` are the audit's only.

import { describe, expect, it } from 'vitest';
import { ADMINISTRATOR_ACCESS_POLICY_ARN, BREAK_GLASS_USER_TAGS } from '../../../src/model/break-glass.js';
import type { DesiredBreakGlassUser } from '../../../src/model/desired.js';
import type { LiveBreakGlassUser, LiveOrg } from '../../../src/model/live.js';
import type { Plan } from '../../../src/model/plan.js';
import { planOrg, serializeLiveState } from '../../../src/planner/index.js';
import { parsePlanFile, serializePlan } from '../../../src/render/plan-file.js';
import { countActions } from '../../../src/render/describe-step.js';
import { FAKE_INPUTS } from '../../support/builders.js';
import { breakGlassWorld } from './world.js';

const planFor = (users: readonly DesiredBreakGlassUser[], liveUsers?: readonly LiveBreakGlassUser[]): Plan => {
  const { desired, live } = breakGlassWorld(users, liveUsers);
  return planOrg(desired, live, FAKE_INPUTS);
};

const ORGCTL_TAGS = { ...BREAK_GLASS_USER_TAGS };

describe('createBreakGlassUser', () => {
  it('creates a declared user with create: true that does not exist, tagged, with AdministratorAccess', () => {
    const plan = planFor([{ name: 'break-glass', create: true, at: { line: 4, column: 7 } }], [{ name: 'break-glass', user: null }]);
    expect(plan.steps).toEqual([
      {
        kind: 'createBreakGlassUser',
        address: 'break-glass-user:break-glass',
        reason: 'no such IAM user',
        before: null,
        after: { userName: 'break-glass', tags: { 'managed-by': 'orgctl', 'orgctl:role': 'break-glass' }, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        dependsOn: [],
      },
    ]);
    expect(countActions(plan)).toEqual({ create: 1, update: 0, delete: 0 });
    expect(plan.errors).toEqual([]);
  });

  it('plans nothing for a user that exists, whoever made it, and nothing for users without create', () => {
    expect(planFor([{ name: 'break-glass', create: true }], [{ name: 'break-glass', user: { tags: {}, attachedPolicies: undefined } }]).steps).toEqual([]);
    expect(planFor([{ name: 'break-glass', create: true }], [{ name: 'break-glass', user: { tags: ORGCTL_TAGS, attachedPolicies: [ADMINISTRATOR_ACCESS_POLICY_ARN] } }]).steps).toEqual([]);
    // Without create, nothing is read (no live entry) and nothing planned: the audit checks it.
    expect(planFor([{ name: 'break-glass' }]).steps).toEqual([]);
    expect(planFor([{ name: 'break-glass' }]).errors).toEqual([]);
  });

  it('finishes a creation orgctl started: its tagged user without AdministratorAccess gets the policy', () => {
    const plan = planFor([{ name: 'break-glass', create: true }], [{ name: 'break-glass', user: { tags: ORGCTL_TAGS, attachedPolicies: [] } }]);
    expect(plan.steps.map((s) => [s.kind, s.reason, s.before])).toEqual([
      ['createBreakGlassUser', 'orgctl created this IAM user, but AdministratorAccess is not attached yet', { attachedPolicies: [] }],
    ]);
  });

  it('matches the live user without regard to case (IAM user names ignore it)', () => {
    expect(planFor([{ name: 'Break-Glass', create: true }], [{ name: 'break-glass', user: { tags: {}, attachedPolicies: undefined } }]).steps).toEqual([]);
  });

  it('a user it could not read is a plan error naming it and why, not a step', () => {
    const plan = planFor([{ name: 'break-glass', create: true, at: { line: 4, column: 7 } }], [{ name: 'break-glass', user: null, readError: 'AWS denied GetUser: the credentials lack iam:GetUser' }]);
    expect(plan.steps).toEqual([]);
    expect(plan.errors).toEqual([
      expect.objectContaining({ code: 'break-glass-user-unreadable', address: 'break-glass-user:break-glass', message: expect.stringContaining('iam:GetUser'), source: { line: 4, column: 7 } }),
    ]);
  });

  it('round-trips through the plan file (the plan schema knows the step)', () => {
    const plan = planFor([{ name: 'break-glass', create: true }], [{ name: 'break-glass', user: null }]);
    const parsed = parsePlanFile(serializePlan(plan), 'plan.json');
    expect(parsed.ok && parsed.value.steps).toEqual(plan.steps);
  });

  it('the live users are in the stale-plan fingerprint', () => {
    const { live } = breakGlassWorld([], [{ name: 'break-glass', user: null }]);
    const created: LiveOrg = { ...live, breakGlassUsers: [{ name: 'break-glass', user: { tags: ORGCTL_TAGS, attachedPolicies: [ADMINISTRATOR_ACCESS_POLICY_ARN] } }] };
    expect(serializeLiveState(created)).not.toBe(serializeLiveState(live));
  });
});
