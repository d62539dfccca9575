// The same scenarios, through the real SDK, against our emulator and against moto (an independent
// emulator). Part one: scenarios both must pass. Part two: behaviour AWS documents, each with its source;
// both emulators are graded against AWS's answer, written once. Where moto 5.2.1 answers differently, its
// test is named "moto differs from AWS here: ..." and pins moto's actual answer, so it fails if moto
// changes. Part three: behaviour AWS does not document; the emulator's default (a quirk, see
// docs/emulator.md) and moto's answer are both pinned, and the test says that AWS documents nothing.
// moto is required: without moto_server every moto test fails with a message saying how to install it.

import {
  CreateBudgetCommand,
  CreateNotificationCommand,
  DeleteBudgetCommand,
  DeleteNotificationCommand,
  DescribeBudgetCommand,
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
  CreateSubscriberCommand,
  DeleteSubscriberCommand,
  UpdateBudgetCommand,
  ListTagsForResourceCommand as ListBudgetTagsCommand,
  TagResourceCommand as TagBudgetCommand,
  UntagResourceCommand as UntagBudgetCommand,
  type BudgetsClient,
  type Notification,
  type Subscriber,
} from '@aws-sdk/client-budgets';
import {
  AttachPolicyCommand,
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DeleteOrganizationalUnitCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationCommand,
  DescribeOrganizationalUnitCommand,
  DetachPolicyCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListChildrenCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  MoveAccountCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateOrganizationalUnitCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { ListCreateAccountStatusCommand as ListCreateAccountStatus } from '@aws-sdk/client-organizations';
import { AccountClient, GetAlternateContactCommand, PutAccountNameCommand, PutAlternateContactCommand } from '@aws-sdk/client-account';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MOTO_SKIPPED, describeWithMoto, itWithMoto, motoClientConfig, startMoto, type MotoServer } from '../support/moto.js';
import { FULL_PAGES, startTestEmulator, type SdkClientConfig, type TestEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, budgets, orgs } from './helpers.js';

interface Target {
  readonly name: 'emulator' | 'moto';
  config(): SdkClientConfig;
  configAs(accountId: string): SdkClientConfig;
  reset(): Promise<void>;
}

let emulator: TestEmulator | undefined;
let moto: MotoServer | undefined;
/** Why moto did not start (moto_server missing): every moto test fails with it. */
let motoStartError: unknown = new Error('moto was not started');

const emulatorTarget: Target = {
  name: 'emulator',
  config: () => emulator?.clientConfig ?? expect.fail('emulator not started'),
  configAs: (id) => emulator?.clientConfigAs(id) ?? expect.fail('emulator not started'),
  reset: async () => emulator?.reset(),
};

function startedMoto(): MotoServer {
  if (!moto) throw motoStartError;
  return moto;
}
const motoConfig = (accessKeyId: string): SdkClientConfig => motoClientConfig(startedMoto().url, { accessKeyId, secretAccessKey: 'test' });
const motoTarget: Target = { name: 'moto', config: () => motoConfig('test'), configAs: (id) => motoConfig(`AKIA${id}`), reset: async () => startedMoto().reset() };

beforeAll(async () => {
  // The contract reads single pages with raw SDK commands on both servers (moto sends only full pages), so
  // the emulator's pages are full here too (FULL_PAGES).
  emulator = await startTestEmulator({ ...FULL_PAGES, createAccountDelayMs: 0, closeAccountDelayMs: 0, quotas: { maxAccounts: 100 } });
  // A missing moto_server fails the moto tests (with the reason), not the emulator's.
  if (!MOTO_SKIPPED) {
    moto = await startMoto().catch((error: unknown) => {
      motoStartError = error;
      return undefined;
    });
  }
}, 60_000);

afterAll(async () => {
  await emulator?.stop();
  await moto?.stop();
});

// ---- helpers that work on both

async function createOrganization(client: OrganizationsClient): Promise<string> {
  await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const rootId = (await client.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
  return rootId ?? expect.fail('no root');
}

async function createOu(client: OrganizationsClient, parentId: string, name: string): Promise<string> {
  return (await client.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name }))).OrganizationalUnit?.Id ?? expect.fail('no OU');
}

/** CreateAccount, then poll until SUCCEEDED, as a client must (AWS is asynchronous). */
async function createAccount(client: OrganizationsClient, name: string): Promise<string> {
  const started = await client.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
  for (let i = 0; i < 100; i++) {
    const status = (await client.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: started.CreateAccountStatus?.Id }))).CreateAccountStatus;
    if (status?.State === 'SUCCEEDED') return status.AccountId ?? expect.fail('no account ID');
    await new Promise((r) => setTimeout(r, 5));
  }
  return expect.fail('CreateAccount never succeeded');
}

const at80: Notification = { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' };
const over5: Notification = { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 5, ThresholdType: 'ABSOLUTE_VALUE' };
const budgetNamed = (name: string, amount = '100') => ({ BudgetName: name, BudgetType: 'COST' as const, TimeUnit: 'MONTHLY' as const, BudgetLimit: { Amount: amount, Unit: 'USD' } });
/** AWS omits ThresholdType when it is PERCENTAGE; clients normalize it back. */
const normalized = (n: Notification) => ({ ...n, ThresholdType: n.ThresholdType ?? 'PERCENTAGE', NotificationState: undefined });

async function createBudget(client: BudgetsClient, name: string, notification = at80): Promise<void> {
  await client.send(
    new CreateBudgetCommand({ AccountId: MANAGEMENT, Budget: budgetNamed(name), NotificationsWithSubscribers: [{ Notification: notification, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'fin@example.com' }] }] }),
  );
}

// ---- scenarios both must pass

for (const target of [emulatorTarget, motoTarget]) (target.name === 'moto' ? describeWithMoto : describe)(`contract: ${target.name}`, () => contract(target));

