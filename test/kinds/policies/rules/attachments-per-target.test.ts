import { describe, expect, it } from 'vitest';
import { attachmentsPerTarget } from '../../../../src/kinds/policies/rules/attachments-per-target.js';
import { FULL_AWS_ACCESS, fullAwsAccess, policy, scp } from './support.js';

const denyX = (n: number) => scp(`Deny${n}`, { Effect: 'Deny', Action: `s3:Get${n}`, Resource: '*' });
const rcpFull = policy('RCPFullAWSAccess', 'RESOURCE_CONTROL_POLICY', FULL_AWS_ACCESS, { awsManaged: true });
const rcp = (n: number) => policy(`Rcp${n}`, 'RESOURCE_CONTROL_POLICY', {});
const ctGuardrail = (n: number) => scp(`aws-guardrails-${n}`, { Effect: 'Deny', Action: 'config:Delete*', Resource: '*' });

describe('attachments per target per type', () => {
  it('ten SCPs on an OU pass, eleven fail, counting AWS-managed and another tool\'s attachments, naming them', () => {
    const policies = [fullAwsAccess, ...[1, 2, 3, 4, 5, 6, 7].map(denyX), ctGuardrail(1), ctGuardrail(2), ctGuardrail(3)];
    const ten = ['FullAWSAccess', ...[1, 2, 3, 4, 5, 6, 7].map((n) => `Deny${n}`), 'aws-guardrails-1', 'aws-guardrails-2'];
    expect(attachmentsPerTarget(policies, [{ target: 'OU /Workloads', policies: ten }], ['SERVICE_CONTROL_POLICY'])).toEqual([]);
    expect(attachmentsPerTarget(policies, [{ target: 'OU /Workloads', policies: [...ten, 'aws-guardrails-3'], at: { line: 12, column: 7 } }], ['SERVICE_CONTROL_POLICY'])).toEqual([
      {
        severity: 'error',
        at: { line: 12, column: 7 },
        message:
          'OU /Workloads would have 11 service control policy (SCP) attachments (FullAWSAccess, Deny1, Deny2, Deny3, Deny4, Deny5, Deny6, Deny7, aws-guardrails-1, aws-guardrails-2, aws-guardrails-3); ' +
          "AWS allows at most 10 attached directly to one root, OU or account, counting AWS-managed ones and other tools'. Combine policies, or attach some to a parent OU instead (inherited policies do not count).",
      },
    ]);
  });

  it('counts per type: five RCPs including RCPFullAWSAccess pass, six fail, while SCPs on the same target do not count toward it', () => {
    const policies = [fullAwsAccess, rcpFull, ...[1, 2, 3, 4, 5].map(rcp)];
    const five = ['FullAWSAccess', 'RCPFullAWSAccess', 'Rcp1', 'Rcp2', 'Rcp3', 'Rcp4'];
    const enabled = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'];
    expect(attachmentsPerTarget(policies, [{ target: 'account 111111111111', policies: five }], enabled)).toEqual([]);
    expect(attachmentsPerTarget(policies, [{ target: 'account 111111111111', policies: [...five, 'Rcp5'] }], enabled)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^account 111111111111 would have 6 resource control policy \(RCP\) attachments .* at most 5 /) }),
    ]);
  });

  it('a name listed twice counts once; an unknown name is not counted', () => {
    const policies = [fullAwsAccess, ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(denyX)];
    const names = ['FullAWSAccess', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Deny${n}`)];
    expect(attachmentsPerTarget(policies, [{ target: 'the root', policies: [...names, 'Deny1', 'NotDeclared'] }], ['SERVICE_CONTROL_POLICY'])).toEqual([]);
  });
});

describe('the minimum of one SCP / RCP', () => {
  it('a target left with no SCP while SCPs are enabled is an error that says to keep FullAWSAccess', () => {
    const policies = [fullAwsAccess, policy('Tags', 'TAG_POLICY', {})];
    expect(attachmentsPerTarget(policies, [{ target: 'OU /Sandbox', policies: ['Tags'], at: { line: 20, column: 7 } }], ['SERVICE_CONTROL_POLICY', 'TAG_POLICY'])).toEqual([
      {
        severity: 'error',
        at: { line: 20, column: 7 },
        message: 'OU /Sandbox would be left with no service control policy (SCP); AWS requires at least 1 on every root, OU and account while the type is enabled, and refuses to detach the last one. Keep FullAWSAccess or another SCP in its policies.',
      },
    ]);
  });

  it('no SCP is fine while SCPs are not enabled; no tag policy is always fine', () => {
    expect(attachmentsPerTarget([fullAwsAccess], [{ target: 'OU /Sandbox', policies: [] }], ['TAG_POLICY'])).toEqual([]);
  });

  it('no RCP while RCPs are enabled says to keep RCPFullAWSAccess', () => {
    expect(attachmentsPerTarget([fullAwsAccess, rcpFull], [{ target: 'the root', policies: ['FullAWSAccess'] }], ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'])).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^the root would be left with no resource control policy \(RCP\);.* Keep RCPFullAWSAccess in its policies\.$/) }),
    ]);
  });
});
