// Alternate contacts are reconciled: the planner's putAlternateContact step (not set → create,
// differs → update, the same → nothing), its warnings and errors, its place in the plan file, and
// how declared contacts enter the live-state hash (and the audit never does).

import { describe, expect, it } from 'vitest';
import type { Plan, PutAlternateContactStep } from '../../src/model/plan.js';
import { actionOf, actionOfStep } from '../../src/kinds/registry.js';
import type { DesiredAlternateContact, DesiredOrg } from '../../src/model/desired.js';
import type { LiveAlternateContact, LiveOrg } from '../../src/model/live.js';
import { planOrg, serializeLiveState } from '../../src/planner/index.js';
import { parsePlanFile, serializePlan } from '../../src/render/plan-file.js';
import { countActions, describeStep } from '../../src/render/describe-step.js';
import { aDesiredOrg, aLiveOrgMatching, FAKE_INPUTS } from '../support/builders.js';
import { aSecurity } from './support.js';

const SET = { type: 'SECURITY' as const, name: 'Security team', title: 'CISO', email: 'security@example.com', phone: '+1 555 0100' };

function world(declared: readonly DesiredAlternateContact[], live: readonly LiveAlternateContact[] | undefined): { desired: DesiredOrg; live: LiveOrg } {
  const base = aDesiredOrg().withAccount('123456789012').build();
  const desired: DesiredOrg = { ...base, security: aSecurity({ alternateContacts: declared }) };
  const liveOrg = aLiveOrgMatching(base).build();
  return { desired, live: live === undefined ? liveOrg : { ...liveOrg, alternateContacts: live } };
}

const planFor = (declared: readonly DesiredAlternateContact[], live: readonly LiveAlternateContact[] | undefined): Plan => {
  const w = world(declared, live);
  return planOrg(w.desired, w.live, FAKE_INPUTS);
};

describe('putAlternateContact steps', () => {
  it('not set in AWS, all four fields declared: a create', () => {
    const plan = planFor([{ ...SET, at: { line: 10, column: 5 } }], [{ type: 'SECURITY', contact: null }]);
    expect(plan.steps).toEqual([
      { kind: 'putAlternateContact', address: 'alternate-contact:security', reason: 'not set in AWS', before: null, after: SET, dependsOn: [] },
    ]);
    expect(actionOfStep(plan.steps[0]!)).toBe('create');
    expect(countActions(plan)).toEqual({ create: 1, update: 0, delete: 0 });
  });

  it('a declared field differs: an update that keeps the fields org.yaml leaves out', () => {
    const plan = planFor([{ type: 'SECURITY', email: 'secops@example.com' }], [{ type: 'SECURITY', contact: SET }]);
    const step = plan.steps[0] as PutAlternateContactStep;
    expect(step).toMatchObject({ kind: 'putAlternateContact', reason: 'email differs from org.yaml', before: SET, after: { ...SET, email: 'secops@example.com' } });
    expect(actionOfStep(step)).toBe('update');
    expect(actionOf('putAlternateContact')).toBe('update');
    expect(describeStep(step).details).toEqual(['email: "security@example.com" → "secops@example.com"', 'name: "Security team"', 'title: "CISO"', 'phone: "+1 555 0100"']);
  });

  it('the same contact (email in another case, undeclared fields anything): no step', () => {
    expect(planFor([{ type: 'SECURITY', email: 'SECURITY@example.com', title: 'CISO' }], [{ type: 'SECURITY', contact: SET }]).steps).toEqual([]);
  });

  it('several contacts: one step each, in security, billing, operations order', () => {
    const plan = planFor(
      [
        { ...SET },
        { type: 'BILLING', email: 'billing@example.com' },
        { type: 'OPERATIONS', email: 'ops@example.com', name: 'Ops', title: 'SRE', phone: '+1' },
      ],
      [
        { type: 'SECURITY', contact: { ...SET, phone: '+1 555 0000' } },
        { type: 'BILLING', contact: { ...SET, type: 'BILLING', email: 'old@example.com' } },
        { type: 'OPERATIONS', contact: null },
      ],
    );
    expect(plan.steps.map((s) => [s.address, s.reason])).toEqual([
      ['alternate-contact:security', 'phone differs from org.yaml'],
      ['alternate-contact:billing', 'email differs from org.yaml'],
      ['alternate-contact:operations', 'not set in AWS'],
    ]);
  });

  it('not set, and org.yaml lacks name, title or phone: a warning at the contact, and no step (orgctl invents no details)', () => {
    const plan = planFor([{ type: 'BILLING', email: 'billing@example.com', name: 'Bill', at: { line: 12, column: 5 } }], [{ type: 'BILLING', contact: null }]);
    expect(plan.steps).toEqual([]);
    expect(plan.warnings).toEqual([
      {
        code: 'alternate-contact-incomplete',
        message: 'the billing alternate contact is not set in AWS, and AWS needs title, phone to set it: add `title`, `phone` to security.alternateContacts.billing in org.yaml.',
        address: 'alternate-contact:billing',
        source: { line: 12, column: 5 },
      },
    ]);
  });

  it('a contact that could not be read: a plan error, nothing planned for it', () => {
    const plan = planFor([{ ...SET }], [{ type: 'SECURITY', contact: null, readError: 'AWS denied GetAlternateContact: the credentials lack account:GetAlternateContact' }]);
    expect(plan.steps).toEqual([]);
    expect(plan.errors).toEqual([
      {
        code: 'alternate-contact-unreadable',
        message: 'could not read the security alternate contact (AWS denied GetAlternateContact: the credentials lack account:GetAlternateContact), so the plan cannot compare or set it.',
        address: 'alternate-contact:security',
      },
    ]);
  });

  it('no contacts declared: nothing about contacts, whatever AWS has', () => {
    const plan = planFor([], [{ type: 'SECURITY', contact: null }]);
    expect(plan.steps).toEqual([]);
    expect(plan.warnings.concat(plan.errors)).toEqual([]);
  });
});