/** The scenarios both must pass, on one target. */
function contract(target: Target): void {
  beforeEach(() => target.reset());
  const o = () => orgs(target.config());
  const b = () => budgets(target.config());

  it('no organization yet: AWSOrganizationsNotInUseException; CreateOrganization makes the caller management; a second is AlreadyInOrganizationException', async () => {
    expect((await awsError(o().send(new DescribeOrganizationCommand({})))).name).toBe('AWSOrganizationsNotInUseException');
    const org = (await o().send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }))).Organization;
    expect(org).toMatchObject({ FeatureSet: 'ALL', MasterAccountId: MANAGEMENT });
    expect(org?.Id).toMatch(/^o-[a-z0-9]{10,32}$/);
    expect((await awsError(o().send(new CreateOrganizationCommand({}))))).toMatchObject({ name: 'AlreadyInOrganizationException' });
  });

  it('one root; OU IDs embed the root ID; create, describe, list, rename, re-parent lookups, delete an empty OU', async () => {
    const rootId = await createOrganization(o());
    expect(rootId).toMatch(/^r-[0-9a-z]{4,32}$/);
    const prod = await createOu(o(), rootId, 'Prod');
    const web = await createOu(o(), prod, 'Web');
    expect(prod).toMatch(new RegExp(`^ou-${rootId.slice(2)}-[a-z0-9]{8,32}$`));
    expect((await o().send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: web }))).OrganizationalUnit).toMatchObject({ Id: web, Name: 'Web' });
    expect((await o().send(new ListOrganizationalUnitsForParentCommand({ ParentId: rootId }))).OrganizationalUnits?.map((u) => u.Id)).toEqual([prod]);
    expect((await o().send(new ListChildrenCommand({ ParentId: rootId, ChildType: 'ORGANIZATIONAL_UNIT' }))).Children).toEqual([{ Id: prod, Type: 'ORGANIZATIONAL_UNIT' }]);
    expect((await o().send(new ListParentsCommand({ ChildId: web }))).Parents).toEqual([{ Id: prod, Type: 'ORGANIZATIONAL_UNIT' }]);
    expect((await o().send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: web, Name: 'Website' }))).OrganizationalUnit).toMatchObject({ Id: web, Name: 'Website' });
    const api = await createOu(o(), prod, 'Api');
    expect((await awsError(o().send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: api, Name: 'Website' })))).name).toBe('DuplicateOrganizationalUnitException');
    await o().send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: api }));
    expect((await awsError(o().send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: api })))).name).toBe('OrganizationalUnitNotFoundException');
  });

  it('CreateAccount eventually SUCCEEDS; the account is ACTIVE (Status and State) in the root and can move to an OU', async () => {
    const rootId = await createOrganization(o());
    const prod = await createOu(o(), rootId, 'Prod');
    const id = await createAccount(o(), 'app');
    expect(id).toMatch(/^\d{12}$/);
    expect((await o().send(new DescribeAccountCommand({ AccountId: id }))).Account).toMatchObject({ Id: id, Name: 'app', Email: 'app@example.com', Status: 'ACTIVE', State: 'ACTIVE' });
    expect((await o().send(new ListAccountsForParentCommand({ ParentId: rootId }))).Accounts?.map((a) => a.Id)).toContain(id);
    await o().send(new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: prod }));
    expect((await o().send(new ListParentsCommand({ ChildId: id }))).Parents).toEqual([{ Id: prod, Type: 'ORGANIZATIONAL_UNIT' }]);
    expect((await o().send(new ListAccountsForParentCommand({ ParentId: prod }))).Accounts?.map((a) => a.Id)).toEqual([id]);
    expect((await awsError(o().send(new MoveAccountCommand({ AccountId: '999999999999', SourceParentId: prod, DestinationParentId: rootId })))).name).toBe('AccountNotFoundException');
    expect((await awsError(o().send(new DescribeAccountCommand({ AccountId: '999999999999' })))).name).toBe('AccountNotFoundException');
  });

  it('ListAccounts pages chain through NextToken to every account exactly once', async () => {
    await createOrganization(o());
    for (let i = 0; i < 24; i++) await createAccount(o(), `acct${i}`);
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await o().send(new ListAccountsCommand({ MaxResults: 10, NextToken: token }));
      ids.push(...(page.Accounts ?? []).map((a) => a.Id ?? ''));
      token = page.NextToken;
      pages += 1;
    } while (token);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    expect(pages).toBe(3);
  });

  it('FullAWSAccess is on every new OU and account; custom SCPs attach, list their targets and detach', async () => {
    const rootId = await createOrganization(o());
    const ou = await createOu(o(), rootId, 'Prod');
    const account = await createAccount(o(), 'app');
    for (const target of [ou, account]) {
      const policies = await o().send(new ListPoliciesForTargetCommand({ TargetId: target, Filter: 'SERVICE_CONTROL_POLICY' }));
      expect(policies.Policies?.map((p) => [p.Id, p.AwsManaged])).toEqual([['p-FullAWSAccess', true]]);
    }
    const created = await o().send(new CreatePolicyCommand({ Name: 'deny', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: '{"Version":"2012-10-17","Statement":[]}' }));
    const id = created.Policy?.PolicySummary?.Id ?? '';
    expect(id).toMatch(/^p-[0-9a-zA-Z_]{8,128}$/);
    expect((await awsError(o().send(new CreatePolicyCommand({ Name: 'deny', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: '{"Statement":[]}' })))).name).toBe('DuplicatePolicyException');
    await o().send(new AttachPolicyCommand({ PolicyId: id, TargetId: ou }));
    expect((await o().send(new ListTargetsForPolicyCommand({ PolicyId: id }))).Targets?.map((t) => [t.TargetId, t.Type])).toEqual([[ou, 'ORGANIZATIONAL_UNIT']]);
    await o().send(new DetachPolicyCommand({ PolicyId: id, TargetId: ou }));
    expect((await o().send(new ListTargetsForPolicyCommand({ PolicyId: id }))).Targets).toEqual([]);
  });

  it('tags on accounts: tag, list, untag; an unknown resource is TargetNotFoundException', async () => {
    await createOrganization(o());
    const account = await createAccount(o(), 'app');
    await o().send(new TagResourceCommand({ ResourceId: account, Tags: [{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'prod' }] }));
    await o().send(new UntagResourceCommand({ ResourceId: account, TagKeys: ['env'] }));
    expect((await o().send(new ListTagsForResourceCommand({ ResourceId: account }))).Tags).toEqual([{ Key: 'team', Value: 'web' }]);
    expect((await awsError(o().send(new TagResourceCommand({ ResourceId: '999999999999', Tags: [{ Key: 'a', Value: 'b' }] })))).name).toBe('TargetNotFoundException');
  });

  it('CloseAccount suspends the account; closing it again is AccountAlreadyClosedException', async () => {
    await createOrganization(o());
    const account = await createAccount(o(), 'old');
    await o().send(new CloseAccountCommand({ AccountId: account }));
    let status: string | undefined;
    for (let i = 0; i < 50 && status !== 'SUSPENDED'; i++) {
      status = (await o().send(new DescribeAccountCommand({ AccountId: account }))).Account?.Status;
      if (status !== 'SUSPENDED') await new Promise((r) => setTimeout(r, 10));
    }
    expect(status).toBe('SUSPENDED');
    expect((await awsError(o().send(new CloseAccountCommand({ AccountId: account })))).name).toBe('AccountAlreadyClosedException');
  });

  it('STS GetCallerIdentity names the default account', async () => {
    expect((await new STSClient(target.config()).send(new GetCallerIdentityCommand({}))).Account).toBe(MANAGEMENT);
  });

  it('Budgets: create with a notification, describe, list, duplicate, delete, not found', async () => {
    expect((await b().send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT }))).Budgets ?? []).toEqual([]);
    await createBudget(b(), 'monthly');
    const described = (await b().send(new DescribeBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly' }))).Budget;
    expect(described).toMatchObject({ BudgetName: 'monthly', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Unit: 'USD' } });
    expect(Number(described?.BudgetLimit?.Amount)).toBe(100); // compare amounts numerically: AWS does not echo the bytes
    expect(described?.CostTypes?.IncludeTax).toBe(true);
    expect((await b().send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT }))).Budgets?.map((x) => x.BudgetName)).toEqual(['monthly']);
    expect((await awsError(b().send(new CreateBudgetCommand({ AccountId: MANAGEMENT, Budget: budgetNamed('monthly') })))).name).toBe('DuplicateRecordException');
    await b().send(new DeleteBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly' }));
    expect(await awsError(b().send(new DescribeBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly' })))).toMatchObject({
      name: 'NotFoundException',
      message: "Unable to get budget: monthly - the budget doesn't exist.",
    });
    expect((await awsError(b().send(new DeleteBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly' })))).name).toBe('NotFoundException');
  });

  it('Budgets notifications: create, list (ThresholdType normalized), delete; a missing budget is NotFoundException', async () => {
    await createBudget(b(), 'monthly');
    await b().send(new CreateNotificationCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly', Notification: over5, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'fin@example.com' }] }));
    const listed = (await b().send(new DescribeNotificationsForBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly' }))).Notifications ?? [];
    expect(listed.map(normalized)).toEqual([normalized(at80), normalized(over5)]);
    await b().send(new DeleteNotificationCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly', Notification: over5 }));
    expect(((await b().send(new DescribeNotificationsForBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'monthly' }))).Notifications ?? []).map(normalized)).toEqual([normalized(at80)]);
    const missing = await awsError(b().send(new CreateNotificationCommand({ AccountId: MANAGEMENT, BudgetName: 'none', Notification: at80, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'a@example.com' }] })));
    expect(missing.name).toBe('NotFoundException');
  });
}

// ---- behaviour AWS documents: both emulators are graded against AWS's answer

/** What a call came to: 'ok', or the error's name (and its Reason when it has one; the HTTP status for a 5xx). */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    const e = error as { name?: string; Reason?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode ?? 0;
    if (status >= 500) return `HTTP ${status}`;
    return e.Reason ? `${e.name} ${e.Reason}` : String(e.name);
  }
}

interface AwsBehaviour<T> {
  /** Where AWS says so: an AWS documentation page, or the aws-facts.md section with its sources. */
  readonly source: string;
  /** AWS's answer, in the form `run` reports it. */
  readonly aws: T;
  /** The scenario on one target (already reset); reports what happened. */
  readonly run: (target: Target) => Promise<T>;
  /** moto 5.2.1's answer where it is not AWS's, and how it differs; absent where moto answers as AWS. */
  readonly moto?: { readonly differs: string; readonly answer: T };
}

function awsBehaviour<T>(title: string, behaviour: AwsBehaviour<T>): void {
  describe(title, () => {
    it('the emulator answers as AWS documents', async () => {
      await emulatorTarget.reset();
      expect(await behaviour.run(emulatorTarget)).toEqual(behaviour.aws);
    });
    const differing = behaviour.moto;
    if (differing) {
      itWithMoto(`moto differs from AWS here: ${differing.differs}`, async () => {
        expect(differing.answer, 'a "moto differs" note must name an answer that is not AWS’s').not.toEqual(behaviour.aws);
        await motoTarget.reset();
        expect(await behaviour.run(motoTarget)).toEqual(differing.answer);
      });
    } else {
      itWithMoto('moto answers as AWS documents', async () => {
        await motoTarget.reset();
        expect(await behaviour.run(motoTarget)).toEqual(behaviour.aws);
      });
    }
  });
}

const ORG_API = 'https://docs.aws.amazon.com/organizations/latest/APIReference';
const BUDGETS_API = 'https://docs.aws.amazon.com/aws-cost-management/latest/APIReference';
const email = (address: string) => ({ SubscriptionType: 'EMAIL' as const, Address: address });
const sns = (topic: string) => ({ SubscriptionType: 'SNS' as const, Address: `arn:aws:sns:us-east-1:${MANAGEMENT}:${topic}` });
const subscribersOf = async (client: BudgetsClient, notification: Notification): Promise<string[] | string> => {
  try {
    const out = await client.send(new DescribeSubscribersForNotificationCommand({ AccountId: MANAGEMENT, BudgetName: 'm', Notification: notification }));
    return (out.Subscribers ?? []).map((s) => `${s.SubscriptionType} ${s.Address}`);
  } catch (error) {
    return outcome(Promise.reject(error));
  }
};
const notificationCount = async (client: BudgetsClient): Promise<number> => ((await client.send(new DescribeNotificationsForBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'm' }))).Notifications ?? []).length;

