// Tags (docs/org-yaml.md, `tags`) through plan, apply and plan again, against our emulator and moto:
// adding, changing and removing tags on the root, an OU, an account, a policy and a budget; a new OU, a
// new policy and a new budget created with their tags (no tag step of their own); resources without `tags:` keep theirs;
// `aws:` keys and `managed-by` are never touched. The end-state oracle reads the result with its own calls.
// moto has no Budgets tagging (ListTagsForResource, TagResource, UntagResource) and cannot plan once a
// budget exists (see apply-moto.test.ts), so its case declares no budget.

import { BudgetsClient, CreateBudgetCommand } from '@aws-sdk/client-budgets';
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeCreateAccountStatusCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsPort } from '../../src/aws/port.js';
import { parseOrgYaml } from '../../src/config/parse-org-yaml.js';
import type { DesiredOrg } from '../../src/model/desired.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { credentialsFor, startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { type Backend, EMULATOR_BACKEND, type EndState, expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState } from '../support/end-state/index.js';
import { describeWithMoto, MOTO_CREDENTIALS, useMoto } from '../support/moto.js';
import { emulatorPort, FAST_RETRIES } from './support/emulator-world.js';

const SHA = '0'.repeat(64);
const POLICY_CONTENT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] });
const POLICY_DOCUMENT = '{ Version: "2012-10-17", Statement: [{ Effect: Deny, Action: "organizations:LeaveOrganization", Resource: "*" }] }';

interface Seeded {
  readonly accounts: readonly [string, string];
}

interface World {
  readonly port: AwsPort;
  readonly orgs: OrganizationsClient;
  readonly budgets?: BudgetsClient;
  readonly accountId: string;
  endState(): Promise<EndState>;
}

