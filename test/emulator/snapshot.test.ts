// Snapshots: seeding, reading back through the SDK, writing and re-loading the same state, located
// errors for bad files, and the 5,000-account organization the Scale benchmark seeds.

import { DescribeNotificationsForBudgetCommand, DescribeSubscribersForNotificationCommand, DescribeBudgetCommand, CreateBudgetCommand, ListTagsForResourceCommand as ListBudgetTags } from '@aws-sdk/client-budgets';
import {
  AttachPolicyCommand,
  CreatePolicyCommand,
  DescribeAccountCommand,
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import type { EmulatorSnapshot } from '../../src/emulator/index.js';
import { parseSnapshot } from '../../src/emulator/snapshot-file.js';
import { UserError } from '../../src/model/errors.js';
import { FULL_PAGES, startTestEmulator, useEmulator } from '../support/emulator.js';
import { MANAGEMENT, bigOrganization, budgets, createAccount, createOrganization, createOu, orgs } from './helpers.js';

const SEED: EmulatorSnapshot = {
  formatVersion: 1,
  organization: {
    id: 'o-abcdefghij',
    managementAccountId: MANAGEMENT,
    root: { id: 'r-ab12', tags: { scope: 'all' } },
    // Children listed before their parents on purpose: the file's order does not matter.
    organizationalUnits: [
      { id: 'ou-ab12-22222222', name: 'Web', parentId: 'ou-ab12-11111111' },
      { id: 'ou-ab12-11111111', name: 'Prod', parentId: 'r-ab12', tags: { env: 'prod' } },
    ],
    accounts: [
      { id: MANAGEMENT, name: 'management', email: 'root@example.com', parentId: 'r-ab12' },
      { id: '210987654321', name: 'web-prod', email: 'web@example.com', parentId: 'ou-ab12-22222222', tags: { team: 'web' } },
      { id: '310987654321', name: 'gone', email: 'gone@example.com', parentId: 'r-ab12', state: 'CLOSED' },
    ],
    policies: [{ id: 'p-denyleave', name: 'deny-leave', type: 'SERVICE_CONTROL_POLICY', content: '{"Version":"2012-10-17","Statement":[]}' }],
    policyAttachments: { 'ou-ab12-11111111': ['p-FullAWSAccess', 'p-denyleave'] },
  },
  budgets: [
    {
      accountId: MANAGEMENT,
      budget: { BudgetName: 'monthly', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '100', Unit: 'USD' } },
      notifications: [
        {
          Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' },
          Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'finance@example.com' }],
        },
      ],
      tags: { 'managed-by': 'orgctl' },
    },
  ],
};

