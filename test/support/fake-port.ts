// FakeAwsPort: an in-memory AWS Organizations + Budgets behind the AwsPort interface, for reader,
// apply and CLI-core tests. It really mutates an organization tree and budgets and enforces the AWS
// rules a reconciler trips over (aws-facts.md §2.4, §4.2):
//   - sibling-unique OU names (DuplicateOrganizationalUnitException), OU depth ≤ 5
//     (ConstraintViolationException OU_DEPTH_LIMIT_EXCEEDED), non-empty OU delete refused
//     (OrganizationalUnitNotEmptyException), missing parents/OUs/accounts (*NotFoundException);
//   - MoveAccount: SourceParentNotFound, DestinationParentNotFound, AccountNotFound (also when the
//     source is not the account's current parent), DuplicateAccount (already in the destination);
//   - Organizations writes only from the management account (AccessDeniedException);
//   - budgets: DuplicateRecord (budget, notification, subscriber), NotFound, ≤ 10 notifications per
//     budget and 1..11 subscribers with at most one SNS (CreationLimitExceeded), deleting the last
//     subscriber deletes its notification.
// It paginates nothing. Every port call goes through the same retry runner as the SDK adapter
// (with instant sleeps), so injected throttling and ConcurrentModification are retried exactly as in
// production and show up in stats().
//
// Typical use:
//   const fake = new FakeAwsPort();                       // caller = FakeAwsPort.MANAGEMENT_ACCOUNT_ID
//   const { rootId } = fake.seedOrganization();
//   const prod = fake.seedOu(fake.seedOu(rootId, 'Workloads'), 'Prod');
//   fake.seedAccount({ id: '222222222222', name: 'app', parentId: prod });
//   fake.seedBudget(FakeAwsPort.MANAGEMENT_ACCOUNT_ID, { name: 'monthly', amount: 100, notifications: [...] });
//   fake.failNext('MoveAccount', 'concurrentModification', 2);   // retried, then succeeds
//   fake.failNext('DeleteOrganizationalUnit', 'accessDenied');     // fails at once
//   ... run the code under test with `fake` as its AwsPort ...
//   fake.calls / fake.callCount('MoveAccount') / fake.stats() / fake.ouIdByPath('/Workloads/Prod')
//   fake.liveOrg()   // the fake's state as a LiveOrg, without recording calls (convergence checks)
//   fake.seedPolicy({ name: 'DenyRegions' }) / fake.seedAttachment(policyId, targetId) / fake.seedTags(id, { team: 'x' })
//   fake.onCall('ListAccountsForParent', ([p]) => fake.removeOuOutOfBand(...))   // someone else's change, mid-read
//   (SCPs: with feature set ALL, the AWS-managed p-FullAWSAccess exists and is attached to every root, OU and account.)

import { AwsCallError, type AwsErrorKind } from '../../src/aws/errors.js';
import { CallStatsRecorder } from '../../src/aws/call-stats.js';
import { createCallRunner, type CallRunner } from '../../src/aws/call-runner.js';
import { accessDeniedMessage, PORT_OPERATIONS, type AwsServiceName, type PortOperation } from '../../src/aws/operations.js';
import type {
  AccountSummary,
  AwsPort,
  BudgetNotifications,
  BudgetSummary,
  CallStats,
  OuSummary,
  PolicySummary,
  PolicyTarget,
  PolicyType,
} from '../../src/aws/port.js';
import type { Pacer } from '../../src/aws/pacer.js';
import type { RetryPolicy } from '../../src/aws/retry.js';
import type { FeatureSet, NotificationKey, Subscriber } from '../../src/model/desired.js';
import type { AccountState, LiveBudget, LiveOrg, LiveOrganization, LiveRoot } from '../../src/model/live.js';
import { childPath, ROOT_PATH } from '../../src/model/paths.js';
import type { BudgetLimitSpec, BudgetSpec, NotificationSpec } from '../../src/model/plan.js';
import type {
  AccessKeyMetadata,
  AlternateContactSpec,
  AlternateContactType,
  IdentityCenterInstance,
  MfaDevice,
  OrganizationsFeatures,
  RootCredentialSummary,
} from '../../src/model/security.js';
import { FakeSecurity } from './fake-security.js';

export interface FakeCall {
  readonly operation: PortOperation;
  /** The port method's arguments, as passed. */
  readonly args: readonly unknown[];
  /** Set when this attempt failed (injected or by a rule). */
  readonly failedWith?: AwsErrorKind;
}

export interface InjectedFailure {
  /** Defaults per kind: TooManyRequestsException / ThrottlingException, ConcurrentModificationException, ... */
  readonly code?: string;
  readonly message?: string;
  readonly reason?: string;
  /** Only calls whose arguments match fail (and use up the count). */
  readonly when?: (args: readonly unknown[]) => boolean;
}

export interface FakeAwsPortOptions {
  /** The account the fake's "credentials" belong to. */
  readonly callerAccountId?: string;
  readonly retryPolicy?: RetryPolicy;
  /** Pace calls like the SDK adapter (give it a FakeClock); default: no pacing. */
  readonly pacer?: Pacer;
  /** Retry backoff sleeps; default: instant. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface SeedAccount {
  readonly id?: string;
  readonly name: string;
  readonly email?: string;
  readonly state?: AccountState;
  /** Default: the root. */
  readonly parentId?: string;
}

