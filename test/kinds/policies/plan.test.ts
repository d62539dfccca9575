// The policies kind's planner against planOrg: what it creates, changes, attaches and detaches, in
// which order, and what it leaves alone.

import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../../src/config/parse-org-yaml.js';
import type { DesiredOrg, OrgPolicyType } from '../../../src/model/desired.js';
import type { LiveOrg, LivePolicy } from '../../../src/model/live.js';
import type { Plan } from '../../../src/model/plan.js';
import { planOrg } from '../../../src/planner/index.js';
import { aLiveOrgMatching, FAKE_INPUTS, MANAGEMENT_ACCOUNT_ID, ROOT_ID } from '../../support/builders.js';

const MEMBER = '210987654321';
const DENY = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] };

function desiredFrom(...lines: string[]): DesiredOrg {
  const parsed = parseOrgYaml(['version: 1', 'organization:', `  managementAccountId: "${MANAGEMENT_ACCOUNT_ID}"`, ...lines, ''].join('\n'), 'org.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.position?.line}:${e.position?.column} ${e.message}`).join('\n'));
  return parsed.value;
}

const POLICIES = ['policies:', '  Deny:', '    description: no leaving', `    document: ${JSON.stringify(DENY)}`];

function liveWith(desired: DesiredOrg, policies: readonly LivePolicy[], enabledTypes: readonly OrgPolicyType[] = ['SERVICE_CONTROL_POLICY']): { live: LiveOrg; ouId: (path: string) => string } {
  const builder = aLiveOrgMatching(desired);
  const live = builder.build();
  return { live: { ...live, policies: { enabledTypes, readTypes: ['SERVICE_CONTROL_POLICY'], policies } }, ouId: (path) => builder.ouId(path) };
}

const fullAwsAccess = (targets: readonly string[]): LivePolicy => ({ id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', awsManaged: true, description: '', targets });
const deny = (targets: readonly string[], fields: Partial<LivePolicy> = {}): LivePolicy => ({
  id: 'p-deny0001',
  name: 'Deny',
  type: 'SERVICE_CONTROL_POLICY',
  awsManaged: false,
  description: 'no leaving',
  content: JSON.stringify(DENY),
  targets,
  ...fields,
});

const summary = (plan: Plan): string[] => plan.steps.map((s) => `${s.kind} ${s.address} <- [${s.dependsOn.join(',')}]`);

describe('the policies kind plans', () => {
  it('nothing, and reads nothing, for an org.yaml without policies', () => {
    const desired = desiredFrom('root:', `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`);
    const plan = planOrg(desired, aLiveOrgMatching(desired).build(), FAKE_INPUTS);
    expect(plan.steps).toEqual([]);
  });

  it('a new policy: created, then attached; FullAWSAccess stays where it is listed', () => {
    const desired = desiredFrom(...POLICIES, 'root:', '  policies: [FullAWSAccess, Deny]', `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`);
    const { live } = liveWith(desired, [fullAwsAccess([ROOT_ID, MANAGEMENT_ACCOUNT_ID])]);
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(summary(plan)).toEqual(['createPolicy policy:Deny <- []', 'attachPolicy policy:Deny/attachment:root <- [0]']);
    expect(plan.steps[0]).toMatchObject({ after: { name: 'Deny', type: 'SERVICE_CONTROL_POLICY', description: 'no leaving', content: JSON.stringify(DENY) } });
  });

  it("a policy listed on an account the plan creates: attached by the account's email, after its creation and its own creation", () => {
    const desired = desiredFrom(
      ...POLICIES,
      'root:',
      '  policies: [FullAWSAccess]',
      `  accounts: ["${MANAGEMENT_ACCOUNT_ID}", { name: new-team, email: new-team@example.com, policies: [FullAWSAccess, Deny] }]`,
    );
    const { live } = liveWith(desired, [fullAwsAccess([ROOT_ID, MANAGEMENT_ACCOUNT_ID])]);
    const plan = planOrg(desired, live, FAKE_INPUTS);
    const createAccount = plan.steps.findIndex((s) => s.kind === 'createAccount');
    const createPolicy = plan.steps.findIndex((s) => s.kind === 'createPolicy');
    const attach = plan.steps.find((s) => s.kind === 'attachPolicy');
    expect(createAccount).toBeGreaterThanOrEqual(0);
    expect(attach).toMatchObject({ target: { type: 'account', email: 'new-team@example.com' } });
    expect(attach?.dependsOn).toEqual(expect.arrayContaining([createAccount, createPolicy]));
    expect(plan.errors).toEqual([]);
  });

  it('key order and whitespace in the stored document are no change; a changed value is an update', () => {
    const desired = desiredFrom(...POLICIES, 'root:', '  policies: [FullAWSAccess, Deny]', `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`);
    const reordered = `{\n  "Statement": [ { "Resource": "*", "Effect": "Deny", "Action": "organizations:LeaveOrganization" } ],\n  "Version": "2012-10-17"\n}`;
    const same = liveWith(desired, [fullAwsAccess([ROOT_ID]), deny([ROOT_ID], { content: reordered })]).live;
    expect(planOrg(desired, same, FAKE_INPUTS).steps).toEqual([]);

    const changed = liveWith(desired, [fullAwsAccess([ROOT_ID]), deny([ROOT_ID], { content: reordered.replace('"Deny"', '"Allow"') })]).live;
    const plan = planOrg(desired, changed, FAKE_INPUTS);
    expect(summary(plan)).toEqual(['updatePolicy policy:Deny <- []']);
    expect(plan.steps[0]).toMatchObject({ reason: 'the document differs from org.yaml', after: { content: JSON.stringify(DENY) } });
  });

  it('on one target, attaches before it detaches (never below one SCP), and only on nodes that list policies', () => {
    const desired = desiredFrom(
      ...POLICIES,
      'root:',
      `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`,
      '  organizationalUnits:',
      '    Workloads:',
      `      accounts: [{ id: "${MEMBER}", policies: [Deny] }]`,
    );
    const { live, ouId } = liveWith(desired, []);
    const withPolicies = { ...live, policies: { ...live.policies!, policies: [fullAwsAccess([ROOT_ID, MANAGEMENT_ACCOUNT_ID, MEMBER, ouId('/Workloads')]), deny([])] } };
    const plan = planOrg(desired, withPolicies, FAKE_INPUTS);
    expect(summary(plan)).toEqual([`attachPolicy policy:Deny/attachment:account:${MEMBER} <- []`, `detachPolicy policy:FullAWSAccess/attachment:account:${MEMBER} <- [0]`]);
    expect(plan.steps[0]).toMatchObject({ accountsAffected: 1, target: { type: 'account', id: MEMBER } });
  });

  it('a new OU gets its attachments after it is created; AWS gives it FullAWSAccess, which is detached when not listed', () => {
    const desired = desiredFrom(...POLICIES, 'root:', `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`, '  organizationalUnits:', '    Sandbox:', '      policies: [Deny]');
    const builder = aLiveOrgMatching(desiredFrom('root:', `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`));
    const live = { ...builder.build(), policies: { enabledTypes: ['SERVICE_CONTROL_POLICY' as const], readTypes: ['SERVICE_CONTROL_POLICY' as const], policies: [fullAwsAccess([ROOT_ID]), deny([])] } };
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(summary(plan)).toEqual([
      'createOrganizationalUnit ou:/Sandbox <- []',
      'attachPolicy policy:Deny/attachment:ou:/Sandbox <- [0]',
      // Waits for the attach, which waits for the OU.
      'detachPolicy policy:FullAWSAccess/attachment:ou:/Sandbox <- [1]',
    ]);
  });

  it('enables a policy type the root lacks before creating and attaching its policies', () => {
    const desired = desiredFrom(
      'policies:',
      '  Tags:',
      '    type: TAG_POLICY',
      '    document: { tags: { team: { tag_key: { "@@assign": Team } } } }',
      'root:',
      '  policies: [FullAWSAccess, Tags]',
      `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`,
    );
    const { live } = liveWith(desired, [fullAwsAccess([ROOT_ID, MANAGEMENT_ACCOUNT_ID])]);
    expect(summary(planOrg(desired, live, FAKE_INPUTS))).toEqual([
      'enablePolicyType root/policy-type:TAG_POLICY <- []',
      'createPolicy policy:Tags <- [0]',
      'attachPolicy policy:Tags/attachment:root <- [1]',
    ]);
  });

  it("unlisted attachments (another tool's policies) are reported by default, an error or detached as the option says", () => {
    const lines = (option?: string) => [...POLICIES, 'root:', '  policies: [FullAWSAccess]', `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`, ...(option ? ['options:', `  unlistedPolicyAttachments: ${option}`] : [])];
    const guardrail: LivePolicy = { id: 'p-ctguard1', name: 'aws-guardrails-x', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, description: '', targets: [ROOT_ID] };
    const planFor = (option?: string) => {
      const desired = desiredFrom(...lines(option));
      return planOrg(desired, liveWith(desired, [fullAwsAccess([ROOT_ID, MANAGEMENT_ACCOUNT_ID]), deny([]), guardrail]).live, FAKE_INPUTS);
    };
    const ignored = planFor();
    expect(ignored.steps).toEqual([]);
    expect(ignored.warnings.map((w) => w.code)).toEqual(['unlisted-policy-attachments']);
    expect(ignored.warnings[0]!.message).toContain('"aws-guardrails-x" (SERVICE_CONTROL_POLICY) on the root');

    const refused = planFor('error');
    expect(refused.errors.map((e) => e.code)).toEqual(['unlisted-policy-attachments']);

    expect(summary(planFor('detach'))).toEqual(['detachPolicy policy:aws-guardrails-x/attachment:root <- []']);
  });

  it('prunes only policies orgctl created, and only with prunePolicies: detached everywhere first, then deleted', () => {
    const desired = desiredFrom('root:', '  policies: [FullAWSAccess]', `  accounts: ["${MANAGEMENT_ACCOUNT_ID}"]`, 'options:', '  prunePolicies: true');
    const ours = deny([ROOT_ID, MANAGEMENT_ACCOUNT_ID], { name: 'Old', tags: { 'managed-by': 'orgctl' } });
    const theirs = deny([], { id: 'p-theirs01', name: 'Theirs', tags: {} });
    const plan = planOrg(desired, liveWith(desired, [fullAwsAccess([ROOT_ID, MANAGEMENT_ACCOUNT_ID]), ours, theirs]).live, FAKE_INPUTS);
    expect(summary(plan)).toEqual([
      'detachPolicy policy:Old/attachment:root <- []',
      `detachPolicy policy:Old/attachment:account:${MANAGEMENT_ACCOUNT_ID} <- []`,
      'deletePolicy policy:Old <- [0,1]',
    ]);
  });
});
