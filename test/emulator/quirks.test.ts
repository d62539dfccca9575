// The switches for behaviour AWS does not document (aws-facts §6): each alternative does what it says.

import { CreateBudgetCommand, DescribeBudgetCommand, DescribeNotificationsForBudgetCommand } from '@aws-sdk/client-budgets';
import { CreateOrganizationalUnitCommand, ListAccountsCommand, MoveAccountCommand } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../../src/emulator/index.js';
import { FULL_PAGES, startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { MANAGEMENT, awsError, budgets, createOrganization, createOu, orgs } from './helpers.js';

async function withQuirks(quirks: EmulatorOptions['quirks'], body: (emulator: TestEmulator) => Promise<void>): Promise<void> {
  // These tests read single pages with raw SDK commands and check what each holds, so every page is full
  // here (FULL_PAGES): no injected empty page or trailing NextToken.
  const emulator = await startTestEmulator({ ...FULL_PAGES, ...(quirks ? { quirks } : {}) });
  try {
    await body(emulator);
  } finally {
    await emulator.stop();
  }
}

describe('quirks', () => {
  it('ouNamesCaseSensitive: false makes "prod" clash with its sibling "Prod"', async () => {
    await withQuirks({ ouNamesCaseSensitive: false }, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      const root = await createOrganization(client);
      await createOu(client, root, 'Prod');
      expect((await awsError(client.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: 'prod' })))).name).toBe('DuplicateOrganizationalUnitException');
    });
    await withQuirks(undefined, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      const root = await createOrganization(client);
      await createOu(client, root, 'Prod');
      await expect(createOu(client, root, 'prod')).resolves.toMatch(/^ou-/);
    });
  });

  it('wrongSourceParent picks the answer to a MoveAccount whose source is not the parent', async () => {
    const attempt = async (quirk: 'SourceParentNotFoundException' | 'ignore') => {
      let outcome = '';
      await withQuirks({ wrongSourceParent: quirk }, async (emulator) => {
        const client = orgs(emulator.clientConfig);
        const root = await createOrganization(client);
        const a = await createOu(client, root, 'A');
        const b = await createOu(client, root, 'B');
        outcome = await client.send(new MoveAccountCommand({ AccountId: MANAGEMENT, SourceParentId: a, DestinationParentId: b })).then(
          () => 'moved',
          (e: Error) => e.name,
        );
      });
      return outcome;
    };
    expect(await attempt('SourceParentNotFoundException')).toBe('SourceParentNotFoundException');
    expect(await attempt('ignore')).toBe('moved');
  });

  it('moveAccountCheckOrder picks the answer to a retried move that already happened (source named, already in the destination)', async () => {
    const retriedMove = async (quirks: EmulatorOptions['quirks']) => {
      let outcome = '';
      await withQuirks(quirks, async (emulator) => {
        const client = orgs(emulator.clientConfig);
        const root = await createOrganization(client);
        const b = await createOu(client, root, 'B');
        const move = new MoveAccountCommand({ AccountId: MANAGEMENT, SourceParentId: root, DestinationParentId: b });
        await client.send(move);
        outcome = await client.send(move).then(
          () => 'moved',
          (e: Error) => e.name,
        );
      });
      return outcome;
    };
    expect(await retriedMove(undefined)).toBe('DuplicateAccountException');
    expect(await retriedMove({ moveAccountCheckOrder: 'destinationFirst' })).toBe('DuplicateAccountException');
    expect(await retriedMove({ moveAccountCheckOrder: 'sourceFirst' })).toBe('AccountNotFoundException');
    expect(await retriedMove({ moveAccountCheckOrder: 'sourceFirst', wrongSourceParent: 'SourceParentNotFoundException' })).toBe('SourceParentNotFoundException');
    // With the source check off, the destination check still refuses: nothing moves twice.
    expect(await retriedMove({ moveAccountCheckOrder: 'sourceFirst', wrongSourceParent: 'ignore' })).toBe('DuplicateAccountException');
  });

  it('maxResultsAboveLimit: clamp answers a page of 20 instead of refusing', async () => {
    await withQuirks({ maxResultsAboveLimit: 'clamp' }, async (emulator) => {
      const client = orgs(emulator.clientConfig);
      await createOrganization(client);
      expect((await client.send(new ListAccountsCommand({ MaxResults: 50 }))).Accounts).toHaveLength(1);
    });
  });

  it('amountFormat: verbatim echoes the amount as sent', async () => {
    await withQuirks({ amountFormat: 'verbatim' }, async (emulator) => {
      const client = budgets(emulator.clientConfig);
      await client.send(new CreateBudgetCommand({ AccountId: MANAGEMENT, Budget: { BudgetName: 'b', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '100.00', Unit: 'USD' } } }));
      expect((await client.send(new DescribeBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'b' }))).Budget?.BudgetLimit?.Amount).toBe('100.00');
    });
  });

  it('createBudgetAtomic: false leaves a half-made budget when a later notification is refused', async () => {
    await withQuirks({ createBudgetAtomic: false }, async (emulator) => {
      const client = budgets(emulator.clientConfig);
      const email = { SubscriptionType: 'EMAIL' as const, Address: 'a@example.com' };
      const at = (threshold: number) => ({ NotificationType: 'ACTUAL' as const, ComparisonOperator: 'GREATER_THAN' as const, Threshold: threshold });
      const error = await awsError(
        client.send(
          new CreateBudgetCommand({
            AccountId: MANAGEMENT,
            Budget: { BudgetName: 'half', BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '1', Unit: 'USD' } },
            NotificationsWithSubscribers: [
              { Notification: at(50), Subscribers: [email] },
              { Notification: at(50), Subscribers: [email] },
            ],
          }),
        ),
      );
      expect(error.name).toBe('DuplicateRecordException');
      const left = await client.send(new DescribeNotificationsForBudgetCommand({ AccountId: MANAGEMENT, BudgetName: 'half' }));
      expect(left.Notifications).toHaveLength(1);
    });
  });
});