export interface SeedBudget {
  readonly name: string;
  readonly amount?: number | null;
  readonly unit?: string;
  readonly timeUnit?: string;
  readonly budgetType?: string;
  readonly notifications?: readonly NotificationSpec[];
  readonly tags?: Readonly<Record<string, string>>;
}

export interface SeedPolicy {
  readonly id?: string;
  readonly name: string;
  /** Default SERVICE_CONTROL_POLICY. */
  readonly type?: PolicyType;
}

/** The AWS-managed SCP every root, OU and account has while SCPs are available (feature set ALL). */
const FULL_AWS_ACCESS: PolicySummary = { id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', awsManaged: true };

interface FakeOu {
  readonly id: string;
  name: string;
  readonly parentId: string;
}

interface FakeAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly state: AccountState;
  parentId: string;
}

interface FakeNotification {
  key: NotificationKey;
  subscribers: Subscriber[];
}

interface FakeBudget {
  readonly name: string;
  budgetType: string;
  amount: number | null;
  unit: string;
  timeUnit: string;
  notifications: FakeNotification[];
  tags: Record<string, string>;
}

const MAX_OU_DEPTH = 5;
const MAX_NOTIFICATIONS = 10;
const MAX_SUBSCRIBERS = 11;

export class FakeAwsPort implements AwsPort {
  static readonly MANAGEMENT_ACCOUNT_ID = '111111111111';

  /** Every attempt, in order, retries included. */
  readonly calls: FakeCall[] = [];
  callerAccountId: string;
  /** The caller account's root user, IAM users, Identity Center and alternate contacts (the audit's calls). */
  readonly security = new FakeSecurity();

  private organization: LiveOrganization | null = null;
  private root: LiveRoot | null = null;
  private readonly ous = new Map<string, FakeOu>();
  private readonly accounts = new Map<string, FakeAccount>();
  private readonly budgets = new Map<string, Map<string, FakeBudget>>();
  private readonly policies = new Map<string, PolicySummary>();
  /** Customer policy ID → attached target IDs, in attach order. */
  private readonly attachments = new Map<string, string[]>();
  private readonly resourceTags = new Map<string, Record<string, string>>();
  private readonly failures = new Map<string, { kind: AwsErrorKind; remaining: number; details: InjectedFailure }[]>();
  private readonly listeners = new Map<string, ((args: readonly unknown[]) => void)[]>();
  private readonly statsRecorder = new CallStatsRecorder();
  private readonly run: CallRunner;
  private nextId = 1;

  constructor(options: FakeAwsPortOptions = {}) {
    this.callerAccountId = options.callerAccountId ?? FakeAwsPort.MANAGEMENT_ACCOUNT_ID;
    this.run = createCallRunner({
      stats: this.statsRecorder,
      ...(options.pacer ? { pacer: options.pacer } : {}),
      sleep: options.sleep ?? (() => Promise.resolve()),
      random: () => 0.5,
      ...(options.retryPolicy ? { retryPolicy: options.retryPolicy } : {}),
    });
  }

  // ------------------------------------------------------------------ seeding (not recorded)

  /** Creates the organization as its management account would; the management account joins the root. */
  seedOrganization(options: { managementAccountId?: string; featureSet?: FeatureSet; managementEmail?: string; managementName?: string } = {}): { organization: LiveOrganization; rootId: string } {
    const managementAccountId = options.managementAccountId ?? this.callerAccountId;
    const organization = this.buildOrganization(managementAccountId, options.featureSet ?? 'ALL', options.managementEmail ?? `mgmt+${managementAccountId}@example.com`);
    this.accounts.set(managementAccountId, {
      id: managementAccountId,
      name: options.managementName ?? 'management',
      email: organization.managementAccountEmail,
      state: 'ACTIVE',
      parentId: this.rootIdOrThrow(),
    });
    return { organization, rootId: this.rootIdOrThrow() };
  }

  /** Adds an OU under `parentId` (root or OU ID) and returns its ID. Checks the same rules as CreateOrganizationalUnit. */
  seedOu(parentId: string, name: string): string {
    return this.doCreateOu(parentId, name).id;
  }

  /** Adds an account (default: in the root, ACTIVE) and returns its ID. */
  seedAccount(account: SeedAccount): string {
    const id = account.id ?? this.newAccountId();
    const parentId = account.parentId ?? this.rootIdOrThrow();
    if (!this.parentExists(parentId)) throw new Error(`seedAccount: no parent ${parentId}`);
    if (this.accounts.has(id)) throw new Error(`seedAccount: account ${id} exists`);
    this.accounts.set(id, { id, name: account.name, email: account.email ?? `${account.name.replace(/\W/g, '')}+${id}@example.com`, state: account.state ?? 'ACTIVE', parentId });
    return id;
  }

  seedBudget(accountId: string, budget: SeedBudget): void {
    const budgets = this.budgetsOf(accountId);
    if (budgets.has(budget.name)) throw new Error(`seedBudget: budget ${budget.name} exists`);
    budgets.set(budget.name, {
      name: budget.name,
      budgetType: budget.budgetType ?? 'COST',
      amount: budget.amount === undefined ? 100 : budget.amount,
      unit: budget.unit ?? 'USD',
      timeUnit: budget.timeUnit ?? 'MONTHLY',
      notifications: (budget.notifications ?? []).map((n) => ({ key: keyOf(n), subscribers: n.subscribers.map((s) => ({ ...s })) })),
      tags: { ...(budget.tags ?? {}) },
    });
  }

