import { describe, expect, it } from 'vitest';
import { policiesPerOrganization } from '../../../../src/kinds/policies/rules/policies-per-organization.js';
import { policy } from './support.js';

const many = (type: string, count: number) => Array.from({ length: count }, (_, i) => policy(`P${i}`, type, {}));

describe('policies per organization per type', () => {
  it('1,000 tag policies pass, 1,001 fail with both figures', () => {
    expect(policiesPerOrganization(many('TAG_POLICY', 1_000))).toEqual([]);
    expect(policiesPerOrganization(many('TAG_POLICY', 1_001))).toEqual([
      {
        severity: 'error',
        message: 'the organization would have 1,001 policies of type TAG_POLICY (tag policy); AWS allows at most 1,000 of this type per organization. Merge policies, or delete ones no longer attached (set options.prunePolicies for those orgctl created).',
      },
    ]);
  });

  it('counts each type against its own limit: 2,000 RCPs and 1,001 SCPs pass', () => {
    expect(policiesPerOrganization([...many('RESOURCE_CONTROL_POLICY', 2_000), ...many('SERVICE_CONTROL_POLICY', 1_001)])).toEqual([]);
    expect(policiesPerOrganization(many('RESOURCE_CONTROL_POLICY', 2_001))).toHaveLength(1);
  });

  it('the same policy given twice counts once', () => {
    const policies = many('CHATBOT_POLICY', 1_000);
    expect(policiesPerOrganization([...policies, ...policies.slice(0, 5)])).toEqual([]);
  });
});