describe('snapshots', () => {
  // These tests read single pages with raw SDK commands and check what each holds, so every page is full
  // here (FULL_PAGES): no injected empty page or trailing NextToken.
  const emulator = useEmulator({ ...FULL_PAGES, snapshot: SEED, createAccountDelayMs: 0 });

  it('a seeded organization reads back through the SDK: tree, states, policies, tags, budgets', async () => {
    const client = orgs(emulator().clientConfig);
    expect((await client.send(new DescribeOrganizationCommand({}))).Organization).toMatchObject({ Id: 'o-abcdefghij', MasterAccountEmail: 'root@example.com' });
    expect((await client.send(new ListParentsCommand({ ChildId: '210987654321' }))).Parents).toEqual([{ Id: 'ou-ab12-22222222', Type: 'ORGANIZATIONAL_UNIT' }]);
    expect((await client.send(new DescribeAccountCommand({ AccountId: '310987654321' }))).Account).toMatchObject({ State: 'CLOSED', Status: 'SUSPENDED' });
    const scps = await client.send(new ListPoliciesForTargetCommand({ TargetId: 'ou-ab12-11111111', Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(scps.Policies?.map((p) => p.Id)).toEqual(['p-FullAWSAccess', 'p-denyleave']);
    const defaults = await client.send(new ListPoliciesForTargetCommand({ TargetId: '210987654321', Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(defaults.Policies?.map((p) => p.Id)).toEqual(['p-FullAWSAccess']);
    expect((await client.send(new ListTagsForResourceCommand({ ResourceId: 'ou-ab12-11111111' }))).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    const b = budgets(emulator().clientConfig);
    expect((await b.send(new DescribeBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly' }))).Budget?.BudgetLimit).toEqual({ Amount: '100.0', Unit: 'USD' });
    const notifications = (await b.send(new DescribeNotificationsForBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly' }))).Notifications ?? [];
    expect(notifications).toHaveLength(1);
    const subscribers = await b.send(new DescribeSubscribersForNotificationCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly', Notification: notifications[0] }));
    expect(subscribers.Subscribers).toEqual([{ SubscriptionType: 'EMAIL', Address: 'finance@example.com' }]);
    expect((await b.send(new ListBudgetTags({ ResourceARN: `arn:aws:budgets::${MANAGEMENT}:budget/monthly` }))).ResourceTags).toEqual([{ Key: 'managed-by', Value: 'orgctl' }]);
  });

  it('reset goes back to the starting snapshot', async () => {
    await createOu(orgs(emulator().clientConfig), 'r-ab12', 'Added');
    emulator().reset();
    expect(emulator().snapshot().organization?.organizationalUnits?.map((o) => o.name)).toEqual(['Prod', 'Web']);
  });

  it('snapshot() then seed() reproduces the same state, and the snapshot survives JSON', async () => {
    const fresh = await startTestEmulator({ createAccountDelayMs: 0 });
    try {
      const client = orgs(fresh.clientConfig);
      const rootId = await createOrganization(client);
      const prod = await createOu(client, rootId, 'Prod');
      await createOu(client, prod, 'Web');
      const account = await createAccount(client, 'App');
      const policy = await client.send(new CreatePolicyCommand({ Name: 'p', Description: 'd', Type: 'SERVICE_CONTROL_POLICY', Content: '{"Statement":[]}' }));
      await client.send(new AttachPolicyCommand({ PolicyId: policy.Policy?.PolicySummary?.Id, TargetId: account }));
      await client.send(new TagResourceCommand({ ResourceId: prod, Tags: [{ Key: 'k', Value: 'v' }] }));
      await budgets(fresh.clientConfig).send(
        new CreateBudgetCommand({
          AccountId: MANAGEMENT,
          Budget: { BudgetName: 'b', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '5', Unit: 'USD' } },
          NotificationsWithSubscribers: [{ Notification: { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 9, ThresholdType: 'ABSOLUTE_VALUE' }, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'x@example.com' }] }],
        }),
      );
      const written = JSON.parse(JSON.stringify(fresh.snapshot())) as EmulatorSnapshot;
      emulator().seed(written);
      expect(emulator().snapshot()).toEqual(written);
      expect(written.organization?.policyAttachments).toEqual({ [account]: ['p-FullAWSAccess', policy.Policy?.PolicySummary?.Id] });
    } finally {
      await fresh.stop();
    }
  });

  it('bad snapshot files are refused with file:line:column and the JSON path of each problem', () => {
    const text = JSON.stringify(
      {
        formatVersion: 1,
        organization: {
          id: 'o-abcdefghij',
          managementAccountId: '999999999999',
          root: { id: 'r-ab12' },
          organizationalUnits: [
            { id: 'ou-ab12-11111111', name: 'Prod', parentId: 'r-ab12' },
            { id: 'ou-ab12-22222222', name: 'Prod', parentId: 'r-ab12' },
          ],
          accounts: [{ id: '12345', name: 'x', email: 'x@example.com', parentId: 'ou-ab12-99999999' }],
        },
      },
      null,
      2,
    );
    let error: unknown;
    try {
      parseSnapshot('org-state.json', text, { ouNamesCaseSensitive: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const details = (error as UserError).details;
    expect(details).toContain('org-state.json:5:28: organization.managementAccountId "999999999999" is not one of the accounts');
    expect(details).toContainEqual(expect.stringMatching(/^org-state\.json:\d+:\d+: organization\.organizationalUnits\[1\]\.name "Prod" is also the name of sibling OU ou-ab12-11111111$/));
    expect(details).toContainEqual(expect.stringMatching(/^org-state\.json:\d+:\d+: organization\.accounts\[0\]\.id "12345" is not valid: expected 12 digits$/));
    expect(details).toContainEqual(expect.stringMatching(/organization\.accounts\[0\]\.parentId "ou-ab12-99999999" is neither the root nor an OU/));
    expect(() => parseSnapshot('s.json', '{\n  "formatVersion": 1,\n  oops\n}', { ouNamesCaseSensitive: true })).toThrow(/^The emulator snapshot s\.json:3:3 is not valid JSON/);
  });

  it('an organization of 5,000 accounts in 500 OUs (depth 5) loads and lists completely', async () => {
    const snapshot = bigOrganization(5000, 500);
    const big = await startTestEmulator({ snapshot });
    try {
      const client = orgs(big.clientConfig);
      let count = 0;
      for await (const page of paginateListAccounts({ client }, {})) count += page.Accounts?.length ?? 0;
      expect(count).toBe(5001);
      expect((await client.send(new ListAccountsCommand({ MaxResults: 20 }))).Accounts).toHaveLength(20);
      const deepest = snapshot.organization?.organizationalUnits?.at(-1);
      expect(big.snapshot().organization?.organizationalUnits).toHaveLength(500);
      expect(deepest).toBeDefined();
    } finally {
      await big.stop();
    }
  });
});