describe('duplicate OU names', () => {
  // "OU names must be unique within a parent OU or root."
  const unique = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_ous.html';
  awsBehaviour('a second OU with a sibling’s name is refused', {
    source: `${unique}; ${ORG_API}/API_CreateOrganizationalUnit.html (DuplicateOrganizationalUnitException)`,
    aws: 'DuplicateOrganizationalUnitException',
    run: async (t) => {
      const root = await createOrganization(orgs(t.config()));
      await createOu(orgs(t.config()), root, 'Prod');
      return outcome(createOu(orgs(t.config()), root, 'Prod'));
    },
    moto: { differs: 'it creates a second OU named Prod beside the first', answer: 'ok' },
  });
  awsBehaviour('the same name under different parents is allowed', {
    source: unique,
    aws: 'ok',
    run: async (t) => {
      const root = await createOrganization(orgs(t.config()));
      const prod = await createOu(orgs(t.config()), root, 'Prod');
      await createOu(orgs(t.config()), root, 'Web');
      return outcome(createOu(orgs(t.config()), prod, 'Web'));
    },
  });
  awsBehaviour('renaming an OU to a sibling’s name is refused', {
    source: `${unique}; ${ORG_API}/API_UpdateOrganizationalUnit.html (DuplicateOrganizationalUnitException)`,
    aws: 'DuplicateOrganizationalUnitException',
    run: async (t) => {
      const root = await createOrganization(orgs(t.config()));
      await createOu(orgs(t.config()), root, 'Prod');
      const dev = await createOu(orgs(t.config()), root, 'Dev');
      return outcome(orgs(t.config()).send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: dev, Name: 'Prod' })));
    },
  });
});

