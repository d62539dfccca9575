import { describe, expect, it } from 'vitest';
import { unknownPolicyTypes } from '../../../../src/kinds/policies/rules/policy-type-known.js';
import { policy } from './support.js';

describe('unknown policy type', () => {
  it('suggests the closest type for a typo, at the policy', () => {
    expect(unknownPolicyTypes([policy('Tags', 'TAG_POLICIES', {}, { at: { line: 7, column: 5 } })])).toEqual([
      { severity: 'error', at: { line: 7, column: 5 }, message: 'policy "Tags" has type "TAG_POLICIES", which AWS Organizations does not have. Did you mean TAG_POLICY?' },
    ]);
  });

  it('lists the types when nothing is close', () => {
    const [problem] = unknownPolicyTypes([policy('X', 'FIREWALL', {})]);
    expect(problem?.message).toMatch(/does not have\. Use one of AISERVICES_OPT_OUT_POLICY, .*SERVICE_CONTROL_POLICY, /);
  });

  it('accepts every type AWS has, including the newer ones', () => {
    expect(unknownPolicyTypes(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'BEDROCK_POLICY', 'S3_POLICY', 'UPGRADE_ROLLOUT_POLICY'].map((t) => policy('P', t, {})))).toEqual([]);
  });

  it('a control character in the type is shown escaped', () => {
    expect(unknownPolicyTypes([policy('P', 'TAG\nPOLICY', {})])[0]?.message).toContain('"TAG\\nPOLICY"');
  });
});
