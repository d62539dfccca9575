// Budgets through apply against the emulator, watched after every single request: a budget is created
// with its notifications and subscribers in one call; a changed notification is updated in place and
// its subscribers are added before old ones are removed, so the budget never stops alerting.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type RequestLogEntry } from '../../src/emulator/index.js';
import { testEmulatorOptions } from '../support/emulator.js';
import { runApplyWorkflow } from '../../src/workflow/apply-workflow.js';
import { aDesiredOrg, MANAGED_TAGS } from '../support/builders.js';
import { expectedEndState, expectEndStateMatches, readEndState } from '../support/end-state/index.js';
import { emulatorPort, MGMT, snapshotOf, type LiveWorld } from './support/emulator-world.js';

const KEY = { type: 'ACTUAL', comparison: 'GREATER_THAN', thresholdType: 'PERCENTAGE' } as const;
const email = (address: string) => ({ type: 'EMAIL', address }) as const;

describe('apply keeps budgets alerting', () => {
  let emulator: Emulator;
  let watch: ((entry: RequestLogEntry) => void) | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(testEmulatorOptions({ rateLimits: false, onRequest: (entry) => watch?.(entry) }));
  });
  afterAll(async () => {
    await emulator.stop();
  });

  /** Subscribers per notification of budget `name`, as the emulator holds them now. */
  function alerting(name: string): string[][] {
    const budget = (emulator.snapshot().budgets ?? []).find((b) => b.budget['BudgetName'] === name);
    return (budget?.notifications ?? []).map((n) => ((n['Subscribers'] as { Address: string }[] | undefined) ?? []).map((s) => s.Address));
  }

  it('notification threshold and every subscriber change: updated in place, new subscribers first, never silent', async () => {
    const live: LiveWorld = {
      hasOrganization: true,
      ous: [],
      accounts: [{ id: MGMT, parentPath: '/' }],
      budgets: [
        {
          name: 'ops',
          amount: 10,
          timeUnit: 'MONTHLY',
          budgetType: 'COST',
          notifications: [{ ...KEY, threshold: 80, subscribers: [email('old1@example.com'), email('old2@example.com')] }],
          tags: MANAGED_TAGS,
        },
      ],
    };
    emulator.seed(snapshotOf(live));
    const before = await readEndState({ endpoint: emulator.url });
    emulator.clearStats();
    const desired = aDesiredOrg()
      .withManagementAccount(MGMT)
      .withAccount(MGMT)
      .withBudget({ name: 'ops', amount: 10, notifications: [{ threshold: 95, emails: ['new1@example.com', 'new2@example.com', 'new3@example.com'] }] })
      .withBudget({ name: 'fresh', amount: 5, notifications: [{ threshold: 50, emails: ['a@example.com'], sns: 'arn:aws:sns:us-east-1:123456789012:t' }] })
      .build();

    const silentMoments: string[] = [];
    watch = (entry) => {
      const notifications = alerting('ops');
      if (notifications.length === 0 || notifications.some((subscribers) => subscribers.length === 0)) silentMoments.push(`after ${entry.operation}: ${JSON.stringify(notifications)}`);
    };
    const port = emulatorPort(emulator.url);
    try {
      const outcome = await runApplyWorkflow({ port, desired, orgYamlSha256: '2'.repeat(64), confirm: async () => true });
      expect(outcome.kind === 'applied' && outcome.converged).toBe(true);
    } finally {
      watch = undefined;
      port.destroy();
    }
    expect(silentMoments).toEqual([]);

    const writes = emulator.requestLog().filter((e) => /^(Create|Update|Delete)/.test(e.operation));
    const ops = writes.filter((e) => e.input['BudgetName'] === 'ops' || (e.input['Budget'] as { BudgetName?: string } | undefined)?.BudgetName === 'ops');
    expect(ops.map((e) => e.operation).filter((op) => op.endsWith('Notification'))).toEqual(['UpdateNotification']);
    const lastCreate = Math.max(...ops.filter((e) => e.operation === 'CreateSubscriber').map((e) => e.seq));
    const firstDelete = Math.min(...ops.filter((e) => e.operation === 'DeleteSubscriber').map((e) => e.seq));
    expect(lastCreate).toBeLessThan(firstDelete);
    // The new budget: one CreateBudget carrying its notification and both subscribers.
    const fresh = writes.filter((e) => JSON.stringify(e.input).includes('"fresh"'));
    expect(fresh.map((e) => e.operation)).toEqual(['CreateBudget']);
    expect(alerting('fresh')).toEqual([['a@example.com', 'arn:aws:sns:us-east-1:123456789012:t']]);
    // Field by field, read without orgctl: what org.yaml declares (test/support/end-state).
    expectEndStateMatches(await readEndState({ endpoint: emulator.url }), expectedEndState(desired, before));
  });
});
