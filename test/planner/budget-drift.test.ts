// Drift in budgets, notifications and subscribers.

import { describe, expect, it } from 'vitest';
import type { LiveOrg } from '../../src/model/live.js';
import { planOrg } from '../../src/planner/index.js';
import { aDesiredOrg, aLiveOrg, aLiveOrgMatching, FAKE_INPUTS, MANAGED_TAGS, type NotificationInput } from '../support/builders.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alerts';
const OTHER_TOPIC = 'arn:aws:sns:us-east-1:123456789012:other';
const ACTUAL_80 = { type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' } as const;
const ACTUAL_90 = { ...ACTUAL_80, threshold: 90 } as const;
const NOTIFICATION_80 = 'budget:monthly/notification:ACTUAL:GREATER_THAN:80:PERCENTAGE';
const NOTIFICATION_90 = 'budget:monthly/notification:ACTUAL:GREATER_THAN:90:PERCENTAGE';

function desiredWith(notifications: readonly NotificationInput[], amount = 10) {
  return aDesiredOrg().withBudget({ name: 'monthly', amount, notifications }).build();
}

function liveWith(notifications: readonly NotificationInput[], amount = 10): LiveOrg {
  return aLiveOrg().withBudget({ name: 'monthly', amount, notifications, tags: 'managed' }).build();
}

const brief = (plan: ReturnType<typeof planOrg>) => plan.steps.map(({ kind, address, dependsOn }) => ({ kind, address, dependsOn }));

describe('budgets', () => {
  it('a budget deleted out of band is created again with its notifications and subscribers', () => {
    const desired = desiredWith([{ threshold: 80, emails: ['a@example.com'], sns: TOPIC }]);
    const plan = planOrg(desired, aLiveOrg().build(), FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'createBudget',
        address: 'budget:monthly',
        reason: 'not in the live budgets',
        before: null,
        after: {
          name: 'monthly',
          amount: 10,
          unit: 'USD',
          timeUnit: 'MONTHLY',
          notifications: [{ ...ACTUAL_80, subscribers: [{ type: 'EMAIL', address: 'a@example.com' }, { type: 'SNS', address: TOPIC }] }],
        },
        dependsOn: [],
      },
    ]);
  });

  it('a changed amount updates the budget', () => {
    const plan = planOrg(desiredWith([], 20), liveWith([], 10), FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'updateBudget',
        address: 'budget:monthly',
        reason: 'amount 10 → 20 USD',
        before: { amount: 10, unit: 'USD', timeUnit: 'MONTHLY', budgetType: 'COST' },
        after: { name: 'monthly', amount: 20, unit: 'USD', timeUnit: 'MONTHLY' },
        dependsOn: [],
      },
    ]);
  });

  it('compares amounts as numbers and treats an absent ThresholdType as PERCENTAGE', () => {
    const desired = desiredWith([{ threshold: 80, emails: ['a@example.com'] }], 10);
    const live = aLiveOrg()
      .withBudget({ name: 'monthly', amount: 10.0, tags: 'managed', notifications: [{ threshold: 80.0, emails: ['a@example.com'] }] })
      .build();
    const withoutThresholdType: LiveOrg = {
      ...live,
      budgets: live.budgets.map((b) => ({
        ...b,
        notifications: b.notifications.map(({ thresholdType: _omitted, ...n }) => n as (typeof b.notifications)[number]),
      })),
    };
    expect(planOrg(desired, withoutThresholdType, FAKE_INPUTS).steps).toEqual([]);
  });

  it('describes every limit field that differs, including a budget without a fixed limit', () => {
    const desired = aDesiredOrg().withBudget({ name: 'monthly', amount: 20, unit: 'USD', timeUnit: 'QUARTERLY' }).build();
    const live = aLiveOrg().withBudget({ name: 'monthly', amount: null, budgetType: 'USAGE', timeUnit: 'MONTHLY' }).build();
    expect(planOrg(desired, live, FAKE_INPUTS).steps[0]?.reason).toBe(
      'amount no fixed limit → 20 USD; timeUnit MONTHLY → QUARTERLY; budgetType USAGE → COST',
    );
  });

  it('budgets not in org.yaml stay without pruneBudgets; those orgctl created get a warning', () => {
    const desired = aDesiredOrg().build();
    const live = aLiveOrg().withBudget({ name: 'ours', tags: 'managed' }).withBudget({ name: 'theirs', tags: {} }).withBudget({ name: 'unknown' }).build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps).toEqual([]);
    expect(plan.warnings).toEqual([
      {
        code: 'budget-not-declared',
        message: '1 budget created by orgctl is no longer in org.yaml and is kept because pruneBudgets is off: "ours".',
      },
    ]);
  });

  it('with pruneBudgets, deletes only budgets tagged managed-by=orgctl, and says why the others stay', () => {
    const desired = aDesiredOrg().withOptions({ pruneBudgets: true }).build();
    const live = aLiveOrg()
      .withBudget({ name: 'ours', tags: { ...MANAGED_TAGS, team: 'x' }, notifications: [{ threshold: 50, emails: ['a@example.com'] }] })
      .withBudget({ name: 'theirs', tags: { 'managed-by': 'terraform' } })
      .withBudget({ name: 'unknown' })
      .build();
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'deleteBudget',
        address: 'budget:ours',
        reason: 'not in org.yaml; tagged managed-by=orgctl and pruneBudgets is on',
        before: {
          name: 'ours',
          budgetType: 'COST',
          amount: 10,
          unit: 'USD',
          timeUnit: 'MONTHLY',
          notifications: [{ ...ACTUAL_80, threshold: 50, subscribers: [{ type: 'EMAIL', address: 'a@example.com' }] }],
        },
        after: null,
        dependsOn: [],
      },
    ]);
    expect(plan.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'budget-ownership-unknown',
        'pruneBudgets is on, but the tags of 1 budget not in org.yaml could not be read, so orgctl cannot tell whether it created them and keeps them: "unknown".',
      ],
      ['budget-not-managed', '1 budget not in org.yaml is kept because orgctl did not create it (no managed-by=orgctl tag): "theirs".'],
    ]);
  });
});

