// The config loader reads each permission set's `inlinePolicy:` file relative to org.yaml, as it reads
// policies' `file:`: a JSON error at its line and column in that file, a missing file at the
// `inlinePolicy:` key in org.yaml, and the document as a JSON value on the permission set.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load-org-file.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function load(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'orgctl-ps-inline-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'policies'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return loadOrgFile(join(dir, 'org.yaml'), 'org.yaml');
}

const ORG = (file: string) =>
  [
    'version: 1',
    'organization:',
    '  managementAccountId: "123456789012"',
    'root: {}',
    'identityCenter:',
    '  region: us-east-1',
    '  permissionSets:',
    '    Admin:',
    `      inlinePolicy: ${file}`,
    '',
  ].join('\n');

describe('permission set inline policy files', () => {
  it('reads the document relative to org.yaml onto the permission set', async () => {
    const loaded = await load({ 'org.yaml': ORG('policies/admin.json'), 'policies/admin.json': '{"Version":"2012-10-17","Statement":[]}' });
    if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join('\n'));
    expect(loaded.value.desired.identityCenter?.permissionSets[0]).toMatchObject({ inlinePolicyFile: 'policies/admin.json', inlinePolicy: { Version: '2012-10-17', Statement: [] } });
  });

  it('reports a missing file at the `inlinePolicy:` key in org.yaml', async () => {
    const loaded = await load({ 'org.yaml': ORG('policies/missing.json') });
    expect(loaded.ok ? [] : loaded.errors.map(formatDiagnostic)).toEqual([
      'org.yaml:9:7: permission set "Admin": file not found (looked for policies/missing.json). `inlinePolicy:` is relative to org.yaml.',
    ]);
  });

  it('reports a JSON syntax error at its line and column in the policy file', async () => {
    const loaded = await load({ 'org.yaml': ORG('policies/admin.json'), 'policies/admin.json': '{\n  "Version": "2012-10-17",\n  "Statement": [}\n' });
    const problems = loaded.ok ? [] : loaded.errors.map(formatDiagnostic);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^policies\/admin\.json:3:17: /);
  });
});

describe("the loaded file's sha256 covers the permission sets' inline policy files", () => {
  const DOC = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
  async function sha256Of(policy: string): Promise<string> {
    const loaded = await load({ 'org.yaml': ORG('policies/admin.json'), 'policies/admin.json': policy });
    if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join('\n'));
    return loaded.value.sha256;
  }

  it('an edit of the inline policy file changes it (a saved plan made before the edit is refused); the same file gives the same hash', async () => {
    const first = await sha256Of(DOC);
    expect(await sha256Of(DOC)).toBe(first);
    expect(await sha256Of(DOC.replace('s3:*', 'ec2:*'))).not.toBe(first);
  });
});
