// checkPoliciesWithAccessAnalyzer against the fake port, our emulator and moto. Neither emulator serves
// IAM Access Analyzer, which is the point: an endpoint that does not know the service, like a denied
// call, must end in one quick "could not check", not in a minute of retries. "Quick" is asserted as the
// number of requests sent (one), never as time.

import { describe, expect, it } from 'vitest';
import { createSdkPort } from '../../../src/aws/sdk/create-sdk-port.js';
import { accessAnalyzerDiagnostics, checkPoliciesWithAccessAnalyzer } from '../../../src/kinds/policies/access-analyzer-check.js';
import { minifiedPolicyJson } from '../../../src/kinds/policies/rules/minified.js';
import { useEmulator } from '../../support/emulator.js';
import { FakeAwsPort } from '../../support/fake-port.js';
import { describeWithMoto, useMoto } from '../../support/moto.js';
import { FULL_AWS_ACCESS, fullAwsAccess, policy } from './rules/support.js';

const denyLeave = policy('DenyLeave', 'SERVICE_CONTROL_POLICY', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }, { at: { line: 4, column: 3 } });
const rcp = policy('DenyExternalS3', 'RESOURCE_CONTROL_POLICY', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] });
const tags = policy('Tags', 'TAG_POLICY', { tags: {} });
const rcpFull = policy('RCPFullAWSAccess', 'RESOURCE_CONTROL_POLICY', FULL_AWS_ACCESS, { awsManaged: true });

describe('checkPoliciesWithAccessAnalyzer, fake port', () => {
  it('sends each declared SCP and RCP as minified JSON with its type, skipping AWS-managed policies and other types', async () => {
    const fake = new FakeAwsPort();
    const result = await checkPoliciesWithAccessAnalyzer(fake, [fullAwsAccess, denyLeave, tags, rcp, rcpFull]);
    expect(result).toEqual({ checked: [{ name: 'DenyLeave', findings: [] }, { name: 'DenyExternalS3', findings: [] }] });
    expect(fake.calls.map((c) => c.args)).toEqual([
      [minifiedPolicyJson(denyLeave.document), 'SERVICE_CONTROL_POLICY'],
      [minifiedPolicyJson(rcp.document), 'RESOURCE_CONTROL_POLICY'],
    ]);
  });

  it('returns the findings per policy; ERROR becomes a plan error at the policy, the rest warnings', async () => {
    const fake = new FakeAwsPort();
    fake.accessAnalyzer.findingsFor = (_document, type) =>
      type === 'SERVICE_CONTROL_POLICY'
        ? [
            { findingType: 'ERROR', issueCode: 'INVALID_ACTION', learnMoreLink: 'https://docs.aws.amazon.com/x', message: 'The action organizations:LeaveOrganisation does not exist.' },
            { findingType: 'SUGGESTION', issueCode: 'EMPTY_ARRAY_ACTION', learnMoreLink: '', message: 'Remove the empty array.' },
          ]
        : [];
    const result = await checkPoliciesWithAccessAnalyzer(fake, [denyLeave, rcp]);
    expect(accessAnalyzerDiagnostics(result, [denyLeave, rcp])).toEqual([
      { severity: 'error', at: { line: 4, column: 3 }, message: 'policy "DenyLeave": IAM Access Analyzer error INVALID_ACTION: The action organizations:LeaveOrganisation does not exist. See https://docs.aws.amazon.com/x' },
      { severity: 'warning', at: { line: 4, column: 3 }, message: 'policy "DenyLeave": IAM Access Analyzer suggestion EMPTY_ARRAY_ACTION: Remove the empty array.' },
    ]);
  });

  it('a denied call is one request and "could not check" naming the action to allow; the other policies are not sent', async () => {
    const fake = new FakeAwsPort();
    fake.failNext('ValidatePolicy', 'accessDenied');
    const result = await checkPoliciesWithAccessAnalyzer(fake, [denyLeave, rcp]);
    expect(result).toEqual({ couldNotCheck: expect.stringContaining('access-analyzer:ValidatePolicy') });
    expect(fake.callCount('ValidatePolicy')).toBe(1);
    expect(accessAnalyzerDiagnostics(result, [denyLeave])).toEqual([{ severity: 'warning', message: expect.stringMatching(/^IAM Access Analyzer could not check the SCPs and RCPs, so only orgctl's own checks ran: .*access-analyzer:ValidatePolicy/) }]);
  });

  it('a 5xx or a timeout is not retried either (one request), while throttling is, a little', async () => {
    const fake = new FakeAwsPort();
    fake.failNext('ValidatePolicy', 'transient');
    expect(await checkPoliciesWithAccessAnalyzer(fake, [denyLeave])).toEqual({ couldNotCheck: expect.stringMatching(/^ValidatePolicy failed: /) });
    expect(fake.callCount('ValidatePolicy')).toBe(1);
    const throttled = new FakeAwsPort();
    throttled.failNext('ValidatePolicy', 'throttled', 2);
    expect(await checkPoliciesWithAccessAnalyzer(throttled, [denyLeave])).toEqual({ checked: [{ name: 'DenyLeave', findings: [] }] });
    expect(throttled.callCount('ValidatePolicy')).toBe(3);
  });

  it('no SCP or RCP: no call at all', async () => {
    const fake = new FakeAwsPort();
    expect(await checkPoliciesWithAccessAnalyzer(fake, [tags, fullAwsAccess])).toEqual({ checked: [] });
    expect(fake.callCount()).toBe(0);
  });

  it('AWS text in a finding cannot break lines of the plan', () => {
    const diagnostics = accessAnalyzerDiagnostics({ checked: [{ name: 'P', findings: [{ findingType: 'WARNING', issueCode: 'X', learnMoreLink: '', message: 'line\n## heading' }] }] }, []);
    expect(diagnostics[0]?.message).toBe('policy "P": IAM Access Analyzer warning X: line\\n## heading');
  });
});

describe('checkPoliciesWithAccessAnalyzer, our emulator (which does not serve Access Analyzer)', () => {
  const emulator = useEmulator();

  it('answers "could not check" after one request, with the emulator\'s reason', async () => {
    const port = createSdkPort({ endpoint: emulator().url, credentials: emulator().clientConfig.credentials });
    try {
      const result = await checkPoliciesWithAccessAnalyzer(port, [denyLeave, rcp]);
      expect(result).toEqual({ couldNotCheck: expect.stringMatching(/^ValidatePolicy failed: /) });
      expect(port.stats().calls).toEqual({ ValidatePolicy: 1 });
    } finally {
      port.destroy();
    }
  });
});

describeWithMoto('checkPoliciesWithAccessAnalyzer, moto (which does not serve Access Analyzer)', () => {
  const moto = useMoto();

  it('answers "could not check" after one request, with moto\'s reason', async () => {
    const result = await checkPoliciesWithAccessAnalyzer(moto.port, [denyLeave, rcp]);
    expect(result).toEqual({ couldNotCheck: expect.stringMatching(/^ValidatePolicy failed: /) });
    expect(moto.port.stats().calls).toEqual({ ValidatePolicy: 1 });
  });
});