describe('notifications', () => {
  it('a changed threshold updates the notification in place', () => {
    const plan = planOrg(desiredWith([{ threshold: 90, emails: ['a@example.com'] }]), liveWith([{ threshold: 80, emails: ['a@example.com'] }]), FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'updateNotification',
        address: NOTIFICATION_90,
        budgetName: 'monthly',
        reason: 'threshold 80 → 90',
        before: ACTUAL_80,
        after: ACTUAL_90,
        dependsOn: [],
      },
    ]);
  });

  it('pairs removed and added notifications of the same type and comparison first', () => {
    const desired = desiredWith([
      { type: 'FORECASTED', threshold: 100, emails: ['a@example.com'] },
      { type: 'ACTUAL', threshold: 95, emails: ['a@example.com'] },
    ]);
    const live = liveWith([
      { type: 'ACTUAL', threshold: 80, emails: ['a@example.com'] },
      { type: 'FORECASTED', threshold: 90, emails: ['a@example.com'] },
    ]);
    const plan = planOrg(desired, live, FAKE_INPUTS);
    expect(plan.steps.map((s) => (s.kind === 'updateNotification' ? [s.before.type, s.before.threshold, s.after.type, s.after.threshold] : s.kind))).toEqual([
      ['ACTUAL', 80, 'ACTUAL', 95],
      ['FORECASTED', 90, 'FORECASTED', 100],
    ]);
  });

  it('creates and deletes notifications that cannot be paired', () => {
    const plan = planOrg(
      desiredWith([{ threshold: 80, emails: ['a@example.com'] }, { threshold: 90, emails: ['a@example.com'] }]),
      liveWith([{ threshold: 80, emails: ['a@example.com'] }]),
      FAKE_INPUTS,
    );
    expect(plan.steps).toEqual([
      {
        kind: 'createNotification',
        address: NOTIFICATION_90,
        budgetName: 'monthly',
        reason: 'not in the live budget',
        before: null,
        after: { ...ACTUAL_90, subscribers: [{ type: 'EMAIL', address: 'a@example.com' }] },
        dependsOn: [],
      },
    ]);
    const removal = planOrg(desiredWith([]), liveWith([{ threshold: 80, emails: ['a@example.com'] }]), FAKE_INPUTS);
    expect(removal.steps).toEqual([
      {
        kind: 'deleteNotification',
        address: NOTIFICATION_80,
        budgetName: 'monthly',
        reason: 'not in org.yaml',
        before: { ...ACTUAL_80, subscribers: [{ type: 'EMAIL', address: 'a@example.com' }] },
        after: null,
        dependsOn: [],
      },
    ]);
  });
});

