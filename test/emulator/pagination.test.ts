// Pagination as AWS does it: MaxResults ≤ 20 for Organizations, opaque tokens bound to their listing,
// empty pages that still carry a NextToken, last pages with a trailing NextToken, the count of those
// extra pages, and the Budgets page sizes.

import { CreateBudgetCommand, DescribeBudgetsCommand, paginateDescribeBudgets } from '@aws-sdk/client-budgets';
import { ListAccountsCommand, ListAccountsForParentCommand, ListChildrenCommand, paginateListAccountsForParent } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import type { EmulatorSnapshot } from '../../src/emulator/index.js';
import { FULL_PAGES, startTestEmulator, useEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, budgets, orgs } from './helpers.js';

const ROOT = 'r-ab12';
const OU = 'ou-ab12-11111111';

/** An organization with `n` member accounts in the root and one OU. */
function orgWith(n: number): EmulatorSnapshot {
  return {
    formatVersion: 1,
    organization: {
      id: 'o-abcdefghij',
      managementAccountId: MANAGEMENT,
      root: { id: ROOT },
      organizationalUnits: [{ id: OU, name: 'Prod', parentId: ROOT }],
      accounts: [
        { id: MANAGEMENT, name: 'management', email: 'management@example.com', parentId: ROOT },
        ...Array.from({ length: n }, (_, i) => ({ id: String(200000000000 + i), name: `a${i}`, email: `a${i}@example.com`, parentId: ROOT })),
      ],
    },
    quotas: { maxAccounts: 5000 },
  };
}

