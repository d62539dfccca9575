// fast-check scenarios for apply: a random live organization (OU trees up to 5 deep, up to 200
// accounts, budgets with notifications and subscribers, sometimes no organization at all) and a
// desired org derived from it with random edits, so that every step kind shows up: OUs kept, renamed
// (renamedFrom), dropped (deleted when pruning) or added; accounts moved or left unlisted; budgets
// created, changed, pruned; notifications and subscribers changed. org.yaml gives every budget 1 to 10
// notifications; live budgets may have none.
//
// A scenario is plain JSON (see ScenarioInput) so a shrunk counterexample can be kept as a
// regression file and replayed with buildScenario.

import fc from 'fast-check';
import { checkOrgRules } from '../../../src/config/rules/index.js';
import type { ComparisonOperator, DesiredOrg, FeatureSet, NotificationType, Subscriber, ThresholdType, TimeUnit } from '../../../src/model/desired.js';
import { childPath, depthOf, parentPathOf, ROOT_PATH } from '../../../src/model/paths.js';
import { aDesiredOrg } from '../../support/builders.js';
import { type LiveWorld, MGMT, type WorldBudget, type WorldNotification, type WorldOu } from './emulator-world.js';

// "x/y" and "x%2Fy" are different OUs whose paths must not collide (model/paths.ts escapes "/" and "%").
const OU_NAMES = ['A', 'B', 'Prod', 'Dev', 'x/y', 'x%2Fy', 'Team Ops'];
const MAX_ACCOUNTS = 200;
/** The most live OUs a tree can have (4 + 12 + 24 + 48 + 48). */
const MAX_OUS = 136;
const EMAILS = Array.from({ length: 12 }, (_, i) => `e${i}@example.com`);
const TOPICS = ['arn:aws:sns:us-east-1:123456789012:t1', 'arn:aws:sns:us-east-1:123456789012:t2'];
const BUDGET_NAMES = ['b1', 'b2', 'b3', 'ops (monthly) / team'];

export interface TreeNode {
  readonly name: string;
  readonly children: readonly TreeNode[];
}

export interface ScenarioInput {
  readonly hasOrganization: boolean;
  readonly tree: readonly TreeNode[];
  readonly accountCount: number;
  /** Index into [root, ...live OUs] for each account (modulo), then for the management account. */
  readonly livePlacements: readonly number[];
  /** What happens to each live OU in org.yaml, in top-down order (modulo). */
  readonly fates: readonly { readonly fate: 'keep' | 'rename' | 'drop'; readonly newName: string }[];
  readonly extraOus: readonly { readonly parent: number; readonly name: string }[];
  /** Index into [root, ...desired OUs] for each account; null: not in org.yaml. */
  readonly desiredPlacements: readonly (number | null)[];
  readonly liveBudgets: readonly WorldBudget[];
  readonly desiredBudgets: readonly { readonly name: string; readonly amount: number; readonly timeUnit: TimeUnit; readonly notifications: readonly WorldNotification[] }[];
  /**
   * For each desired budget (by index), what it takes from the live budget of the same name, if that has
   * notifications: 'own' nothing; 'live-but-timeUnit' its amount and notifications; 'live' those and its
   * timeUnit. So some budgets differ only in timeUnit or only in type (the changes issue #19 found the
   * planner could miss). Absent: 'own'.
   */
  readonly budgetsFromLive?: readonly ('own' | 'live-but-timeUnit' | 'live')[];
  readonly options: { readonly pruneOrganizationalUnits: boolean; readonly pruneBudgets: boolean; readonly strictAccounts: boolean };
  /** Accounts (by index, modulo) that are SUSPENDED: still moved where org.yaml says. */
  readonly suspended: readonly number[];
  readonly featureSets: { readonly live: FeatureSet; readonly desired: FeatureSet };
}

export interface Scenario {
  readonly world: LiveWorld;
  readonly desired: DesiredOrg;
}

