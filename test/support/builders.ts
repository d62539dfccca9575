// Fake-world builders for planner, renderer, apply and import tests: plain values, no mocks.
//
//   const desired = aDesiredOrg()
//     .withOu('/Workloads/Prod')                       // creates /Workloads too
//     .withAccount('111111111111', '/Workloads/Prod', { name: 'prod' })
//     .withBudget({ name: 'monthly', amount: 10, notifications: [{ threshold: 80, emails: ['ops@example.com'] }] })
//     .build();
//   const live = aLiveOrgMatching(desired)            // a live organization that already matches
//     .withAccount('222222222222', '/Sandbox')          // plus drift
//     .build();
//   const plan = planOrg(desired, live, FAKE_INPUTS);
//
// Paths use model/paths.ts syntax ("/A/B"; a "/" inside a name is written %2F). Missing parent OUs
// are created on the way. Defaults: management account 123456789012, feature set ALL, no prune,
// unlisted accounts ignored; budgets 10 USD MONTHLY; notifications ACTUAL GREATER_THAN 80 PERCENTAGE.

import type {
  AccountState,
  LiveAccount,
  LiveBudget,
  LiveNotification,
  LiveOrg,
  LiveOrganization,
  LiveOu,
} from '../../src/model/live.js';
import { MANAGED_BUDGET_TAG } from '../../src/model/live.js';
import type {
  ComparisonOperator,
  DesiredAccount,
  DesiredBudget,
  DesiredNotification,
  DesiredOptions,
  DesiredOrg,
  DesiredOu,
  FeatureSet,
  NotificationType,
  SourcePosition,
  Subscriber,
  ThresholdType,
  TimeUnit,
} from '../../src/model/desired.js';
import { childPath, parentPathOf, ROOT_PATH, unescapeSegment } from '../../src/model/paths.js';
import type { PlanInputs } from '../../src/model/plan.js';

export const MANAGEMENT_ACCOUNT_ID = '123456789012';
export const ORGANIZATION_ID = 'o-exampleorgid';
export const ROOT_ID = 'r-root';

/** Plan inputs for tests that do not hash anything (valid sha256 hex, as the plan schema requires). */
export const FAKE_INPUTS: PlanInputs = { orgYamlSha256: 'a'.repeat(64), liveStateSha256: 'b'.repeat(64) };

export const MANAGED_TAGS: Readonly<Record<string, string>> = { [MANAGED_BUDGET_TAG.key]: MANAGED_BUDGET_TAG.value };

/** A notification in test shorthand: every field defaults; `emails` and `sns` become subscribers. */
export interface NotificationInput {
  readonly type?: NotificationType;
  readonly comparison?: ComparisonOperator;
  readonly threshold?: number;
  readonly thresholdType?: ThresholdType;
  readonly emails?: readonly string[];
  readonly sns?: string;
  /** Explicit subscribers, after those from `emails` and `sns`. */
  readonly subscribers?: readonly Subscriber[];
  readonly at?: SourcePosition;
}

export interface DesiredBudgetInput {
  readonly name: string;
  readonly amount?: number;
  readonly unit?: string;
  readonly timeUnit?: TimeUnit;
  readonly notifications?: readonly NotificationInput[];
  readonly at?: SourcePosition;
}

export interface LiveBudgetInput {
  readonly name: string;
  readonly amount?: number | null;
  readonly unit?: string;
  readonly timeUnit?: string;
  readonly budgetType?: string;
  readonly notifications?: readonly NotificationInput[];
  /** 'managed': tagged managed-by=orgctl. Absent: tags not read. */
  readonly tags?: Readonly<Record<string, string>> | 'managed';
}

/** A desired notification from shorthand (also handy to build live notifications). */
export function aNotification(input: NotificationInput = {}): DesiredNotification {
  return {
    type: input.type ?? 'ACTUAL',
    comparison: input.comparison ?? 'GREATER_THAN',
    threshold: input.threshold ?? 80,
    thresholdType: input.thresholdType ?? 'PERCENTAGE',
    subscribers: [
      ...(input.emails ?? []).map((address): Subscriber => ({ type: 'EMAIL', address })),
      ...(input.sns !== undefined ? [{ type: 'SNS', address: input.sns } satisfies Subscriber] : []),
      ...(input.subscribers ?? []),
    ],
    ...(input.at && { at: input.at }),
  };
}

export function aDesiredBudget(input: DesiredBudgetInput): DesiredBudget {
  return {
    name: input.name,
    amount: input.amount ?? 10,
    unit: input.unit ?? 'USD',
    timeUnit: input.timeUnit ?? 'MONTHLY',
    notifications: (input.notifications ?? []).map(aNotification),
    ...(input.at && { at: input.at }),
  };
}