describe('deleting a non-empty OU', () => {
  // "You must first remove all accounts and child OUs from the OU that you want to delete."
  const source = `${ORG_API}/API_DeleteOrganizationalUnit.html (OrganizationalUnitNotEmptyException)`;
  awsBehaviour('an OU with a child OU is refused and stays', {
    source,
    aws: { deleted: 'OrganizationalUnitNotEmptyException', describedAfter: 'ok' },
    run: async (t) => {
      const o = orgs(t.config());
      const prod = await createOu(o, await createOrganization(o), 'Prod');
      await createOu(o, prod, 'Child');
      const deleted = await outcome(o.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: prod })));
      return { deleted, describedAfter: await outcome(o.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: prod }))) };
    },
    moto: { differs: 'it deletes the OU with its child', answer: { deleted: 'ok', describedAfter: 'OrganizationalUnitNotFoundException' } },
  });
  awsBehaviour('an OU with an account is refused; the account keeps its parent', {
    source,
    aws: { deleted: 'OrganizationalUnitNotEmptyException', parentsAfter: ['ORGANIZATIONAL_UNIT'] },
    run: async (t) => {
      const o = orgs(t.config());
      const root = await createOrganization(o);
      const prod = await createOu(o, root, 'Prod');
      await o.send(new MoveAccountCommand({ AccountId: MANAGEMENT, SourceParentId: root, DestinationParentId: prod }));
      const deleted = await outcome(o.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: prod })));
      const parents = (await o.send(new ListParentsCommand({ ChildId: MANAGEMENT }))).Parents ?? [];
      return { deleted, parentsAfter: parents.map((p) => p.Type) };
    },
    moto: { differs: 'it deletes the OU and leaves the account with no parent at all', answer: { deleted: 'ok', parentsAfter: [] } },
  });
});

describe('MoveAccount errors', () => {
  const source = `${ORG_API}/API_MoveAccount.html (Errors)`;
  /** A fresh organization; the management account sits in the root. */
  const move = async (t: Target, from: (root: string, missing: string) => string, to: (root: string, missing: string) => string, account = MANAGEMENT) => {
    const o = orgs(t.config());
    const root = await createOrganization(o);
    const missing = `ou-${root.slice(2)}-zzzzzzzz`;
    return outcome(o.send(new MoveAccountCommand({ AccountId: account, SourceParentId: from(root, missing), DestinationParentId: to(root, missing) })));
  };
  awsBehaviour('into the parent it is already in: DuplicateAccountException', {
    source: `${source}: "That account is already present in the specified destination."`,
    aws: 'DuplicateAccountException',
    run: (t) =>
      move(
        t,
        (root) => root,
        (root) => root,
      ),
    moto: { differs: 'it accepts the move', answer: 'ok' },
  });
  awsBehaviour('from a parent that does not exist: SourceParentNotFoundException', {
    source,
    aws: 'SourceParentNotFoundException',
    run: (t) =>
      move(
        t,
        (_, missing) => missing,
        (root) => root,
      ),
    moto: { differs: 'it answers the generic ParentNotFoundException', answer: 'ParentNotFoundException' },
  });
  awsBehaviour('to a parent that does not exist: DestinationParentNotFoundException', {
    source,
    aws: 'DestinationParentNotFoundException',
    run: (t) =>
      move(
        t,
        (root) => root,
        (_, missing) => missing,
      ),
    moto: { differs: 'it answers the generic ParentNotFoundException', answer: 'ParentNotFoundException' },
  });
  awsBehaviour('an account that does not exist: AccountNotFoundException', {
    source,
    aws: 'AccountNotFoundException',
    run: (t) =>
      move(
        t,
        (root) => root,
        (root) => root,
        '999999999999',
      ),
  });
});

