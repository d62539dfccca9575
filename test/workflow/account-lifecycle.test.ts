// Account lifecycle end to end (issue #15), against our emulator and against moto: plan, apply and plan
// again converge for creating accounts into nested OUs, renaming and closing; a FAILED creation is
// reported and a corrected org.yaml then succeeds; the closure quota refuses a plan. After each apply
// the end-state oracle reads the result with its own SDK calls (names, states, placement).

import { CreateAccountCommand, CreateOrganizationCommand, ListAccountsCommand, OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { makePlan } from '../../src/workflow/make-plan.js';
import { aDesiredOrg } from '../support/builders.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { type EndState, expectedEndState, expectEndStateMatches, MOTO_BACKEND, readEndState } from '../support/end-state/index.js';
import { describeWithMoto, MOTO_CREDENTIALS, useMoto } from '../support/moto.js';
import { emulatorPort, FAST_RETRIES, MGMT, snapshotOf } from './support/emulator-world.js';

const SHA = '5'.repeat(64);
const MEMBER = '200000000001';
const OLD = '200000000002';

describe('account lifecycle against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, createAccountDelayMs: 100, closeAccountDelayMs: 100 }));
  });
  afterAll(async () => {
    await emulator.stop();
  });

  const seed = () =>
    emulator.seed(
      snapshotOf({
        hasOrganization: true,
        ous: [{ path: '/Sandbox', name: 'Sandbox', parentPath: '/' }],
        accounts: [{ id: MGMT, parentPath: '/' }, { id: MEMBER, parentPath: '/' }, { id: OLD, parentPath: '/Sandbox' }],
        budgets: [],
      }),
    );

  it('creates accounts into nested OUs, renames one, closes one into closedAccountsOu; the plan after is empty', async () => {
    seed();
    const before = await readEndState({ endpoint: emulator.url });
    const port = emulatorPort(emulator.url);
    try {
      const desired = aDesiredOrg()
        .withManagementAccount(MGMT)
        .withAccount(MGMT)
        .withOu('/Suspended')
        .withAccountEntry({ name: 'team-x-prod', email: 'aws+team-x-prod@example.com', tags: { entries: [{ key: 'team', value: 'x' }] } }, '/Workloads/Prod/Payments')
        .withAccountEntry({ name: 'team-y-dev', email: 'aws+team-y-dev@example.com' }, '/Workloads/Dev')
        .withAccount(MEMBER, '/', { name: 'payments-prod' })
        .withAccountEntry({ id: OLD, name: 'old', closed: true }, '/Sandbox')
        .withOptions({ closedAccountsOu: '/Suspended' })
        .build();
      const outcome = await runApplyWorkflow({ port, desired, orgYamlSha256: SHA, confirm: async () => true });
      if (outcome.kind !== 'applied') throw new Error(outcome.kind);
      expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
      expect(outcome.plan.steps.map((s) => s.kind).sort()).toEqual(
        ['closeAccount', 'createAccount', 'createAccount', 'createOrganizationalUnit', 'createOrganizationalUnit', 'createOrganizationalUnit', 'createOrganizationalUnit', 'createOrganizationalUnit', 'moveAccount', 'moveAccount', 'moveAccount', 'renameAccount'].sort(),
      );
      expect(outcome.converged).toBe(true);
      expect((await makePlan(port, desired, SHA)).plan.steps).toEqual([]);
      expectEndStateMatches(await readEndState({ endpoint: emulator.url }), expectedEndState(desired, before));
      // Run again: nothing is created, renamed or closed twice.
      const again = await runApplyWorkflow({ port, desired, orgYamlSha256: SHA, confirm: async () => true });
      expect(again.kind).toBe('no-changes');
    } finally {
      port.destroy();
    }
  });

  it('a FAILED creation (the email belongs to an AWS account elsewhere) is reported with what to do; a corrected org.yaml then succeeds', async () => {
    const elsewhere = await startEmulator(testEmulatorOptions({ rateLimits: false, createAccountDelayMs: 50, emailsOutsideOrganization: ['taken@example.com'] }));
    elsewhere.seed(snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }], budgets: [] }));
    const before = await readEndState({ endpoint: elsewhere.url });
    const port = emulatorPort(elsewhere.url);
    try {
      const withEmail = (email: string) => aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT).withAccountEntry({ name: 'sandbox', email }, '/Sandbox').build();
      const first = await runApplyWorkflow({ port, desired: withEmail('taken@example.com'), orgYamlSha256: SHA, confirm: async () => true });
      if (first.kind !== 'applied') throw new Error(first.kind);
      expect(first.converged).toBe(false);
      expect(first.run.results.find((r) => r.status === 'failed')?.message).toContain(
        'AWS could not create account "sandbox" (taken@example.com): EMAIL_ALREADY_EXISTS: an AWS account already uses this email',
      );
      const corrected = withEmail('sandbox@example.com');
      const second = await runApplyWorkflow({ port, desired: corrected, orgYamlSha256: SHA, confirm: async () => true });
      expect(second.kind === 'applied' && second.converged).toBe(true);
      expectEndStateMatches(await readEndState({ endpoint: elsewhere.url }), expectedEndState(corrected, before));
    } finally {
      port.destroy();
      await elsewhere.stop();
    }
  });

  it('apply killed while a creation is IN_PROGRESS: the next apply waits for that request and creates nothing twice', async () => {
    const slow = await startEmulator(testEmulatorOptions({ rateLimits: false, createAccountDelayMs: 1500 }));
    slow.seed(snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }], budgets: [] }));
    const before = await readEndState({ endpoint: slow.url });
    const port = emulatorPort(slow.url);
    try {
      const desired = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT).withAccountEntry({ name: 'team-x', email: 'team-x@example.com' }, '/Workloads').build();
      // The first run dies right after CreateAccount was answered: its polls never get a reply.
      const dying: typeof port = { ...port, describeCreateAccountStatus: async () => Promise.reject(new Error('the process was killed')) };
      const first = await runApplyWorkflow({ port: dying, desired, orgYamlSha256: SHA, confirm: async () => true });
      expect(first.kind === 'applied' && first.converged).toBe(false);
      const second = await runApplyWorkflow({ port, desired, orgYamlSha256: SHA, confirm: async () => true });
      if (second.kind !== 'applied') throw new Error(second.kind);
      expect(second.plan.steps.map((s) => s.kind)).toContain('createAccount');
      expect(second.converged).toBe(true);
      expect(slow.requestLog().filter((e) => e.operation === 'CreateAccount')).toHaveLength(1);
      expectEndStateMatches(await readEndState({ endpoint: slow.url }), expectedEndState(desired, before));
    } finally {
      port.destroy();
      await slow.stop();
    }
  });

  it('more closures than the quota: the plan has an error and apply refuses it, closing nothing', async () => {
    const accounts = Array.from({ length: 251 }, (_, i) => ({ id: String(300000000000 + i), parentPath: '/' }));
    emulator.seed(snapshotOf({ hasOrganization: true, ous: [], accounts: [{ id: MGMT, parentPath: '/' }, ...accounts], budgets: [] }));
    emulator.clearStats();
    const port = emulatorPort(emulator.url);
    try {
      const desired = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT);
      for (const a of accounts) desired.withAccountEntry({ id: a.id, closed: true });
      const plan = (await makePlan(port, desired.build(), SHA)).plan;
      expect(plan.errors.map((e) => e.code)).toEqual(['closure-quota-exceeded']);
      await expect(runApplyWorkflow({ port, desired: desired.build(), orgYamlSha256: SHA, confirm: async () => true })).rejects.toThrow(/error/i);
      expect(emulator.requestLog().filter((e) => e.operation === 'CloseAccount')).toEqual([]);
    } finally {
      port.destroy();
    }
  });
});

