// `orgctl plan --rehearse` (issue #18, part 2): the plan, then the estimated apply time and the
// rehearsal's verdict, in text, markdown and json; a step AWS would refuse makes the exit code 1.
// AWS here is the fake port: it records every call, so the tests see that only reads reached it.

import { describe, expect, it } from 'vitest';
import { PORT_OPERATIONS } from '../../src/aws/operations.js';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { parsePlanFile } from '../../src/render/plan-file.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { workspace } from '../workflow/support/cli-harness.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const MEMBER = '222222222222';
const WRITES = new Set<string>(Object.values(PORT_OPERATIONS).filter((o) => o.access === 'write').map((o) => o.operation));

async function plan(orgYaml: string, fake: FakeAwsPort, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const ws = workspace({ 'org.yaml': orgYaml });
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: ws.dir, awsPort: fake };
  try {
    const code = await runCli(['plan', ...args], io);
    return { code, stdout, stderr };
  } finally {
    ws.remove();
  }
}

function smallOrg(): { fake: FakeAwsPort; orgYaml: string } {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  fake.seedAccount({ id: MEMBER, name: 'member' });
  const orgYaml = `version: 1
organization:
  managementAccountId: "${MGMT}"
root:
  accounts: ["${MGMT}"]
  organizationalUnits:
    Workloads:
      accounts: ["${MEMBER}"]
`;
  return { fake, orgYaml };
}

/** An organization at AWS's 2,000-OU quota, and an org.yaml that replaces one OU with another. */
function fullOrg(): { fake: FakeAwsPort; orgYaml: string } {
  const fake = new FakeAwsPort();
  const { rootId } = fake.seedOrganization();
  for (let i = 1; i < 2000; i += 1) fake.seedOu(rootId, `Team${i}`);
  fake.seedAccount({ id: MEMBER, name: 'member', parentId: fake.seedOu(rootId, 'Old') });
  const teams = Array.from({ length: 1999 }, (_, i) => `    Team${i + 1}: {}`).join('\n');
  const orgYaml = `version: 1
organization:
  managementAccountId: "${MGMT}"
root:
  accounts: ["${MGMT}"]
  organizationalUnits:
${teams}
    New:
      accounts: ["${MEMBER}"]
options:
  pruneOrganizationalUnits: true
`;
  return { fake, orgYaml };
}

describe('orgctl plan --rehearse', () => {
  it('text: the plan, the estimate, then "rehearsal: N steps applied, converged"; AWS saw reads only', async () => {
    const { fake, orgYaml } = smallOrg();
    const run = await plan(orgYaml, fake, ['--rehearse']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nPlan: 1 to create, 1 to update, 0 to delete\..*\n\nEstimated apply time: under a second of pacing, from AWS's published rates\.\nrehearsal: 2 steps applied, converged\n$/);
    expect(fake.calls.map((c) => c.operation).filter((op) => WRITES.has(op))).toEqual([]);
  });

  it('without --rehearse: the estimate, no rehearsal', async () => {
    const { fake, orgYaml } = smallOrg();
    const run = await plan(orgYaml, fake, []);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Estimated apply time: ');
    expect(run.stdout).not.toContain('rehearsal');
  });

  it('json: the plan value with applyEstimate and rehearsal, still a valid plan file', async () => {
    const { fake, orgYaml } = smallOrg();
    const run = await plan(orgYaml, fake, ['--rehearse', '--format', 'json']);
    expect(run.code).toBe(0);
    const parsed = parsePlanFile(run.stdout, 'plan.json');
    expect(parsed.ok).toBe(true);
    expect(JSON.parse(run.stdout)).toMatchObject({ applyEstimate: { seconds: 0, assumedRates: false }, rehearsal: { outcome: 'converged', applied: 2 } });
  });

  it('markdown: the verdict after the plan, escaped', async () => {
    const { fake, orgYaml } = smallOrg();
    const run = await plan(orgYaml, fake, ['--rehearse', '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().endsWith('rehearsal\\: 2 steps applied, converged')).toBe(true);
  });

  it('a step AWS would refuse: named with the reason, exit 1, nothing written to AWS', async () => {
    const { fake, orgYaml } = fullOrg();
    const run = await plan(orgYaml, fake, ['--rehearse']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\nrehearsal: AWS would refuse step 1 \(createOrganizationalUnit ou:\/New\) after 0 steps applied: .*OU/);
    expect(fake.calls.map((c) => c.operation).filter((op) => WRITES.has(op))).toEqual([]);
  });
});