  /** Adds a customer-managed policy and returns its ID. */
  seedPolicy(policy: SeedPolicy): string {
    this.rootIdOrThrow();
    const id = policy.id ?? `p-${this.randomish(8)}`;
    if (this.policies.has(id) || id === FULL_AWS_ACCESS.id) throw new Error(`seedPolicy: policy ${id} exists`);
    this.policies.set(id, { id, name: policy.name, type: policy.type ?? 'SERVICE_CONTROL_POLICY', awsManaged: false });
    this.attachments.set(id, []);
    return id;
  }

  /** Attaches a seeded customer policy to a root, OU or account. */
  seedAttachment(policyId: string, targetId: string): void {
    const targets = this.attachments.get(policyId);
    if (!targets) throw new Error(`seedAttachment: no customer policy ${policyId}`);
    if (!this.targetExists(targetId)) throw new Error(`seedAttachment: no target ${targetId}`);
    if (targets.includes(targetId)) throw new Error(`seedAttachment: ${policyId} is already attached to ${targetId}`);
    targets.push(targetId);
  }

  /** Sets tags on a root, OU, account or policy (Organizations tags; budget tags come with seedBudget). */
  seedTags(resourceId: string, tags: Readonly<Record<string, string>>): void {
    if (!this.targetExists(resourceId) && !this.policies.has(resourceId)) throw new Error(`seedTags: no resource ${resourceId}`);
    this.resourceTags.set(resourceId, { ...(this.resourceTags.get(resourceId) ?? {}), ...tags });
  }

  // ------------------------------------------------------------------ someone else's changes (not recorded, no checks)

  /** Another administrator deletes an OU (with whatever it holds), e.g. from an onCall listener mid-read. */
  removeOuOutOfBand(ouId: string): void {
    if (!this.ous.delete(ouId)) throw new Error(`removeOuOutOfBand: no OU ${ouId}`);
  }

  /** Another administrator moves an account. */
  moveAccountOutOfBand(accountId: string, parentId: string): void {
    const account = this.accounts.get(accountId);
    if (!account || !this.parentExists(parentId)) throw new Error(`moveAccountOutOfBand: no account ${accountId} or parent ${parentId}`);
    account.parentId = parentId;
  }

  /** Another administrator deletes a budget. */
  removeBudgetOutOfBand(accountId: string, budgetName: string): void {
    if (!this.budgetsOf(accountId).delete(budgetName)) throw new Error(`removeBudgetOutOfBand: no budget ${budgetName}`);
  }

  // ------------------------------------------------------------------ fault injection and inspection

  /**
   * The next `times` calls of `operation` fail with `kind` before touching state. Retryable kinds
   * (throttled, concurrentModification, transient) are retried by the port like the SDK adapter does.
   */
  failNext(operation: PortOperation, kind: AwsErrorKind, times = 1, details: InjectedFailure = {}): this {
    const queue = this.failures.get(operation) ?? [];
    queue.push({ kind, remaining: times, details });
    this.failures.set(operation, queue);
    return this;
  }

  /** Runs `listener` on each attempt of `operation`, before it acts: simulate out-of-band changes. */
  onCall(operation: PortOperation, listener: (args: readonly unknown[]) => void): this {
    const list = this.listeners.get(operation) ?? [];
    list.push(listener);
    this.listeners.set(operation, list);
    return this;
  }

  callCount(operation?: PortOperation): number {
    return operation === undefined ? this.calls.length : this.calls.filter((c) => c.operation === operation).length;
  }

  stats(): CallStats {
    return this.statsRecorder.snapshot();
  }

  resetCalls(): void {
    this.calls.length = 0;
    this.statsRecorder.reset();
  }

  get rootId(): string {
    return this.rootIdOrThrow();
  }

  get organizationOrNull(): LiveOrganization | null {
    return this.organization;
  }

  /** "/Workloads/Prod" → OU ID; "/" → root ID. */
  ouIdByPath(path: string): string | undefined {
    if (!this.root) return undefined;
    if (path === ROOT_PATH) return this.root.id;
    for (const ou of this.ous.values()) if (this.pathOf(ou.id) === path) return ou.id;
    return undefined;
  }

  pathOf(parentId: string): string {
    if (parentId === this.root?.id) return ROOT_PATH;
    const ou = this.ous.get(parentId);
    if (!ou) throw new Error(`no OU ${parentId}`);
    return childPath(this.pathOf(ou.parentId), ou.name);
  }

  parentOf(accountOrOuId: string): string | undefined {
    return this.accounts.get(accountOrOuId)?.parentId ?? this.ous.get(accountOrOuId)?.parentId;
  }

  budget(accountId: string, name: string): LiveBudget | undefined {
    const budget = this.budgets.get(accountId)?.get(name);
    return budget ? toLiveBudget(budget, true) : undefined;
  }

