// docs/import.md shows what import prints and writes for one organization; this builds that
// organization and checks both, so the documentation cannot drift from the command.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeAwsPort } from '../support/fake-port.js';
import { runOrgctl } from './support/run-orgctl.js';

const DOC = readFileSync(new URL('../../docs/import.md', import.meta.url), 'utf8');
const MGMT = '123456789012';

function block(language: string, containing: string): string {
  const found = [...DOC.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '').find((b) => b.includes(containing));
  if (found === undefined) throw new Error(`docs/import.md has no ${language} block with ${containing}`);
  return found;
}

function exampleOrganization(): FakeAwsPort {
  const fake = new FakeAwsPort({ callerAccountId: MGMT });
  const { rootId } = fake.seedOrganization({ managementAccountId: MGMT });
  const security = fake.seedOu(rootId, 'Security');
  const workloads = fake.seedOu(rootId, 'Workloads');
  const prod = fake.seedOu(workloads, 'Prod');
  const dev = fake.seedOu(workloads, 'Dev');
  fake.seedAccount({ id: '444444444444', name: 'audit', parentId: security });
  fake.seedAccount({ id: '222222222222', name: 'payments-prod', parentId: prod });
  fake.seedAccount({ id: '333333333333', name: 'payments-dev', parentId: dev });
  fake.seedAccount({ id: '555555555555', name: 'old-sandbox', parentId: dev, state: 'SUSPENDED' });
  const policy = fake.seedPolicy({ id: 'p-examplepolicy', name: 'DenyRegions' });
  fake.seedAttachment(policy, rootId);
  fake.seedAttachment(policy, workloads);
  const subscribers = [{ type: 'EMAIL' as const, address: 'ops@example.com' }];
  fake.seedBudget(MGMT, { name: 'monthly', amount: 100, notifications: [{ type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE', subscribers }] });
  fake.seedBudget(MGMT, { name: 'usage-hours', budgetType: 'USAGE', unit: 'Hrs', notifications: [{ type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE', subscribers }] });
  return fake;
}

describe('docs/import.md', () => {
  it('shows the file and the report import gives for its example organization', async () => {
    const fake = exampleOrganization();
    // The policy documents are written beside org.yaml (here: the current directory), so not in the repository.
    const cwd = mkdtempSync(join(tmpdir(), 'orgctl-docs-import-'));
    const run = await runOrgctl(['import', '--out', '-'], { cwd, port: fake });
    expect(JSON.parse(readFileSync(join(cwd, 'policies/DenyRegions.json'), 'utf8'))).toEqual({ Version: '2012-10-17', Statement: [] });
    rmSync(cwd, { recursive: true, force: true });
    expect(run.code).toBe(0);
    const orgId = fake.organizationOrNull!.id;
    const asDocumented = (text: string) => text.replaceAll(orgId, 'o-a1b2c3d4e5');
    expect(asDocumented(run.stdout)).toBe(block('yaml', 'yaml-language-server'));
    expect(asDocumented(run.stderr).replace('into standard output:', 'into org.yaml:')).toBe(block('text', 'Next steps'));
  });
});