export function aLiveBudget(input: LiveBudgetInput): LiveBudget {
  const tags = input.tags === 'managed' ? MANAGED_TAGS : input.tags;
  return {
    name: input.name,
    budgetType: input.budgetType ?? 'COST',
    amount: input.amount === undefined ? 10 : input.amount,
    unit: input.unit ?? 'USD',
    timeUnit: input.timeUnit ?? 'MONTHLY',
    notifications: (input.notifications ?? []).map((n): LiveNotification => {
      const { at: _at, ...notification } = aNotification(n);
      return notification;
    }),
    ...(tags && { tags }),
  };
}

function segmentsOf(path: string): string[] {
  if (!path.startsWith('/')) throw new Error(`OU paths start with "/": ${path}`);
  return path === ROOT_PATH ? [] : path.slice(1).split('/').map(unescapeSegment);
}

interface MutableDesiredNode {
  accounts: DesiredAccount[];
  ous: Map<string, { name: string; renamedFrom?: string; at?: SourcePosition; node: MutableDesiredNode }>;
}

export class DesiredOrgBuilder {
  private managementAccountId = MANAGEMENT_ACCOUNT_ID;
  private featureSet: FeatureSet = 'ALL';
  private readonly root: MutableDesiredNode = { accounts: [], ous: new Map() };
  private readonly budgets: DesiredBudget[] = [];
  private options: DesiredOptions = { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' };

  withManagementAccount(id: string): this {
    this.managementAccountId = id;
    return this;
  }

  withFeatureSet(featureSet: FeatureSet): this {
    this.featureSet = featureSet;
    return this;
  }

  /** Declares an OU (and its missing parents). `renamedFrom` and `at` apply to the last segment. */
  withOu(path: string, options: { renamedFrom?: string; at?: SourcePosition } = {}): this {
    const entry = this.ensureOu(path);
    if (entry && options.renamedFrom !== undefined) entry.renamedFrom = options.renamedFrom;
    if (entry && options.at) entry.at = options.at;
    return this;
  }

  /** Places an account under `parentPath` (default: the root), creating missing OUs. */
  withAccount(id: string, parentPath: string = ROOT_PATH, options: { name?: string; at?: SourcePosition } = {}): this {
    const node = parentPath === ROOT_PATH ? this.root : this.ensureOu(parentPath)!.node;
    node.accounts.push({ id, ...(options.name !== undefined && { name: options.name }), ...(options.at && { at: options.at }) });
    return this;
  }

  /** Places an account entry as written (by email, closed, with creation settings, ...). */
  withAccountEntry(entry: DesiredAccount, parentPath: string = ROOT_PATH): this {
    const node = parentPath === ROOT_PATH ? this.root : this.ensureOu(parentPath)!.node;
    node.accounts.push(entry);
    return this;
  }

  withBudget(input: DesiredBudgetInput): this {
    this.budgets.push(aDesiredBudget(input));
    return this;
  }

  withOptions(options: Partial<DesiredOptions>): this {
    this.options = { ...this.options, ...options };
    return this;
  }

  build(): DesiredOrg {
    const toOus = (node: MutableDesiredNode, parentPath: string): DesiredOu[] =>
      [...node.ous.values()].map((entry) => {
        const path = childPath(parentPath, entry.name);
        return {
          name: entry.name,
          path,
          accounts: [...entry.node.accounts],
          organizationalUnits: toOus(entry.node, path),
          ...(entry.renamedFrom !== undefined && { renamedFrom: entry.renamedFrom }),
          ...(entry.at && { at: entry.at }),
        };
      });
    return {
      managementAccountId: this.managementAccountId,
      featureSet: this.featureSet,
      root: { accounts: [...this.root.accounts], organizationalUnits: toOus(this.root, ROOT_PATH) },
      budgets: [...this.budgets],
      options: this.options,
    };
  }

  private ensureOu(path: string) {
    let node = this.root;
    let entry: (MutableDesiredNode['ous'] extends Map<string, infer E> ? E : never) | undefined;
    for (const name of segmentsOf(path)) {
      entry = node.ous.get(name);
      if (!entry) node.ous.set(name, (entry = { name, node: { accounts: [], ous: new Map() } }));
      node = entry.node;
    }
    return entry;
  }
}

export class LiveOrgBuilder {
  private callerAccountId = MANAGEMENT_ACCOUNT_ID;
  private organization: LiveOrganization | null = {
    id: ORGANIZATION_ID,
    arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT_ID}:organization/${ORGANIZATION_ID}`,
    featureSet: 'ALL',
    managementAccountId: MANAGEMENT_ACCOUNT_ID,
    managementAccountEmail: 'management@example.com',
  };
  private readonly ousByPath = new Map<string, LiveOu>();
  private readonly accounts: LiveAccount[] = [];
  private readonly budgets: LiveBudget[] = [];
  private nextOu = 1;

  withCaller(accountId: string): this {
    this.callerAccountId = accountId;
    return this;
  }

  /** No organization yet: no root, OUs or accounts (budgets still exist). */
  withoutOrganization(): this {
    this.organization = null;
    return this;
  }

  withFeatureSet(featureSet: FeatureSet): this {
    return this.withOrganization({ featureSet });
  }

  withOrganization(fields: Partial<LiveOrganization>): this {
    this.organization = { ...this.organization!, ...fields };
    return this;
  }

  /** An OU (and its missing parents); `id` applies to the last segment. */
  withOu(path: string, options: { id?: string } = {}): this {
    this.ensureOu(path, options.id);
    return this;
  }

  withAccount(id: string, parentPath: string = ROOT_PATH, options: { name?: string; email?: string; state?: AccountState } = {}): this {
    this.accounts.push({
      id,
      name: options.name ?? `Account ${id}`,
      email: options.email ?? `aws+${id}@example.com`,
      state: options.state ?? 'ACTIVE',
      parentId: this.ouId(parentPath),
    });
    return this;
  }

  withBudget(input: LiveBudgetInput): this {
    this.budgets.push(aLiveBudget(input));
    return this;
  }

  withoutBudget(name: string): this {
    const i = this.budgets.findIndex((b) => b.name === name);
    if (i >= 0) this.budgets.splice(i, 1);
    return this;
  }

  /** The ID of the OU at `path` ("/" is the root), creating it when missing. */
  ouId(path: string): string {
    return path === ROOT_PATH ? ROOT_ID : this.ensureOu(path).id;
  }

  build(): LiveOrg {
    if (!this.organization) {
      return { callerAccountId: this.callerAccountId, organization: null, root: null, ous: [], accounts: [], budgets: [...this.budgets] };
    }
    return {
      callerAccountId: this.callerAccountId,
      organization: this.organization,
      root: { id: ROOT_ID, name: 'Root' },
      ous: [...this.ousByPath.values()],
      accounts: [...this.accounts],
      budgets: [...this.budgets],
    };
  }

  private ensureOu(path: string, id?: string): LiveOu {
    const existing = this.ousByPath.get(path);
    if (existing) return existing;
    const parentId = this.ouId(parentPathOf(path));
    const ou: LiveOu = { id: id ?? `ou-root-${(this.nextOu++).toString(36).padStart(8, '0')}`, name: segmentsOf(path).at(-1)!, parentId };
    this.ousByPath.set(path, ou);
    return ou;
  }
}

export function aDesiredOrg(): DesiredOrgBuilder {
  return new DesiredOrgBuilder();
}

export function aLiveOrg(): LiveOrgBuilder {
  return new LiveOrgBuilder();
}

/**
 * A live organization in which `desired` is already true: same OUs, accounts where org.yaml puts them
 * (named as declared), budgets with the same limits and notifications, tagged as created by orgctl.
 */
export function aLiveOrgMatching(desired: DesiredOrg): LiveOrgBuilder {
  const live = aLiveOrg().withFeatureSet(desired.featureSet);
  if (desired.managementAccountId !== MANAGEMENT_ACCOUNT_ID) {
    live.withCaller(desired.managementAccountId).withOrganization({ managementAccountId: desired.managementAccountId });
  }
  const visit = (ous: readonly DesiredOu[]): void => {
    for (const ou of ous) {
      live.withOu(ou.path);
      visit(ou.organizationalUnits);
    }
  };
  visit(desired.root.organizationalUnits);
  const place = (accounts: readonly DesiredAccount[], path: string): void => {
    for (const account of accounts) live.withAccount(account.id!, path, account.name !== undefined ? { name: account.name } : {});
  };
  place(desired.root.accounts, ROOT_PATH);
  const placeAll = (ous: readonly DesiredOu[]): void => {
    for (const ou of ous) {
      place(ou.accounts, ou.path);
      placeAll(ou.organizationalUnits);
    }
  };
  placeAll(desired.root.organizationalUnits);
  for (const budget of desired.budgets) {
    live.withBudget({
      name: budget.name,
      amount: budget.amount,
      unit: budget.unit,
      timeUnit: budget.timeUnit,
      notifications: budget.notifications.map(({ at: _at, subscribers, ...key }) => ({ ...key, subscribers })),
      tags: 'managed',
    });
  }
  return live;
}

/** The desired shape of the repository's org.yaml (kept in step with it by test/planner/bootstrap.test.ts). */
export function theRepositoryOrg(): DesiredOrgBuilder {
  return aDesiredOrg()
    .withOu('/Management')
    .withAccount(MANAGEMENT_ACCOUNT_ID, '/Management')
    .withOu('/Security')
    .withOu('/Infrastructure')
    .withOu('/Workloads/Prod')
    .withOu('/Workloads/NonProd')
    .withOu('/Sandbox')
    .withOu('/Suspended')
    .withBudget({ name: 'monthly-guardrail', amount: 10, notifications: [{ threshold: 80, emails: ['billing@example.com'] }] });
}