describe('UpdateBudget', () => {
  // "You can change every part of a budget except for the budgetName and the calculatedSpend." It takes no
  // notifications, so they stay (aws-facts.md §4.2).
  const source = `${BUDGETS_API}/API_budgets_UpdateBudget.html`;
  awsBehaviour('changes the limit and keeps the notifications', {
    source,
    aws: { updated: 'ok', amount: 200, notifications: 1 },
    run: async (t) => {
      const b = budgets(t.config());
      await createBudget(b, 'm');
      const updated = await outcome(b.send(new UpdateBudgetCommand({ AccountId: MANAGEMENT, NewBudget: budgetNamed('m', '200') })));
      const amount = Number((await b.send(new DescribeBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'm' }))).Budget?.BudgetLimit?.Amount);
      return { updated, amount, notifications: await notificationCount(b) };
    },
    moto: { differs: 'UpdateBudget is not implemented (an HTML 500 page); the budget keeps its old limit', answer: { updated: 'HTTP 500', amount: 100, notifications: 1 } },
  });
  awsBehaviour('a budget that does not exist: NotFoundException', {
    source: `${source} (Errors)`,
    aws: 'NotFoundException',
    run: (t) => outcome(budgets(t.config()).send(new UpdateBudgetCommand({ AccountId: MANAGEMENT, NewBudget: budgetNamed('none', '200') }))),
    moto: { differs: 'UpdateBudget is not implemented (an HTML 500 page)', answer: 'HTTP 500' },
  });
});

describe('budget subscribers', () => {
  // The Notification data type: "A notification can have one SNS subscriber and up to 10 email subscribers".
  const limits = `${BUDGETS_API}/API_budgets_Notification.html; ${BUDGETS_API}/API_budgets_CreateNotification.html (CreationLimitExceededException)`;
  const notifyWith = async (t: Target, subscribers: Subscriber[]): Promise<string> => {
    const b = budgets(t.config());
    await createBudget(b, 'm');
    return outcome(b.send(new CreateNotificationCommand({ AccountId: MANAGEMENT, BudgetName: 'm', Notification: over5, Subscribers: subscribers })));
  };
  awsBehaviour('CreateSubscriber adds one; DescribeSubscribersForNotification lists it', {
    source: `${BUDGETS_API}/API_budgets_CreateSubscriber.html; ${BUDGETS_API}/API_budgets_DescribeSubscribersForNotification.html`,
    aws: { created: 'ok', subscribers: ['EMAIL fin@example.com', 'EMAIL ops@example.com'] },
    run: async (t) => {
      const b = budgets(t.config());
      await createBudget(b, 'm');
      const created = await outcome(b.send(new CreateSubscriberCommand({ AccountId: MANAGEMENT, BudgetName: 'm', Notification: at80, Subscriber: email('ops@example.com') })));
      return { created, subscribers: await subscribersOf(b, at80) };
    },
    moto: { differs: 'neither call is implemented (HTML 500 pages)', answer: { created: 'HTTP 500', subscribers: 'HTTP 500' } },
  });
  awsBehaviour('the same subscriber twice: DuplicateRecordException', {
    source: `${BUDGETS_API}/API_budgets_CreateSubscriber.html (Errors)`,
    aws: 'DuplicateRecordException',
    run: async (t) => {
      const b = budgets(t.config());
      await createBudget(b, 'm');
      return outcome(b.send(new CreateSubscriberCommand({ AccountId: MANAGEMENT, BudgetName: 'm', Notification: at80, Subscriber: email('fin@example.com') })));
    },
    moto: { differs: 'CreateSubscriber is not implemented (an HTML 500 page)', answer: 'HTTP 500' },
  });
  awsBehaviour('a subscriber for a notification that does not exist: NotFoundException', {
    source: `${BUDGETS_API}/API_budgets_CreateSubscriber.html: "You must create the associated budget and notification before you create the subscriber."`,
    aws: 'NotFoundException',
    run: async (t) => {
      const b = budgets(t.config());
      await createBudget(b, 'm');
      return outcome(b.send(new CreateSubscriberCommand({ AccountId: MANAGEMENT, BudgetName: 'm', Notification: over5, Subscriber: email('ops@example.com') })));
    },
    moto: { differs: 'CreateSubscriber is not implemented (an HTML 500 page)', answer: 'HTTP 500' },
  });
  awsBehaviour('deleting the last subscriber deletes the notification', {
    source: `${BUDGETS_API}/API_budgets_DeleteSubscriber.html: "Deleting the last subscriber to a notification also deletes the notification."`,
    aws: { deleted: 'ok', notifications: 0 },
    run: async (t) => {
      const b = budgets(t.config());
      await createBudget(b, 'm');
      const deleted = await outcome(b.send(new DeleteSubscriberCommand({ AccountId: MANAGEMENT, BudgetName: 'm', Notification: at80, Subscriber: email('fin@example.com') })));
      return { deleted, notifications: await notificationCount(b) };
    },
    moto: { differs: 'DeleteSubscriber is not implemented (an HTML 500 page); the notification stays', answer: { deleted: 'HTTP 500', notifications: 1 } },
  });
  awsBehaviour('a second SNS subscriber on one notification: CreationLimitExceededException', {
    source: limits,
    aws: 'CreationLimitExceededException',
    run: (t) => notifyWith(t, [sns('a'), sns('b')]),
    moto: { differs: 'it accepts two SNS subscribers', answer: 'ok' },
  });
  awsBehaviour('eleven email subscribers on one notification: CreationLimitExceededException', {
    source: limits,
    aws: 'CreationLimitExceededException',
    run: (t) => notifyWith(t, Array.from({ length: 11 }, (_, i) => email(`e${i}@example.com`))),
    moto: { differs: 'it accepts eleven email subscribers', answer: 'ok' },
  });
  awsBehaviour('one SNS and ten email subscribers, the most allowed, are accepted', {
    source: limits,
    aws: 'ok',
    run: (t) => notifyWith(t, [sns('a'), ...Array.from({ length: 10 }, (_, i) => email(`e${i}@example.com`))]),
  });
});

