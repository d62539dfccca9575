// The same scenarios, through the real SDK, against our emulator and against moto (an independent
// emulator). Where both implement a call they must agree. Where moto 5.2.1 differs from AWS, the test
// name says so: our emulator is held to AWS's behaviour, and moto's divergence is checked too, so the
// claim "moto differs" stays true (if moto is fixed, that check fails and the note can go).

import {
  CreateBudgetCommand,
  CreateNotificationCommand,
  DeleteBudgetCommand,
  DeleteNotificationCommand,
  DescribeBudgetCommand,
  DescribeBudgetsCommand,
  DescribeNotificationsForBudgetCommand,
  DescribeSubscribersForNotificationCommand,
  UpdateBudgetCommand,
  ListTagsForResourceCommand as ListBudgetTagsCommand,
  type BudgetsClient,
  type Notification,
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
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MOTO_AVAILABLE, startMoto, type MotoServer } from '../support/moto.js';
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

const emulatorTarget: Target = {
  name: 'emulator',
  config: () => emulator?.clientConfig ?? expect.fail('emulator not started'),
  configAs: (id) => emulator?.clientConfigAs(id) ?? expect.fail('emulator not started'),
  reset: async () => emulator?.reset(),
};

const motoConfig = (accessKeyId: string): SdkClientConfig => ({ endpoint: moto?.url ?? '', region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'test' } });
const motoTarget: Target = {
  name: 'moto',
  config: () => motoConfig('test'),
  configAs: (id) => motoConfig(`AKIA${id}`),
  reset: async () => moto?.reset(),
};

const TARGETS = MOTO_AVAILABLE ? [emulatorTarget, motoTarget] : [emulatorTarget];
const MOTO_NOTE = MOTO_AVAILABLE ? '' : ' (moto part SKIPPED: moto_server is not on PATH)';