  /** The whole state as a LiveOrg (budgets of the caller's account, tags included); records no calls. */
  liveOrg(): LiveOrg {
    const ous: LiveOrg['ous'][number][] = [];
    const accounts: LiveOrg['accounts'][number][] = [];
    const visit = (parentId: string): void => {
      for (const a of this.accounts.values()) if (a.parentId === parentId) accounts.push({ id: a.id, name: a.name, email: a.email, state: a.state, parentId });
      for (const ou of this.ous.values()) {
        if (ou.parentId !== parentId) continue;
        ous.push({ id: ou.id, name: ou.name, parentId });
        visit(ou.id);
      }
    };
    if (this.root) visit(this.root.id);
    return {
      callerAccountId: this.callerAccountId,
      organization: this.organization,
      root: this.root,
      ous,
      accounts,
      budgets: [...this.budgetsOf(this.callerAccountId).values()].map((b) => toLiveBudget(b, true)),
    };
  }

  // ------------------------------------------------------------------ AwsPort: reads

  getCallerAccountId(): Promise<string> {
    return this.call('getCallerAccountId', [], () => this.callerAccountId);
  }

  describeOrganization(): Promise<LiveOrganization | null> {
    return this.call('describeOrganization', [], () => this.organization);
  }

  listRoots(): Promise<readonly LiveRoot[]> {
    return this.call('listRoots', [], () => {
      this.requireOrganization('ListRoots');
      return this.root ? [{ ...this.root }] : [];
    });
  }

  listOrganizationalUnitsForParent(parentId: string): Promise<readonly OuSummary[]> {
    return this.call('listOrganizationalUnitsForParent', [parentId], () => {
      this.requireParent('ListOrganizationalUnitsForParent', parentId, 'ParentNotFoundException');
      return [...this.ous.values()].filter((ou) => ou.parentId === parentId).map((ou) => ({ id: ou.id, name: ou.name }));
    });
  }

  listAccountsForParent(parentId: string): Promise<readonly AccountSummary[]> {
    return this.call('listAccountsForParent', [parentId], () => {
      this.requireParent('ListAccountsForParent', parentId, 'ParentNotFoundException');
      return [...this.accounts.values()].filter((a) => a.parentId === parentId).map((a) => ({ id: a.id, name: a.name, email: a.email, state: a.state }));
    });
  }

  describeBudgets(accountId: string): Promise<readonly BudgetSummary[]> {
    return this.call('describeBudgets', [accountId], () =>
      [...this.budgetsOf(accountId).values()].map((b) => ({ name: b.name, budgetType: b.budgetType, amount: b.amount, unit: b.unit, timeUnit: b.timeUnit })),
    );
  }

  describeBudgetNotificationsForAccount(accountId: string): Promise<readonly BudgetNotifications[]> {
    return this.call('describeBudgetNotificationsForAccount', [accountId], () =>
      [...this.budgetsOf(accountId).values()]
        .filter((b) => b.notifications.length > 0)
        .map((b) => ({ budgetName: b.name, notifications: b.notifications.map((n) => ({ ...n.key })) })),
    );
  }

  describeSubscribersForNotification(accountId: string, budgetName: string, notification: NotificationKey): Promise<readonly Subscriber[]> {
    return this.call('describeSubscribersForNotification', [accountId, budgetName, notification], () => {
      const found = this.requireNotification('DescribeSubscribersForNotification', accountId, budgetName, notification);
      return found.subscribers.map((s) => ({ ...s }));
    });
  }

  listBudgetTags(accountId: string, budgetName: string): Promise<Readonly<Record<string, string>>> {
    return this.call('listBudgetTags', [accountId, budgetName], () => ({ ...this.requireBudget('ListTagsForResource', accountId, budgetName).tags }));
  }

  listPolicies(policyType: PolicyType): Promise<readonly PolicySummary[]> {
    return this.call('listPolicies', [policyType], () => {
      this.requireManagementCaller('ListPolicies');
      const managed = policyType === 'SERVICE_CONTROL_POLICY' && this.scpsAvailable() ? [FULL_AWS_ACCESS] : [];
      return [...managed, ...[...this.policies.values()].filter((p) => p.type === policyType)].map((p) => ({ ...p }));
    });
  }

  listTargetsForPolicy(policyId: string): Promise<readonly PolicyTarget[]> {
    return this.call('listTargetsForPolicy', [policyId], () => {
      const op = 'ListTargetsForPolicy';
      this.requireManagementCaller(op);
      if (policyId === FULL_AWS_ACCESS.id && this.scpsAvailable()) return this.allTargetIds().map((id) => this.targetOf(id));
      const targets = this.attachments.get(policyId);
      if (!targets) throw awsError(op, 'notFound', 'PolicyNotFoundException', `We can't find a policy with the PolicyId ${policyId}.`);
      return targets.filter((id) => this.targetExists(id)).map((id) => this.targetOf(id));
    });
  }

  listResourceTags(resourceId: string): Promise<Readonly<Record<string, string>>> {
    return this.call('listResourceTags', [resourceId], () => {
      const op = 'ListTagsForResource';
      this.requireManagementCaller(op);
      if (!this.targetExists(resourceId) && !this.policies.has(resourceId)) throw awsError(op, 'notFound', 'TargetNotFoundException', `We can't find a resource with the ResourceId ${resourceId}.`);
      return { ...(this.resourceTags.get(resourceId) ?? {}) };
    });
  }