// ---------------------------------------------------------------- arbitraries

const treeAt = (level: number): fc.Arbitrary<TreeNode[]> => {
  const width = [4, 3, 2, 2, 1][level - 1]!;
  const children = level >= 5 ? fc.constant<TreeNode[]>([]) : treeAt(level + 1);
  return fc.uniqueArray(fc.record({ name: fc.constantFrom(...OU_NAMES), children }), { maxLength: width, selector: (n) => n.name });
};

const subscribers: fc.Arbitrary<Subscriber[]> = fc
  .record({ emails: fc.shuffledSubarray(EMAILS, { maxLength: 10 }), sns: fc.option(fc.constantFrom(...TOPICS), { nil: undefined }) })
  .map(({ emails, sns }) => [
    ...(emails.length === 0 && sns === undefined ? [EMAILS[0]!] : emails).map((address): Subscriber => ({ type: 'EMAIL', address })),
    ...(sns !== undefined ? [{ type: 'SNS', address: sns } satisfies Subscriber] : []),
  ]);

const notificationsOf = (minLength: number): fc.Arbitrary<WorldNotification[]> => fc.uniqueArray(
  fc.record({
    type: fc.constantFrom<NotificationType>('ACTUAL', 'FORECASTED'),
    comparison: fc.constantFrom<ComparisonOperator>('GREATER_THAN', 'LESS_THAN'),
    threshold: fc.constantFrom(50, 80, 100, 80.5),
    thresholdType: fc.constantFrom<ThresholdType>('PERCENTAGE', 'ABSOLUTE_VALUE'),
    subscribers,
  }),
  { minLength, maxLength: 4, selector: (n) => `${n.type}:${n.comparison}:${n.threshold}:${n.thresholdType}` },
);

const liveBudgets = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom(...BUDGET_NAMES),
    amount: fc.constantFrom(10, 20, 35.5, 1234.56),
    timeUnit: fc.constantFrom('MONTHLY', 'QUARTERLY', 'ANNUALLY'),
    budgetType: fc.constantFrom('COST', 'COST', 'COST', 'USAGE'),
    notifications: notificationsOf(0),
    tags: fc.constantFrom<Record<string, string>>({ 'managed-by': 'orgctl' }, {}, { team: 'finance' }),
  }),
  { maxLength: 4, selector: (b) => b.name },
);

const desiredBudgets = fc.uniqueArray(
  fc.record({ name: fc.constantFrom(...BUDGET_NAMES), amount: fc.constantFrom(10, 20, 35.5, 0.5), timeUnit: fc.constantFrom<TimeUnit>('MONTHLY', 'QUARTERLY'), notifications: notificationsOf(1) }),
  { maxLength: 4, selector: (b) => b.name },
);

/** `large` cases have 40–200 accounts; the others up to 12. Without an organization (1 case in 7) there are no accounts. */
export function scenarioInputs(weights: { small: number; large: number } = { small: 4, large: 1 }): fc.Arbitrary<ScenarioInput> {
  return fc.record({
    hasOrganization: weights.small === 0 ? fc.constant(true) : fc.integer({ min: 0, max: 6 }).map((n) => n > 0),
    tree: treeAt(1),
    accountCount: fc.oneof({ weight: weights.small, arbitrary: fc.nat({ max: 12 }) }, { weight: weights.large, arbitrary: fc.integer({ min: 40, max: MAX_ACCOUNTS }) }),
    livePlacements: fc.array(fc.nat({ max: 999 }), { minLength: MAX_ACCOUNTS + 1, maxLength: MAX_ACCOUNTS + 1 }),
    fates: fc.array(fc.record({ fate: fc.constantFrom('keep', 'keep', 'keep', 'rename', 'drop'), newName: fc.constantFrom(...OU_NAMES, 'R1', 'R2') }), {
      minLength: 16,
      maxLength: 16,
    }),
    extraOus: fc.array(fc.record({ parent: fc.nat({ max: 999 }), name: fc.constantFrom(...OU_NAMES, 'New') }), { maxLength: 6 }),
    desiredPlacements: fc.array(fc.option(fc.nat({ max: 999 }), { nil: null, freq: 6 }), { minLength: MAX_ACCOUNTS + 1, maxLength: MAX_ACCOUNTS + 1 }),
    liveBudgets,
    desiredBudgets,
    budgetsFromLive: fc.array(fc.constantFrom('own' as const, 'live-but-timeUnit' as const, 'live' as const), { minLength: 4, maxLength: 4 }),
    options: fc.record({ pruneOrganizationalUnits: fc.boolean(), pruneBudgets: fc.boolean(), strictAccounts: fc.boolean() }),
    suspended: fc.array(fc.nat({ max: 999 }), { maxLength: 3 }),
    featureSets: fc.record({ live: fc.constantFrom<FeatureSet>('ALL', 'ALL', 'CONSOLIDATED_BILLING'), desired: fc.constantFrom<FeatureSet>('ALL', 'ALL', 'CONSOLIDATED_BILLING') }),
  });
}