describeWithMoto('account lifecycle against moto', () => {
  const moto = useMoto({ port: { rateScale: 1000, retryPolicy: FAST_RETRIES }, clients: (config) => ({ orgs: new OrganizationsClient(config) }) });
  const endState = (): Promise<EndState> => readEndState({ endpoint: moto.url, credentials: MOTO_CREDENTIALS, backend: MOTO_BACKEND });

  it('creates accounts into nested OUs and closes one; the plan after is empty', async () => {
    await moto.clients.orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const old = (await moto.clients.orgs.send(new CreateAccountCommand({ AccountName: 'old', Email: 'old@example.com' }))).CreateAccountStatus!.AccountId!;
    const desired = aDesiredOrg()
      .withManagementAccount(MGMT)
      .withAccount(MGMT, '/', { name: 'master' })
      .withAccountEntry({ name: 'team-x-prod', email: 'aws+team-x-prod@example.com' }, '/Workloads/Prod/Payments')
      .withAccountEntry({ id: old, name: 'old', closed: true })
      .build();
    const before = await endState();
    const outcome = await runApplyWorkflow({ port: moto.port, desired, orgYamlSha256: SHA, confirm: async () => true });
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect(outcome.run.results.filter((r) => r.status !== 'ok').map((r) => r.message)).toEqual([]);
    expect(outcome.converged).toBe(true);
    expect((await makePlan(moto.port, desired, SHA)).plan.steps).toEqual([]);
    expectEndStateMatches(await endState(), expectedEndState(desired, before));
  });

  it('apply killed right after CreateAccount was answered: the next apply finds the account and creates nothing twice', async () => {
    await moto.clients.orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const desired = aDesiredOrg()
      .withManagementAccount(MGMT)
      .withAccount(MGMT, '/', { name: 'master' })
      .withAccountEntry({ name: 'team-x', email: 'team-x@example.com' }, '/Workloads/Prod')
      .build();
    const before = await endState();
    // moto answers CreateAccount SUCCEEDED at once, so the run dies on the answer itself, before it records the ID.
    const dying: typeof moto.port = {
      ...moto.port,
      createAccount: async (request) => {
        await moto.port.createAccount(request);
        throw new Error('the process was killed');
      },
    };
    const first = await runApplyWorkflow({ port: dying, desired, orgYamlSha256: SHA, confirm: async () => true });
    expect(first.kind === 'applied' && first.converged).toBe(false);
    const second = await runApplyWorkflow({ port: moto.port, desired, orgYamlSha256: SHA, confirm: async () => true });
    if (second.kind !== 'applied') throw new Error(second.kind);
    expect(second.plan.steps.map((s) => s.kind)).not.toContain('createAccount');
    expect(second.converged).toBe(true);
    const accounts = (await moto.clients.orgs.send(new ListAccountsCommand({}))).Accounts ?? [];
    expect(accounts.filter((a) => a.Email === 'team-x@example.com')).toHaveLength(1);
    expectEndStateMatches(await endState(), expectedEndState(desired, before));
  });

  it('more closures than the quota: the plan has an error and apply refuses it, closing nothing', async () => {
    await moto.clients.orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const ids: string[] = [];
    for (let i = 0; i < 251; i++) {
      ids.push((await moto.clients.orgs.send(new CreateAccountCommand({ AccountName: `a${i}`, Email: `a${i}@example.com` }))).CreateAccountStatus!.AccountId!);
    }
    const desired = aDesiredOrg().withManagementAccount(MGMT).withAccount(MGMT, '/', { name: 'master' });
    for (const [i, id] of ids.entries()) desired.withAccountEntry({ id, name: `a${i}`, closed: true });
    const plan = (await makePlan(moto.port, desired.build(), SHA)).plan;
    expect(plan.errors.map((e) => e.code)).toEqual(['closure-quota-exceeded']);
    await expect(runApplyWorkflow({ port: moto.port, desired: desired.build(), orgYamlSha256: SHA, confirm: async () => true })).rejects.toThrow(/error/i);
    const accounts = [];
    for await (const page of paginateListAccounts({ client: moto.clients.orgs }, {})) accounts.push(...(page.Accounts ?? []));
    expect(accounts).toHaveLength(252);
    expect(accounts.filter((a) => a.Status !== 'ACTIVE')).toEqual([]);
  }, 120_000);
});