  // ------------------------------------------------------------------ AwsPort: Organizations writes

  createOrganization(featureSet: FeatureSet): Promise<LiveOrganization> {
    return this.call('createOrganization', [featureSet], () => {
      if (this.organization) throw awsError('CreateOrganization', 'alreadyExists', 'AlreadyInOrganizationException', 'This account is already a member of an organization.');
      return this.seedOrganization({ featureSet }).organization;
    });
  }

  createOrganizationalUnit(parentId: string, name: string): Promise<OuSummary> {
    return this.call('createOrganizationalUnit', [parentId, name], () => {
      this.requireManagementCaller('CreateOrganizationalUnit');
      const ou = this.doCreateOu(parentId, name);
      return { id: ou.id, name: ou.name };
    });
  }

  renameOrganizationalUnit(ouId: string, name: string): Promise<void> {
    return this.call('renameOrganizationalUnit', [ouId, name], () => {
      this.requireManagementCaller('UpdateOrganizationalUnit');
      const ou = this.requireOu('UpdateOrganizationalUnit', ouId);
      checkOuName('UpdateOrganizationalUnit', name);
      if (this.siblingNamed(ou.parentId, name, ou.id)) throw awsError('UpdateOrganizationalUnit', 'alreadyExists', 'DuplicateOrganizationalUnitException', 'An OU with the same name already exists.');
      ou.name = name;
    });
  }

  deleteOrganizationalUnit(ouId: string): Promise<void> {
    return this.call('deleteOrganizationalUnit', [ouId], () => {
      this.requireManagementCaller('DeleteOrganizationalUnit');
      this.requireOu('DeleteOrganizationalUnit', ouId);
      const hasChildren = [...this.ous.values()].some((o) => o.parentId === ouId) || [...this.accounts.values()].some((a) => a.parentId === ouId);
      if (hasChildren) throw awsError('DeleteOrganizationalUnit', 'constraint', 'OrganizationalUnitNotEmptyException', 'The specified OU is not empty. Move all accounts to another root or OU and delete all child OUs, then try the operation again.');
      this.ous.delete(ouId);
    });
  }

  moveAccount(accountId: string, sourceParentId: string, destinationParentId: string): Promise<void> {
    return this.call('moveAccount', [accountId, sourceParentId, destinationParentId], () => {
      const op = 'MoveAccount';
      this.requireManagementCaller(op);
      const account = this.accounts.get(accountId);
      if (!account) throw awsError(op, 'notFound', 'AccountNotFoundException', `We can't find an account with the AccountId ${accountId}.`);
      if (!this.parentExists(sourceParentId)) throw awsError(op, 'notFound', 'SourceParentNotFoundException', `We can't find a source root or OU with the ParentId ${sourceParentId}.`);
      if (!this.parentExists(destinationParentId)) throw awsError(op, 'notFound', 'DestinationParentNotFoundException', `We can't find a destination root or OU with the ParentId ${destinationParentId}.`);
      if (account.parentId === destinationParentId) throw awsError(op, 'alreadyExists', 'DuplicateAccountException', 'That account is already present in the specified destination.');
      if (account.parentId !== sourceParentId) throw awsError(op, 'notFound', 'AccountNotFoundException', `Account ${accountId} is not in ${sourceParentId}.`);
      account.parentId = destinationParentId;
    });
  }

  // ------------------------------------------------------------------ AwsPort: Budgets writes

  createBudget(accountId: string, budget: BudgetSpec, tags: Readonly<Record<string, string>>): Promise<void> {
    return this.call('createBudget', [accountId, budget, tags], () => {
      const op = 'CreateBudget';
      const budgets = this.budgetsOf(accountId);
      if (budgets.has(budget.name)) throw awsError(op, 'alreadyExists', 'DuplicateRecordException', `Error creating budget: ${budget.name} - the budget already exists.`);
      if (budget.notifications.length > MAX_NOTIFICATIONS) throw awsError(op, 'constraint', 'CreationLimitExceededException', 'You have exceeded the notification limit.');
      const notifications: FakeNotification[] = [];
      for (const n of budget.notifications) {
        if (notifications.some((m) => sameKey(m.key, n))) throw awsError(op, 'alreadyExists', 'DuplicateRecordException', 'Duplicate notification.');
        checkSubscribers(op, n.subscribers);
        notifications.push({ key: keyOf(n), subscribers: n.subscribers.map((s) => ({ ...s })) });
      }
      budgets.set(budget.name, { name: budget.name, budgetType: 'COST', amount: budget.amount, unit: budget.unit, timeUnit: budget.timeUnit, notifications, tags: { ...tags } });
    });
  }

  updateBudget(accountId: string, budget: BudgetLimitSpec): Promise<void> {
    return this.call('updateBudget', [accountId, budget], () => {
      const found = this.requireBudget('UpdateBudget', accountId, budget.name);
      found.budgetType = 'COST';
      found.amount = budget.amount;
      found.unit = budget.unit;
      found.timeUnit = budget.timeUnit;
    });
  }

