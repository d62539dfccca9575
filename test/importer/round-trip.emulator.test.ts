// The import round trip against our emulator, over real HTTP through the SDK adapter:
// seed a random organization → `orgctl import` → `orgctl validate` passes → `orgctl plan
// --detailed-exitcode` exits 0 with no steps → re-import is byte-identical. The imported file is
// also checked against the generator's own account of the organization (every ACTIVE account at
// its place, every expressible budget declared, everything else listed in the trailing comments),
// because an empty plan alone would not notice an OU or account left out (they are only warnings), and
// with the end-state oracle (test/support/end-state), which reads the emulator itself and checks every
// OU, placement and budget the imported org.yaml declares, field by field, without the planner.

import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSdkPort, type SdkPort } from '../../src/aws/sdk/create-sdk-port.js';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import { scalar } from '../../src/config/write-org-yaml.js';
import { isUntouchedTagKey } from '../../src/model/tags.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import type { Plan } from '../../src/model/plan.js';
import { desiredBudgetDocuments } from '../../src/kinds/budgets/document.js';
import { desiredTreeDocument } from '../../src/planner/index.js';
import type { TimeUnit } from '../../src/model/desired.js';
import { childPath, ROOT_PATH } from '../../src/model/paths.js';
import {
  AWKWARD_NAMES,
  expectedPlacements,
  generatedOrgs,
  MANAGEMENT_ACCOUNT_ID,
  toSnapshot,
  wireNotification,
  type GeneratedBudget,
  type GeneratedNotification,
  type GeneratedOrg,
  type GeneratedOu,
} from './support/generated-org.js';
import { runOrgctl, tempDir } from './support/run-orgctl.js';
import { expectedEndState, expectEndStateMatches, readEndState } from '../support/end-state/index.js';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const BIN = fileURLToPath(new URL('../../bin/orgctl.js', import.meta.url));