describe('subscribers', () => {
  it('adds the new subscriber before removing the old one', () => {
    const plan = planOrg(desiredWith([{ emails: ['new@example.com'] }]), liveWith([{ emails: ['old@example.com'] }]), FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'createSubscriber',
        address: `${NOTIFICATION_80}/subscriber:EMAIL:new@example.com`,
        budgetName: 'monthly',
        notification: ACTUAL_80,
        reason: 'not in the live notification',
        before: null,
        after: { type: 'EMAIL', address: 'new@example.com' },
        dependsOn: [],
      },
      {
        kind: 'deleteSubscriber',
        address: `${NOTIFICATION_80}/subscriber:EMAIL:old@example.com`,
        budgetName: 'monthly',
        notification: ACTUAL_80,
        reason: 'not in org.yaml',
        before: { type: 'EMAIL', address: 'old@example.com' },
        after: null,
        dependsOn: [0],
      },
    ]);
  });

  it('a removal beside a kept subscriber waits for nothing but the additions', () => {
    const plan = planOrg(desiredWith([{ emails: ['kept@example.com'] }]), liveWith([{ emails: ['kept@example.com', 'old@example.com'] }]), FAKE_INPUTS);
    expect(brief(plan)).toEqual([{ kind: 'deleteSubscriber', address: `${NOTIFICATION_80}/subscriber:EMAIL:old@example.com`, dependsOn: [] }]);
  });

  it('subscriber changes on an updated notification carry its new key and wait for the update', () => {
    const plan = planOrg(desiredWith([{ threshold: 90, emails: ['new@example.com'] }]), liveWith([{ threshold: 80, emails: ['old@example.com'] }]), FAKE_INPUTS);
    expect(brief(plan)).toEqual([
      { kind: 'updateNotification', address: NOTIFICATION_90, dependsOn: [] },
      { kind: 'createSubscriber', address: `${NOTIFICATION_90}/subscriber:EMAIL:new@example.com`, dependsOn: [0] },
      { kind: 'deleteSubscriber', address: `${NOTIFICATION_90}/subscriber:EMAIL:old@example.com`, dependsOn: [1] },
    ]);
    for (const step of plan.steps.slice(1)) expect(step).toMatchObject({ notification: ACTUAL_90 });
  });

  it('adds an SNS topic beside the emails', () => {
    const plan = planOrg(desiredWith([{ emails: ['a@example.com'], sns: TOPIC }]), liveWith([{ emails: ['a@example.com'] }]), FAKE_INPUTS);
    expect(brief(plan)).toEqual([{ kind: 'createSubscriber', address: `${NOTIFICATION_80}/subscriber:SNS:${TOPIC}`, dependsOn: [] }]);
  });

  it('swaps the SNS topic after the old one is gone (one topic per notification), the emails keeping alerts alive', () => {
    const plan = planOrg(
      desiredWith([{ emails: ['a@example.com'], sns: OTHER_TOPIC }]),
      liveWith([{ emails: ['a@example.com'], sns: TOPIC }]),
      FAKE_INPUTS,
    );
    expect(brief(plan)).toEqual([
      { kind: 'deleteSubscriber', address: `${NOTIFICATION_80}/subscriber:SNS:${TOPIC}`, dependsOn: [] },
      { kind: 'createSubscriber', address: `${NOTIFICATION_80}/subscriber:SNS:${OTHER_TOPIC}`, dependsOn: [0] },
    ]);
  });

  it('keeps one old email until the new topic exists when nothing else would keep the notification alive', () => {
    const plan = planOrg(desiredWith([{ sns: OTHER_TOPIC }]), liveWith([{ emails: ['old@example.com'], sns: TOPIC }]), FAKE_INPUTS);
    expect(brief(plan)).toEqual([
      { kind: 'deleteSubscriber', address: `${NOTIFICATION_80}/subscriber:SNS:${TOPIC}`, dependsOn: [] },
      { kind: 'createSubscriber', address: `${NOTIFICATION_80}/subscriber:SNS:${OTHER_TOPIC}`, dependsOn: [0] },
      { kind: 'deleteSubscriber', address: `${NOTIFICATION_80}/subscriber:EMAIL:old@example.com`, dependsOn: [1] },
    ]);
  });

  it('replaces ten emails by ten others within the ten-email limit, never leaving the notification empty', () => {
    const olds = Array.from({ length: 10 }, (_, i) => `old${i}@example.com`);
    const news = Array.from({ length: 10 }, (_, i) => `new${i}@example.com`);
    const plan = planOrg(desiredWith([{ emails: news }]), liveWith([{ emails: olds }]), FAKE_INPUTS);
    const kinds = plan.steps.map((s) => s.kind);
    // 9 old out (old9 stays), 9 new in, old9 out, the 10th new in.
    expect(kinds).toEqual([...Array(9).fill('deleteSubscriber'), ...Array(9).fill('createSubscriber'), 'deleteSubscriber', 'createSubscriber']);
    expect(plan.steps[9]?.dependsOn).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.steps[18]).toMatchObject({ before: { address: 'old9@example.com' }, dependsOn: [9, 10, 11, 12, 13, 14, 15, 16, 17] });
    expect(plan.steps[19]).toMatchObject({ after: { address: 'new9@example.com' }, dependsOn: [18] });
  });

  it('an SNS-only notification whose topic changes is deleted and created again, with a warning', () => {
    const plan = planOrg(desiredWith([{ threshold: 90, sns: OTHER_TOPIC }]), liveWith([{ threshold: 80, sns: TOPIC }]), FAKE_INPUTS);
    expect(plan.steps).toEqual([
      {
        kind: 'deleteNotification',
        address: NOTIFICATION_80,
        budgetName: 'monthly',
        reason: 'replaced: a notification holds one SNS topic and no other subscriber would keep it alive while the topic is swapped',
        before: { ...ACTUAL_80, subscribers: [{ type: 'SNS', address: TOPIC }] },
        after: null,
        dependsOn: [],
      },
      {
        kind: 'createNotification',
        address: NOTIFICATION_90,
        budgetName: 'monthly',
        reason: 'replaces the deleted one: a notification holds one SNS topic and no other subscriber would keep it alive while the topic is swapped',
        before: null,
        after: { ...ACTUAL_90, subscribers: [{ type: 'SNS', address: OTHER_TOPIC }] },
        dependsOn: [0],
      },
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['notification-replaced']);
  });
});

describe('matching budgets', () => {
  it('plan nothing, whatever the subscriber order', () => {
    const desired = desiredWith([{ emails: ['b@example.com', 'a@example.com'], sns: TOPIC }]);
    const live = aLiveOrgMatching(aDesiredOrg().build())
      .withBudget({ name: 'monthly', tags: 'managed', notifications: [{ sns: TOPIC, emails: ['a@example.com', 'b@example.com'] }] })
      .build();
    expect(planOrg(desired, live, FAKE_INPUTS).steps).toEqual([]);
  });
});