  deleteBudget(accountId: string, budgetName: string): Promise<void> {
    return this.call('deleteBudget', [accountId, budgetName], () => {
      this.requireBudget('DeleteBudget', accountId, budgetName);
      this.budgetsOf(accountId).delete(budgetName);
    });
  }

  createNotification(accountId: string, budgetName: string, notification: NotificationKey, subscribers: readonly Subscriber[]): Promise<void> {
    return this.call('createNotification', [accountId, budgetName, notification, subscribers], () => {
      const op = 'CreateNotification';
      const budget = this.requireBudget(op, accountId, budgetName);
      if (budget.notifications.some((n) => sameKey(n.key, notification))) throw awsError(op, 'alreadyExists', 'DuplicateRecordException', 'The notification already exists.');
      if (budget.notifications.length >= MAX_NOTIFICATIONS) throw awsError(op, 'constraint', 'CreationLimitExceededException', 'You have exceeded the notification limit.');
      checkSubscribers(op, subscribers);
      budget.notifications.push({ key: keyOf(notification), subscribers: subscribers.map((s) => ({ ...s })) });
    });
  }

  updateNotification(accountId: string, budgetName: string, oldNotification: NotificationKey, newNotification: NotificationKey): Promise<void> {
    return this.call('updateNotification', [accountId, budgetName, oldNotification, newNotification], () => {
      const op = 'UpdateNotification';
      const found = this.requireNotification(op, accountId, budgetName, oldNotification);
      const budget = this.requireBudget(op, accountId, budgetName);
      if (!sameKey(oldNotification, newNotification) && budget.notifications.some((n) => sameKey(n.key, newNotification))) {
        throw awsError(op, 'alreadyExists', 'DuplicateRecordException', 'The new notification already exists.');
      }
      found.key = keyOf(newNotification);
    });
  }

  deleteNotification(accountId: string, budgetName: string, notification: NotificationKey): Promise<void> {
    return this.call('deleteNotification', [accountId, budgetName, notification], () => {
      const op = 'DeleteNotification';
      const found = this.requireNotification(op, accountId, budgetName, notification);
      const budget = this.requireBudget(op, accountId, budgetName);
      budget.notifications = budget.notifications.filter((n) => n !== found);
    });
  }

  createSubscriber(accountId: string, budgetName: string, notification: NotificationKey, subscriber: Subscriber): Promise<void> {
    return this.call('createSubscriber', [accountId, budgetName, notification, subscriber], () => {
      const op = 'CreateSubscriber';
      const found = this.requireNotification(op, accountId, budgetName, notification);
      if (found.subscribers.some((s) => sameSubscriber(s, subscriber))) throw awsError(op, 'alreadyExists', 'DuplicateRecordException', 'The subscriber already exists.');
      checkSubscribers(op, [...found.subscribers, subscriber]);
      found.subscribers.push({ ...subscriber });
    });
  }

  deleteSubscriber(accountId: string, budgetName: string, notification: NotificationKey, subscriber: Subscriber): Promise<void> {
    return this.call('deleteSubscriber', [accountId, budgetName, notification, subscriber], () => {
      const op = 'DeleteSubscriber';
      const found = this.requireNotification(op, accountId, budgetName, notification);
      if (!found.subscribers.some((s) => sameSubscriber(s, subscriber))) throw awsError(op, 'notFound', 'NotFoundException', 'The subscriber does not exist.');
      found.subscribers = found.subscribers.filter((s) => !sameSubscriber(s, subscriber));
      // AWS: deleting the last subscriber of a notification deletes the notification too.
      if (found.subscribers.length === 0) {
        const budget = this.requireBudget(op, accountId, budgetName);
        budget.notifications = budget.notifications.filter((n) => n !== found);
      }
    });
  }

  // ------------------------------------------------------------------ AwsPort: root-credential audit

  getRootCredentialSummary(): Promise<RootCredentialSummary> {
    return this.call('getRootCredentialSummary', [], () => ({ ...this.security.root }));
  }

  listOrganizationsFeatures(): Promise<OrganizationsFeatures> {
    return this.call('listOrganizationsFeatures', [], () => {
      const op = 'ListOrganizationsFeatures';
      const organization = this.organization;
      if (!organization) throw awsError(op, 'notFound', 'OrganizationNotFoundException', 'The request failed because your account is not a member of an organization.');
      if (organization.managementAccountId !== this.callerAccountId) {
        throw awsError(op, 'other', 'AccountNotManagementOrDelegatedAdministratorException', 'The request was rejected because the account is not the management account or delegated administrator.');
      }
      if (organization.featureSet !== 'ALL') throw awsError(op, 'other', 'OrganizationNotInAllFeaturesModeException', 'The organization does not have all features enabled.');
      if (!this.security.trustedAccessForIam) throw awsError(op, 'other', 'ServiceAccessNotEnabledException', 'Trusted access is not enabled for IAM in AWS Organizations.');
      return { organizationId: organization.id, enabledFeatures: [...this.security.features] };
    });
  }

  listMfaDevices(userName: string): Promise<readonly MfaDevice[]> {
    return this.call('listMfaDevices', [userName], () => this.requireIamUser('ListMFADevices', userName).mfaDevices.map((d) => ({ ...d })));
  }

  listAccessKeys(userName: string): Promise<readonly AccessKeyMetadata[]> {
    return this.call('listAccessKeys', [userName], () => this.requireIamUser('ListAccessKeys', userName).accessKeys.map((k) => ({ ...k })));
  }

