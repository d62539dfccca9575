// `orgctl import` end to end in-process against FakeAwsPort: where it writes and when it refuses,
// the guard, what it lists as comments, the calls it makes, and that its output is stable.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectedImportCalls } from '../../src/importer/import-call-bound.js';
import { importOrg } from '../../src/importer/import-org.js';
import type { NotificationSpec } from '../../src/model/plan.js';
import { FakeAwsPort } from '../support/fake-port.js';
import { runOrgctl, tempDir } from './support/run-orgctl.js';

const MGMT = FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
const email = (address: string) => ({ type: 'EMAIL' as const, address });
const sns = (address: string) => ({ type: 'SNS' as const, address });
const actual80: NotificationSpec = { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE', subscribers: [email('ops@example.com')] };

/** A small organization: /Workloads/{Prod,Dev}, /Security, accounts in each, one budget. */
function seedSmallOrg(fake: FakeAwsPort): { rootId: string; prod: string; dev: string; workloads: string; security: string } {
  const { rootId } = fake.seedOrganization({ managementAccountId: MGMT });
  const workloads = fake.seedOu(rootId, 'Workloads');
  const security = fake.seedOu(rootId, 'Security');
  const prod = fake.seedOu(workloads, 'Prod');
  const dev = fake.seedOu(workloads, 'Dev');
  fake.seedAccount({ id: '222222222222', name: 'payments-prod', parentId: prod });
  fake.seedAccount({ id: '222222222223', name: 'web-prod', parentId: prod });
  fake.seedAccount({ id: '333333333333', name: 'payments-dev', parentId: dev });
  fake.seedAccount({ id: '333333333334', name: 'web-dev', parentId: dev });
  fake.seedAccount({ id: '444444444444', name: 'audit', parentId: security });
  fake.seedBudget(MGMT, { name: 'monthly', amount: 100, notifications: [actual80] });
  return { rootId, prod, dev, workloads, security };
}

describe('orgctl import: where it writes', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir, remove } = await tempDir()));
  afterEach(async () => remove());

  it('writes org.yaml in the current directory, reports counts and next steps on stderr', async () => {
    const fake = new FakeAwsPort();
    seedSmallOrg(fake);
    const run = await runOrgctl(['import'], { cwd: dir, port: fake });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const text = await readFile(join(dir, 'org.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/schema\/org\.schema\.json\n/);
    expect(text).toContain('  managementAccountId: "111111111111"\n');
    expect(run.stderr).toContain(`Imported organization ${fake.organizationOrNull!.id} (management account ${MGMT}) into org.yaml:`);
    expect(run.stderr).toContain('  4 OUs, 6 accounts placed, 1 budget.');
    expect(run.stderr).toContain('Tags were not read; run with --include-tags');
    expect(run.stderr).toMatch(/Next steps:\n  1\. Review org\.yaml.*\n  2\. Commit it.*\n  3\. Open a pull request: the plan orgctl posts on it should show no changes\./);
    expect(run.stderr).toContain('orgctl plan --detailed-exitcode');
  });

  it('refuses to overwrite an existing file without --force, before reading anything', async () => {
    await writeFile(join(dir, 'org.yaml'), 'hand-written\n');
    const fake = new FakeAwsPort();
    seedSmallOrg(fake);
    const run = await runOrgctl(['import'], { cwd: dir, port: fake });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Error: org.yaml already exists; orgctl import does not overwrite it, so nothing was written.\n' +
        '  Pass --force to replace it, --out <path> to write elsewhere, or --out - to print to standard output.\n',
    );
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe('hand-written\n');
    expect(fake.calls).toEqual([]);
  });

  it('overwrites with --force', async () => {
    await writeFile(join(dir, 'org.yaml'), 'hand-written\n');
    const fake = new FakeAwsPort();
    seedSmallOrg(fake);
    const run = await runOrgctl(['import', '--force'], { cwd: dir, port: fake });
    expect(run.code).toBe(0);
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toContain('payments-prod');
  });

  it('writes to standard output with --out -, and creates no file', async () => {
    const fake = new FakeAwsPort();
    seedSmallOrg(fake);
    const run = await runOrgctl(['import', '--out', '-'], { cwd: dir, port: fake });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# yaml-language-server/);
    expect(run.stdout).toContain('- { id: "444444444444", name: audit, email: audit+444444444444@example.com }');
    expect(run.stderr).toContain('into standard output:');
    await expect(readFile(join(dir, 'org.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('writes to --out <path>, and refuses a missing directory or a directory as the file before reading', async () => {
    const fake = new FakeAwsPort();
    seedSmallOrg(fake);
    await mkdir(join(dir, 'config'));
    expect((await runOrgctl(['import', '-o', 'config/org.yaml'], { cwd: dir, port: fake })).code).toBe(0);
    expect(await readFile(join(dir, 'config', 'org.yaml'), 'utf8')).toContain('Workloads:');

    fake.resetCalls();
    const missing = await runOrgctl(['import', '--out', 'nowhere/org.yaml'], { cwd: dir, port: fake });
    expect([missing.code, missing.stderr]).toEqual([1, 'Error: cannot write nowhere/org.yaml: its directory does not exist, so nothing was written. Create it, or pass another --out.\n']);
    const directory = await runOrgctl(['import', '--out', 'config'], { cwd: dir, port: fake });
    expect(directory.code).toBe(1);
    expect(directory.stderr).toContain('Error: config is a directory');
    expect(fake.calls).toEqual([]);
  });

  it('says there is nothing to import when the account is not in an organization', async () => {
    const fake = new FakeAwsPort();
    fake.seedBudget(MGMT, { name: 'standalone', notifications: [actual80] });
    const run = await runOrgctl(['import'], { cwd: dir, port: fake });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: account ${MGMT} is not in an organization, so there is nothing to import.`);
    expect(run.stderr).toContain('run `orgctl plan`: it shows the bootstrap');
    expect(fake.calls.map((c) => c.operation)).toEqual(['GetCallerIdentity', 'DescribeOrganization']);
    await expect(readFile(join(dir, 'org.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it("refuses a member account's credentials, naming the management account", async () => {
    const fake = new FakeAwsPort({ callerAccountId: '222222222222' });
    seedSmallOrg(fake);
    const run = await runOrgctl(['import'], { cwd: dir, port: fake });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `Error: these credentials belong to account 222222222222, a member of organization ${fake.organizationOrNull!.id}; orgctl import must run as its management account, ${MGMT}.\n` +
        "  Use credentials of the management account (AWS_PROFILE, or the role you assume), then run orgctl import again.\n",
    );
    expect(fake.calls.map((c) => c.operation)).toEqual(['GetCallerIdentity', 'DescribeOrganization']);
    await expect(readFile(join(dir, 'org.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('refuses an --identity-center-region that is not a region, before reading anything', async () => {
    const fake = new FakeAwsPort();
    const run = await runOrgctl(['import', '--identity-center-region', 'Europe'], { cwd: dir, port: fake });
    expect([run.code, run.stderr]).toEqual([1, 'Error: --identity-center-region "Europe" is not a region; write one like us-east-1.\n']);
    expect(fake.calls).toEqual([]);
  });

  it('reads Identity Center only with --identity-center-region', async () => {
    const fake = new FakeAwsPort();
    seedSmallOrg(fake);
    const instance = fake.security.addIdentityCenterInstance('eu-west-1', MGMT);
    fake.permissionSets.seed(instance.instanceArn, { name: 'ReadOnly', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    expect((await runOrgctl(['import', '--out', 'a.yaml'], { cwd: dir, port: fake })).code).toBe(0);
    expect(fake.calls.filter((c) => c.operation === 'ListInstances' || c.operation === 'ListPermissionSets')).toEqual([]);
    expect((await runOrgctl(['import', '--out', 'b.yaml', '--identity-center-region', 'eu-west-1'], { cwd: dir, port: fake })).code).toBe(0);
    expect(await readFile(join(dir, 'b.yaml'), 'utf8')).toContain(
      ['identityCenter:', '  region: eu-west-1', '  permissionSets:', '    ReadOnly:', '      sessionDuration: PT1H', '      managedPolicies: ["arn:aws:iam::aws:policy/ReadOnlyAccess"]'].join('\n'),
    );
  });

  it('finds the Identity Center region from --identity-center-region, else the org.yaml it replaces, else AWS_REGION', async () => {
    const fake = new FakeAwsPort();
    seedSmallOrg(fake);
    fake.permissionSets.seed(fake.security.addIdentityCenterInstance('eu-west-1', MGMT).instanceArn, { name: 'InIreland' });
    fake.permissionSets.seed(fake.security.addIdentityCenterInstance('us-east-1', MGMT).instanceArn, { name: 'InVirginia' });
    const env = { AWS_REGION: 'us-east-1' };
    const regionOf = async (): Promise<string | undefined> => /identityCenter:\n {2}region: ([a-z0-9-]+)/.exec(await readFile(join(dir, 'c.yaml'), 'utf8'))?.[1];
    expect((await runOrgctl(['import', '--out', 'c.yaml'], { cwd: dir, port: fake, env })).code).toBe(0);
    expect(await regionOf()).toBe('us-east-1');
    // The file being replaced names another region: it wins over AWS_REGION.
    await writeFile(join(dir, 'c.yaml'), (await readFile(join(dir, 'c.yaml'), 'utf8')).replace('region: us-east-1', 'region: eu-west-1'));
    expect((await runOrgctl(['import', '--out', 'c.yaml', '--force'], { cwd: dir, port: fake, env })).code).toBe(0);
    expect(await regionOf()).toBe('eu-west-1');
    expect(await readFile(join(dir, 'c.yaml'), 'utf8')).toContain('InIreland');
    // The flag wins over both.
    expect((await runOrgctl(['import', '--out', 'c.yaml', '--force', '--identity-center-region', 'us-east-1'], { cwd: dir, port: fake, env })).code).toBe(0);
    expect(await regionOf()).toBe('us-east-1');
  });

  it('refuses unknown options with usage help', async () => {
    const run = await runOrgctl(['import', '--prune'], { cwd: dir, port: new FakeAwsPort() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Unknown option '--prune'.*orgctl import --help/);
  });
});

describe('orgctl import: what org.yaml cannot express is listed as comments', () => {
  /** An organization with one of everything org.yaml cannot express. */
  function seedInexpressible(fake: FakeAwsPort): void {
    const { rootId, prod, workloads, security } = seedSmallOrg(fake);
    fake.seedAccount({ id: '555555555555', name: 'old-sandbox', parentId: prod, state: 'SUSPENDED' });
    fake.seedAccount({ id: '555555555556', name: 'gone', state: 'CLOSED' });
    const denyRegions = fake.seedPolicy({ id: 'p-denyregions', name: 'DenyRegions' });
    fake.seedAttachment(denyRegions, workloads);
    fake.seedAttachment(denyRegions, rootId);
    fake.seedAttachment(denyRegions, '444444444444');
    fake.seedPolicy({ id: 'p-unused0001', name: 'Unused' });
    fake.seedPolicy({ id: 'p-tagpolicy1', name: 'Tags', type: 'TAG_POLICY' });
    fake.seedBudget(MGMT, { name: 'usage-hours', budgetType: 'USAGE', unit: 'Hrs', notifications: [actual80] });
    fake.seedBudget(MGMT, { name: 'planned', amount: null, notifications: [actual80] });
    fake.seedBudget(MGMT, { name: 'custom-period', timeUnit: 'CUSTOM', notifications: [actual80] });
    fake.seedBudget(MGMT, { name: 'silent', notifications: [] });
    fake.seedBudget(MGMT, { name: 'local-mail', notifications: [{ ...actual80, subscribers: [email('root@localhost')] }] });
    fake.seedTags(rootId, { env: 'prod' });
    fake.seedTags(security, { owner: 'secops', 'cost-center': '42' });
    fake.seedTags('222222222222', { team: 'payments' });
    fake.seedBudget(MGMT, {
      name: 'tagged',
      amount: 5,
      tags: { 'managed-by': 'someone' },
      notifications: [{ type: 'FORECASTED', comparison: 'GREATER_THAN', threshold: 500, thresholdType: 'ABSOLUTE_VALUE', subscribers: [sns('arn:aws:sns:us-east-1:111111111111:alerts')] }],
    });
  }

  it('lists accounts not ACTIVE and inexpressible budgets, declares the policies with their attachments, and says tags were not read', async () => {
    const fake = new FakeAwsPort();
    seedInexpressible(fake);
    const { text } = await importOrg(fake);
    expect(text.slice(text.indexOf('\n# ---'))).toBe(`
# ----------------------------------------------------------------------------------------------------
# Not in org.yaml: orgctl import found the following, which org.yaml cannot express.
# orgctl leaves all of it as it is.
#
# Accounts that are not ACTIVE (not placed above; plan reports them as unlisted):
#   555555555556 gone: CLOSED, in /
#   555555555555 old-sandbox: SUSPENDED, in /Workloads/Prod
#
# Budgets org.yaml cannot express (not declared above):
#   custom-period:
#     - time unit CUSTOM; org.yaml has DAILY, MONTHLY, QUARTERLY, ANNUALLY
#   local-mail:
#     - notification ACTUAL:GREATER_THAN:80:PERCENTAGE: email address "root@localhost" is not one org.yaml accepts
#   planned:
#     - no fixed limit (planned or auto-adjusted amounts)
#   silent:
#     - no notifications; org.yaml needs at least one per budget
#   usage-hours:
#     - a USAGE budget; org.yaml declares COST budgets only
#
# Tags: not read. Reading them takes one call per account, OU and budget (minutes for
# thousands of accounts); run \`orgctl import --include-tags\` to declare them as \`tags:\` keys.
`);
    // The expressible budgets are declared, the others are not.
    expect(text).toContain('  - name: monthly\n');
    expect(text).toContain('  - name: tagged\n');
    expect(text).not.toMatch(/- name: (usage-hours|planned|custom-period|silent|local-mail)\n/);
    expect(text).not.toContain('"555555555555"');
    expect(fake.callCount('ListTagsForResource')).toBe(0);
    // Customer policies of the enabled types are declared, their documents in files; attachments beyond AWS's defaults are listed.
    expect(text).toContain('policies:\n  DenyRegions:\n    type: SERVICE_CONTROL_POLICY\n    description: ""\n    file: policies/DenyRegions.json\n  Unused:\n');
    expect(text).toContain('root:\n  policies: [FullAWSAccess, DenyRegions]\n');
    expect(text).toContain('    Workloads:\n      policies: [FullAWSAccess, DenyRegions]\n');
    expect(text).toContain('{ id: "444444444444", name: audit, email: audit+444444444444@example.com, policies: [FullAWSAccess, DenyRegions] }');
  });

  it('declares tags as tags: keys with --include-tags, lists managed-by in the comments, reading each resource once', async () => {
    const fake = new FakeAwsPort();
    seedInexpressible(fake);
    fake.seedTags('p-unused0001', { owner: 'security', 'managed-by': 'orgctl' });
    const { text, reading } = await importOrg(fake, { includeTags: true });
    expect(text).toContain('root:\n  tags: { env: prod }\n');
    // A customer policy's tags, but for orgctl's own managed-by; a policy without tags gets no key.
    expect(text).toContain('    file: policies/Unused.json\n    tags: { owner: security }\n');
    expect(text).toContain('    file: policies/DenyRegions.json\n');
    expect(text).not.toContain('    file: policies/DenyRegions.json\n    tags:');
    expect(text).toContain('    Security:\n      tags: { cost-center: "42", owner: secops }\n');
    expect(text).toContain('{ id: "222222222222", name: payments-prod, email: paymentsprod+222222222222@example.com, tags: { team: payments } }');
    // The budget's only tag is managed-by, which orgctl never sets from org.yaml: a comment, not a key.
    expect(text.slice(text.indexOf('# Tags'))).toBe(`# Tags not declared above (of resources left out, and aws: or managed-by keys, which orgctl never changes):
#   budget tagged: managed-by=someone
`);
    // Root + 4 OUs + 8 accounts + 2 customer policies (the SCPs; TAG_POLICY is not enabled, so not listed) (Organizations),
    // 7 budgets (Budgets): one operation name for both.
    expect(fake.callCount('ListTagsForResource')).toBe(1 + 4 + 8 + 2 + 7);
    expect(fake.stats().calls).toEqual(expectedImportCalls(reading));
  });

  it('reads no policies in an organization with consolidated billing only', async () => {
    const fake = new FakeAwsPort();
    fake.seedOrganization({ featureSet: 'CONSOLIDATED_BILLING' });
    const { text } = await importOrg(fake);
    expect(text).toContain('  featureSet: CONSOLIDATED_BILLING\n');
    expect(text).not.toContain('policies:');
    expect(fake.callCount('ListPolicies')).toBe(0);
  });
});

describe('orgctl import: calls', () => {
  it('makes exactly the bulk read plus the policy and service-access reads: no second GetCallerIdentity, DescribeOrganization or ListRoots', async () => {
    const fake = new FakeAwsPort();
    const { workloads } = seedSmallOrg(fake);
    fake.seedAttachment(fake.seedPolicy({ name: 'DenyRegions' }), workloads);
    fake.seedPolicy({ name: 'Unused' });
    const { reading } = await importOrg(fake);
    const calls = fake.stats().calls;
    expect(calls).toEqual(expectedImportCalls(reading));
    expect(calls).toEqual({
      GetCallerIdentity: 1,
      DescribeOrganization: 1,
      ListRoots: 1,
      ListOrganizationalUnitsForParent: 5,
      ListAccountsForParent: 5,
      DescribeBudgets: 1,
      DescribeBudgetNotificationsForAccount: 1,
      DescribeSubscribersForNotification: 1,
      ListPolicies: 1,
      // FullAWSAccess and the two customer policies; the customer policies' content.
      ListTargetsForPolicy: 3,
      DescribePolicy: 2,
      ListAWSServiceAccessForOrganization: 1,
      ListDelegatedAdministrators: 1,
    });
  });

  it('stops without writing when the result would not validate (a safety net for what AWS should never send)', async () => {
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization();
    fake.seedAccount({ id: '222222222222', name: 'x'.repeat(129), parentId: rootId }); // AWS caps names at 128
    const { dir, remove } = await tempDir();
    try {
      const run = await runOrgctl(['import'], { cwd: dir, port: fake });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^Error: orgctl import stopped without writing anything: the org\.yaml it wrote does not validate\. This is a bug in orgctl/);
      await expect(readFile(join(dir, 'org.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
    } finally {
      await remove();
    }
  });
});

describe('orgctl import: stable output', () => {
  it('gives the same bytes whatever order AWS lists things in, and on every re-import', async () => {
    const forward = new FakeAwsPort();
    const f = forward.seedOrganization();
    for (const name of ['Alpha', 'beta', 'Team 10', 'Team 2']) forward.seedOu(f.rootId, name);
    forward.seedAccount({ id: '200000000001', name: 'same' });
    forward.seedAccount({ id: '200000000002', name: 'same' });
    forward.seedAccount({ id: '200000000003', name: 'Zed' });
    forward.seedBudget(MGMT, { name: 'b', notifications: [{ ...actual80, subscribers: [email('z@example.com'), email('A@example.com')] }, { ...actual80, threshold: 50 }] });
    forward.seedBudget(MGMT, { name: 'a', notifications: [actual80] });

    const backward = new FakeAwsPort();
    const b = backward.seedOrganization();
    for (const name of ['Team 2', 'Team 10', 'beta', 'Alpha']) backward.seedOu(b.rootId, name);
    backward.seedAccount({ id: '200000000003', name: 'Zed' });
    backward.seedAccount({ id: '200000000002', name: 'same' });
    backward.seedAccount({ id: '200000000001', name: 'same' });
    backward.seedBudget(MGMT, { name: 'a', notifications: [actual80] });
    backward.seedBudget(MGMT, { name: 'b', notifications: [{ ...actual80, threshold: 50 }, { ...actual80, subscribers: [email('A@example.com'), email('z@example.com')] }] });

    const first = await importOrg(forward);
    const body = (text: string) => text.replace(/^# Organization o-\w+/m, '# Organization o-x'); // the two fakes have different IDs
    expect(body((await importOrg(backward)).text)).toBe(body(first.text));
    expect((await importOrg(forward)).text).toBe(first.text);
    expect(first.text).toContain(`  organizationalUnits:
    Alpha: {}
    beta: {}
    Team 2: {}
    Team 10: {}
`);
    expect(first.text).toContain(`    - { id: "111111111111", name: management, email: mgmt+111111111111@example.com }
    - { id: "200000000001", name: same, email: same+200000000001@example.com }
    - { id: "200000000002", name: same, email: same+200000000002@example.com }
    - { id: "200000000003", name: Zed, email: Zed+200000000003@example.com }
`);
    expect(first.text).toMatch(/- name: a\n[\s\S]*- name: b\n[\s\S]*threshold: 50[\s\S]*threshold: 80\n[\s\S]*- A@example\.com\n {10}- z@example\.com\n/);
  });

  it('changes only two lines when one account moves between OUs', async () => {
    const fake = new FakeAwsPort();
    const { prod, dev } = seedSmallOrg(fake);
    const before = (await importOrg(fake)).text;
    await fake.moveAccount('222222222223', prod, dev);
    const after = (await importOrg(fake)).text;
    expect(lineDiff(before, after)).toEqual({
      removed: ['            - { id: "222222222223", name: web-prod, email: webprod+222222222223@example.com }'],
      added: ['            - { id: "222222222223", name: web-prod, email: webprod+222222222223@example.com }'],
    });
    // Same line, new place: Dev lists its accounts by name.
    expect(after).toContain('Dev:\n          accounts:\n            - { id: "333333333333", name: payments-dev, email: paymentsdev+333333333333@example.com }\n            - { id: "333333333334", name: web-dev, email: webdev+333333333334@example.com }\n            - { id: "222222222223", name: web-prod, email: webprod+222222222223@example.com }\n');
  });
});

/** Lines removed and added between two texts, as a minimal line diff (LCS) would show them. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (i++, j++);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(a[i++]!);
    else added.push(b[j++]!);
  }
  return { removed: [...removed, ...a.slice(i)], added: [...added, ...b.slice(j)] };
}

describe('orgctl import: an organization too large for one org.yaml', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir, remove } = await tempDir()));
  afterEach(async () => remove());

  it('is refused with the size and the limit, not as "a bug in orgctl"; nothing is written', async () => {
    // 50,000 accounts, five OUs deep, each named with the 128 characters AWS allows a name as returned:
    // about 9 MiB of org.yaml, over the 8 MiB limit.
    const fake = new FakeAwsPort();
    const { rootId } = fake.seedOrganization({ managementAccountId: MGMT });
    let parent = rootId;
    for (const name of ['Level1', 'Level2', 'Level3', 'Level4', 'Level5']) parent = fake.seedOu(parent, name);
    for (let i = 1; i < 50_000; i++) fake.seedAccount({ id: String(300000000000 + i), name: `account-${i}-`.padEnd(128, 'x'), parentId: parent });

    const run = await runOrgctl(['import'], { cwd: dir, port: fake });
    expect(run.stderr).toMatch(
      /^Error: orgctl import stopped without writing anything: the org\.yaml for this organization would be \d+\.\d MiB, and orgctl reads org\.yaml files up to 8\.0 MiB, so plan and apply could not read it\.\n {2}For scale, an organization of 50,000 accounts needs 3 to 5 MiB\.\n$/,
    );
    expect(run.code).toBe(1);
    await expect(readFile(join(dir, 'org.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  }, 60_000);
});

describe('orgctl import: Identity Center', () => {
  it('with a region, reads the instance, permission sets, directory and every principal\'s assignments, exactly as its call bound says, and writes them back', async () => {
    const fake = new FakeAwsPort();
    seedSmallOrg(fake);
    const instance = fake.security.addIdentityCenterInstance('us-east-1', FakeAwsPort.MANAGEMENT_ACCOUNT_ID);
    const access = fake.identityCenterAccess;
    const admin = access.seedPermissionSet(instance.instanceArn, 'AdministratorAccess');
    access.seedPermissionSet(instance.instanceArn, 'Unused');
    const group = access.seedGroup(instance.identityStoreId!, 'PlatformAdmins');
    access.seedUser(instance.identityStoreId!, 'nobody@example.com');
    access.assignments.push({ instanceArn: instance.instanceArn, accountId: FakeAwsPort.MANAGEMENT_ACCOUNT_ID, permissionSetArn: admin, principal: { type: 'GROUP', id: group } });
    const { text, reading } = await importOrg(fake, { identityCenterRegion: 'us-east-1' });
    expect(fake.stats().calls).toEqual(expectedImportCalls(reading));
    // Every permission set whole (seven reads each, besides DescribePermissionSet), once: the assignments' part reuses their names.
    const perSet = { ListManagedPoliciesInPermissionSet: 2, ListCustomerManagedPolicyReferencesInPermissionSet: 2, GetInlinePolicyForPermissionSet: 2, GetPermissionsBoundaryForPermissionSet: 2, ListTagsForResource: 2, ListAccountsForProvisionedPermissionSet: 2 };
    expect(reading.identityCenterCalls).toEqual({ ListInstances: 1, ListPermissionSets: 1, DescribePermissionSet: 2, ...perSet, ListGroups: 1, ListUsers: 1, ListAccountAssignmentsForPrincipal: 2 });
    // One writer: every permission set with its contents, then the groups and the assignments.
    expect(text).toContain(
      `identityCenter:\n  region: us-east-1\n  permissionSets:\n    AdministratorAccess:\n      sessionDuration: PT1H\n    Unused:\n      sessionDuration: PT1H\n  groups:\n    PlatformAdmins: {}\n  assignments:\n    - group: PlatformAdmins\n      permissionSet: AdministratorAccess\n      accounts: ["${FakeAwsPort.MANAGEMENT_ACCOUNT_ID}"]\n`,
    );
  });

  it('without a region reads nothing from Identity Center and writes no section', async () => {
    const fake = new FakeAwsPort();
    seedSmallOrg(fake);
    fake.security.addIdentityCenterInstance('us-east-1', FakeAwsPort.MANAGEMENT_ACCOUNT_ID);
    const { text } = await importOrg(fake);
    expect(fake.callCount('ListInstances')).toBe(0);
    expect(text).not.toContain('identityCenter:');
  });
});
