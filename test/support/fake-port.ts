// FakeAwsPort: an in-memory AWS Organizations + Budgets behind the AwsPort interface, for reader,
// apply and CLI-core tests. One fake per service (fake-port/organizations.ts, budgets.ts, iam.ts,
// sso-admin.ts, account.ts, sts.ts) over shared state (fake-port/org-tree.ts, budget-store.ts,
// fake-security.ts), composed here. It really mutates an organization tree and budgets and enforces the AWS
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
// (fake-port/calls.ts, with instant sleeps), so injected throttling and ConcurrentModification are
// retried exactly as in production and show up in stats().
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

import type { AwsErrorKind } from '../../src/aws/errors.js';
import type { PortOperation } from '../../src/aws/operations.js';
import type { AwsPort, CallStats } from '../../src/aws/port.js';
import type { LivePolicies, LiveBudget, LiveOrg, LiveOrganization } from '../../src/model/live.js';
import { FakeAccessAnalyzer, fakeAccessAnalyzer } from './fake-port/access-analyzer.js';
import { fakeAccount } from './fake-port/account.js';
import { FakeBudgetStore, type SeedBudget } from './fake-port/budget-store.js';
import { fakeBudgets } from './fake-port/budgets.js';
import { FakeCallLog, type FakeCall, type FakeCallOptions } from './fake-port/calls.js';
import type { InjectedFailure } from './fake-port/errors.js';
import { fakeIam } from './fake-port/iam.js';
import { FakeAccountLifecycle } from './fake-port/account-lifecycle.js';
import { FakeOrgTree, type SeedAccount, type SeedOrganization, type SeedPolicy } from './fake-port/org-tree.js';
import { fakeOrganizations } from './fake-port/organizations.js';
import { fakeServiceAccess, FakeServiceAccessState } from './fake-port/service-access.js';
import { fakeSsoAdmin } from './fake-port/sso-admin.js';
import { FakePermissionSetStore, fakeSsoAdminPermissionSets } from './fake-port/sso-admin-permission-sets.js';
import { fakeIdentityCenterAccess, FakeIdentityCenterAccess } from './fake-port/identity-center-access.js';
import { fakeSts } from './fake-port/sts.js';
import { FakeSecurity } from './fake-security.js';

export type { SeedBudget } from './fake-port/budget-store.js';
export type { FakeCall } from './fake-port/calls.js';
export type { InjectedFailure } from './fake-port/errors.js';
export type { SeedAccount, SeedPolicy } from './fake-port/org-tree.js';

export interface FakeAwsPortOptions extends FakeCallOptions {
  /** The account the fake's "credentials" belong to. */
  readonly callerAccountId?: string;
}

// The port methods are the service fakes' (assigned in the constructor), so FakeAwsPort is an AwsPort.
export interface FakeAwsPort extends AwsPort {}

export class FakeAwsPort {
  static readonly MANAGEMENT_ACCOUNT_ID = '111111111111';

  /** The caller account's root user, IAM users, Identity Center and alternate contacts (the audit's calls). */
  readonly security = new FakeSecurity();
  /** What ValidatePolicy answers (`findingsFor`). */
  readonly accessAnalyzer = new FakeAccessAnalyzer();
  /** Identity Center permission set names, identity store groups and users, account assignments. */
  readonly identityCenterAccess = new FakeIdentityCenterAccess(this.security.permissionSets);
  private readonly tree: FakeOrgTree;
  /** Account creation requests, closures and renames (the test may set failures, polls and the closure quota). */
  readonly accountLifecycle: FakeAccountLifecycle;
  private readonly budgetStore = new FakeBudgetStore();
  private readonly serviceAccess = new FakeServiceAccessState();
  private readonly log: FakeCallLog;
  /** Identity Center permission sets, by ARN (seed with `permissionSets.seed(instanceArn, { name })`). */
  readonly permissionSets: FakePermissionSetStore = this.security.permissionSets;

  constructor(options: FakeAwsPortOptions = {}) {
    this.tree = new FakeOrgTree(options.callerAccountId ?? FakeAwsPort.MANAGEMENT_ACCOUNT_ID);
    this.log = new FakeCallLog(options);
    this.accountLifecycle = new FakeAccountLifecycle(this.tree);
    const call = this.log.call;
    const port: AwsPort = {
      ...fakeOrganizations(this.tree, call, this.accountLifecycle),
      ...fakeBudgets(this.budgetStore, call),
      ...fakeIam(this.tree, this.security, call),
      ...fakeSsoAdmin(this.security, call),
      ...fakeAccount(this.security, call, this.accountLifecycle),
      ...fakeSts(this.tree, call),
      ...fakeServiceAccess(this.tree, this.serviceAccess, call),
      ...fakeAccessAnalyzer(this.accessAnalyzer, call),
      ...fakeSsoAdminPermissionSets(this.permissionSets, call),
      ...fakeIdentityCenterAccess(this.identityCenterAccess, call),
    };
    Object.assign(this, port);
  }

  /** Every attempt, in order, retries included. */
  get calls(): FakeCall[] {
    return this.log.calls;
  }

  /** The account the fake's "credentials" belong to; tests may switch it. */
  get callerAccountId(): string {
    return this.tree.callerAccountId;
  }

  set callerAccountId(accountId: string) {
    this.tree.callerAccountId = accountId;
  }

  // ------------------------------------------------------------------ seeding (not recorded)

  /** Creates the organization as its management account would; the management account joins the root. */
  seedOrganization(options: SeedOrganization = {}): { organization: LiveOrganization; rootId: string } {
    return this.tree.seedOrganization(options);
  }

