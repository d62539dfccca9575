// fast-check generators of desired and live organizations that overlap enough to produce every kind
// of step: shared OU names (one with a "/"), a shared account pool, budgets with notifications and
// subscribers drawn from small pools, renamedFrom hints, prune options and tag variants.

import fc from 'fast-check';
import { checkOrgRules } from '../../src/config/rules/index.js';
import type { ComparisonOperator, DesiredNode, DesiredOrg, NotificationType, ThresholdType, TimeUnit } from '../../src/model/desired.js';
import type { AccountState, LiveOrg } from '../../src/model/live.js';
import { escapeSegment, ROOT_PATH } from '../../src/model/paths.js';
import { aDesiredOrg, aLiveOrg, MANAGEMENT_ACCOUNT_ID, type NotificationInput } from '../support/builders.js';

const OU_NAMES = ['A', 'B', 'Prod', 'x/y'];
const ACCOUNT_IDS = [MANAGEMENT_ACCOUNT_ID, ...Array.from({ length: 9 }, (_, i) => `10000000000${i}`)];
const EMAILS = Array.from({ length: 12 }, (_, i) => `e${i}@example.com`);
const TOPICS = ['arn:aws:sns:us-east-1:123456789012:t1', 'arn:aws:sns:us-east-1:123456789012:t2'];
const BUDGET_NAMES = ['b1', 'b2', 'b3'];

const path = fc
  .array(fc.constantFrom(...OU_NAMES), { minLength: 1, maxLength: 4 })
  .map((names) => `/${names.map(escapeSegment).join('/')}`);
const paths = fc.uniqueArray(path, { maxLength: 7 });

/** Index into a list chosen later (root first), so accounts land on generated paths. */
const placement = fc.nat({ max: 20 });
const pick = <T>(list: readonly T[], index: number): T => list[index % list.length]!;

const notification = fc
  .record({
    type: fc.constantFrom<NotificationType>('ACTUAL', 'FORECASTED'),
    comparison: fc.constantFrom<ComparisonOperator>('GREATER_THAN', 'LESS_THAN'),
    threshold: fc.constantFrom(50, 80, 100),
    thresholdType: fc.constantFrom<ThresholdType>('PERCENTAGE', 'ABSOLUTE_VALUE'),
    emails: fc.shuffledSubarray(EMAILS, { maxLength: 10 }),
    sns: fc.option(fc.constantFrom(...TOPICS), { nil: undefined }),
  })
  .map((n): NotificationInput => {
    const { sns, ...rest } = n;
    const emails = n.emails.length === 0 && sns === undefined ? [EMAILS[0]!] : n.emails;
    return { ...rest, emails, ...(sns !== undefined && { sns }) };
  });
const notifications = fc.uniqueArray(notification, {
  maxLength: 4,
  selector: (n) => `${n.type}:${n.comparison}:${n.threshold}:${n.thresholdType}`,
});

export const desiredOrgs: fc.Arbitrary<DesiredOrg> = fc
  .record({
    ous: paths,
    renames: fc.array(fc.option(fc.constantFrom(...OU_NAMES), { nil: undefined }), { maxLength: 7 }),
    accounts: fc.uniqueArray(fc.record({ id: fc.constantFrom(...ACCOUNT_IDS), at: placement }), { maxLength: 8, selector: (a) => a.id }),
    budgets: fc.uniqueArray(
      fc.record({ name: fc.constantFrom(...BUDGET_NAMES), amount: fc.constantFrom(10, 20), timeUnit: fc.constantFrom<TimeUnit>('MONTHLY', 'QUARTERLY'), notifications }),
      { maxLength: 3, selector: (b) => b.name },
    ),
    options: fc.record({
      pruneOrganizationalUnits: fc.boolean(),
      pruneBudgets: fc.boolean(),
      unlistedAccounts: fc.constantFrom('ignore' as const, 'error' as const),
    }),
  })
  .map(({ ous, renames, accounts, budgets, options }) => {
    const org = aDesiredOrg().withOptions(options);
    ous.forEach((p, i) => {
      const renamedFrom = renames[i];
      org.withOu(p, renamedFrom !== undefined ? { renamedFrom } : {});
    });
    const parents = [ROOT_PATH, ...ous];
    for (const account of accounts) org.withAccount(account.id, pick(parents, account.at));
    for (const budget of budgets) org.withBudget(budget);
    return org.build();
  });

export const liveOrgs: fc.Arbitrary<LiveOrg> = fc
  .record({
    noOrganization: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    ous: paths,
    accounts: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...ACCOUNT_IDS),
        at: placement,
        state: fc.constantFrom<AccountState>('ACTIVE', 'ACTIVE', 'SUSPENDED'),
      }),
      { maxLength: 10, selector: (a) => a.id },
    ),
    budgets: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom(...BUDGET_NAMES),
        amount: fc.constantFrom<number | null>(10, 20, null),
        timeUnit: fc.constantFrom('MONTHLY', 'QUARTERLY'),
        budgetType: fc.constantFrom('COST', 'COST', 'USAGE'),
        notifications,
        tags: fc.constantFrom<'managed' | Record<string, string> | undefined>('managed', {}, undefined),
      }),
      { maxLength: 3, selector: (b) => b.name },
    ),
  })
  .map(({ noOrganization, ous, accounts, budgets }) => {
    const org = aLiveOrg();
    for (const budget of budgets) {
      const { tags, ...rest } = budget;
      org.withBudget(tags === undefined ? rest : { ...rest, tags });
    }
    if (noOrganization) return org.withoutOrganization().build();
    for (const p of ous) org.withOu(p);
    const parents = [ROOT_PATH, ...ous];
    for (const account of accounts) org.withAccount(account.id, pick(parents, account.at), { state: account.state });
    return org.build();
  });

/**
 * `desired` made applicable to `live` the way a valid org.yaml is: accounts that are not in the live
 * organization left out, and renamedFrom hints dropped when together they break org.yaml's rules.
 * (Plans may still have errors, e.g. unlisted accounts with unlistedAccounts: error.)
 */
export function applicableTo(live: LiveOrg, desired: DesiredOrg): DesiredOrg {
  const known = new Set(live.organization ? live.accounts.map((a) => a.id) : [live.callerAccountId]);
  const node = <N extends DesiredNode>(n: N, keepRenames: boolean): N => ({
    ...n,
    accounts: n.accounts.filter((a) => a.id !== undefined && known.has(a.id)),
    organizationalUnits: n.organizationalUnits.map((ou) => {
      const { renamedFrom, ...rest } = node(ou, keepRenames);
      return keepRenames && renamedFrom !== undefined ? { ...rest, renamedFrom } : rest;
    }),
  });
  const withRenames = { ...desired, root: node(desired.root, true) };
  return checkOrgRules(withRenames, 'org.yaml').length === 0 ? withRenames : { ...desired, root: node(desired.root, false) };
}