describe('the plan file with contacts and an audit', () => {
  it('round-trips a putAlternateContact step and an audit through the plan schema', () => {
    const plan: Plan = {
      ...planFor([{ ...SET }], [{ type: 'SECURITY', contact: { ...SET, title: 'Old' } }]),
      audit: {
        accountId: '123456789012',
        checks: [{ id: 'root-mfa', title: 'Root user has an MFA device', severity: 'required', status: 'fail', reason: 'r', remedy: 'd', source: { line: 1, column: 1 } }],
        runbook: 'docs/root-credentials.md',
      },
    };
    const parsed = parsePlanFile(serializePlan(plan), 'plan.json');
    expect(parsed).toEqual({ ok: true, value: JSON.parse(JSON.stringify(plan)) });
  });

  it('refuses a putAlternateContact step missing a field, and an audit check with an unknown status', () => {
    const plan = planFor([{ ...SET }], [{ type: 'SECURITY', contact: null }]);
    const { phone: _phone, ...withoutPhone } = SET;
    const broken = { ...plan, steps: [{ ...plan.steps[0], after: withoutPhone }] };
    expect(parsePlanFile(JSON.stringify(broken), 'plan.json')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/phone/) }] });
    const badAudit = { ...plan, audit: { accountId: '123456789012', runbook: 'x', checks: [{ id: 'a', title: 't', severity: 'required', status: 'maybe', reason: 'r' }] } };
    expect(parsePlanFile(JSON.stringify(badAudit), 'plan.json').ok).toBe(false);
  });
});

describe('the live-state hash', () => {
  it('is unchanged for an organization read without contacts (plans of files without them hash as before)', () => {
    const { live } = world([], undefined);
    expect(serializeLiveState(live)).not.toContain('alternateContacts');
  });

  it('changes when a declared contact changes in AWS, so a saved plan goes stale', () => {
    const before = world([SET], [{ type: 'SECURITY', contact: SET }]).live;
    const after = world([SET], [{ type: 'SECURITY', contact: { ...SET, phone: '+1 555 9999' } }]).live;
    expect(serializeLiveState(before)).not.toBe(serializeLiveState(after));
    expect(serializeLiveState(before)).toBe(serializeLiveState(world([SET], [{ type: 'SECURITY', contact: SET }]).live));
  });
});
