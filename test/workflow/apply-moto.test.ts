// Apply against moto_server, an emulator we did not write, for what moto implements: creating the
// organization, OUs (renaming and deleting them), moving accounts, and CreateBudget with its
// notifications. moto lacks UpdateBudget, subscribers and the account-wide notification read
// (DescribeBudgetNotificationsForAccount, DescribeSubscribersForNotification), so once a budget exists
// orgctl cannot plan against moto: the budget case checks the result with moto's own reads instead.
// After every apply the end-state oracle (test/support/end-state) reads moto with its own SDK calls and
// compares with org.yaml; what moto cannot answer (budget subscribers and tags) is a named gap in
// MOTO_BACKEND, listed by the test that accepts it.

import { BudgetsClient, DescribeBudgetCommand, DescribeNotificationsForBudgetCommand } from '@aws-sdk/client-budgets';
import { CreateAccountCommand, CreateOrganizationalUnitCommand, CreateOrganizationCommand, ListRootsCommand, MoveAccountCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { aDesiredOrg, theRepositoryOrg } from '../support/builders.js';
import { type EndState, expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState } from '../support/end-state/index.js';
import { describeWithMoto, MOTO_CREDENTIALS, useMoto } from '../support/moto.js';
import { FAST_RETRIES, MGMT } from './support/emulator-world.js';

const SHA = '0'.repeat(64);

describeWithMoto('apply against moto', () => {
  const moto = useMoto({ port: { rateScale: 1000, retryPolicy: FAST_RETRIES }, clients: (config) => ({ orgs: new OrganizationsClient(config), budgets: new BudgetsClient(config) }) });
  const endState = (): Promise<EndState> => readEndState({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, backend: MOTO_BACKEND });

  it('bootstrap from no organization: organization, OUs five deep, management account moved; the plan after is empty', async () => {
    const desired = aDesiredOrg()
      .withManagementAccount(MGMT)
      .withOu('/Security')
      .withOu('/Workloads/Prod/Team/Service/Edge')
      .withAccount(MGMT, '/Workloads/Prod')
      .build();
    const before = await endState();
    const outcome = await runApplyWorkflow({ port: moto.port, desired, orgYamlSha256: SHA, confirm: async () => true });
    if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
    expect(outcome.plan.steps[0]!.kind).toBe('createOrganization');
    expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
    expect(outcome.converged).toBe(true);
    expect((await makePlan(moto.port, desired, SHA)).plan.steps).toEqual([]);
    expectEndStateMatches(await endState(), expectedEndState(desired, before));
  });

  it('an existing organization: rename an OU, create OUs under it, move accounts, prune an OU; the plan after is empty', async () => {
    await moto.clients.orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const rootId = (await moto.clients.orgs.send(new ListRootsCommand({}))).Roots![0]!.Id!;
    const ou = async (parentId: string, name: string) => (await moto.clients.orgs.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name }))).OrganizationalUnit!.Id!;
    const old = await ou(rootId, 'Old');
    const trash = await ou(rootId, 'Trash');
    const accounts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = (await moto.clients.orgs.send(new CreateAccountCommand({ AccountName: `a${i}`, Email: `a${i}@example.com` }))).CreateAccountStatus!.AccountId!;
      accounts.push(id);
      const parent = [rootId, old, trash][i % 3]!;
      if (parent !== rootId) await moto.clients.orgs.send(new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: parent }));
    }
    const desired = aDesiredOrg()
      .withManagementAccount(MGMT)
      .withAccount(MGMT)
      .withOu('/New', { renamedFrom: 'Old' })
      .withAccount(accounts[0]!, '/New/Prod')
      .withAccount(accounts[1]!, '/New')
      .withAccount(accounts[2]!, '/New/Dev')
      .withAccount(accounts[3]!, '/')
      .withAccount(accounts[4]!, '/New/Prod')
      .withAccount(accounts[5]!, '/New/Dev')
      .withOptions({ pruneOrganizationalUnits: true })
      .build();
    const before = await endState();
    const outcome = await runApplyWorkflow({ port: moto.port, desired, orgYamlSha256: SHA, confirm: async () => true });
    if (outcome.kind !== 'applied') throw new Error(`expected an apply, got ${outcome.kind}`);
    expect(outcome.plan.steps.map((s) => s.kind).sort()).toEqual(
      ['renameOrganizationalUnit', 'createOrganizationalUnit', 'createOrganizationalUnit', 'deleteOrganizationalUnit', ...Array(4).fill('moveAccount')].sort(),
    );
    expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
    expect(outcome.converged).toBe(true);
    const live = (await makePlan(moto.port, desired, SHA)).live;
    expect(live.ous.find((o) => o.name === 'New')?.id).toBe(old);
    expect(live.ous.some((o) => o.id === trash)).toBe(false);
    expectEndStateMatches(await endState(), expectedEndState(desired, before));
  });

  it('the bootstrap budget: created with its notification (read back with moto\'s own calls)', async () => {
    const desired = theRepositoryOrg()
      .withManagementAccount(MGMT)
      .withBudget({ name: 'second', amount: 99.5, timeUnit: 'QUARTERLY', notifications: [{ type: 'FORECASTED', threshold: 100, emails: ['a@example.com'] }, { threshold: 50, emails: ['b@example.com'] }] })
      .build();
    const before = await endState();
    const { plan, live } = await makePlan(moto.port, desired, SHA);
    const run = await applyPlan(plan, { port: moto.port, live, managementAccountId: MGMT });
    expect(run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);

    // The organization part, read back through the port (planning needs Budgets reads moto lacks).
    const [root] = await moto.port.listRoots();
    const top = await moto.port.listOrganizationalUnitsForParent(root!.id);
    expect(top.map((o) => o.name).sort()).toEqual(['Infrastructure', 'Management', 'Sandbox', 'Security', 'Suspended', 'Workloads']);
    const management = top.find((o) => o.name === 'Management')!;
    expect((await moto.port.listAccountsForParent(management.id)).map((a) => a.id)).toEqual([MGMT]);

    const read = async (name: string) => ({
      budget: (await moto.clients.budgets.send(new DescribeBudgetCommand({ AccountId: MGMT, BudgetName: name }))).Budget,
      notifications: (await moto.clients.budgets.send(new DescribeNotificationsForBudgetCommand({ AccountId: MGMT, BudgetName: name }))).Notifications,
    });
    const guardrail = await read('monthly-guardrail');
    expect(Number(guardrail.budget?.BudgetLimit?.Amount)).toBe(10);
    expect(guardrail.budget).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Unit: 'USD' } });
    expect(guardrail.notifications).toEqual([{ NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' }]);
    const second = await read('second');
    expect(Number(second.budget?.BudgetLimit?.Amount)).toBe(99.5);
    expect(second.budget?.TimeUnit).toBe('QUARTERLY');
    expect(second.notifications?.map((n) => `${n.NotificationType} ${n.Threshold}`).sort()).toEqual(['ACTUAL 50', 'FORECASTED 100']);

    // Everything else field by field; subscribers and tags are moto's named gaps, and nothing else is.
    const gaps = [MOTO_BACKEND.gaps.budgetSubscribers!, MOTO_BACKEND.gaps.budgetTags!];
    expect(expectEndStateMatches(await endState(), expectedEndState(desired, before), { knownGaps: gaps })).toEqual(gaps);
  });
});
