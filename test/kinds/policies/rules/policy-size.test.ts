import { describe, expect, it } from 'vitest';
import { minifiedLength, minifiedPolicyJson } from '../../../../src/kinds/policies/rules/minified.js';
import { oversizedPolicies } from '../../../../src/kinds/policies/rules/policy-size.js';
import type { JsonValue } from '../../../../src/kinds/policies/rules/types.js';
import { policy } from './support.js';

/** An SCP whose minified JSON is exactly `length` characters. */
function scpOfLength(length: number): JsonValue {
  const base = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '', Resource: '*' }] };
  const padding = length - minifiedLength(base);
  return { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'x'.repeat(padding), Resource: '*' }] };
}

describe('policy size, measured on the minified JSON orgctl uploads', () => {
  it('accepts an SCP of exactly 10,240 characters and refuses one of 10,241, naming both figures and the fix', () => {
    expect(minifiedLength(scpOfLength(10_240))).toBe(10_240);
    expect(oversizedPolicies([policy('Big', 'SERVICE_CONTROL_POLICY', scpOfLength(10_240))])).toEqual([]);
    expect(oversizedPolicies([policy('Big', 'SERVICE_CONTROL_POLICY', scpOfLength(10_241), { at: { line: 4, column: 3 } })])).toEqual([
      {
        severity: 'error',
        at: { line: 4, column: 3 },
        message: 'policy "Big" is 10,241 characters as orgctl uploads it (minified JSON); AWS allows at most 10,240 for a service control policy (SCP). Shorten it by 1 character (e.g. combine statements, use wildcards in actions) or split it into two policies.',
      },
    ]);
  });

  it('uses each type\'s own limit: an RCP over 5,120 fails where an SCP of the same size passes', () => {
    const document = scpOfLength(5_121);
    expect(oversizedPolicies([policy('R', 'RESOURCE_CONTROL_POLICY', document)])).toHaveLength(1);
    expect(oversizedPolicies([policy('S', 'SERVICE_CONTROL_POLICY', document)])).toEqual([]);
    expect(oversizedPolicies([policy('A', 'AISERVICES_OPT_OUT_POLICY', scpOfLength(2_501))])).toHaveLength(1);
  });

  it('white space in the file does not count: the minified form is what is measured', () => {
    const document = scpOfLength(10_240);
    expect(minifiedPolicyJson(document)).not.toMatch(/\n| {2}/);
    expect(JSON.stringify(document, null, 2).length).toBeGreaterThan(10_240);
    expect(oversizedPolicies([policy('Big', 'SERVICE_CONTROL_POLICY', document)])).toEqual([]);
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(minifiedLength({ a: '😀' })).toBe(9);
  });

  it('skips AWS-managed policies and unknown types', () => {
    expect(oversizedPolicies([policy('M', 'SERVICE_CONTROL_POLICY', scpOfLength(20_000), { awsManaged: true }), policy('U', 'NOPE', scpOfLength(20_000))])).toEqual([]);
  });
});