describe('more of AWS’s documented behaviour', () => {
  awsBehaviour('a sixth OU level is refused (OU_DEPTH_LIMIT_EXCEEDED)', {
    source: `${ORG_API}/API_CreateOrganizationalUnit.html: "For service control policies, the limit is five."`,
    aws: 'ConstraintViolationException OU_DEPTH_LIMIT_EXCEEDED',
    run: async (t) => {
      const o = orgs(t.config());
      let parent = await createOrganization(o);
      for (let level = 1; level <= 5; level++) parent = await createOu(o, parent, `L${level}`);
      return outcome(o.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: 'L6' })));
    },
    moto: { differs: 'it has no depth limit', answer: 'ok' },
  });
  awsBehaviour('CreateAccount is asynchronous: the first answer is IN_PROGRESS', {
    source: `${ORG_API}/API_CreateAccount.html; aws-facts.md §2.4 (5)`,
    aws: 'IN_PROGRESS',
    run: async (t) => {
      const o = orgs(t.config());
      await createOrganization(o);
      return (await o.send(new CreateAccountCommand({ AccountName: 'x', Email: 'x@example.com' }))).CreateAccountStatus?.State;
    },
    moto: { differs: 'it answers SUCCEEDED at once', answer: 'SUCCEEDED' },
  });
  awsBehaviour('the last SCP of a target cannot be detached (MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED)', {
    source: `${ORG_API}/API_DetachPolicy.html; aws-facts.md §2.4 (7)`,
    aws: 'ConstraintViolationException MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    run: async (t) => {
      const o = orgs(t.config());
      const ou = await createOu(o, await createOrganization(o), 'Prod');
      return outcome(o.send(new DetachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: ou })));
    },
    moto: { differs: 'it detaches it', answer: 'ok' },
  });
  awsBehaviour('an ALL-features organization has SCPs enabled in the root', {
    source: `${ORG_API}/API_CreateOrganization.html; aws-facts.md §2.4 (7)`,
    aws: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    run: async (t) => {
      const o = orgs(t.config());
      await createOrganization(o);
      return (await o.send(new ListRootsCommand({}))).Roots?.[0]?.PolicyTypes;
    },
    moto: { differs: 'it lists no policy types on the root', answer: [] },
  });
  awsBehaviour('MaxResults above 20 is refused (InvalidInputException)', {
    // The model caps MaxResults at 20; InvalidInputException is the error for out-of-range input. Its Reason
    // (MAX_VALUE_EXCEEDED here) is not documented for this case (aws-facts.md §2.5), so only the name is checked.
    source: `${ORG_API}/API_ListAccounts.html (MaxResults: maximum value of 20); ${ORG_API}/API_InvalidInputException.html`,
    aws: 'InvalidInputException',
    run: async (t) => {
      const o = orgs(t.config());
      await createOrganization(o);
      return (await outcome(o.send(new ListAccountsCommand({ MaxResults: 21 })))).split(' ')[0];
    },
    moto: { differs: 'it accepts it', answer: 'ok' },
  });
  awsBehaviour('the management account cannot be closed (CANNOT_CLOSE_MANAGEMENT_ACCOUNT)', {
    source: `${ORG_API}/API_CloseAccount.html; aws-facts.md §2.4 (6)`,
    aws: 'ConstraintViolationException CANNOT_CLOSE_MANAGEMENT_ACCOUNT',
    run: async (t) => {
      const o = orgs(t.config());
      await createOrganization(o);
      return outcome(o.send(new CloseAccountCommand({ AccountId: MANAGEMENT })));
    },
    moto: { differs: 'it closes it', answer: 'ok' },
  });
  awsBehaviour('error status codes follow the model: 404 for AWSOrganizationsNotInUseException', {
    source: 'aws-facts.md §1.3 (the Smithy models’ httpError codes)',
    aws: 404,
    run: async (t) => (await awsError(orgs(t.config()).send(new DescribeOrganizationCommand({})))).status,
    moto: { differs: 'it sends 400 for every error', answer: 400 },
  });
  awsBehaviour('GetCallerIdentity names the account the credentials belong to', {
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
    aws: '210987654321',
    run: async (t) => (await new STSClient(t.configAs('210987654321')).send(new GetCallerIdentityCommand({}))).Account,
    moto: { differs: 'it always answers 123456789012', answer: MANAGEMENT },
  });
  awsBehaviour('DescribeNotificationsForBudget omits ThresholdType when it is PERCENTAGE', {
    source: 'aws-facts.md §4.2 (observed: aws/aws-cli#7145; terraform-provider-aws fills it back in)',
    aws: undefined,
    run: async (t) => {
      const b = budgets(t.config());
      await createBudget(b, 'm');
      return (await b.send(new DescribeNotificationsForBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'm' }))).Notifications?.[0]?.ThresholdType;
    },
    moto: { differs: 'it returns ThresholdType PERCENTAGE', answer: 'PERCENTAGE' },
  });
  awsBehaviour('a duplicate notification is refused (DuplicateRecordException)', {
    source: `${BUDGETS_API}/API_budgets_CreateNotification.html (Errors)`,
    aws: 'DuplicateRecordException',
    run: async (t) => {
      const b = budgets(t.config());
      await createBudget(b, 'm');
      return outcome(b.send(new CreateNotificationCommand({ AccountId: MANAGEMENT, BudgetName: 'm', Notification: at80, Subscribers: [email('x@example.com')] })));
    },
    moto: { differs: 'it adds the same notification again', answer: 'ok' },
  });
  awsBehaviour('budget tags: ListTagsForResource answers for an existing budget', {
    source: `${BUDGETS_API}/API_budgets_ListTagsForResource.html`,
    aws: 'ok',
    run: async (t) => {
      const b = budgets(t.config());
      await createBudget(b, 'm');
      return outcome(b.send(new ListBudgetTagsCommand({ ResourceARN: `arn:aws:budgets::${MANAGEMENT}:budget/m` })));
    },
    moto: { differs: 'budget tagging is not implemented (an HTML 500 page)', answer: 'HTTP 500' },
  });
  // The tags kind (org.yaml `tags:`): tags on create, TagResource and UntagResource, and what AWS refuses.
  const tagsOf = async (o: OrganizationsClient, id: string) => ((await o.send(new ListTagsForResourceCommand({ ResourceId: id }))).Tags ?? []).map((t) => `${t.Key}=${t.Value}`).sort();
  awsBehaviour('CreateOrganizationalUnit with Tags creates the OU with those tags', {
    source: `${ORG_API}/API_CreateOrganizationalUnit.html (Tags)`,
    aws: ['cost-center=4711', 'owner=platform'],
    run: async (t) => {
      const o = orgs(t.config());
      const root = await createOrganization(o);
      const ou = (await o.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: 'Tagged', Tags: [{ Key: 'owner', Value: 'platform' }, { Key: 'cost-center', Value: '4711' }] }))).OrganizationalUnit!.Id!;
      return tagsOf(o, ou);
    },
  });
  awsBehaviour('TagResource overwrites a key and adds others; UntagResource removes keys, and a key the resource lacks is no error', {
    source: `${ORG_API}/API_TagResource.html, ${ORG_API}/API_UntagResource.html`,
    aws: ['a=2', 'c=3'],
    run: async (t) => {
      const o = orgs(t.config());
      const root = await createOrganization(o);
      await o.send(new TagResourceCommand({ ResourceId: root, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: 'x' }] }));
      await o.send(new TagResourceCommand({ ResourceId: root, Tags: [{ Key: 'a', Value: '2' }, { Key: 'c', Value: '3' }] }));
      await o.send(new UntagResourceCommand({ ResourceId: root, TagKeys: ['b', 'never-set'] }));
      return tagsOf(o, root);
    },
  });
  awsBehaviour('more than 50 tags on a root, OU or account: ConstraintViolationException MAX_TAG_LIMIT_EXCEEDED', {
    source: '../shared/aws-facts.md §2.2 (Organizations quotas: 50 tags per root, OU or account)',
    aws: 'ConstraintViolationException MAX_TAG_LIMIT_EXCEEDED',
    run: async (t) => {
      const o = orgs(t.config());
      const ou = await createOu(o, await createOrganization(o), 'Full');
      await o.send(new TagResourceCommand({ ResourceId: ou, Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }));
      return outcome(o.send(new TagResourceCommand({ ResourceId: ou, Tags: [{ Key: 'one-more', Value: 'v' }] })));
    },
    moto: { differs: 'it has no tag limit: the 51st tag is accepted', answer: 'ok' },
  });
  awsBehaviour('budget tags: TagResource and UntagResource on the budget ARN, ResourceTags on CreateBudget', {
    source: `${BUDGETS_API}/API_budgets_TagResource.html, ${BUDGETS_API}/API_budgets_UntagResource.html, ${BUDGETS_API}/API_budgets_CreateBudget.html`,
    aws: 'managed-by=orgctl owner=finance',
    run: async (t) => {
      const b = budgets(t.config());
      const arn = `arn:aws:budgets::${MANAGEMENT}:budget/tagged`;
      try {
        await b.send(new CreateBudgetCommand({ AccountId: MANAGEMENT, Budget: budgetNamed('tagged'), ResourceTags: [{ Key: 'managed-by', Value: 'orgctl' }, { Key: 'stale', Value: 'x' }] }));
        await b.send(new TagBudgetCommand({ ResourceARN: arn, ResourceTags: [{ Key: 'owner', Value: 'finance' }] }));
        await b.send(new UntagBudgetCommand({ ResourceARN: arn, ResourceTagKeys: ['stale'] }));
        const tags = (await b.send(new ListBudgetTagsCommand({ ResourceARN: arn }))).ResourceTags ?? [];
        return tags.map((tag) => `${tag.Key}=${tag.Value}`).sort().join(' ');
      } catch (error) {
        return outcome(Promise.reject(error));
      }
    },
    moto: { differs: 'budget tagging is not implemented (an HTML 500 page)', answer: 'HTTP 500' },
  });
  awsBehaviour('policy tags: CreatePolicy with Tags, then TagResource and UntagResource on the policy ID', {
    source: `${ORG_API}/API_CreatePolicy.html (Tags), ${ORG_API}/API_TagResource.html (ResourceId: a policy, p-...)`,
    aws: { created: ['managed-by=orgctl', 'owner=old', 'stale=x'], after: ['managed-by=orgctl', 'owner=security', 'team=sec'] },
    run: async (t) => {
      const o = orgs(t.config());
      await createOrganization(o);
      const policy = await o.send(
        new CreatePolicyCommand({
          Name: 'Tagged',
          Description: '',
          Type: 'SERVICE_CONTROL_POLICY',
          Content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}',
          Tags: [{ Key: 'managed-by', Value: 'orgctl' }, { Key: 'owner', Value: 'old' }, { Key: 'stale', Value: 'x' }],
        }),
      );
      const id = policy.Policy!.PolicySummary!.Id!;
      const created = await tagsOf(o, id);
      await o.send(new UntagResourceCommand({ ResourceId: id, TagKeys: ['stale'] }));
      await o.send(new TagResourceCommand({ ResourceId: id, Tags: [{ Key: 'owner', Value: 'security' }, { Key: 'team', Value: 'sec' }] }));
      return { created, after: await tagsOf(o, id) };
    },
  });
});