describe('pagination', () => {
  // These tests count pages and check what each holds: full pages unless a test asks for empty or trailing ones.
  const emulator = useEmulator({ ...FULL_PAGES, snapshot: orgWith(44) });
  const client = () => orgs(emulator().clientConfig);

  it('pages hold at most 20 and default to 20; the tokens chain to the end and NextToken is then absent', async () => {
    const first = await client().send(new ListAccountsForParentCommand({ ParentId: ROOT }));
    expect(first.Accounts).toHaveLength(20);
    const second = await client().send(new ListAccountsForParentCommand({ ParentId: ROOT, NextToken: first.NextToken }));
    const third = await client().send(new ListAccountsForParentCommand({ ParentId: ROOT, NextToken: second.NextToken }));
    expect(third.Accounts).toHaveLength(5);
    expect(third.NextToken).toBeUndefined();
    const ids = [...(first.Accounts ?? []), ...(second.Accounts ?? []), ...(third.Accounts ?? [])].map((a) => a.Id);
    expect(new Set(ids).size).toBe(45);
    const small = await client().send(new ListAccountsForParentCommand({ ParentId: ROOT, MaxResults: 7 }));
    expect(small.Accounts).toHaveLength(7);
  });

  it('MaxResults above 20 is InvalidInputException MAX_VALUE_EXCEEDED', async () => {
    expect(await awsError(client().send(new ListAccountsCommand({ MaxResults: 21 })))).toMatchObject({ name: 'InvalidInputException', status: 400, reason: 'MAX_VALUE_EXCEEDED' });
    expect(await awsError(client().send(new ListAccountsCommand({ MaxResults: 0 })))).toMatchObject({ name: 'InvalidInputException', reason: 'MIN_VALUE_EXCEEDED' });
  });

  it('tokens are opaque and bound to their listing: garbage or another listing’s token is INVALID_NEXT_TOKEN', async () => {
    const page = await client().send(new ListAccountsForParentCommand({ ParentId: ROOT }));
    expect(page.NextToken).not.toMatch(/^\d+$/);
    expect(await awsError(client().send(new ListAccountsForParentCommand({ ParentId: ROOT, NextToken: 'garbage' })))).toMatchObject({ name: 'InvalidInputException', reason: 'INVALID_NEXT_TOKEN' });
    expect(await awsError(client().send(new ListAccountsForParentCommand({ ParentId: OU, NextToken: page.NextToken })))).toMatchObject({ reason: 'INVALID_NEXT_TOKEN' });
    expect(await awsError(client().send(new ListChildrenCommand({ ParentId: ROOT, ChildType: 'ACCOUNT', NextToken: page.NextToken })))).toMatchObject({ reason: 'INVALID_NEXT_TOKEN' });
  });

  it('with emptyPages, List* answers empty pages that still carry a NextToken; looping on NextToken still gets everything', async () => {
    const withEmpty = await startTestEmulator({ ...FULL_PAGES, snapshot: orgWith(44), emptyPages: 1 });
    try {
      const c = orgs(withEmpty.clientConfig);
      const first = await c.send(new ListAccountsForParentCommand({ ParentId: OU }));
      expect(first.Accounts).toEqual([]);
      expect(first.NextToken).toBeDefined(); // an empty OU, and still a token: stopping on an empty page is wrong
      const after = await c.send(new ListAccountsForParentCommand({ ParentId: OU, NextToken: first.NextToken }));
      expect(after).toMatchObject({ Accounts: [] });
      expect(after.NextToken).toBeUndefined();
      const ids: string[] = [];
      let pages = 0;
      for await (const page of paginateListAccountsForParent({ client: c }, { ParentId: ROOT })) {
        pages += 1;
        ids.push(...(page.Accounts ?? []).map((a) => a.Id ?? ''));
      }
      expect(new Set(ids).size).toBe(45);
      expect(pages).toBe(6); // 3 real pages, each preceded by an empty one
    } finally {
      await withEmpty.stop();
    }
  });

  it('with trailingTokens, the last page still carries a NextToken, which leads to one empty page without one', async () => {
    const trailing = await startTestEmulator({ ...FULL_PAGES, snapshot: orgWith(44), trailingTokens: 1 });
    try {
      const c = orgs(trailing.clientConfig);
      const pages: { accounts: number; token: boolean }[] = [];
      let token: string | undefined;
      do {
        const page = await c.send(new ListAccountsForParentCommand({ ParentId: ROOT, NextToken: token }));
        token = page.NextToken;
        pages.push({ accounts: page.Accounts?.length ?? 0, token: token !== undefined });
      } while (token !== undefined);
      expect(pages).toEqual([
        { accounts: 20, token: true },
        { accounts: 20, token: true },
        { accounts: 5, token: true }, // the last page, and still a token
        { accounts: 0, token: false },
      ]);
      expect(trailing.extraPages()).toEqual({ 'organizations:ListAccountsForParent': 1 });
      expect(trailing.requestLog().map((e) => e.extraPage)).toEqual([undefined, undefined, undefined, 'trailing']);
    } finally {
      await trailing.stop();
    }
  });

  it('counts every extra page it serves: a full listing costs its full pages plus exactly extraPages()', async () => {
    const realistic = await startTestEmulator({ snapshot: orgWith(60), pageSize: 7, emptyPages: 0.3, trailingTokens: 0.5, seed: 11 });
    try {
      const c = orgs(realistic.clientConfig);
      const listings = 6;
      for (let i = 0; i < listings; i++) {
        const ids: string[] = [];
        for await (const page of paginateListAccountsForParent({ client: c }, { ParentId: ROOT })) ids.push(...(page.Accounts ?? []).map((a) => a.Id ?? ''));
        expect(new Set(ids).size).toBe(61);
      }
      const fullPages = listings * Math.ceil(61 / 7);
      const extra = realistic.extraPages()['organizations:ListAccountsForParent'] ?? 0;
      expect(extra).toBeGreaterThan(listings); // both kinds were served, several times
      expect(realistic.counters()['organizations:ListAccountsForParent']).toBe(fullPages + extra);
      const kinds = new Set(realistic.requestLog().map((e) => e.extraPage));
      expect(kinds).toEqual(new Set([undefined, 'empty', 'trailing']));
      realistic.clearStats();
      expect(realistic.extraPages()).toEqual({});
    } finally {
      await realistic.stop();
    }
  });

  it('pageSize caps pages below 20, whatever MaxResults asks', async () => {
    const small = await startTestEmulator({ ...FULL_PAGES, snapshot: orgWith(10), pageSize: 3 });
    try {
      const page = await orgs(small.clientConfig).send(new ListAccountsForParentCommand({ ParentId: ROOT, MaxResults: 20 }));
      expect(page.Accounts).toHaveLength(3);
      expect(page.NextToken).toBeDefined();
    } finally {
      await small.stop();
    }
  });

  it('Budgets: DescribeBudgets defaults to 100 per page and allows up to 1,000; bad tokens are InvalidNextTokenException', async () => {
    const b = budgets(emulator().clientConfig);
    for (let i = 0; i < 105; i++) {
      await b.send(new CreateBudgetCommand({ AccountId: MANAGEMENT, Budget: { BudgetName: `b${i}`, BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '1', Unit: 'USD' } } }));
    }
    const first = await b.send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT }));
    expect(first.Budgets).toHaveLength(100);
    expect(first.NextToken).toBeDefined();
    expect((await b.send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT, MaxResults: 1000 }))).Budgets).toHaveLength(105);
    let total = 0;
    for await (const page of paginateDescribeBudgets({ client: b, pageSize: 40 }, { AccountId: MANAGEMENT })) total += page.Budgets?.length ?? 0;
    expect(total).toBe(105);
    expect(await awsError(b.send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT, MaxResults: 1001 })))).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(await awsError(b.send(new DescribeBudgetsCommand({ AccountId: MANAGEMENT, NextToken: 'garbage' })))).toMatchObject({ name: 'InvalidNextTokenException', status: 400 });
  });
});
