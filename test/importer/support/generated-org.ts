// Random organizations for the import round trip: an OU tree up to depth 5 with sibling-unique names
// full of characters YAML and terminals trip over, accounts (some not ACTIVE), budgets org.yaml can
// express (ABSOLUTE_VALUE thresholds, SNS, odd amounts) and budgets it cannot (USAGE, planned limits,
// no notifications, an email the schema refuses), SCPs with targets, tags. Each generated
// organization says what the imported org.yaml must contain: the oracle the tests check against.

import fc from 'fast-check';
import type { EmulatorSnapshot, SnapshotBudget } from '../../../src/emulator/index.js';
import type { ComparisonOperator, FeatureSet, NotificationType, ThresholdType, TimeUnit } from '../../../src/model/desired.js';
import type { AccountState } from '../../../src/model/live.js';
import { childPath, ROOT_PATH } from '../../../src/model/paths.js';

export const MANAGEMENT_ACCOUNT_ID = '123456789012';
const ORG_ID = 'o-roundtrip01';
const ROOT_ID = 'r-rt01';
const FULL_AWS_ACCESS = 'p-FullAWSAccess';

/** Names that YAML, JSON, shells or terminals read as something else, or that hide characters. */
export const AWKWARD_NAMES = [
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'Null', '~', '123', '0123', '007', '1e3', '0x1F', '.inf', '-.5', '1_000',
  '2024-01-01', '12:30', '- x', '-', '?', ':', 'a: b', 'a:b', 'a:', '#x', 'x #y', 'x#y', "'q'", '"q"', "it's", ' lead', 'trail ',
  'two  spaces', 'tab\tx', 'nl\nx', 'cr\rx', 'ls\u2028x', 'nel\u0085x', 'bom\ufeffx', 'rlo\u202egnp.exe', 'zero\u200bwidth', 'é',
  'Ünïcödé', '日本語', '😀 emoji', 'a/b', '%2F', '100%', '__proto__', 'constructor', 'toString', '{}', '[x]', '*alias', '&anchor',
  '!tag', '@at', '`tick', '|', '>', ',', '=', '<<', 'back\\slash', 'nul\u0000x', 'bell\u0007', 'del\u007f', 'nbsp\u00a0x', 'soft\u00adhyphen',
  'x'.repeat(128), 'Team 2', 'team 10', 'Team 1', 'prod', 'Prod', 'PROD', 'lone\ud800surrogate', 'ffff\uffff',
];

const ouName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...AWKWARD_NAMES) },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,12}$/) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }) },
);

/**
 * Budget names: AWS forbids `:` and `\`, and `/action/`. Line breaks are left out because the
 * emulator's ListTagsForResource does not match a budget ARN that contains one (its BUDGET_ARN
 * pattern's `.` stops at line terminators); OU and account names still carry them.
 */