// ---- behaviour AWS does not document: the emulator's default and moto's answer, both pinned

interface Undocumented<T> {
  /** The emulator option that picks another answer (docs/emulator.md, "Undocumented behaviour"). */
  readonly quirk: string;
  readonly emulator: T;
  readonly moto: T;
  readonly run: (target: Target) => Promise<T>;
}

function undocumented<T>(title: string, behaviour: Undocumented<T>): void {
  describe(`${title}: AWS documents nothing here`, () => {
    it(`the emulator's default (quirk ${behaviour.quirk}), not AWS's documented answer`, async () => {
      await emulatorTarget.reset();
      expect(await behaviour.run(emulatorTarget)).toEqual(behaviour.emulator);
    });
    itWithMoto('moto’s answer', async () => {
      await motoTarget.reset();
      expect(await behaviour.run(motoTarget)).toEqual(behaviour.moto);
    });
  });
}

describe('undocumented behaviour (aws-facts.md §6)', () => {
  undocumented('MoveAccount whose source exists but is not the account’s parent', {
    quirk: 'wrongSourceParent',
    emulator: 'AccountNotFoundException',
    moto: 'ok',
    run: async (t) => {
      const o = orgs(t.config());
      const root = await createOrganization(o);
      const a = await createOu(o, root, 'A');
      const b = await createOu(o, root, 'B');
      return outcome(o.send(new MoveAccountCommand({ AccountId: MANAGEMENT, SourceParentId: a, DestinationParentId: b })));
    },
  });
  undocumented('sibling OU names that differ only in case ("Prod", "prod")', {
    quirk: 'ouNamesCaseSensitive',
    emulator: 'ok',
    moto: 'ok',
    run: async (t) => {
      const o = orgs(t.config());
      const root = await createOrganization(o);
      await createOu(o, root, 'Prod');
      return outcome(createOu(o, root, 'prod'));
    },
  });
  undocumented('how DescribeBudget echoes BudgetLimit.Amount "100"', {
    quirk: 'amountFormat',
    emulator: '100.0',
    moto: '100',
    run: async (t) => {
      const b = budgets(t.config());
      await createBudget(b, 'm');
      return (await b.send(new DescribeBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'm' }))).Budget?.BudgetLimit?.Amount;
    },
  });
});