  listIdentityCenterInstances(region: string): Promise<readonly IdentityCenterInstance[]> {
    return this.call('listIdentityCenterInstances', [region], () => (this.security.identityCenter.get(region) ?? []).map((i) => ({ ...i })));
  }

  getAlternateContact(type: AlternateContactType): Promise<AlternateContactSpec | null> {
    return this.call('getAlternateContact', [type], () => {
      const contact = this.security.contacts.get(type);
      return contact ? { ...contact } : null;
    });
  }

  putAlternateContact(contact: AlternateContactSpec): Promise<void> {
    return this.call('putAlternateContact', [contact], () => {
      this.security.contacts.set(contact.type, { ...contact });
    });
  }

  // ------------------------------------------------------------------ internals

  /** One port call: recorded per attempt, injected failures first, then the real work; retried like production. */
  private call<T>(method: keyof typeof PORT_OPERATIONS, args: readonly unknown[], act: () => T): Promise<T> {
    const { service, operation } = PORT_OPERATIONS[method];
    return this.run(service, operation, async () => {
      for (const listener of this.listeners.get(operation) ?? []) listener(args);
      const injected = this.takeFailure(operation, args);
      if (injected) {
        this.calls.push({ operation, args, failedWith: injected.kind });
        throw injectedError(service, operation, injected.kind, injected.details);
      }
      try {
        const result = act();
        this.calls.push({ operation, args });
        return result;
      } catch (error) {
        this.calls.push(error instanceof AwsCallError ? { operation, args, failedWith: error.kind } : { operation, args });
        throw error;
      }
    });
  }

  private takeFailure(operation: string, args: readonly unknown[]): { kind: AwsErrorKind; details: InjectedFailure } | undefined {
    const queue = this.failures.get(operation);
    const entry = queue?.find((f) => f.remaining > 0 && (f.details.when === undefined || f.details.when(args)));
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry;
  }

  private buildOrganization(managementAccountId: string, featureSet: FeatureSet, email: string): LiveOrganization {
    if (this.organization) throw new Error('organization exists');
    const orgId = `o-${this.randomish(10)}`;
    this.organization = {
      id: orgId,
      arn: `arn:aws:organizations::${managementAccountId}:organization/${orgId}`,
      featureSet,
      managementAccountId,
      managementAccountEmail: email,
    };
    this.root = { id: `r-${this.randomish(4)}`, name: 'Root' };
    return this.organization;
  }

  private doCreateOu(parentId: string, name: string): FakeOu {
    const op = 'CreateOrganizationalUnit';
    this.requireParent(op, parentId, 'ParentNotFoundException');
    checkOuName(op, name);
    if (this.siblingNamed(parentId, name)) throw awsError(op, 'alreadyExists', 'DuplicateOrganizationalUnitException', 'An OU with the same name already exists.');
    if (this.depthOf(parentId) + 1 > MAX_OU_DEPTH) throw awsError(op, 'constraint', 'ConstraintViolationException', 'You have exceeded the maximum depth of nested OUs.', 'OU_DEPTH_LIMIT_EXCEEDED');
    const root = this.root as LiveRoot;
    const ou: FakeOu = { id: `ou-${root.id.slice(2)}-${this.randomish(8)}`, name, parentId };
    this.ous.set(ou.id, ou);
    return ou;
  }

  private depthOf(parentId: string): number {
    let depth = 0;
    for (let id = parentId; id !== this.root?.id; depth++) {
      const ou = this.ous.get(id);
      if (!ou) break;
      id = ou.parentId;
    }
    return depth;
  }

  private siblingNamed(parentId: string, name: string, exceptId?: string): boolean {
    return [...this.ous.values()].some((o) => o.parentId === parentId && o.name === name && o.id !== exceptId);
  }

  private targetExists(id: string): boolean {
    return this.parentExists(id) || this.accounts.has(id);
  }

  private scpsAvailable(): boolean {
    return this.organization?.featureSet === 'ALL';
  }

  /** The root, then OUs and accounts in creation order. */
  private allTargetIds(): string[] {
    return [this.rootIdOrThrow(), ...this.ous.keys(), ...this.accounts.keys()];
  }

  private targetOf(id: string): PolicyTarget {
    if (id === this.root?.id) return { id, type: 'ROOT', name: this.root.name };
    const ou = this.ous.get(id);
    if (ou) return { id, type: 'ORGANIZATIONAL_UNIT', name: ou.name };
    return { id, type: 'ACCOUNT', name: this.accounts.get(id)?.name ?? '' };
  }

  private parentExists(id: string): boolean {
    return id === this.root?.id || this.ous.has(id);
  }