const budgetName = ouName.map((n) => n.replace(/[:\\]/g, '_').replace(/\/action\//g, '/act/').replace(/[\n\r\u2028\u2029]/g, ' ').slice(0, 100) || 'b');

/** Email addresses both orgctl's schema and AWS accept. */
const EMAILS = ['ops@example.com', 'Billing.Team+alerts@example.co.uk', "o'neil@example.com", 'a_b@sub.example.org', '123@example.com', 'x@x.io', 'z@example.com'];
const TOPICS = ['arn:aws:sns:us-east-1:123456789012:budget-alerts', 'arn:aws-us-gov:sns:us-gov-west-1:210987654321:Alerts_2'];
const AMOUNTS = ['1', '10', '100', '100.0', '0.01', '12.5', '99999999', '1234.5678'];

export interface GeneratedOu {
  readonly name: string;
  /** Index into `ous` of the parent, or -1 for the root. */
  readonly parent: number;
  readonly path: string;
}

export interface GeneratedAccount {
  readonly id: string;
  readonly name: string;
  readonly state: AccountState;
  /** -1: the root; else an index into `ous`. */
  readonly parent: number;
}

export interface GeneratedNotification {
  readonly type: NotificationType;
  readonly comparison: ComparisonOperator;
  readonly threshold: number;
  readonly thresholdType: ThresholdType;
  readonly emails: readonly string[];
  readonly sns?: string;
}

export interface GeneratedBudget {
  readonly name: string;
  /** false: org.yaml cannot express it, so import must list it as a comment, not declare it. */
  readonly expressible: boolean;
  readonly snapshot: SnapshotBudget;
}

export interface GeneratedPolicy {
  readonly id: string;
  readonly name: string;
  /** Target IDs (root, OUs, accounts). */
  readonly targets: readonly string[];
}

export interface GeneratedOrg {
  readonly featureSet: FeatureSet;
  readonly ous: readonly GeneratedOu[];
  readonly accounts: readonly GeneratedAccount[];
  readonly budgets: readonly GeneratedBudget[];
  readonly policies: readonly GeneratedPolicy[];
  /** Organizations tags by resource ID (root, OU or account); plain keys and values. */
  readonly tags: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

export function ouId(index: number): string {
  return `ou-${ROOT_ID.slice(2)}-${String(index).padStart(8, '0')}`;
}

export function parentIdOf(parent: number): string {
  return parent < 0 ? ROOT_ID : ouId(parent);
}

/** Makes `name` unique among `taken` (AWS refuses duplicate sibling names), keeping it ≤ 128 characters. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name.slice(0, 120)}~${n}`;
  taken.add(candidate);
  return candidate;
}

const ouSpecs = fc.array(fc.record({ name: ouName, nest: fc.boolean(), pick: fc.nat() }), { maxLength: 14 });

function buildOus(specs: readonly { name: string; nest: boolean; pick: number }[]): GeneratedOu[] {
  const ous: GeneratedOu[] = [];
  const depth: number[] = [];
  const siblings = new Map<number, Set<string>>();
  specs.forEach((spec, i) => {
    // Nesting under the previous OU builds deep chains; otherwise any parent with room below it.
    const eligible = [-1, ...ous.map((_, k) => k).filter((k) => depth[k]! < 5)];
    const previous = i - 1;
    const parent = spec.nest && previous >= 0 && depth[previous]! < 5 ? previous : eligible[spec.pick % eligible.length]!;
    const taken = siblings.get(parent) ?? new Set<string>();
    siblings.set(parent, taken);
    const name = uniqueName(spec.name, taken);
    ous.push({ name, parent, path: childPath(parent < 0 ? ROOT_PATH : ous[parent]!.path, name) });
    depth.push(parent < 0 ? 1 : depth[parent]! + 1);
  });
  return ous;
}

const notification: fc.Arbitrary<GeneratedNotification> = fc
  .record({
    type: fc.constantFrom<NotificationType>('ACTUAL', 'FORECASTED'),
    comparison: fc.constantFrom<ComparisonOperator>('GREATER_THAN', 'LESS_THAN', 'EQUAL_TO'),
    thresholdType: fc.constantFrom<ThresholdType>('PERCENTAGE', 'ABSOLUTE_VALUE'),
    threshold: fc.oneof(fc.constantFrom(0, 50, 80, 100, 150, 0.5, 99.99), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })),
    emails: fc.shuffledSubarray(EMAILS, { maxLength: 4 }),
    sns: fc.option(fc.constantFrom(...TOPICS), { nil: undefined }),
  })
  .map(({ sns, ...n }) => ({ ...n, emails: n.emails.length === 0 && sns === undefined ? [EMAILS[0]!] : n.emails, ...(sns !== undefined ? { sns } : {}) }));

const notifications = fc.uniqueArray(notification, { minLength: 1, maxLength: 4, selector: (n) => `${n.type}:${n.comparison}:${n.threshold}:${n.thresholdType}` });

type WireNotification = NonNullable<SnapshotBudget['notifications']>[number];

export function wireNotification(n: GeneratedNotification): WireNotification {
  return {
    Notification: { NotificationType: n.type, ComparisonOperator: n.comparison, Threshold: n.threshold, ThresholdType: n.thresholdType },
    Subscribers: [...n.emails.map((Address) => ({ SubscriptionType: 'EMAIL', Address })), ...(n.sns ? [{ SubscriptionType: 'SNS', Address: n.sns }] : [])],
  };
}

type BudgetKind = 'cost' | 'usage' | 'planned' | 'no-notifications' | 'odd-email';

const budget = fc
  .record({
    name: budgetName,
    kind: fc.constantFrom<BudgetKind>('cost', 'cost', 'cost', 'cost', 'usage', 'planned', 'no-notifications', 'odd-email'),
    amount: fc.constantFrom(...AMOUNTS),
    unit: fc.constantFrom('USD', 'USD', 'EUR'),
    timeUnit: fc.constantFrom<TimeUnit>('DAILY', 'MONTHLY', 'QUARTERLY', 'ANNUALLY'),
    notifications,
    tags: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/), fc.stringMatching(/^[a-z0-9-]{0,6}$/), { maxKeys: 2 }),
  })
  .map(({ name, kind, amount, unit, timeUnit, notifications: list, tags }): Omit<GeneratedBudget, 'name'> & { name: string } => {
    const base = { BudgetName: name, TimeUnit: timeUnit };
    const withNotifications = (ns: readonly GeneratedNotification[]) => ns.map(wireNotification);
    const snapshot = (budgetShape: Record<string, unknown>, ns: readonly GeneratedNotification[]): SnapshotBudget => ({
      accountId: MANAGEMENT_ACCOUNT_ID,
      budget: budgetShape as SnapshotBudget['budget'],
      notifications: withNotifications(ns),
      tags,
    });
    switch (kind) {
      case 'cost':
        return { name, expressible: true, snapshot: snapshot({ ...base, BudgetType: 'COST', BudgetLimit: { Amount: amount, Unit: unit } }, list) };
      case 'usage':
        return { name, expressible: false, snapshot: snapshot({ ...base, BudgetType: 'USAGE', BudgetLimit: { Amount: amount, Unit: 'Hrs' } }, list) };
      case 'planned':
        return {
          name,
          expressible: false,
          snapshot: snapshot({ ...base, TimeUnit: 'MONTHLY', BudgetType: 'COST', PlannedBudgetLimits: { '1735689600': { Amount: amount, Unit: unit } } }, list),
        };
      case 'no-notifications':
        return { name, expressible: false, snapshot: snapshot({ ...base, BudgetType: 'COST', BudgetLimit: { Amount: amount, Unit: unit } }, []) };
      case 'odd-email': {
        // AWS takes "ops@localhost"; org.yaml's schema wants a dot in the domain.
        const [first, ...rest] = list;
        const odd: GeneratedNotification = { type: first!.type, comparison: first!.comparison, threshold: first!.threshold, thresholdType: first!.thresholdType, emails: ['ops@localhost'] };
        return { name, expressible: false, snapshot: snapshot({ ...base, BudgetType: 'COST', BudgetLimit: { Amount: amount, Unit: unit } }, [odd, ...rest]) };
      }
    }
  });

const accountSpecs = fc.array(
  fc.record({
    name: ouName.map((n) => n.slice(0, 128)),
    state: fc.constantFrom<AccountState>('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE', 'CLOSED'),
    pick: fc.nat(),
  }),
  { maxLength: 16 },
);

export const generatedOrgs: fc.Arbitrary<GeneratedOrg> = fc
  .record({
    featureSet: fc.constantFrom<FeatureSet>('ALL', 'ALL', 'ALL', 'CONSOLIDATED_BILLING'),
    ous: ouSpecs,
    management: fc.record({ name: ouName, pick: fc.nat() }),
    accounts: accountSpecs,
    budgets: fc.uniqueArray(budget, { maxLength: 4, selector: (b) => b.name }),
    policies: fc.array(fc.record({ name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,15}$/), picks: fc.uniqueArray(fc.nat({ max: 40 }), { maxLength: 4 }) }), { maxLength: 3 }),
    tags: fc.array(fc.record({ pick: fc.nat(), key: fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/), value: fc.stringMatching(/^[a-z0-9-]{0,6}$/) }), { maxLength: 4 }),
  })
  .map(({ featureSet, ous: ouSpecList, management, accounts: accountList, budgets, policies, tags }) => {
    const ous = buildOus(ouSpecList);
    const parentCount = ous.length + 1;
    const accounts: GeneratedAccount[] = [
      { id: MANAGEMENT_ACCOUNT_ID, name: management.name.slice(0, 128), state: 'ACTIVE', parent: (management.pick % parentCount) - 1 },
      ...accountList.map((a, i) => ({ id: String(200000000000 + i), name: a.name, state: a.state, parent: (a.pick % parentCount) - 1 })),
    ];
    const targets = [ROOT_ID, ...ous.map((_, i) => ouId(i)), ...accounts.map((a) => a.id)];
    const taken = new Set<string>();
    const generatedPolicies =
      featureSet === 'ALL'
        ? policies.map((p, i) => ({
            id: `p-rt${String(i).padStart(8, '0')}`,
            name: uniqueName(p.name, taken),
            targets: [...new Set(p.picks.map((k) => targets[k % targets.length]!))],
          }))
        : [];
    const tagMap = new Map<string, Record<string, string>>();
    for (const t of tags) {
      const id = targets[t.pick % targets.length]!;
      tagMap.set(id, { ...(tagMap.get(id) ?? {}), [t.key]: t.value });
    }
    return { featureSet, ous, accounts, budgets, policies: generatedPolicies, tags: tagMap };
  });

/** The emulator state for a generated organization. */
export function toSnapshot(org: GeneratedOrg): EmulatorSnapshot {
  const attachments = new Map<string, string[]>();
  for (const policy of org.policies) {
    for (const target of policy.targets) attachments.set(target, [...(attachments.get(target) ?? [FULL_AWS_ACCESS]), policy.id]);
  }
  const tagsOf = (id: string) => (org.tags.has(id) ? { tags: org.tags.get(id)! } : {});
  return {
    formatVersion: 1,
    accountId: MANAGEMENT_ACCOUNT_ID,
    quotas: { maxAccounts: 1000 },
    organization: {
      id: ORG_ID,
      featureSet: org.featureSet,
      managementAccountId: MANAGEMENT_ACCOUNT_ID,
      root: { id: ROOT_ID, ...tagsOf(ROOT_ID) },
      organizationalUnits: org.ous.map((ou, i) => ({ id: ouId(i), name: ou.name, parentId: parentIdOf(ou.parent), ...tagsOf(ouId(i)) })),
      accounts: org.accounts.map((a) => ({
        id: a.id,
        name: a.name,
        email: `acct-${a.id}@example.com`,
        parentId: parentIdOf(a.parent),
        state: a.state,
        joinedTimestamp: 1_700_000_000,
        ...tagsOf(a.id),
      })),
      policies: org.policies.map((p) => ({
        id: p.id,
        name: p.name,
        type: 'SERVICE_CONTROL_POLICY' as const,
        content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}',
      })),
      policyAttachments: Object.fromEntries(attachments),
    },
    budgets: org.budgets.map((b) => b.snapshot),
  };
}

/** What the imported org.yaml must place: every ACTIVE account, by ID, at its parent's path. */
export function expectedPlacements(org: GeneratedOrg): Record<string, string> {
  const pathOf = (parent: number): string => (parent < 0 ? ROOT_PATH : org.ous[parent]!.path);
  return Object.fromEntries(org.accounts.filter((a) => a.state === 'ACTIVE').map((a) => [a.id, pathOf(a.parent)]));
}