/** An organization with tags everywhere: some to change, some to remove, some org.yaml leaves alone. */
async function seed({ orgs, budgets, accountId }: World): Promise<Seeded> {
  await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const rootId = (await orgs.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  const tag = (id: string, tags: Record<string, string>) => orgs.send(new TagResourceCommand({ ResourceId: id, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
  const ou = async (name: string) => (await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: name }))).OrganizationalUnit!.Id!;
  const account = async (name: string, parentId: string) => {
    let status = (await orgs.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }))).CreateAccountStatus!;
    // CreateAccount is asynchronous in AWS (and our emulator); moto answers SUCCEEDED at once.
    // Waits between polls: our emulator completes a creation after a delay, which fast polls can outrun.
    for (let i = 0; status.State === 'IN_PROGRESS' && i < 400; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = (await orgs.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: status.Id! }))).CreateAccountStatus!;
    }
    if (status.State !== 'SUCCEEDED') throw new Error(`seeding: creating ${name} ended ${status.State} (${status.FailureReason ?? 'no reason'})`);
    const id = status.AccountId!;
    await orgs.send(new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: parentId }));
    return id;
  };
  await tag(rootId, { owner: 'platform-old', 'keep me': 'root' });
  const tagged = await ou('Tagged');
  await tag(tagged, { owner: 'old', keep: 'x' });
  const cleared = await ou('Cleared');
  await tag(cleared, { gone: 'soon' });
  const plain = await ou('Plain');
  await tag(plain, { stays: 'as is' });
  const a1 = await account('payments', tagged);
  await tag(a1, { team: 'old', drop: 'me' });
  const a2 = await account('untouched', plain);
  await tag(a2, { team: 'kept' });
  const policy = (name: string, tags: Record<string, string>) =>
    orgs.send(
      new CreatePolicyCommand({ Name: name, Type: 'SERVICE_CONTROL_POLICY', Description: 'seeded', Content: POLICY_CONTENT, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
    );
  await policy('TaggedPolicy', { owner: 'old', drop: 'me', 'managed-by': 'orgctl' });
  await policy('PlainPolicy', { stays: 'as is' });
  if (budgets) {
    await budgets.send(
      new CreateBudgetCommand({
        AccountId: accountId,
        Budget: { BudgetName: 'tagged', BudgetType: 'COST', BudgetLimit: { Amount: '10', Unit: 'USD' }, TimeUnit: 'MONTHLY' },
        NotificationsWithSubscribers: [{ Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' }, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'ops@example.com' }] }],
        ResourceTags: [
          { Key: 'owner', Value: 'finance-old' },
          { Key: 'stale', Value: 'x' },
          { Key: 'managed-by', Value: 'orgctl' },
        ],
      }),
    );
  }
  return { accounts: [a1, a2] };
}

function orgYaml(accountId: string, [a1, a2]: readonly [string, string], withBudgets: boolean): string {
  const budgets = [
    'budgets:',
    '  - name: tagged',
    '    amount: 10',
    '    tags: { owner: finance }',
    '    notifications:',
    '      - { type: ACTUAL, threshold: 80, emails: [ops@example.com] }',
    '  - name: fresh',
    '    amount: 20',
    '    tags: { owner: ops, cost-center: "4711" }',
    '    notifications:',
    '      - { type: ACTUAL, threshold: 90, emails: [ops@example.com] }',
  ];
  return [
    'version: 1',
    `organization: { managementAccountId: "${accountId}" }`,
    'root:',
    '  tags: { owner: platform, "keep me": root }',
    '  organizationalUnits:',
    '    Tagged:',
    '      tags: { owner: new, added: "1" }',
    `      accounts: [{ id: "${a1}", tags: { team: payments } }]`,
    '    Cleared:',
    '      tags: {}',
    '    Plain:',
    `      accounts: ["${a2}"]`,
    '    Fresh:',
    '      tags: { cost-center: "4711", owner: platform }',
    'policies:',
    '  TaggedPolicy:',
    '    description: seeded',
    `    document: ${POLICY_DOCUMENT}`,
    '    tags: { owner: security, added: "2" }',
    '  PlainPolicy:',
    '    description: seeded',
    `    document: ${POLICY_DOCUMENT}`,
    '  FreshPolicy:',
    '    description: created',
    `    document: ${POLICY_DOCUMENT}`,
    '    tags: { owner: security }',
    ...(withBudgets ? budgets : []),
    '',
  ].join('\n');
}

function parsed(text: string): DesiredOrg {
  const result = parseOrgYaml(text, 'org.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

async function convergesWithTags(world: World, options: { withBudgets: boolean; knownGaps?: readonly string[] }): Promise<void> {
  const seeded = await seed(world);
  const text = orgYaml(world.accountId, seeded.accounts, options.withBudgets);
  const desired = parsed(text);
  const before = await world.endState();

  const first = await makePlan(world.port, desired, SHA);
  expect(first.plan.errors).toEqual([]);
  const tagSteps = first.plan.steps.filter((s) => s.kind === 'tagResource' || s.kind === 'untagResource').map((s) => `${s.kind} ${s.address}`);
  expect(tagSteps.sort()).toEqual(
    [
      'tagResource root/tags',
      'tagResource ou:/Tagged/tags',
      'untagResource ou:/Tagged/tags',
      'untagResource ou:/Cleared/tags',
      `tagResource account:${seeded.accounts[0]}/tags`,
      `untagResource account:${seeded.accounts[0]}/tags`,
      'tagResource policy:TaggedPolicy/tags',
      'untagResource policy:TaggedPolicy/tags',
      ...(options.withBudgets ? ['tagResource budget:tagged/tags', 'untagResource budget:tagged/tags'] : []),
    ].sort(),
  );
  // The new OU and budget carry their tags in their create steps.
  expect(first.plan.steps.find((s) => s.kind === 'createOrganizationalUnit')).toMatchObject({ address: 'ou:/Fresh', after: { tags: { 'cost-center': '4711', owner: 'platform' } } });
  expect(first.plan.steps.find((s) => s.kind === 'createPolicy')).toMatchObject({ address: 'policy:FreshPolicy', after: { tags: { owner: 'security' } } });
  if (options.withBudgets) expect(first.plan.steps.find((s) => s.kind === 'createBudget')).toMatchObject({ after: { name: 'fresh', tags: { owner: 'ops', 'cost-center': '4711' } } });

  const outcome = await runApplyWorkflow({ port: world.port, desired, orgYamlSha256: SHA, confirm: async () => true });
  if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
  expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
  expect(outcome.converged).toBe(true);
  expect((await makePlan(world.port, desired, SHA)).plan.steps).toEqual([]);
  expectEndStateMatches(await world.endState(), expectedEndState(text, before), options.knownGaps ? { knownGaps: options.knownGaps } : {});

  // Removing `tags:` from a resource leaves its tags alone: nothing to plan.
  const withoutKeys = parsed(
    text.replace('  tags: { owner: platform, "keep me": root }\n', '').replace('      tags: { owner: new, added: "1" }\n', '').replace('    tags: { owner: security, added: "2" }\n', ''),
  );
  expect((await makePlan(world.port, withoutKeys, SHA)).plan.steps).toEqual([]);

  // A second round, so every kind of resource has had a tag added, changed and removed: the root and the
  // account gain a key (the root also loses one), the budget swaps its key, the policy loses all of its.
  const second = text
    .replace('  tags: { owner: platform, "keep me": root }\n', '  tags: { owner: platform, added: "1" }\n')
    .replace('tags: { team: payments } }', 'tags: { team: payments, added: "1" } }')
    .replace('    tags: { owner: finance }\n', '    tags: { added: "1" }\n')
    .replace('    tags: { owner: security, added: "2" }\n', '    tags: {}\n');
  const secondDesired = parsed(second);
  const beforeSecond = await world.endState();
  const secondPlan = await makePlan(world.port, secondDesired, SHA);
  expect(secondPlan.plan.errors).toEqual([]);
  expect(secondPlan.plan.steps.map((s) => `${s.kind} ${s.address}`).sort()).toEqual(
    [
      'tagResource root/tags',
      'untagResource root/tags',
      `tagResource account:${seeded.accounts[0]}/tags`,
      'untagResource policy:TaggedPolicy/tags',
      ...(options.withBudgets ? ['tagResource budget:tagged/tags', 'untagResource budget:tagged/tags'] : []),
    ].sort(),
  );
  const secondOutcome = await runApplyWorkflow({ port: world.port, desired: secondDesired, orgYamlSha256: SHA, confirm: async () => true });
  if (secondOutcome.kind !== 'applied') throw new Error(`expected an apply, got ${secondOutcome.kind}`);
  expect(secondOutcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
  expect(secondOutcome.converged).toBe(true);
  expect((await makePlan(world.port, secondDesired, SHA)).plan.steps).toEqual([]);
  expectEndStateMatches(await world.endState(), expectedEndState(second, beforeSecond), options.knownGaps ? { knownGaps: options.knownGaps } : {});
}

describe('tags against our emulator', () => {
  let emulator: TestEmulator;
  let world: World;
  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: false });
    const config = { endpoint: emulator.url, region: 'us-east-1', credentials: credentialsFor(emulator.accountId) };
    world = {
      port: emulatorPort(emulator.url, emulator.accountId),
      orgs: new OrganizationsClient(config),
      budgets: new BudgetsClient(config),
      accountId: emulator.accountId,
      endState: () => readEndState({ endpoint: emulator.url, credentials: credentialsFor(emulator.accountId), backend: EMULATOR_BACKEND }),
    };
  });
  afterAll(async () => {
    world.orgs.destroy();
    world.budgets?.destroy();
    await emulator.stop();
  });

  it('adds, changes and removes tags on the root, an OU, an account, a policy and a budget; new OU, policy and budget are created with theirs; the plan after is empty', async () => {
    await convergesWithTags(world, { withBudgets: true });
  });
});

describeWithMoto('tags against moto', () => {
  const moto = useMoto({ port: { rateScale: 1000, retryPolicy: FAST_RETRIES }, clients: (config) => ({ orgs: new OrganizationsClient(config) }) });
  const backend: Backend = MOTO_BACKEND;

  it('adds, changes and removes tags on the root, an OU, an account and a policy; a new OU and a new policy are created with their tags; the plan after is empty', async () => {
    const [caller] = [await moto.port.getCallerAccountId()];
    await convergesWithTags(
      {
        port: moto.port,
        orgs: moto.clients.orgs,
        accountId: caller,
        endState: () => readEndState({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, backend }),
      },
      { withBudgets: false },
    );
  });
});
