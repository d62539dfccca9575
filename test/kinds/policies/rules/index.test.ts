import { describe, expect, it } from 'vitest';
import { declaredPolicyProblems, plannedPolicyProblems } from '../../../../src/kinds/policies/rules/index.js';
import { fullAwsAccess, policy, scp } from './support.js';

describe('the combined entry points run every rule', () => {
  it('declaredPolicyProblems: unknown type, size and grammar', () => {
    const found = declaredPolicyProblems([
      policy('T', 'TAG_POLICYY', {}),
      policy('A', 'AISERVICES_OPT_OUT_POLICY', { x: 'y'.repeat(3_000) }),
      policy('S', 'SERVICE_CONTROL_POLICY', { Version: '2012-10-17', Statement: { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' } }),
    ]).map((d) => d.message);
    expect(found).toEqual([expect.stringContaining('Did you mean TAG_POLICY?'), expect.stringContaining('policy "A" is 3,008 characters'), expect.stringContaining('SCP "S": the statement has "Principal"')]);
  });

  it('plannedPolicyProblems: per organization, per target and lock-out (only while SCPs are enabled)', () => {
    const denyLeave = scp('DenyLeave', { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' });
    const planned = {
      allPolicies: [fullAwsAccess, denyLeave],
      targets: [{ target: 'the root', policies: ['FullAWSAccess'] }, { target: 'OU /W', policies: [] }],
      enabledTypes: ['SERVICE_CONTROL_POLICY'],
      tree: [{ id: 'r', target: 'the root', isAccount: false, scps: ['FullAWSAccess'] }, { id: 'a', parentId: 'r', target: 'account 111111111111', isAccount: true, scps: ['DenyLeave'] }],
    };
    expect(plannedPolicyProblems(planned).map((d) => d.message)).toEqual([expect.stringMatching(/^OU \/W would be left with no service control policy/), expect.stringMatching(/^account 111111111111 would be locked out/)]);
    expect(plannedPolicyProblems({ ...planned, enabledTypes: [] })).toEqual([]);
  });
});
