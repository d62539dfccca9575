// The config loader reads each policy's `file:` relative to org.yaml: a JSON error is reported at its
// line and column in the policy file, a missing file at the `file:` key in org.yaml, and the declared
// documents are checked (grammar, size) once read.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load-org-file.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'orgctl-policy-files-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'policies'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const loaded = await loadOrgFile(join(dir, 'org.yaml'), 'org.yaml');
  return loaded.ok ? [] : loaded.errors.map(formatDiagnostic);
}

const ORG = (file: string) =>
  ['version: 1', 'organization:', '  managementAccountId: "123456789012"', 'policies:', '  Deny:', `    file: ${file}`, 'root:', '  policies: [FullAWSAccess, Deny]', ''].join('\n');

describe('policy files', () => {
  it('reads the document relative to org.yaml', async () => {
    expect(await problemsOf({ 'org.yaml': ORG('policies/deny.json'), 'policies/deny.json': '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}' })).toEqual([]);
  });

  it('reports a JSON syntax error at its line and column in the policy file', async () => {
    const problems = await problemsOf({ 'org.yaml': ORG('policies/deny.json'), 'policies/deny.json': '{\n  "Version": "2012-10-17",\n  "Statement": [}\n' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^policies\/deny\.json:3:17: the policy document is not valid JSON: /);
  });

  it('reports a missing file at the `file:` key in org.yaml', async () => {
    expect(await problemsOf({ 'org.yaml': ORG('policies/missing.json') })).toEqual([
      'org.yaml:6:5: policy "Deny": file not found (looked for policies/missing.json). `file:` is relative to org.yaml.',
    ]);
  });

  it("checks the document once read: an SCP's grammar", async () => {
    const problems = await problemsOf({ 'org.yaml': ORG('policies/deny.json'), 'policies/deny.json': '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}' });
    expect(problems.join('\n')).toMatch(/^policies\/deny\.json:1:1: .*Principal/);
  });
});

describe("the loaded file's sha256 (what a saved plan is checked against)", () => {
  const DENY = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}';
  async function sha256Of(files: Record<string, string>): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'orgctl-policy-files-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'policies'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const loaded = await loadOrgFile(join(dir, 'org.yaml'), 'org.yaml');
    if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join('\n'));
    return loaded.value.sha256;
  }

  it('covers the policy files org.yaml names: any edit of one, even whitespace, changes it; the same files give the same hash', async () => {
    const first = await sha256Of({ 'org.yaml': ORG('policies/deny.json'), 'policies/deny.json': DENY });
    expect(await sha256Of({ 'org.yaml': ORG('policies/deny.json'), 'policies/deny.json': DENY })).toBe(first);
    expect(await sha256Of({ 'org.yaml': ORG('policies/deny.json'), 'policies/deny.json': `${DENY}\n` })).not.toBe(first);
    expect(await sha256Of({ 'org.yaml': ORG('policies/deny.json'), 'policies/deny.json': DENY.replace('s3:*', 'ec2:*') })).not.toBe(first);
  });
});
