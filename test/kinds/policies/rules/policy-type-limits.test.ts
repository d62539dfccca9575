import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_TYPES, POLICY_TYPE_LIMITS, limitsOf } from '../../../../src/kinds/policies/rules/policy-type-limits.js';

describe('the policy type limits table', () => {
  it('has exactly the types of the SDK model PolicyType enum (a new SDK type fails here until its limits are added)', () => {
    const enums = readFileSync('node_modules/@aws-sdk/client-organizations/dist-types/models/enums.d.ts', 'utf8');
    const block = /export declare const PolicyType: \{([^}]*)\}/.exec(enums)?.[1] ?? '';
    const sdkTypes = [...block.matchAll(/readonly (\w+):/g)].map((m) => m[1]);
    expect(sdkTypes.length).toBeGreaterThan(8);
    expect([...POLICY_TYPES].sort()).toEqual([...sdkTypes].sort());
  });

  it('holds the figures the quotas page publishes for SCPs and RCPs', () => {
    expect(POLICY_TYPE_LIMITS['SERVICE_CONTROL_POLICY']).toMatchObject({ maxDocumentCharacters: 10_240, maxAttachedPerTarget: 10, minAttachedPerTarget: 1, maxPoliciesPerOrganization: 10_000 });
    expect(POLICY_TYPE_LIMITS['RESOURCE_CONTROL_POLICY']).toMatchObject({ maxDocumentCharacters: 5_120, maxAttachedPerTarget: 5, minAttachedPerTarget: 1, maxPoliciesPerOrganization: 2_000 });
    expect(POLICY_TYPE_LIMITS['AISERVICES_OPT_OUT_POLICY']).toMatchObject({ maxDocumentCharacters: 2_500, maxAttachedPerTarget: 5, minAttachedPerTarget: 0 });
  });

  it('does not mistake an Object prototype key for a type', () => {
    expect(limitsOf('__proto__')).toBeUndefined();
    expect(limitsOf('toString')).toBeUndefined();
    expect(limitsOf('TAG_POLICY')?.maxAttachedPerTarget).toBe(10);
  });
});
