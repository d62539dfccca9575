// Trusted access and delegated administrators: which steps the plan makes, in which order, and what
// it reports instead of changing (no prune option), refuses (a disable that would strand a delegated
// administrator) or cannot do (an account outside the organization).

import { describe, expect, it } from 'vitest';
import type { DesiredDelegatedAdministrators, DesiredOptions, DesiredOrg } from '../../../src/model/desired.js';
import type { LiveDelegatedAdministrator, LiveOrg } from '../../../src/model/live.js';
import type { Plan } from '../../../src/model/plan.js';
import { planOrg, serializeLiveState } from '../../../src/planner/index.js';
import { parsePlanFile, serializePlan } from '../../../src/render/plan-file.js';
import { countActions, describeStep } from '../../../src/render/describe-step.js';
import { aDesiredOrg, aLiveOrgMatching, FAKE_INPUTS } from '../../support/builders.js';

const SECURITY = '333333333333';
const LOGS = '444444444444';

interface World {
  trusted?: readonly string[];
  delegated?: Readonly<Record<string, readonly string[]>>;
  options?: Partial<DesiredOptions>;
  liveTrusted?: readonly string[];
  liveDelegated?: readonly LiveDelegatedAdministrator[];
}

function world(w: World): { desired: DesiredOrg; live: LiveOrg } {
  const base = aDesiredOrg()
    .withAccount(SECURITY)
    .withAccount(LOGS)
    .withOptions(w.options ?? {})
    .build();
  const delegatedAdministrators: DesiredDelegatedAdministrators[] | undefined =
    w.delegated && Object.entries(w.delegated).map(([principal, accountIds]) => ({ principal, accountIds, at: { line: 7, column: 5 } }));
  const desired: DesiredOrg = {
    ...base,
    ...(w.trusted && { trustedServices: w.trusted.map((principal) => ({ principal })) }),
    ...(delegatedAdministrators && { delegatedAdministrators }),
  };
  const live: LiveOrg = {
    ...aLiveOrgMatching(base).build(),
    ...(w.liveTrusted && { trustedServices: w.liveTrusted }),
    ...(w.liveDelegated && { delegatedAdministrators: w.liveDelegated }),
  };
  return { desired, live };
}

const planFor = (w: World): Plan => {
  const { desired, live } = world(w);
  return planOrg(desired, live, FAKE_INPUTS);
};

const summary = (plan: Plan): string[] => plan.steps.map((s) => `${s.kind} ${s.address} <- [${s.dependsOn.join(',')}]`);

