// `orgctl audit` and `orgctl plan` with the audit, in-process against our emulator through the real SDK
// adapter: exit codes, formats, the audit first in plans, the guard, and putAlternateContact applied.

import { afterEach, describe, expect, it } from 'vitest';
import { createSdkPort, type SdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import type { AuditReport } from '../../src/model/audit.js';
import type { Plan } from '../../src/model/plan.js';
import type { EmulatorSnapshot } from '../../src/emulator/index.js';
import { credentialsFor, useEmulator } from '../support/emulator.js';
import { expectedEndState, expectEndStateMatches, readEndState } from '../support/end-state/index.js';
import { orgctl, workspace } from '../workflow/support/cli-harness.js';

const MGMT = '123456789012';
const MEMBER = '210987654321';
const OUTSIDER = '999999999999';

const ORG_YAML = [
  'version: 1',
  'organization:',
  `  managementAccountId: "${MGMT}"`,
  'root:',
  `  accounts: ["${MGMT}", "${MEMBER}"]`,
  'security:',
  '  breakGlassUsers: [break-glass]',
  '  identityCenter: required',
  '  identityCenterRegion: eu-west-1',
  '  alternateContacts:',
  '    security: { email: security@example.com, name: Security team, title: CISO, phone: "+1 555 0100" }',
  '',
].join('\n');

/** A management account that passes everything, and a member whose root user has no credentials at all. */
const LOCKED_DOWN: EmulatorSnapshot = {
  formatVersion: 1,
  organization: {
    id: 'o-abcdefghij',
    managementAccountId: MGMT,
    root: { id: 'r-ab12' },
    accounts: [
      { id: MGMT, name: 'management', email: 'mgmt@example.com', parentId: 'r-ab12' },
      { id: MEMBER, name: 'member', email: 'member@example.com', parentId: 'r-ab12' },
    ],
  },
  iam: {
    rootUsers: { [MEMBER]: { mfaEnabled: false, passwordPresent: false } },
    users: [{ accountId: MGMT, userName: 'break-glass', mfaDevices: [{ serialNumber: `arn:aws:iam::${MGMT}:mfa/bg` }] }],
    organizationsFeatures: ['RootCredentialsManagement', 'RootSessions'],
  },
  alternateContacts: [{ accountId: MGMT, type: 'SECURITY', name: 'Security team', title: 'CISO', email: 'security@example.com', phone: '+1 555 0100' }],
  identityCenterInstances: [{ ownerAccountId: MGMT, region: 'eu-west-1', instanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000001' }],
  // Everyday admin access through Identity Center: an AdministratorAccess set assigned on the management account.
  identityCenterPermissionSets: [
    {
      instanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000001',
      arn: 'arn:aws:sso:::permissionSet/ssoins-0000000000000001/ps-0000000000000001',
      name: 'AdministratorAccess',
      managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      assignments: [{ accountId: MGMT, principalType: 'GROUP', principalId: 'platform-admins' }],
    },
  ],
};

const withRootMfaOff = (snapshot: EmulatorSnapshot): EmulatorSnapshot => ({ ...snapshot, iam: { ...snapshot.iam, rootUsers: { ...snapshot.iam?.rootUsers, [MGMT]: { mfaEnabled: false } } } });

describe('orgctl audit and plan, against the emulator', () => {
  const emulator = useEmulator({ snapshot: LOCKED_DOWN });
  const ports: SdkPort[] = [];
  const dirs: { remove(): void }[] = [];
  afterEach(() => {
    for (const port of ports.splice(0)) port.destroy();
    for (const dir of dirs.splice(0)) dir.remove();
  });

  const run = (args: readonly string[], options: { as?: string; orgYaml?: string; env?: Record<string, string> } = {}) => {
    const port = createSdkPort({ endpoint: emulator().url, credentials: credentialsFor(options.as ?? MGMT), maxAttempts: 1 });
    ports.push(port);
    const dir = workspace({ 'org.yaml': options.orgYaml ?? ORG_YAML });
    dirs.push(dir);
    return orgctl(args, { cwd: dir.dir, port, env: { AWS_REGION: 'us-east-1', ...options.env } });
  };

  it('audit: exit 0 when every required check passes; the text names the account and ends with the count', async () => {
    const result = await run(['audit']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Root credentials \(account 123456789012\)\n/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Audit: all 8 checks passed.');
  });

  it('audit: exit 1 when a required check fails, in every format', async () => {
    emulator().seed(withRootMfaOff(LOCKED_DOWN));
    const text = await run(['audit']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('  FAIL  Root user has an MFA device\n');

    const markdown = await run(['audit', '--format', 'markdown']);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toMatch(/^### Root credentials \(account 123456789012\)\n\n\*\*Audit: 1 required check FAILED/);
    expect(markdown.stdout).toContain('> [!CAUTION]');

    const json = await run(['audit', '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as AuditReport;
    expect(report.checks.find((c) => c.id === 'root-mfa')).toMatchObject({ status: 'fail', severity: 'required' });
  });

  it('audit: recommendations and checks AWS cannot answer leave the exit code at 0', async () => {
    emulator().seed({ ...LOCKED_DOWN, iam: { ...LOCKED_DOWN.iam, organizationsFeatures: [], trustedAccess: false } });
    const result = await run(['audit'], { orgYaml: ORG_YAML.replace('  identityCenterRegion: eu-west-1\n', '').replace('required', 'optional') });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/RECOMMENDED {2}IAM Identity Center has an instance/); // asked in us-east-1, where there is none
    expect(result.stdout).toMatch(/RECOMMENDED {2}Centralized root access/);
  });

  it('audit: a member account audits its own root user; without MFA or any credential it is secure only under centralized root access, which a member cannot see', async () => {
    const result = await run(['audit', '--format', 'json'], { as: MEMBER });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    expect(report.accountId).toBe(MEMBER);
    // AWS answers ListOrganizationsFeatures only to the management account (or IAM's delegated administrator).
    expect(report.checks.find((c) => c.id === 'root-mfa')).toMatchObject({
      status: 'cannot-check',
      reason: expect.stringMatching(/no MFA device and no password; that is only secure with centralized root access.*only the management account or the IAM delegated administrator/),
    });
    expect(report.checks.find((c) => c.id === 'break-glass-user:break-glass')?.status).toBe('cannot-check');
    // The same member root user with a password and no MFA fails outright.
    emulator().seed({ ...LOCKED_DOWN, iam: { ...LOCKED_DOWN.iam, rootUsers: { [MEMBER]: { mfaEnabled: false } } } });
    const withPassword = await run(['audit'], { as: MEMBER });
    expect(withPassword.code).toBe(1);
    expect(withPassword.stdout).toMatch(/FAIL {2}Root user has an MFA device/);
  });

  it('audit: refuses credentials of an account outside the organization, without a stack trace', async () => {
    const result = await run(['audit'], { as: OUTSIDER });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/these credentials belong to account 999999999999, which is not in the organization of 123456789012/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('audit: an invalid org.yaml is reported with its line and column, and nothing is read from AWS', async () => {
    emulator().clearStats();
    const result = await run(['audit'], { orgYaml: ORG_YAML.replace('identityCenter: required', 'identityCenter: always') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^org\.yaml:8:19: `identityCenter` must be one of required, optional/);
    expect(emulator().requestLog()).toEqual([]);
  });

  it('audit: refuses an unknown format', async () => {
    const result = await run(['audit', '--format', 'yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/format/);
  });

  it('plan: the audit is the first section; a failing check is counted but does not change the exit code', async () => {
    emulator().seed(withRootMfaOff(LOCKED_DOWN));
    const text = await run(['plan']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Root credentials \(account 123456789012\)\n {2}FAIL {2}Root user has an MFA device\n/);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('No changes. The organization matches org.yaml. Audit: 1 required check FAILED, 7 passed.');

    const markdown = await run(['plan', '--format', 'markdown']);
    expect(markdown.stdout.indexOf('#### Root credentials')).toBeGreaterThan(markdown.stdout.indexOf('### orgctl plan'));
    expect(markdown.stdout.indexOf('#### Root credentials')).toBeLessThan(markdown.stdout.indexOf('**No changes.'));

    const json = await run(['plan', '--format', 'json']);
    const plan = JSON.parse(json.stdout) as Plan;
    expect(plan.audit?.checks.find((c) => c.id === 'root-mfa')?.status).toBe('fail');
  });

  it("plan: the audit does not touch the plan's inputs, so a change in the audit never makes a saved plan stale", async () => {
    const before = JSON.parse((await run(['plan', '--format', 'json'])).stdout) as Plan;
    emulator().seed(withRootMfaOff(LOCKED_DOWN));
    const after = JSON.parse((await run(['plan', '--format', 'json'])).stdout) as Plan;
    expect(after.audit).not.toEqual(before.audit);
    expect(after.inputs).toEqual(before.inputs);
  });

  it('plan and apply set a declared contact that differs, then the plan is empty and the audit passes', async () => {
    emulator().seed({ ...LOCKED_DOWN, alternateContacts: [{ ...LOCKED_DOWN.alternateContacts![0]!, title: 'Old title' }] });
    const endState = () => readEndState({ endpoint: emulator().url, credentials: credentialsFor(MGMT) });
    const before = await endState();
    const dir = workspace({ 'org.yaml': ORG_YAML });
    dirs.push(dir);
    const port = createSdkPort({ endpoint: emulator().url, credentials: credentialsFor(MGMT), maxAttempts: 1 });
    ports.push(port);
    const cli = (args: readonly string[]) => orgctl(args, { cwd: dir.dir, port, env: { AWS_REGION: 'us-east-1' } });

    const plan = await cli(['plan', '--out', 'plan.json']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Alternate contacts\n  ~ alternate-contact:security  # title differs from org.yaml\n      email: "security@example.com"\n      name: "Security team"\n      title: "Old title" → "CISO"');
    expect(plan.stdout).toMatch(/FAIL {2}Alternate contact: security/);

    const apply = await cli(['apply', '--plan', 'plan.json', '--auto-approve']);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/ok\s+putAlternateContact alternate-contact:security/);
    expect(emulator().snapshot().alternateContacts).toEqual([{ ...LOCKED_DOWN.alternateContacts![0]! }]);
    expectEndStateMatches(await endState(), expectedEndState(ORG_YAML, before));

    const again = await cli(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes. The organization matches org.yaml. Audit: all 8 checks passed.');
    // Applying twice changes nothing and stays converged (PutAlternateContact is an upsert).
    expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
  });
});