describe('import round trip against the emulator', () => {
  let emulator: Emulator;
  let port: SdkPort;

  beforeAll(async () => {
    // Small pages and some empty ones with a NextToken, as AWS may send; closures stay pending.
    emulator = await startEmulator(testEmulatorOptions({ pageSize: 4, emptyPages: 0.1, closeAccountDelayMs: 3_600_000 }));
    // Time scale 1000: the published rates still shape the calls without slowing the suite.
    port = createSdkPort({ endpoint: emulator.url, credentials: CREDENTIALS, rateScale: 1000 });
  });
  afterAll(async () => {
    port?.destroy();
    await emulator?.stop();
  });

  /** Seeds `org`, imports it and checks every promise import makes about the result. */
  async function roundTrip(org: GeneratedOrg, includeTags: boolean): Promise<void> {
    emulator.seed(toSnapshot(org));
    const { dir, remove } = await tempDir();
    try {
      const tagFlag = includeTags ? ['--include-tags'] : [];
      const imported = await runOrgctl(['import', ...tagFlag], { cwd: dir, port });
      expect(imported.stderr).toContain('Next steps');
      expect(imported.code).toBe(0);
      const text = await readFile(join(dir, 'org.yaml'), 'utf8');

      const validated = await runOrgctl(['validate'], { cwd: dir });
      expect(validated.stderr).toBe('');
      expect(validated.code).toBe(0);

      const planned = await runOrgctl(['plan', '--detailed-exitcode', '--format', 'json'], { cwd: dir, port });
      expect(planned.stderr).toBe('');
      const plan = JSON.parse(planned.stdout) as Plan;
      expect(plan.steps).toEqual([]);
      expect(plan.errors).toEqual([]);
      expect(planned.code).toBe(0);
      // The only thing plan may warn about: accounts that are not ACTIVE, which import leaves out.
      const inactive = org.accounts.filter((a) => a.state !== 'ACTIVE');
      expect(plan.warnings.map((w) => w.code)).toEqual(inactive.length > 0 ? ['unlisted-accounts'] : []);

      // Exactly the organization, by the generator's own account of it.
      const parsed = parseOrgYaml(text, 'org.yaml');
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
      const document = { ...desiredTreeDocument(parsed.value), budgets: desiredBudgetDocuments(parsed.value.budgets) };
      expect(document.organization).toEqual({ featureSet: org.featureSet, managementAccountId: MANAGEMENT_ACCOUNT_ID });
      expect(Object.keys(document.ous).sort()).toEqual(org.ous.map((ou) => ou.path).sort());
      expect(Object.fromEntries(Object.entries(document.accounts).map(([id, a]) => [id, a.parentPath]))).toEqual(expectedPlacements(org));
      expect(Object.keys(document.budgets).sort()).toEqual(org.budgets.filter((b) => b.expressible).map((b) => b.name).sort());
      expect(parsed.value.options).toEqual({ pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' });
      expect(text.startsWith('# yaml-language-server: $schema=./schema/org.schema.json\n')).toBe(true);
      const state = await readEndState({ endpoint: emulator.url });
      expectEndStateMatches(state, expectedEndState(text, state, { directory: dir }));

      // Everything org.yaml cannot express is in the trailing comments.
      const trailer = text.slice(text.indexOf('\n# ---'));
      for (const account of inactive) expect(trailer).toContain(`${account.id} ${displayed(account.name)}: ${account.state}`);
      // Every customer policy is declared (its document in a file beside org.yaml), no longer listed as a comment.
      for (const policy of org.policies) expect((parsed.value.policies ?? []).map((p) => p.name)).toContain(policy.name);
      for (const budget of org.budgets.filter((b) => !b.expressible)) expect(trailer).toContain(`#   ${displayed(budget.name)}:\n`);
      if (includeTags) {
        // Every tag is in the file: as a `tags:` key, or in the trailing comments (aws: and managed-by
        // keys, which orgctl never changes, and the tags of accounts the file does not place).
        const body = text.slice(0, text.indexOf('\n# ---'));
        for (const [id, tags] of org.tags) {
          for (const [key, value] of Object.entries(tags)) {
            const inFile = !isUntouchedTagKey(key) && (!/^\d{12}$/.test(id) || id in document.accounts);
            if (inFile) expect(body).toContain(`${scalar(key, 'flow')}: ${scalar(value, 'flow')}`);
            else expect(trailer).toContain(`${displayed(key)}=${displayed(value)}`);
          }
        }
      } else {
        expect(trailer).toContain('run `orgctl import --include-tags`');
      }

      // Stable: importing the unchanged organization again gives the same bytes.
      const again = await runOrgctl(['import', '--out', '-', ...tagFlag], { cwd: dir, port });
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(text);
    } finally {
      await remove();
    }
  }

  // Counterexamples fast-check found and shrank, kept by name.
  it('regression: an account pending closure, an unattached SCP, a SNS-only notification and a threshold of 1.48e-64', async () => {
    await roundTrip(
      {
        featureSet: 'ALL',
        ous: [],
        accounts: [
          { id: MANAGEMENT_ACCOUNT_ID, name: 'Team 1', state: 'ACTIVE', parent: -1 },
          { id: '200000000000', name: 'zero\u200bwidth', state: 'PENDING_CLOSURE', parent: -1 },
        ],
        budgets: [
          costBudget('#x', 'ANNUALLY', '12.5', [
            { type: 'FORECASTED', comparison: 'LESS_THAN', threshold: 0, thresholdType: 'ABSOLUTE_VALUE', emails: [], sns: 'arn:aws-us-gov:sns:us-gov-west-1:210987654321:Alerts_2' },
            {
              type: 'ACTUAL',
              comparison: 'EQUAL_TO',
              threshold: 1.4836688084207883e-64,
              thresholdType: 'ABSOLUTE_VALUE',
              emails: ['123@example.com', "o'neil@example.com"],
              sns: 'arn:aws-us-gov:sns:us-gov-west-1:210987654321:Alerts_2',
            },
          ]),
        ],
        policies: [{ id: 'p-rt00000000', name: 'i_', targets: [] }],
        tags: new Map([['200000000000', { 'x--q': 's-4-' }]]),
      },
      false,
    );
  });

  it('regression: a tag key YAML reads as a boolean ("y") with an empty value, on the root', async () => {
    await roundTrip({ ...minimalOrg('a'), tags: new Map([['r-rt01', { y: '' }]]) }, true);
  });

  it('regression: a budget named with a carriage return, and an account named NUL', async () => {
    // Found with --include-tags, where the emulator cannot find the budget's ARN (see generated-org.ts).
    const org: GeneratedOrg = { ...minimalOrg('\u0000'), budgets: [costBudget('cr\rx', 'DAILY', '1', [{ type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 0, thresholdType: 'PERCENTAGE', emails: ['ops@example.com'] }])] };
    await roundTrip(org, false);
  });

  it('an OU tree five levels deep named with every awkward name', async () => {
    const ous: GeneratedOu[] = [];
    AWKWARD_NAMES.forEach((name, i) => {
      const parent = i % 5 === 0 ? -1 : ous.length - 1; // chains of five under the root
      ous.push({ name, parent, path: childPath(parent < 0 ? ROOT_PATH : ous[parent]!.path, name) });
    });
    const accounts = AWKWARD_NAMES.map((name, i) => ({ id: String(300000000000 + i), name, state: 'ACTIVE' as const, parent: i - 1 }));
    await roundTrip({ ...minimalOrg('management'), ous, accounts: [{ id: MANAGEMENT_ACCOUNT_ID, name: 'management', state: 'ACTIVE', parent: -1 }, ...accounts] }, false);
  });

  it('works from the built binary, configured by the standard AWS environment variables', async () => {
    emulator.seed(toSnapshot({ ...minimalOrg('management'), ous: [{ name: 'Prod', parent: -1, path: '/Prod' }] }));
    const { dir, remove } = await tempDir();
    const env = {
      ...process.env,
      AWS_ENDPOINT_URL: emulator.url,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      ORGCTL_RATE_SCALE: '1000',
      NO_COLOR: '1',
    };
    // Asynchronous: the emulator answers from this process, so a blocking spawn would deadlock.
    const orgctl = (args: readonly string[]) => runBinary(args, dir, env);
    try {
      const imported = await orgctl(['import']);
      expect(imported.stderr).toContain('1 OU, 1 account placed, 0 budgets.');
      expect(imported.status).toBe(0);
      expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toContain('    Prod: {}\n');
      const refused = await orgctl(['import']);
      expect([refused.status, refused.stderr]).toEqual([1, expect.stringContaining('Error: org.yaml already exists')]);
      const planned = await orgctl(['plan', '--detailed-exitcode']);
      expect(planned.status).toBe(0);
    } finally {
      await remove();
    }
  });

  it('round-trips random organizations: validate passes, plan is empty, re-import is identical', async () => {
    await fc.assert(
      fc.asyncProperty(generatedOrgs, fc.boolean(), (org, includeTags) => roundTrip(org, includeTags)),
      { numRuns: Number(process.env['ORGCTL_IMPORT_RUNS'] ?? 40) },
    );
  }, 600_000);
});

function runBinary(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function minimalOrg(managementName: string): GeneratedOrg {
  return {
    featureSet: 'ALL',
    ous: [],
    accounts: [{ id: MANAGEMENT_ACCOUNT_ID, name: managementName, state: 'ACTIVE', parent: -1 }],
    budgets: [],
    policies: [],
    tags: new Map(),
  };
}

function costBudget(name: string, timeUnit: TimeUnit, amount: string, notifications: readonly GeneratedNotification[]): GeneratedBudget {
  return {
    name,
    expressible: true,
    snapshot: {
      accountId: MANAGEMENT_ACCOUNT_ID,
      budget: { BudgetName: name, TimeUnit: timeUnit, BudgetType: 'COST', BudgetLimit: { Amount: amount, Unit: 'USD' } },
      notifications: notifications.map(wireNotification),
    },
  };
}

function displayed(text: string): string {
  return text === '' ? '""' : scalar(text, 'flow');
}