// ---- account lifecycle (issue #15): what orgctl's createAccount, renameAccount and closeAccount rely on

describe('account lifecycle', () => {
  awsBehaviour('ListCreateAccountStatus lists a request by its state, naming the account but not its email', {
    source: `${ORG_API}/API_CreateAccountStatus.html (fields: Id, AccountName, State, AccountId, FailureReason; no Email)`,
    aws: { listed: [['team-x', 'SUCCEEDED']], hasEmail: false, inProgress: 0 },
    run: async (target) => {
      const client = orgs(target.config());
      await createOrganization(client);
      await createAccount(client, 'team-x');
      const succeeded = (await client.send(new ListCreateAccountStatus({ States: ['SUCCEEDED'] }))).CreateAccountStatuses ?? [];
      const inProgress = (await client.send(new ListCreateAccountStatus({ States: ['IN_PROGRESS'] }))).CreateAccountStatuses ?? [];
      return { listed: succeeded.map((r) => [r.AccountName, r.State]), hasEmail: succeeded.some((r) => 'Email' in r), inProgress: inProgress.length };
    },
    moto: {
      differs: 'moto 5.2.1 also lists a SUCCEEDED request for the management account, which no CreateAccount made (orgctl only reads IN_PROGRESS requests)',
      answer: { listed: [['master', 'SUCCEEDED'], ['team-x', 'SUCCEEDED']], hasEmail: false, inProgress: 0 },
    },
  });

  awsBehaviour('PutAccountName renames a member account named by AccountId; ListAccounts shows the new name', {
    source: 'https://docs.aws.amazon.com/accounts/latest/reference/API_PutAccountName.html',
    aws: { put: 'ok', name: 'payments-prod' },
    run: async (target) => {
      const client = orgs(target.config());
      await createOrganization(client);
      const id = await createAccount(client, 'payments');
      const account = new AccountClient(target.config());
      const put = await outcome(account.send(new PutAccountNameCommand({ AccountId: id, AccountName: 'payments-prod' })));
      const name = (await client.send(new DescribeAccountCommand({ AccountId: id }))).Account?.Name;
      return { put, name };
    },
    moto: { differs: 'moto 5.2.1 does not implement PutAccountName: its reply is not JSON (the SDK reports a SyntaxError) and the account keeps its name', answer: { put: 'SyntaxError', name: 'payments' } },
  });

  awsBehaviour('A member account\'s alternate contact is set and read with its AccountId, apart from the caller\'s own', {
    source: 'https://docs.aws.amazon.com/accounts/latest/reference/API_PutAlternateContact.html; aws-facts.md §5 (GetAlternateContact)',
    aws: { member: 'member-sec@example.com', own: 'ResourceNotFoundException' },
    run: async (target) => {
      const client = orgs(target.config());
      await createOrganization(client);
      const id = await createAccount(client, 'team');
      const account = new AccountClient(target.config());
      await account.send(
        new PutAlternateContactCommand({ AccountId: id, AlternateContactType: 'SECURITY', EmailAddress: 'member-sec@example.com', Name: 'Sec', Title: 'CISO', PhoneNumber: '+1 555 0100' }),
      );
      const member = (await account.send(new GetAlternateContactCommand({ AccountId: id, AlternateContactType: 'SECURITY' }))).AlternateContact?.EmailAddress;
      const own = await outcome(account.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' })));
      return { member, own };
    },
  });

  awsBehaviour('GetAlternateContact with the AccountId of an account outside the organization is AccessDeniedException', {
    source: 'https://docs.aws.amazon.com/accounts/latest/reference/API_GetAlternateContact.html (the account must be a member of the caller\'s organization)',
    aws: 'AccessDeniedException',
    run: async (target) => {
      await createOrganization(orgs(target.config()));
      return outcome(new AccountClient(target.config()).send(new GetAlternateContactCommand({ AccountId: '999999999999', AlternateContactType: 'SECURITY' })));
    },
    moto: { differs: 'moto 5.2.1 does not check membership: any AccountId has its own (empty) contacts', answer: 'ResourceNotFoundException' },
  });

  awsBehaviour('CreateAccount with the email of an account that exists ends FAILED with EMAIL_ALREADY_EXISTS', {
    source: `${ORG_API}/API_CreateAccountStatus.html (FailureReason EMAIL_ALREADY_EXISTS)`,
    aws: { state: 'FAILED', reason: 'EMAIL_ALREADY_EXISTS' },
    run: async (target) => {
      const client = orgs(target.config());
      await createOrganization(client);
      await createAccount(client, 'dup');
      const started = await client.send(new CreateAccountCommand({ AccountName: 'dup-again', Email: 'dup@example.com' }));
      for (let i = 0; i < 100; i++) {
        const status = (await client.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: started.CreateAccountStatus?.Id }))).CreateAccountStatus;
        if (status?.State !== 'IN_PROGRESS') return { state: status?.State, reason: status?.FailureReason };
        await new Promise((r) => setTimeout(r, 5));
      }
      return expect.fail('CreateAccount never finished');
    },
    moto: {
      differs: 'moto 5.2.1 never fails a creation: it makes a second account with the same email (so the FAILED-creation workflow is checked against the emulator only)',
      answer: { state: 'SUCCEEDED', reason: undefined },
    },
  });
});
