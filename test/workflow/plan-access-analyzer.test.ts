// makePlan (the plan path of the CLI, the Action and apply) sends the declared SCPs and RCPs it creates or
// whose content it changes to IAM Access Analyzer's ValidatePolicy, and shows the findings as plan notes:
// ERROR and SECURITY_WARNING block the plan, WARNING and SUGGESTION are shown; a denied or unserved call
// is one warning and the plan goes on. Unchanged policies and description-only changes are not sent.

import { describe, expect, it } from 'vitest';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { useEmulator } from '../support/emulator.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { orgctl, workspace } from './support/cli-harness.js';
import { emulatorPort, MGMT as WORLD_MGMT, snapshotOf } from './support/emulator-world.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const SHA = 'a'.repeat(64);
const DENY = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] };
const KEPT = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }] };
const CHANGED_BEFORE = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] };
const CHANGED = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['ec2:RunInstances', 'ec2:StartInstances'], Resource: '*' }] };
const TLS = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] };

function desiredFrom(...lines: string[]): DesiredOrg {
  const parsed = parseOrgYaml(['version: 1', 'organization:', `  managementAccountId: "${MGMT}"`, ...lines, ''].join('\n'), 'org.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.position?.line}:${e.position?.column} ${e.message}`).join('\n'));
  return parsed.value;
}

/** Kept (unchanged), Described (description only), Changed (content) exist; Deny (SCP), Tls (RCP) and Tags are new. */
function world() {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  fake.seedPolicy({ name: 'Kept', description: 'kept', content: JSON.stringify(KEPT, null, 2) });
  fake.seedPolicy({ name: 'Described', description: 'old words', content: JSON.stringify(KEPT) });
  fake.seedPolicy({ name: 'Changed', description: 'changed', content: JSON.stringify(CHANGED_BEFORE) });
  const desired = desiredFrom(
    'policies:',
    '  Kept:',
    '    description: kept',
    `    document: ${JSON.stringify(KEPT)}`,
    '  Described:',
    '    description: new words',
    `    document: ${JSON.stringify(KEPT)}`,
    '  Changed:',
    '    description: changed',
    `    document: ${JSON.stringify(CHANGED)}`,
    '  Deny:',
    `    document: ${JSON.stringify(DENY)}`,
    '  Tls:',
    '    type: RESOURCE_CONTROL_POLICY',
    `    document: ${JSON.stringify(TLS)}`,
    '  Tags:',
    '    type: TAG_POLICY',
    '    document: { tags: {} }',
    'root:',
    `  accounts: ["${MGMT}"]`,
  );
  return { fake, desired };
}

describe('plan with IAM Access Analyzer', () => {
  it('sends only the SCPs and RCPs whose documents the plan uploads (created or content changed), each once', async () => {
    const { fake, desired } = world();
    const { plan } = await makePlan(fake, desired, SHA, { audit: false });
    expect(plan.steps.map((s) => `${s.kind} ${s.address}`)).toEqual(expect.arrayContaining(['updatePolicy policy:Described', 'updatePolicy policy:Changed']));
    expect(fake.calls.filter((c) => c.operation === 'ValidatePolicy').map((c) => c.args)).toEqual([
      [JSON.stringify(CHANGED), 'SERVICE_CONTROL_POLICY'],
      [JSON.stringify(DENY), 'SERVICE_CONTROL_POLICY'],
      [JSON.stringify(TLS), 'RESOURCE_CONTROL_POLICY'],
    ]);
    expect([...plan.errors, ...plan.warnings].filter((n) => n.code.startsWith('access-analyzer'))).toEqual([]);
  });

  it('ERROR and SECURITY_WARNING findings are plan errors naming the policy and the finding; WARNING and SUGGESTION are warnings', async () => {
    const { fake, desired } = world();
    fake.accessAnalyzer.findingsFor = (document, type) => {
      if (type === 'RESOURCE_CONTROL_POLICY') return [{ findingType: 'SECURITY_WARNING', issueCode: 'PASS_ROLE_WITH_STAR_IN_RESOURCE', learnMoreLink: '', message: 'Risky.' }];
      if (document === JSON.stringify(DENY)) {
        return [
          { findingType: 'ERROR', issueCode: 'INVALID_ACTION', learnMoreLink: 'https://docs.aws.amazon.com/x', message: 'No such action.' },
          { findingType: 'SUGGESTION', issueCode: 'REDUNDANT_ACTION', learnMoreLink: '', message: 'Drop it.' },
        ];
      }
      return [{ findingType: 'WARNING', issueCode: 'MISSING_VERSION', learnMoreLink: '', message: 'Add a version.' }];
    };
    const { plan } = await makePlan(fake, desired, SHA, { audit: false });
    expect(plan.errors.filter((n) => n.code === 'access-analyzer-finding')).toEqual([
      { code: 'access-analyzer-finding', address: 'policy:Deny', source: { line: 14, column: 3 }, message: 'policy "Deny": IAM Access Analyzer error INVALID_ACTION: No such action. See https://docs.aws.amazon.com/x' },
      { code: 'access-analyzer-finding', address: 'policy:Tls', source: { line: 16, column: 3 }, message: 'policy "Tls": IAM Access Analyzer security warning PASS_ROLE_WITH_STAR_IN_RESOURCE: Risky.' },
    ]);
    expect(plan.warnings.filter((n) => n.code === 'access-analyzer-finding').map((n) => n.message)).toEqual([
      'policy "Changed": IAM Access Analyzer warning MISSING_VERSION: Add a version.',
      'policy "Deny": IAM Access Analyzer suggestion REDUNDANT_ACTION: Drop it.',
    ]);
    // Shown where a reviewer looks: the terminal and the PR comment.
    const text = renderPlanText(plan, { color: false });
    const markdown = renderPlanMarkdown(plan);
    for (const rendered of [text, markdown]) {
      // (markdown escapes the underscores)
      expect(rendered).toMatch(/policy "Deny"\\?: IAM Access Analyzer error INVALID\\?_ACTION/);
      expect(rendered).toMatch(/policy "Deny"\\?: IAM Access Analyzer suggestion REDUNDANT\\?_ACTION/);
    }
  });

  it('a denied ValidatePolicy is one request and one warning; the plan goes on with its steps', async () => {
    const { fake, desired } = world();
    fake.failNext('ValidatePolicy', 'accessDenied');
    const { plan } = await makePlan(fake, desired, SHA, { audit: false });
    expect(fake.callCount('ValidatePolicy')).toBe(1);
    expect(plan.errors.filter((n) => n.code.startsWith('access-analyzer'))).toEqual([]);
    expect(plan.warnings.filter((n) => n.code.startsWith('access-analyzer'))).toEqual([
      { code: 'access-analyzer-unavailable', message: expect.stringMatching(/^IAM Access Analyzer could not check the SCPs and RCPs, so only orgctl's own checks ran: .*access-analyzer:ValidatePolicy/) },
    ]);
    expect(plan.steps.filter((s) => s.kind === 'createPolicy')).toHaveLength(3);
  });

  it('a plan that uploads no SCP or RCP makes no Access Analyzer call', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization();
    fake.seedPolicy({ name: 'Kept', description: 'kept', content: JSON.stringify(KEPT) });
    const desired = desiredFrom('policies:', '  Kept:', '    description: kept', `    document: ${JSON.stringify(KEPT)}`, '  Tags:', '    type: TAG_POLICY', '    document: { tags: {} }', 'root:', `  accounts: ["${MGMT}"]`);
    const { plan } = await makePlan(fake, desired, SHA, { audit: false });
    expect(plan.steps.map((s) => s.kind)).toEqual(['enablePolicyType', 'createPolicy']);
    expect(fake.callCount('ValidatePolicy')).toBe(0);
  });
});

describe('plan with IAM Access Analyzer, our emulator (which does not serve it)', () => {
  const emulator = useEmulator({ rateLimits: false });

  it('a plan that creates an SCP says once that it could not check, plans on, and the re-plan after apply sends nothing', async () => {
    emulator().seed(snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: WORLD_MGMT, parentPath: '/' }], budgets: [] }));
    const desired = parseOrgYaml(
      ['version: 1', 'organization:', `  managementAccountId: "${WORLD_MGMT}"`, 'policies:', '  Deny:', `    document: ${JSON.stringify(DENY)}`, '  Other:', `    document: ${JSON.stringify(KEPT)}`, 'root:', '  policies: [FullAWSAccess, Deny]', `  accounts: ["${WORLD_MGMT}"]`, ''].join('\n'),
      'org.yaml',
    );
    if (!desired.ok) throw new Error('org.yaml does not parse');
    const port = emulatorPort(emulator().url, WORLD_MGMT);
    try {
      const outcome = await runApplyWorkflow({ port, desired: desired.value, orgYamlSha256: SHA, confirm: async () => true });
      if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
      expect(outcome.plan.errors).toEqual([]);
      expect(outcome.plan.warnings.filter((n) => n.code.startsWith('access-analyzer'))).toEqual([
        { code: 'access-analyzer-unavailable', message: expect.stringMatching(/^IAM Access Analyzer could not check the SCPs and RCPs, so only orgctl's own checks ran: ValidatePolicy failed: /) },
      ]);
      expect(outcome.converged).toBe(true);
      // One request for the plan (it stops at the first "could not check"), none for the converged re-plan.
      expect(port.stats().calls['ValidatePolicy']).toBe(1);
    } finally {
      port.destroy();
    }
  });
});