  /** Adds an OU under `parentId` (root or OU ID) and returns its ID. Checks the same rules as CreateOrganizationalUnit. */
  seedOu(parentId: string, name: string): string {
    return this.tree.createOu(parentId, name).id;
  }

  /** Adds an account (default: in the root, ACTIVE) and returns its ID. */
  seedAccount(account: SeedAccount): string {
    return this.tree.seedAccount(account);
  }

  seedBudget(accountId: string, budget: SeedBudget): void {
    this.budgetStore.seedBudget(accountId, budget);
  }

  /** Adds a customer-managed policy and returns its ID. */
  seedPolicy(policy: SeedPolicy): string {
    return this.tree.seedPolicy(policy);
  }

  /** Attaches a seeded customer policy to a root, OU or account. */
  seedAttachment(policyId: string, targetId: string): void {
    this.tree.seedAttachment(policyId, targetId);
  }

  /** Sets tags on a root, OU, account or policy (Organizations tags; budget tags come with seedBudget). */
  seedTags(resourceId: string, tags: Readonly<Record<string, string>>): void {
    this.tree.seedTags(resourceId, tags);
  }

  /** Gives a service trusted access (EnableAWSServiceAccess without the checks). */
  seedTrustedService(servicePrincipal: string): void {
    this.serviceAccess.enabled.add(servicePrincipal);
  }

  /** Registers an account as a delegated administrator of a service (without the checks). */
  seedDelegatedAdministrator(accountId: string, servicePrincipal: string): void {
    const services = this.serviceAccess.delegations.get(accountId) ?? new Set<string>();
    services.add(servicePrincipal);
    this.serviceAccess.delegations.set(accountId, services);
  }

  // ------------------------------------------------------------------ someone else's changes (not recorded, no checks)

  /** Another administrator deletes an OU (with whatever it holds), e.g. from an onCall listener mid-read. */
  removeOuOutOfBand(ouId: string): void {
    this.tree.removeOuOutOfBand(ouId);
  }

  /** Another administrator moves an account. */
  moveAccountOutOfBand(accountId: string, parentId: string): void {
    this.tree.moveAccountOutOfBand(accountId, parentId);
  }

  /** Another administrator deletes a budget. */
  removeBudgetOutOfBand(accountId: string, budgetName: string): void {
    this.budgetStore.removeBudgetOutOfBand(accountId, budgetName);
  }

  // ------------------------------------------------------------------ fault injection and inspection

  /**
   * The next `times` calls of `operation` fail with `kind` before touching state. Retryable kinds
   * (throttled, concurrentModification, transient) are retried by the port like the SDK adapter does.
   */
  failNext(operation: PortOperation, kind: AwsErrorKind, times = 1, details: InjectedFailure = {}): this {
    this.log.failNext(operation, kind, times, details);
    return this;
  }

  /** Runs `listener` on each attempt of `operation`, before it acts: simulate out-of-band changes. */
  onCall(operation: PortOperation, listener: (args: readonly unknown[]) => void): this {
    this.log.onCall(operation, listener);
    return this;
  }

  callCount(operation?: PortOperation): number {
    return this.log.callCount(operation);
  }

  stats(): CallStats {
    return this.log.stats();
  }

  resetCalls(): void {
    this.log.reset();
  }

  get rootId(): string {
    return this.tree.rootIdOrThrow();
  }

  get organizationOrNull(): LiveOrganization | null {
    return this.tree.organization;
  }

  /** "/Workloads/Prod" → OU ID; "/" → root ID. */
  ouIdByPath(path: string): string | undefined {
    return this.tree.ouIdByPath(path);
  }

  pathOf(parentId: string): string {
    return this.tree.pathOf(parentId);
  }

  parentOf(accountOrOuId: string): string | undefined {
    return this.tree.parentOf(accountOrOuId);
  }

  budget(accountId: string, name: string): LiveBudget | undefined {
    return this.budgetStore.budget(accountId, name);
  }

  /** The whole state as a LiveOrg (budgets of the caller's account, tags included); records no calls. */
  liveOrg(): LiveOrg {
    return {
      callerAccountId: this.callerAccountId,
      organization: this.tree.organization,
      root: this.tree.root,
      ...this.tree.liveTree(),
      budgets: this.budgetStore.liveBudgets(this.callerAccountId),
      // Only once something was enabled or registered, so fakes that never touch them read as before.
      ...(this.serviceAccess.enabled.size > 0 && { trustedServices: [...this.serviceAccess.enabled] }),
      ...(this.serviceAccess.delegations.size > 0 && { delegatedAdministrators: this.serviceAccess.delegationList() }),
    };
  }

  /** Every policy (AWS-managed ones of enabled types included) with content, tags and targets; records no calls. */
  livePolicies(): LivePolicies {
    const tree = this.tree;
    const all = [...tree.managedPolicies(), ...tree.policies.values()];
    return {
      enabledTypes: [...tree.enabledPolicyTypes].sort(),
      readTypes: [...new Set(all.map((p) => p.type))].sort(),
      policies: all.map((p) => {
        const detail = tree.policyContent.get(p.id);
        const tags = tree.resourceTags.get(p.id);
        return {
          id: p.id,
          name: p.name,
          type: p.type,
          awsManaged: p.awsManaged,
          description: detail?.description ?? '',
          content: detail?.content ?? tree.managedContent(p.id) ?? '',
          ...(tags ? { tags: { ...tags } } : {}),
          targets: tree.targetsOfPolicy(p.id) ?? [],
        };
      }),
    };
  }
}