describe('trusted access', () => {
  it('enables the listed services AWS has not enabled, and nothing without the section', () => {
    const plan = planFor({ trusted: ['sso.amazonaws.com', 'account.amazonaws.com'], liveTrusted: ['account.amazonaws.com'] });
    expect(plan.steps).toEqual([
      {
        kind: 'enableServiceAccess',
        address: 'trusted-access:sso.amazonaws.com',
        reason: 'in organization.trustedServices, not enabled in AWS',
        before: null,
        after: { servicePrincipal: 'sso.amazonaws.com' },
        dependsOn: [],
      },
    ]);
    expect(countActions(plan)).toEqual({ create: 1, update: 0, delete: 0 });
    expect(planFor({ liveTrusted: ['account.amazonaws.com'] }).steps).toEqual([]);
  });

  it('reports services enabled in AWS but not listed, and disables them only with pruneTrustedServices', () => {
    const kept = planFor({ trusted: ['sso.amazonaws.com'], liveTrusted: ['sso.amazonaws.com', 'ram.amazonaws.com'] });
    expect(kept.steps).toEqual([]);
    expect(kept.warnings).toEqual([
      {
        code: 'trusted-service-not-declared',
        message: '1 service has trusted access but is not in organization.trustedServices, and keeps it because pruneTrustedServices is off: ram.amazonaws.com.',
      },
    ]);
    const pruned = planFor({ trusted: ['sso.amazonaws.com'], liveTrusted: ['sso.amazonaws.com', 'ram.amazonaws.com'], options: { pruneTrustedServices: true }, liveDelegated: [] });
    expect(summary(pruned)).toEqual(['disableServiceAccess trusted-access:ram.amazonaws.com <- []']);
    expect(pruned.steps[0]!.reason).toBe('not in organization.trustedServices and pruneTrustedServices is on');
    expect(countActions(pruned)).toEqual({ create: 0, update: 0, delete: 1 });
  });

  it('refuses to disable trusted access for a service org.yaml still gives a delegated administrator', () => {
    const plan = planFor({
      trusted: [],
      delegated: { 'securityhub.amazonaws.com': [SECURITY] },
      liveTrusted: ['securityhub.amazonaws.com'],
      liveDelegated: [{ principal: 'securityhub.amazonaws.com', accountId: SECURITY }],
      options: { pruneTrustedServices: true },
    });
    expect(plan.steps).toEqual([]);
    expect(plan.errors).toEqual([
      {
        code: 'trusted-service-still-delegated',
        message: `refusing to disable trusted access for securityhub.amazonaws.com: organization.delegatedAdministrators still lists ${SECURITY} for it. Add it to organization.trustedServices, or remove its delegated administrators.`,
        address: 'trusted-access:securityhub.amazonaws.com',
        source: { line: 7, column: 5 },
      },
    ]);
  });

  it('refuses to disable a service whose administrators in AWS stay (not deregistered by this plan)', () => {
    const plan = planFor({
      trusted: [],
      liveTrusted: ['guardduty.amazonaws.com'],
      liveDelegated: [{ principal: 'guardduty.amazonaws.com', accountId: SECURITY }],
      options: { pruneTrustedServices: true },
    });
    expect(plan.steps).toEqual([]);
    expect(plan.errors.map((e) => e.code)).toEqual(['trusted-service-still-delegated']);
    expect(plan.errors[0]!.message).toContain(`${SECURITY} is still its delegated administrator in AWS`);
  });

  it('deregisters before disabling when both prune options are on', () => {
    const plan = planFor({
      trusted: [],
      delegated: {},
      liveTrusted: ['guardduty.amazonaws.com'],
      liveDelegated: [{ principal: 'guardduty.amazonaws.com', accountId: SECURITY }],
      options: { pruneTrustedServices: true, pruneDelegatedAdministrators: true },
    });
    expect(summary(plan)).toEqual([
      `deregisterDelegatedAdministrator delegated-administrator:guardduty.amazonaws.com/${SECURITY} <- []`,
      'disableServiceAccess trusted-access:guardduty.amazonaws.com <- [0]',
    ]);
  });

  it('says, for each service enabled or disabled, what AWS documents about doing it through the service', () => {
    const plan = planFor({ trusted: ['sso.amazonaws.com', 'wellarchitected.amazonaws.com'], liveTrusted: ['ram.amazonaws.com'], liveDelegated: [], options: { pruneTrustedServices: true } });
    const details = plan.steps.map((s) => describeStep(s));
    expect(details.map((d) => d.title)).toEqual([
      'trusted access for sso.amazonaws.com',
      'trusted access for wellarchitected.amazonaws.com',
      'trusted access for ram.amazonaws.com',
    ]);
    expect(details[0]!.details).toEqual([
      'AWS recommends enabling it through the service: IAM Identity Center enables it when you enable Identity Center in its console, which also creates the instance.',
    ]);
    expect(details[1]!.details[0]).toMatch(/^AWS recommends enabling trusted access from the service's own console or API/);
    expect(details[2]!.details[0]).toMatch(/^AWS strongly recommends disabling trusted access from the service's own console or API.* For this service: AWS RAM enables it with EnableSharingWithAwsOrganization/);
  });
});

describe('delegated administrators', () => {
  it('registers after enabling trusted access for the service, in one plan', () => {
    const plan = planFor({ trusted: ['securityhub.amazonaws.com'], delegated: { 'securityhub.amazonaws.com': [SECURITY] }, liveTrusted: [], liveDelegated: [] });
    expect(summary(plan)).toEqual([
      'enableServiceAccess trusted-access:securityhub.amazonaws.com <- []',
      `registerDelegatedAdministrator delegated-administrator:securityhub.amazonaws.com/${SECURITY} <- [0]`,
    ]);
    expect(plan.steps[1]).toMatchObject({ before: null, after: { servicePrincipal: 'securityhub.amazonaws.com', accountId: SECURITY } });
  });

  it('a listed service gets exactly its listed accounts: another account is deregistered first, without the prune option', () => {
    const plan = planFor({
      delegated: { 'securityhub.amazonaws.com': [LOGS] },
      liveTrusted: ['securityhub.amazonaws.com'],
      liveDelegated: [{ principal: 'securityhub.amazonaws.com', accountId: SECURITY }],
    });
    expect(summary(plan)).toEqual([
      `deregisterDelegatedAdministrator delegated-administrator:securityhub.amazonaws.com/${SECURITY} <- []`,
      `registerDelegatedAdministrator delegated-administrator:securityhub.amazonaws.com/${LOGS} <- [0]`,
    ]);
    expect(plan.steps[0]!.reason).toBe(`organization.delegatedAdministrators lists ${LOGS} for this service, not this account`);
  });

  it('administrators of services not listed are reported, and deregistered only with pruneDelegatedAdministrators', () => {
    const live = { liveTrusted: ['guardduty.amazonaws.com'], liveDelegated: [{ principal: 'guardduty.amazonaws.com', accountId: SECURITY }] };
    const kept = planFor({ ...live, delegated: {} });
    expect(kept.steps).toEqual([]);
    expect(kept.warnings.map((w) => w.message)).toEqual([
      `1 delegated administrator of services not in organization.delegatedAdministrators is kept because pruneDelegatedAdministrators is off: ${SECURITY} (guardduty.amazonaws.com).`,
    ]);
    const pruned = planFor({ ...live, delegated: {}, options: { pruneDelegatedAdministrators: true } });
    expect(summary(pruned)).toEqual([`deregisterDelegatedAdministrator delegated-administrator:guardduty.amazonaws.com/${SECURITY} <- []`]);
    expect(pruned.steps[0]!.reason).toBe('service not in organization.delegatedAdministrators and pruneDelegatedAdministrators is on');
  });

  it('warns when the service has no trusted access and the plan does not enable it', () => {
    const plan = planFor({ delegated: { 'guardduty.amazonaws.com': [SECURITY] }, liveTrusted: [], liveDelegated: [] });
    expect(plan.steps.map((s) => s.kind)).toEqual(['registerDelegatedAdministrator']);
    expect(plan.warnings.map((w) => w.code)).toEqual(['trusted-service-not-enabled']);
  });

  it('an account outside the organization is an error, not a step', () => {
    const plan = planFor({ delegated: { 'guardduty.amazonaws.com': ['999999999999'] }, liveTrusted: ['guardduty.amazonaws.com'], liveDelegated: [] });
    expect(plan.steps).toEqual([]);
    expect(plan.errors.map((e) => e.code)).toEqual(['delegated-administrator-not-member']);
  });

  it('nothing to do when AWS matches org.yaml', () => {
    const plan = planFor({
      trusted: ['guardduty.amazonaws.com'],
      delegated: { 'guardduty.amazonaws.com': [SECURITY, LOGS] },
      liveTrusted: ['guardduty.amazonaws.com'],
      liveDelegated: [
        { principal: 'guardduty.amazonaws.com', accountId: LOGS },
        { principal: 'guardduty.amazonaws.com', accountId: SECURITY },
      ],
    });
    expect(plan.steps).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('waits for the organization: a plan that creates it plans no service access yet', () => {
    const { desired, live } = world({ trusted: ['sso.amazonaws.com'] });
    const plan = planOrg(desired, { ...live, organization: null, root: null, ous: [], accounts: [] }, FAKE_INPUTS);
    expect(plan.steps.map((s) => s.kind)).not.toContain('enableServiceAccess');
    expect(plan.warnings.map((w) => w.code)).toContain('service-access-after-organization');
  });
});

describe('in the plan file and the live-state hash', () => {
  it('every step kind round-trips through the plan file (schema-valid)', () => {
    const plan = planFor({
      trusted: ['securityhub.amazonaws.com'],
      delegated: { 'securityhub.amazonaws.com': [LOGS] },
      liveTrusted: ['ram.amazonaws.com'],
      liveDelegated: [{ principal: 'ram.amazonaws.com', accountId: SECURITY }],
      options: { pruneTrustedServices: true, pruneDelegatedAdministrators: true },
    });
    expect(plan.steps.map((s) => s.kind).sort()).toEqual(['deregisterDelegatedAdministrator', 'disableServiceAccess', 'enableServiceAccess', 'registerDelegatedAdministrator']);
    const parsed = parsePlanFile(serializePlan(plan), 'plan.json');
    expect(parsed).toEqual({ ok: true, value: plan });
  });

  it('the hash covers what was read, and is unchanged for files that manage neither', () => {
    const { live } = world({});
    expect(serializeLiveState({ ...live, trustedServices: ['sso.amazonaws.com'] })).not.toBe(serializeLiveState({ ...live, trustedServices: [] }));
    expect(serializeLiveState(live)).not.toContain('trustedServices');
    expect(serializeLiveState(live)).not.toContain('delegatedAdministrators');
  });
});