describe('orgctl plan shows the check (our emulator, which does not serve Access Analyzer)', () => {
  const emulator = useEmulator({ rateLimits: false });

  it('text and json: one "could not check" warning, and the plan with its steps', async () => {
    emulator().seed(snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: WORLD_MGMT, parentPath: '/' }], budgets: [] }));
    const ws = workspace({
      'org.yaml': ['version: 1', 'organization:', `  managementAccountId: "${WORLD_MGMT}"`, 'policies:', '  Deny:', `    document: ${JSON.stringify(DENY)}`, 'root:', '  policies: [FullAWSAccess, Deny]', `  accounts: ["${WORLD_MGMT}"]`, ''].join('\n'),
    });
    const port = emulatorPort(emulator().url, WORLD_MGMT);
    try {
      const text = await orgctl(['plan'], { cwd: ws.dir, port });
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/! IAM Access Analyzer could not check the SCPs and RCPs, so only orgctl's own checks ran: ValidatePolicy failed: /);
      expect(text.stdout).toContain('+ policy:Deny');
      const json = await orgctl(['plan', '--format', 'json'], { cwd: ws.dir, port });
      const plan = JSON.parse(json.stdout) as { warnings: { code: string }[]; steps: unknown[] };
      expect(plan.warnings.filter((w) => w.code === 'access-analyzer-unavailable')).toHaveLength(1);
      expect(plan.steps.length).toBeGreaterThan(0);
    } finally {
      port.destroy();
      ws.remove();
    }
  });
});
