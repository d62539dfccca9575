// Every list of policy types orgctl keeps is the SDK's PolicyType enum, so a type AWS added (such as
// SECURITYHUB_CSPM_POLICY) is accepted by org.yaml's schema, the model, plan files and the emulator, and
// documented, not only known to the rules' limits table.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../../src/config/parse-org-yaml.js';
import { POLICY_TYPES as EMULATOR_POLICY_TYPES } from '../../../src/emulator/organizations/model.js';
import { POLICY_TYPES as MODEL_POLICY_TYPES } from '../../../src/model/desired.js';
import { POLICY_TYPES as LIMITS_POLICY_TYPES } from '../../../src/kinds/policies/rules/policy-type-limits.js';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

const SDK_TYPES = (() => {
  const block = /export declare const PolicyType: \{([^}]*)\}/.exec(read('node_modules/@aws-sdk/client-organizations/dist-types/models/enums.d.ts'))?.[1] ?? '';
  return [...block.matchAll(/readonly (\w+):/g)].map((m) => m[1]!).sort();
})();

describe("every policy type list is the SDK's PolicyType enum", () => {
  it('the SDK lists the types (including SECURITYHUB_CSPM_POLICY)', () => {
    expect(SDK_TYPES).toContain('SECURITYHUB_CSPM_POLICY');
    expect(SDK_TYPES.length).toBeGreaterThan(8);
  });

  const lists: [string, () => readonly string[]][] = [
    ['the rules’ limits table', () => LIMITS_POLICY_TYPES],
    ['the model (src/model/desired.ts POLICY_TYPES)', () => MODEL_POLICY_TYPES],
    ['the emulator (src/emulator/organizations/model.ts)', () => EMULATOR_POLICY_TYPES],
    ['org.yaml’s schema (policies.*.type)', () => (JSON.parse(read('schema/org.schema.json')) as { definitions: { policy: { properties: { type: { enum: string[] } } } } }).definitions.policy.properties.type.enum],
    ['the plan schema (policyType)', () => (JSON.parse(read('schema/plan.schema.json')) as { definitions: { policyType: { enum: string[] } } }).definitions.policyType.enum],
    [
      'docs/org-yaml.md (the `type` row under `policies`)',
      () => {
        const docs = read('docs/org-yaml.md');
        const row = docs.slice(docs.indexOf('\n### `policies`\n')).split('\n').find((line) => line.startsWith('| `type` |')) ?? '';
        return [...row.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]!).filter((t, i, all) => all.indexOf(t) === i);
      },
    ],
  ];
  for (const [name, types] of lists) {
    it(name, () => {
      expect([...types()].sort()).toEqual(SDK_TYPES);
    });
  }
});

describe('SECURITYHUB_CSPM_POLICY in org.yaml', () => {
  it('is accepted as a policy type and attached on a node', () => {
    const text = [
      'version: 1',
      'organization: { managementAccountId: "123456789012" }',
      'policies:',
      '  Cspm:',
      '    type: SECURITYHUB_CSPM_POLICY',
      '    document: { securityhub: { enable_in_regions: { "@@assign": [us-east-1] } } }',
      'root:',
      '  policies: [FullAWSAccess, Cspm]',
      '',
    ].join('\n');
    const parsed = parseOrgYaml(text, 'org.yaml');
    expect(parsed.ok ? parsed.value.policies?.map((p) => [p.name, p.type]) : parsed.errors.map((e) => e.message)).toEqual([['Cspm', 'SECURITYHUB_CSPM_POLICY']]);
  });
});
