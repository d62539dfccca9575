// `--format json` for validate, apply and import (issue #18, part 3): one JSON document on stdout, in
// the shapes docs/cli-json.md documents (every field printed is in its table).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeAwsPort } from '../support/fake-port.js';
import { orgctl, workspace } from '../workflow/support/cli-harness.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const ORG_YAML = `version: 1
organization:
  managementAccountId: "${MGMT}"
root:
  accounts: ["${MGMT}"]
  organizationalUnits:
    Workloads: {}
`;
const DOC = readFileSync(new URL('../../docs/cli-json.md', import.meta.url), 'utf8');

/** The section of docs/cli-json.md for a command. */
function documented(command: string): string {
  const start = DOC.indexOf(`## \`orgctl ${command} --format json\``);
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}
function expectDocumented(command: string, value: Record<string, unknown>): void {
  const section = documented(command);
  for (const key of Object.keys(value)) expect(section, `${command}: ${key}`).toContain(`| \`${key}\` |`);
}

let ws: ReturnType<typeof workspace> | undefined;
afterEach(() => ws?.remove());
const fakeOrg = (): FakeAwsPort => {
  const fake = new FakeAwsPort();
  fake.seedOrganization();
  return fake;
};

describe('validate --format json', () => {
  it('valid: the counts, no problems, exit 0', async () => {
    ws = workspace({ 'org.yaml': ORG_YAML });
    const run = await orgctl(['validate', '--format', 'json'], { cwd: ws.dir, port: new FakeAwsPort() });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(output).toEqual({ formatVersion: 1, file: 'org.yaml', valid: true, summary: { ous: 1, accountsPlaced: 1, budgets: 0 }, problems: [] });
    expectDocumented('validate', output);
  });

  it('invalid: every problem with its position, on stdout, exit 1', async () => {
    ws = workspace({ 'org.yaml': `${ORG_YAML}colour: red\n` });
    const run = await orgctl(['validate', '--format', 'json'], { cwd: ws.dir, port: new FakeAwsPort() });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const output = JSON.parse(run.stdout) as { valid: boolean; problems: Record<string, unknown>[] };
    expect(output.valid).toBe(false);
    expect(output.problems).toEqual([expect.objectContaining({ severity: 'error', file: 'org.yaml', line: 8, column: 1, pointer: '/colour' })]);
    expectDocumented('validate', output);
  });
});

describe('apply --format json', () => {
  it('runs silently, then prints the plan, every step and convergence', async () => {
    ws = workspace({ 'org.yaml': ORG_YAML });
    const fake = fakeOrg();
    const run = await orgctl(['apply', '--auto-approve', '--format', 'json'], { cwd: ws.dir, port: fake });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(output).toMatchObject({
      formatVersion: 1,
      outcome: 'applied',
      converged: true,
      steps: [{ index: 0, kind: 'createOrganizationalUnit', address: 'ou:/Workloads', status: 'ok' }],
    });
    expect((output['plan'] as { steps: unknown[] }).steps).toHaveLength(1);
    expectDocumented('apply', output);

    const again = await orgctl(['apply', '--auto-approve', '--format', 'json'], { cwd: ws.dir, port: fake });
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'no-changes', converged: true, steps: [] });
  });

  it('asks no question: without --auto-approve or --plan it is refused before AWS is read', async () => {
    ws = workspace({ 'org.yaml': ORG_YAML });
    const fake = fakeOrg();
    const run = await orgctl(['apply', '--format', 'json'], { cwd: ws.dir, port: fake, answer: 'yes' });
    expect(run.stderr).toBe('Error: --format json asks no question: pass --auto-approve, or apply a reviewed plan with --plan.\n');
    expect(run.code).toBe(1);
    expect(fake.calls).toEqual([]);
  });
});

describe('import --format json', () => {
  it('writes org.yaml and prints the summary as JSON', async () => {
    ws = workspace({});
    const fake = fakeOrg();
    const run = await orgctl(['import', '--format', 'json'], { cwd: ws.dir, port: fake });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(output).toMatchObject({ formatVersion: 1, managementAccountId: MGMT, file: 'org.yaml', counts: { ous: 0, accountsPlaced: 1, budgets: 0 } });
    expect(output['leftOut']).toMatchObject({ inactiveAccounts: [], budgets: [], taggedResources: null });
    expectDocumented('import', output);
    expect(readFileSync(join(ws.dir, 'org.yaml'), 'utf8')).toContain(MGMT);
  });

  it('refuses --out - (standard output holds the JSON)', async () => {
    ws = workspace({});
    const run = await orgctl(['import', '--format', 'json', '--out', '-'], { cwd: ws.dir, port: fakeOrg() });
    expect(run.stderr).toContain('--format json prints the summary on standard output');
    expect(run.code).toBe(1);
  });
});