beforeAll(async () => {
  // The contract reads single pages with raw SDK commands on both servers (moto sends only full pages), so
  // the emulator's pages are full here too (FULL_PAGES).
  emulator = await startTestEmulator({ ...FULL_PAGES, createAccountDelayMs: 0, closeAccountDelayMs: 0, quotas: { maxAccounts: 100 } });
  if (MOTO_AVAILABLE) moto = await startMoto();
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

describe.each(TARGETS)(`contract: $name${MOTO_NOTE}`, (target) => {
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
});

// ---- where moto 5.2.1 differs from AWS: the emulator follows AWS, and moto's difference is confirmed

describe(`where moto 5.2.1 differs from AWS, the emulator follows AWS${MOTO_NOTE}`, () => {
  beforeEach(async () => {
    await emulatorTarget.reset();
    await motoTarget.reset();
  });
  const em = () => orgs(emulatorTarget.config());
  const mo = () => orgs(motoTarget.config());
  const motoIt = it.skipIf(!MOTO_AVAILABLE);

  describe('duplicate OU names among siblings: AWS refuses (DuplicateOrganizationalUnitException); moto accepts them', () => {
    it('emulator refuses', async () => {
      const root = await createOrganization(em());
      await createOu(em(), root, 'Prod');
      expect((await awsError(em().send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: 'Prod' })))).name).toBe('DuplicateOrganizationalUnitException');
    });
    motoIt('moto accepts', async () => {
      const root = await createOrganization(mo());
      await createOu(mo(), root, 'Prod');
      await expect(createOu(mo(), root, 'Prod')).resolves.toMatch(/^ou-/);
    });
  });

  describe('deleting a non-empty OU: AWS refuses (OrganizationalUnitNotEmptyException); moto deletes it', () => {
    it('emulator refuses', async () => {
      const root = await createOrganization(em());
      const prod = await createOu(em(), root, 'Prod');
      await createOu(em(), prod, 'Child');
      expect((await awsError(em().send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: prod })))).name).toBe('OrganizationalUnitNotEmptyException');
    });
    motoIt('moto deletes it', async () => {
      const root = await createOrganization(mo());
      const prod = await createOu(mo(), root, 'Prod');
      await createOu(mo(), prod, 'Child');
      await mo().send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: prod }));
      expect((await awsError(mo().send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: prod })))).name).toBe('OrganizationalUnitNotFoundException');
    });
  });

  describe('a sixth OU level: AWS refuses (OU_DEPTH_LIMIT_EXCEEDED); moto has no depth limit', () => {
    const sixDeep = async (client: OrganizationsClient) => {
      let parent = await createOrganization(client);
      for (let level = 1; level <= 5; level++) parent = await createOu(client, parent, `L${level}`);
      return client.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: 'L6' }));
    };
    it('emulator refuses', async () => expect((await awsError(sixDeep(em()))).reason).toBe('OU_DEPTH_LIMIT_EXCEEDED'));
    motoIt('moto accepts', async () => expect((await sixDeep(mo())).OrganizationalUnit?.Name).toBe('L6'));
  });

  describe('CreateAccount is asynchronous in AWS (IN_PROGRESS first); moto answers SUCCEEDED at once', () => {
    const first = async (client: OrganizationsClient) => {
      await createOrganization(client);
      return (await client.send(new CreateAccountCommand({ AccountName: 'x', Email: 'x@example.com' }))).CreateAccountStatus?.State;
    };
    it('emulator answers IN_PROGRESS', async () => expect(await first(em())).toBe('IN_PROGRESS'));
    motoIt('moto answers SUCCEEDED', async () => expect(await first(mo())).toBe('SUCCEEDED'));
  });

  describe('MoveAccount errors: AWS has DuplicateAccount, SourceParentNotFound and DestinationParentNotFound; moto accepts a move in place and says ParentNotFound', () => {
    const moves = async (client: OrganizationsClient) => {
      const root = await createOrganization(client);
      const missing = `ou-${root.slice(2)}-zzzzzzzz`;
      return [
        await awsError(client.send(new MoveAccountCommand({ AccountId: MANAGEMENT, SourceParentId: root, DestinationParentId: root }))).catch(() => ({ name: 'accepted' })),
        await awsError(client.send(new MoveAccountCommand({ AccountId: MANAGEMENT, SourceParentId: missing, DestinationParentId: root }))),
        await awsError(client.send(new MoveAccountCommand({ AccountId: MANAGEMENT, SourceParentId: root, DestinationParentId: missing }))),
      ].map((e) => e.name);
    };
    it('emulator answers as AWS', async () => expect(await moves(em())).toEqual(['DuplicateAccountException', 'SourceParentNotFoundException', 'DestinationParentNotFoundException']));
    motoIt('moto differs', async () => expect(await moves(mo())).toEqual(['accepted', 'ParentNotFoundException', 'ParentNotFoundException']));
  });

  describe('the last SCP of a target: AWS refuses to detach it (MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED); moto detaches it', () => {
    const detachLast = async (client: OrganizationsClient) => {
      const root = await createOrganization(client);
      const ou = await createOu(client, root, 'Prod');
      return client.send(new DetachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: ou }));
    };
    it('emulator refuses', async () => expect((await awsError(detachLast(em()))).reason).toBe('MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED'));
    motoIt('moto detaches', async () => expect(await detachLast(mo())).toBeDefined());
  });

  describe('SCPs are enabled in the root when an ALL-features organization is created; moto lists no policy types on the root', () => {
    const types = async (client: OrganizationsClient) => {
      await createOrganization(client);
      return (await client.send(new ListRootsCommand({}))).Roots?.[0]?.PolicyTypes;
    };
    it('emulator: SERVICE_CONTROL_POLICY ENABLED', async () => expect(await types(em())).toEqual([{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]));
    motoIt('moto: none', async () => expect(await types(mo())).toEqual([]));
  });

  describe('MaxResults above 20: AWS refuses (InvalidInputException, unverified reason); moto accepts it', () => {
    it('emulator refuses', async () => {
      await createOrganization(em());
      expect((await awsError(em().send(new ListAccountsCommand({ MaxResults: 21 })))).name).toBe('InvalidInputException');
    });
    motoIt('moto accepts', async () => {
      await createOrganization(mo());
      expect((await mo().send(new ListAccountsCommand({ MaxResults: 21 }))).Accounts).toHaveLength(1);
    });
  });

  describe('closing the management account: AWS refuses (CANNOT_CLOSE_MANAGEMENT_ACCOUNT); moto closes it', () => {
    it('emulator refuses', async () => {
      await createOrganization(em());
      expect((await awsError(em().send(new CloseAccountCommand({ AccountId: MANAGEMENT })))).reason).toBe('CANNOT_CLOSE_MANAGEMENT_ACCOUNT');
    });
    motoIt('moto closes it', async () => {
      await createOrganization(mo());
      await mo().send(new CloseAccountCommand({ AccountId: MANAGEMENT }));
    });
  });

  describe('error HTTP status codes: AWS models 404/409/429; moto sends 400 for every error', () => {
    it('emulator: 404 for AWSOrganizationsNotInUseException', async () => expect((await awsError(em().send(new DescribeOrganizationCommand({})))).status).toBe(404));
    motoIt('moto: 400', async () => expect((await awsError(mo().send(new DescribeOrganizationCommand({})))).status).toBe(400));
  });

  describe('the caller account: AWS answers for the credentials’ own account; moto always says 123456789012', () => {
    it('emulator: the access key picks the account', async () => {
      expect((await new STSClient(emulatorTarget.configAs('210987654321')).send(new GetCallerIdentityCommand({}))).Account).toBe('210987654321');
    });
    motoIt('moto: always the default', async () => {
      expect((await new STSClient(motoTarget.configAs('210987654321')).send(new GetCallerIdentityCommand({}))).Account).toBe(MANAGEMENT);
    });
  });

  describe('DescribeNotificationsForBudget: AWS omits ThresholdType when PERCENTAGE and echoes Amount as a decimal; moto returns ThresholdType and the bytes sent', () => {
    const read = async (client: BudgetsClient) => {
      await createBudget(client, 'm');
      const n = (await client.send(new DescribeNotificationsForBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'm' }))).Notifications?.[0];
      const amount = (await client.send(new DescribeBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'm' }))).Budget?.BudgetLimit?.Amount;
      return { thresholdType: n?.ThresholdType, amount };
    };
    it('emulator follows AWS', async () => expect(await read(budgets(emulatorTarget.config()))).toEqual({ thresholdType: undefined, amount: '100.0' }));
    motoIt('moto differs', async () => expect(await read(budgets(motoTarget.config()))).toEqual({ thresholdType: 'PERCENTAGE', amount: '100' }));
  });

  describe('a duplicate notification: AWS refuses (DuplicateRecordException); moto adds it again', () => {
    const again = async (client: BudgetsClient) => {
      await createBudget(client, 'm');
      return client.send(new CreateNotificationCommand({ AccountId: MANAGEMENT, BudgetName: 'm', Notification: at80, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'x@example.com' }] }));
    };
    it('emulator refuses', async () => expect((await awsError(again(budgets(emulatorTarget.config())))).name).toBe('DuplicateRecordException'));
    motoIt('moto accepts', async () => expect(await again(budgets(motoTarget.config()))).toBeDefined());
  });

  describe('UpdateBudget, subscribers and budget tags: AWS has them; moto 5.2.1 does not implement them', () => {
    const calls = (client: BudgetsClient) => [
      client.send(new UpdateBudgetCommand({ AccountId: MANAGEMENT, NewBudget: budgetNamed('m', '200') })),
      client.send(new DescribeSubscribersForNotificationCommand({ AccountId: MANAGEMENT, BudgetName: 'm', Notification: at80 })),
      client.send(new ListBudgetTagsCommand({ ResourceARN: `arn:aws:budgets::${MANAGEMENT}:budget/m` })),
    ];
    it('emulator implements them', async () => {
      const client = budgets(emulatorTarget.config());
      await createBudget(client, 'm');
      const [update, subscribers, tags] = await Promise.all(calls(client));
      expect(update).toBeDefined();
      expect(subscribers?.$metadata.httpStatusCode).toBe(200);
      expect(tags?.$metadata.httpStatusCode).toBe(200);
    });
    motoIt('moto answers something that is not an AWS response', async () => {
      const client = budgets(motoTarget.config());
      await createBudget(client, 'm');
      // Catch every call at once: the three are in flight together, and one awaited later would reject unhandled.
      const errors = await Promise.all(calls(client).map((call) => awsError(call)));
      expect(errors.map((e) => e.status)).toEqual([500, 500, 500]);
    });
  });
});
