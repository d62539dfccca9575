// `orgctl explain ACCOUNT_ID` against moto: the same reads as against our emulator (ListParents,
// DescribeOrganizationalUnit, ListPoliciesForTarget, ListTagsForResource, DescribeBudgets with cost
// filters) answered by an independent implementation of AWS's API.

import { BudgetsClient, CreateBudgetCommand } from '@aws-sdk/client-budgets';
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, expect } from 'vitest';
import { describeWithMoto, itWithMoto, MOTO_ACCOUNT, useMoto } from '../support/moto.js';
import { orgctl, workspace } from '../workflow/support/cli-harness.js';

const DENY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] });

describeWithMoto('orgctl explain, against moto', () => {
  const moto = useMoto({ clients: (config) => ({ organizations: new OrganizationsClient(config), budgets: new BudgetsClient(config) }) });
  const ws = workspace({});
  afterAll(() => ws.remove());

  itWithMoto('an account: its OU chain, the policies at each level, its tags and the budgets that cover it', async () => {
    const { organizations, budgets } = moto.clients;
    await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const rootId = (await organizations.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
    // moto differs from AWS here: its new root lists no enabled policy type (AWS enables SCPs at
    // CreateOrganization with all features), and explain shows the types the root lists.
    expect((await organizations.send(new ListRootsCommand({}))).Roots?.[0]?.PolicyTypes).toEqual([]);
    await organizations.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }));
    const workloads = (await organizations.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Workloads' }))).OrganizationalUnit?.Id ?? '';
    const prod = (await organizations.send(new CreateOrganizationalUnitCommand({ ParentId: workloads, Name: 'Prod' }))).OrganizationalUnit?.Id ?? '';
    const created = await organizations.send(new CreateAccountCommand({ AccountName: 'app', Email: 'app@example.com' }));
    const accountId = created.CreateAccountStatus?.AccountId ?? '';
    await organizations.send(new MoveAccountCommand({ AccountId: accountId, SourceParentId: rootId, DestinationParentId: prod }));
    const policyId = (await organizations.send(new CreatePolicyCommand({ Name: 'DenyLeave', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: DENY }))).Policy?.PolicySummary?.Id ?? '';
    await organizations.send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: workloads }));
    await organizations.send(new TagResourceCommand({ ResourceId: accountId, Tags: [{ Key: 'team', Value: 'payments' }] }));
    const budget = (name: string, costFilters?: Record<string, string[]>) =>
      budgets.send(new CreateBudgetCommand({ AccountId: MOTO_ACCOUNT, Budget: { BudgetName: name, BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '10', Unit: 'USD' }, ...(costFilters ? { CostFilters: costFilters } : {}) } }));
    await budget('everything');
    await budget('app-only', { LinkedAccount: [accountId] });
    await budget('someone-else', { LinkedAccount: ['999999999999'] });

    const run = await orgctl(['explain', accountId, '--format', 'json'], { cwd: ws.dir, port: moto.port });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { target: unknown; path: { type: string; id: string; name: string; path?: string; policies: Record<string, { name: string }[]> }[]; tags: unknown; budgets: unknown };
    expect(json.target).toEqual({ type: 'ACCOUNT', id: accountId, name: 'app' });
    expect(json.path.map(({ type, id, name, path }) => ({ type, id, name, path }))).toEqual([
      { type: 'ROOT', id: rootId, name: 'Root', path: '/' },
      { type: 'ORGANIZATIONAL_UNIT', id: workloads, name: 'Workloads', path: '/Workloads' },
      { type: 'ORGANIZATIONAL_UNIT', id: prod, name: 'Prod', path: '/Workloads/Prod' },
      { type: 'ACCOUNT', id: accountId, name: 'app', path: undefined },
    ]);
    // DenyLeave where it was attached; FullAWSAccess (moto attaches it like AWS) at every level.
    expect(json.path.map((node) => (node.policies['SERVICE_CONTROL_POLICY'] ?? []).map((p) => p.name).sort())).toEqual([
      ['FullAWSAccess'],
      ['DenyLeave', 'FullAWSAccess'],
      ['FullAWSAccess'],
      ['FullAWSAccess'],
    ]);
    expect(json.tags).toEqual({ team: 'payments' });
    expect(json.budgets).toEqual([
      { name: 'app-only', linkedAccounts: [accountId] },
      { name: 'everything', linkedAccounts: null },
    ]);
    expect(moto.port.stats().calls).toMatchObject({ ListParents: 3, DescribeOrganizationalUnit: 2, ListTagsForResource: 1, DescribeBudgets: 1 });
  });
});