// ---------------------------------------------------------------- building

interface DesiredOuDraft {
  path: string;
  name: string;
  renamedFrom?: string;
}

export function buildScenario(input: ScenarioInput): Scenario {
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

  // The live tree, top-down; the desired tree alongside it (undefined: dropped from org.yaml).
  const liveOus: WorldOu[] = [];
  const desiredPathOf = new Map<string, string | undefined>([[ROOT_PATH, ROOT_PATH]]);
  const desiredOus: DesiredOuDraft[] = [];
  const visit = (nodes: readonly TreeNode[], parentPath: string): void => {
    const desiredParent = desiredPathOf.get(parentPath);
    const liveNames = new Set(nodes.map((n) => n.name));
    const taken = new Set<string>();
    const fates = nodes.map((node) => {
      const index = liveOus.length + nodes.indexOf(node);
      const f = pick(input.fates, index);
      if (desiredParent === undefined || f.fate === 'drop') return 'drop' as const;
      // Rename only to a name no live sibling has, so renamedFrom stays unambiguous.
      if (f.fate === 'rename' && !liveNames.has(f.newName)) return f.newName;
      return 'keep' as const;
    });
    nodes.forEach((node, i) => {
      const path = childPath(parentPath, node.name);
      liveOus.push({ path, name: node.name, parentPath });
      const fate = fates[i]!;
      if (fate === 'drop' || desiredParent === undefined || taken.has(fate === 'keep' ? node.name : fate)) {
        desiredPathOf.set(path, undefined);
        return;
      }
      const name = fate === 'keep' ? node.name : fate;
      taken.add(name);
      const desiredPath = childPath(desiredParent, name);
      desiredPathOf.set(path, desiredPath);
      desiredOus.push({ path: desiredPath, name, ...(fate !== 'keep' && { renamedFrom: node.name }) });
    });
    for (const node of nodes) visit(node.children, childPath(parentPath, node.name));
  };
  visit(input.tree, ROOT_PATH);
  const ous = input.hasOrganization ? liveOus : [];

  // New OUs in org.yaml, under any desired node that is not 5 deep, with a name free there.
  for (const extra of input.extraOus) {
    const parents = [ROOT_PATH, ...desiredOus.map((o) => o.path)].filter((p) => depthOf(p) < 5);
    const parent = pick(parents, extra.parent);
    const path = childPath(parent, extra.name);
    // Not where an OU is already declared, and not the old name of a sibling being renamed (ambiguous).
    if (desiredOus.some((o) => o.path === path || (o.renamedFrom === extra.name && parentPathOf(o.path) === parent))) continue;
    desiredOus.push({ path, name: extra.name });
  }

  // Accounts: the management account and accountCount others, placed in the live tree.
  const liveParents = [ROOT_PATH, ...ous.map((o) => o.path)];
  const ids = input.hasOrganization ? Array.from({ length: input.accountCount }, (_, i) => String(200000000000 + i)) : [];
  const suspended = new Set(ids.length > 0 ? input.suspended.map((n) => ids[n % ids.length]!) : []);
  const accounts = [MGMT, ...ids].map((id, i) => ({
    id,
    parentPath: pick(liveParents, input.livePlacements[i] ?? 0),
    ...(suspended.has(id) && { state: 'SUSPENDED' as const }),
  }));

  // Where org.yaml puts them (or leaves them out). With pruning, an account left out of org.yaml must
  // not sit in an OU that gets deleted (that plan is refused); declare it in the root instead.
  const desiredParents = [ROOT_PATH, ...desiredOus.map((o) => o.path)];
  const prune = input.options.pruneOrganizationalUnits;
  const placed = accounts
    .map((account, i) => {
      const at = input.desiredPlacements[i] ?? null;
      const liveStays = desiredPathOf.get(account.parentPath) !== undefined;
      if (at === null) return prune && !liveStays ? { id: account.id, path: ROOT_PATH } : undefined;
      return { id: account.id, path: pick(desiredParents, at) };
    })
    .filter((a) => a !== undefined);
  // Without an organization the management account still counts: it sits in the new root unless placed.
  const unlisted = placed.length < accounts.length;

  const builder = aDesiredOrg()
    .withManagementAccount(MGMT)
    .withFeatureSet(input.featureSets.desired)
    .withOptions({
      pruneOrganizationalUnits: prune,
      pruneBudgets: input.options.pruneBudgets,
      unlistedAccounts: input.options.strictAccounts && !unlisted ? 'error' : 'ignore',
    });
  for (const ou of [...desiredOus].sort((a, b) => depthOf(a.path) - depthOf(b.path))) {
    builder.withOu(ou.path, ou.renamedFrom !== undefined ? { renamedFrom: ou.renamedFrom } : {});
  }
  for (const account of placed) builder.withAccount(account.id, account.path);
  for (const [i, own] of input.desiredBudgets.entries()) {
    const from = input.budgetsFromLive?.[i] ?? 'own';
    const live = from === 'own' ? undefined : input.liveBudgets.find((b) => b.name === own.name && b.notifications.length > 0);
    const budget = live ? { ...own, amount: live.amount, notifications: live.notifications, ...(from === 'live' && { timeUnit: live.timeUnit as TimeUnit }) } : own;
    builder.withBudget({
      name: budget.name,
      amount: budget.amount,
      timeUnit: budget.timeUnit,
      notifications: budget.notifications.map((n) => ({ type: n.type, comparison: n.comparison, threshold: n.threshold, thresholdType: n.thresholdType, subscribers: n.subscribers })),
    });
  }
  const desired = builder.build();
  return {
    world: { hasOrganization: input.hasOrganization, featureSet: input.featureSets.live, ous, accounts: input.hasOrganization ? accounts : [], budgets: input.liveBudgets },
    desired,
  };
}

/** Problems org.yaml validation would report (the generator avoids them; a case with any is discarded). */
export function desiredProblems(desired: DesiredOrg): string[] {
  return checkOrgRules(desired, 'org.yaml').map((d) => d.message);
}

/** One line about a scenario's size, for test names and logs. */
export function sizeOf(scenario: Scenario): string {
  const { world, desired } = scenario;
  let desiredOus = 0;
  const count = (ous: DesiredOrg['root']['organizationalUnits']): void => {
    for (const ou of ous) {
      desiredOus += 1;
      count(ou.organizationalUnits);
    }
  };
  count(desired.root.organizationalUnits);
  return `${world.hasOrganization ? '' : 'no organization; '}live ${world.ous.length} OUs, ${world.accounts.length} accounts, ${world.budgets.length} budgets; desired ${desiredOus} OUs, ${desired.budgets.length} budgets`;
}