  private requireOrganization(op: string): void {
    if (!this.organization) throw awsError(op, 'notInUse', 'AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  }

  private requireIamUser(op: string, userName: string): { mfaDevices: MfaDevice[]; accessKeys: AccessKeyMetadata[] } {
    const user = this.security.users.get(userName);
    if (!user) throw awsError(op, 'notFound', 'NoSuchEntity', `The user with name ${userName} cannot be found.`);
    return user;
  }

  private requireManagementCaller(op: string): void {
    this.requireOrganization(op);
    if (this.organization?.managementAccountId !== this.callerAccountId) {
      throw awsError(op, 'accessDenied', 'AccessDeniedException', accessDeniedMessage('organizations', op, 'only the management account may call this'));
    }
  }

  private requireParent(op: string, parentId: string, code: string): void {
    this.requireOrganization(op);
    if (!this.parentExists(parentId)) throw awsError(op, 'notFound', code, `We can't find a root or OU with the ParentId ${parentId}.`);
  }

  private requireOu(op: string, ouId: string): FakeOu {
    this.requireOrganization(op);
    const ou = this.ous.get(ouId);
    if (!ou) throw awsError(op, 'notFound', 'OrganizationalUnitNotFoundException', `We can't find an OU with the OrganizationalUnitId ${ouId}.`);
    return ou;
  }

  private requireBudget(op: string, accountId: string, budgetName: string): FakeBudget {
    const budget = this.budgetsOf(accountId).get(budgetName);
    if (!budget) throw awsError(op, 'notFound', 'NotFoundException', `Unable to get budget: ${budgetName} - the budget doesn't exist.`);
    return budget;
  }

  private requireNotification(op: string, accountId: string, budgetName: string, key: NotificationKey): FakeNotification {
    const found = this.requireBudget(op, accountId, budgetName).notifications.find((n) => sameKey(n.key, key));
    if (!found) throw awsError(op, 'notFound', 'NotFoundException', `The notification of budget ${budgetName} does not exist.`);
    return found;
  }

  private budgetsOf(accountId: string): Map<string, FakeBudget> {
    let budgets = this.budgets.get(accountId);
    if (!budgets) {
      budgets = new Map();
      this.budgets.set(accountId, budgets);
    }
    return budgets;
  }

  private rootIdOrThrow(): string {
    if (!this.root) throw new Error('FakeAwsPort: no organization yet (call seedOrganization first)');
    return this.root.id;
  }

  private newAccountId(): string {
    return String(200000000000 + this.nextId++);
  }

  /** Deterministic lowercase IDs, so test output is stable. */
  private randomish(length: number): string {
    return (this.nextId++).toString(36).padStart(length, '0');
  }
}

function toLiveBudget(b: FakeBudget, withTags: boolean): LiveBudget {
  return {
    name: b.name,
    budgetType: b.budgetType,
    amount: b.amount,
    unit: b.unit,
    timeUnit: b.timeUnit,
    notifications: b.notifications.map((n) => ({ ...n.key, subscribers: n.subscribers.map((s) => ({ ...s })) })),
    ...(withTags ? { tags: { ...b.tags } } : {}),
  };
}

function keyOf(n: NotificationKey): NotificationKey {
  return { type: n.type, comparison: n.comparison, threshold: n.threshold, thresholdType: n.thresholdType };
}

function sameKey(a: NotificationKey, b: NotificationKey): boolean {
  return a.type === b.type && a.comparison === b.comparison && a.threshold === b.threshold && a.thresholdType === b.thresholdType;
}

function sameSubscriber(a: Subscriber, b: Subscriber): boolean {
  return a.type === b.type && a.address === b.address;
}

function checkOuName(op: string, name: string): void {
  if (name.length < 1 || name.length > 128) throw awsError(op, 'invalidInput', 'InvalidInputException', 'The OU name must be 1 to 128 characters.', name.length < 1 ? 'MIN_LENGTH_EXCEEDED' : 'MAX_LENGTH_EXCEEDED');
}

function checkSubscribers(op: string, subscribers: readonly Subscriber[]): void {
  if (subscribers.length < 1) throw awsError(op, 'invalidInput', 'InvalidParameterException', 'A notification needs at least one subscriber.');
  if (subscribers.length > MAX_SUBSCRIBERS) throw awsError(op, 'constraint', 'CreationLimitExceededException', 'You have exceeded the subscriber limit.');
  if (subscribers.filter((s) => s.type === 'SNS').length > 1) throw awsError(op, 'constraint', 'CreationLimitExceededException', 'one notification can only have 1 subscribers with type of SNS');
}

function awsError(operation: string, kind: AwsErrorKind, code: string, message: string, reason?: string): AwsCallError {
  return new AwsCallError(operation, kind, code, message, reason);
}

const DEFAULT_CODES: Record<AwsErrorKind, string> = {
  throttled: 'TooManyRequestsException',
  concurrentModification: 'ConcurrentModificationException',
  transient: 'ServiceException',
  notInUse: 'AWSOrganizationsNotInUseException',
  accessDenied: 'AccessDeniedException',
  alreadyExists: 'DuplicateRecordException',
  notFound: 'NotFoundException',
  constraint: 'ConstraintViolationException',
  invalidInput: 'InvalidInputException',
  other: 'UnknownError',
};

function injectedError(service: AwsServiceName, operation: string, kind: AwsErrorKind, details: InjectedFailure): AwsCallError {
  const code = details.code ?? (kind === 'throttled' && service === 'budgets' ? 'ThrottlingException' : DEFAULT_CODES[kind]);
  const message = details.message ?? (kind === 'accessDenied' ? accessDeniedMessage(service, operation) : `injected ${code}`);
  return new AwsCallError(operation, kind, code, message, details.reason);
}
