// The production AwsPort: AWS SDK v3 clients behind our interface. Every call goes through the
// call runner (per-operation pacing → attempt counted → send → classify → retry), and every List or
// Describe follows NextToken to the end with the largest page size AWS allows.

import {
  CreateBudgetCommand,
  CreateNotificationCommand,
  CreateSubscriberCommand,
  DeleteBudgetCommand,
  DeleteNotificationCommand,
  DeleteSubscriberCommand,
  DescribeBudgetNotificationsForAccountCommand,
  DescribeBudgetsCommand,
  DescribeSubscribersForNotificationCommand,
  ListTagsForResourceCommand,
  UpdateBudgetCommand,
  UpdateNotificationCommand,
} from '@aws-sdk/client-budgets';
import {
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  DeleteOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTagsForResourceCommand as ListOrganizationsTagsCommand,
  ListTargetsForPolicyCommand,
  MoveAccountCommand,
  UpdateOrganizationalUnitCommand,
} from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { FeatureSet, NotificationKey, Subscriber } from '../../model/desired.js';
import type { LiveOrganization, LiveRoot } from '../../model/live.js';
import type { BudgetLimitSpec, BudgetSpec } from '../../model/plan.js';
import type {
  AccessKeyMetadata,
  AlternateContactSpec,
  AlternateContactType,
  IdentityCenterInstance,
  MfaDevice,
  OrganizationsFeatures,
  RootCredentialSummary,
} from '../../model/security.js';
import { CallStatsRecorder } from '../call-stats.js';
import { createCallRunner, type CallRunner } from '../call-runner.js';
import { AwsCallError, isAwsCallError } from '../errors.js';
import type { AwsServiceName } from '../operations.js';
import { PAGE_SIZES } from '../page-sizes.js';
import { Pacer, SYSTEM_CLOCK } from '../pacer.js';
import type { AccountSummary, AwsPort, BudgetNotifications, BudgetSummary, CallStats, OuSummary, PolicySummary, PolicyTarget, PolicyType } from '../port.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry.js';
import type { AwsTimeouts } from '../timeouts.js';
import { classifyError } from './classify-error.js';
import { createClients, type SdkClients, type StaticCredentials } from './clients.js';
import { collectPages } from './paginate.js';
import {
  budgetArn,
  formatAmount,
  fromNotificationKey,
  fromSubscriber,
  toAccountSummary,
  toBudgetSummary,
  toNotificationKey,
  toOrganization,
  toOuSummary,
  toPolicySummary,
  toPolicyTarget,
  toRoot,
  toSubscriber,
} from './shapes.js';
import { toAccessKeyMetadata, toAlternateContact, toIdentityCenterInstance, toMfaDevice, toOrganizationsFeatures, toRootCredentialSummary } from './security-shapes.js';

const ORGANIZATIONS_PAGE_SIZE = PAGE_SIZES.organizations;
const BUDGETS_PAGE_SIZE = PAGE_SIZES.budgets;
const SUBSCRIBERS_PAGE_SIZE = PAGE_SIZES.subscribers;
/** IAM List* MaxItems: 1..1000. */
const IAM_PAGE_SIZE = 1000;
/** SSO Admin ListInstances MaxResults: 1..100. */
const SSO_ADMIN_PAGE_SIZE = 100;

export interface SdkPortOptions {
  /** Multiplies every published rate and burst (benchmarks against a time-scaled emulator). Default 1. */
  readonly rateScale?: number;
  /** Caps attempts per call for every retryable kind (1 turns retries off). Default: DEFAULT_RETRY_POLICY. */
  readonly maxAttempts?: number;
  /** Full control over backoff; maxAttempts, when given, overrides its attempt counts. */
  readonly retryPolicy?: RetryPolicy;
  /** Injected time and randomness (tests). Milliseconds. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Tests: one endpoint for Organizations, Budgets and STS. Production: the SDK's AWS_ENDPOINT_URL* variables. */
  readonly endpoint?: string;
  /** Tests: static credentials. Production: the SDK's default chain (AWS_PROFILE, env, SSO, role...). */
  readonly credentials?: StaticCredentials;
  /** STS region; default AWS_REGION, else us-east-1. Organizations and Budgets always use us-east-1. */
  readonly stsRegion?: string;
  /** Connect and request timeouts of every request. Default: DEFAULT_AWS_TIMEOUTS; the shells read ORGCTL_*_TIMEOUT_MS. */
  readonly timeouts?: AwsTimeouts;
}

export type SdkPort = AwsPort & {
  /** Calls made since creation or the last resetStats(), retries included. */
  stats(): CallStats;
  resetStats(): void;
  /** Closes the clients' sockets. */
  destroy(): void;
};

export function createSdkPort(options: SdkPortOptions = {}): SdkPort {
  return SdkAwsPort.create(options);
}

function policyFrom(options: SdkPortOptions): RetryPolicy {
  const base = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const max = options.maxAttempts;
  if (max === undefined) return base;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxAttempts must be a whole number ≥ 1, got ${max}`);
  return { throttled: { ...base.throttled, maxAttempts: max }, other: { ...base.other, maxAttempts: Math.min(base.other.maxAttempts, max) } };
}

class SdkAwsPort implements SdkPort {
  private readonly recorder = new CallStatsRecorder();
  private readonly run: CallRunner;

  private constructor(
    private readonly clients: SdkClients,
    options: SdkPortOptions,
  ) {
    const clock = { now: options.now ?? SYSTEM_CLOCK.now, sleep: options.sleep ?? SYSTEM_CLOCK.sleep };
    this.run = createCallRunner({
      stats: this.recorder,
      pacer: new Pacer({ clock, scale: options.rateScale ?? 1 }),
      sleep: clock.sleep,
      random: options.random ?? Math.random,
      retryPolicy: policyFrom(options),
    });
  }

  static create(options: SdkPortOptions): SdkAwsPort {
    return new SdkAwsPort(
      createClients({
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
        ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
        ...(options.stsRegion !== undefined ? { stsRegion: options.stsRegion } : {}),
        ...(options.timeouts !== undefined ? { timeouts: options.timeouts } : {}),
      }),
      options,
    );
  }

  stats(): CallStats {
    return this.recorder.snapshot();
  }

  resetStats(): void {
    this.recorder.reset();
  }

  destroy(): void {
    this.clients.destroy();
  }

  /** One paced, counted, classified, retried request. */
  private call<T>(service: AwsServiceName, operation: string, send: () => Promise<T>): Promise<T> {
    return this.run(service, operation, async () => {
      try {
        return await send();
      } catch (error) {
        throw classifyError(error, service, operation);
      }
    });
  }

  // ------------------------------------------------------------------ reads

  async getCallerAccountId(): Promise<string> {
    const out = await this.call('sts', 'GetCallerIdentity', () => this.clients.sts.send(new GetCallerIdentityCommand({})));
    if (!out.Account) throw new AwsCallError('GetCallerIdentity', 'other', 'MissingAccount', 'the response named no account');
    return out.Account;
  }

  async describeOrganization(): Promise<LiveOrganization | null> {
    try {
      const out = await this.call('organizations', 'DescribeOrganization', () => this.clients.organizations.send(new DescribeOrganizationCommand({})));
      return out.Organization ? toOrganization(out.Organization) : null;
    } catch (error) {
      if (isAwsCallError(error, 'notInUse')) return null;
      throw error;
    }
  }

  async listRoots(): Promise<readonly LiveRoot[]> {
    const op = 'ListRoots';
    const roots = await collectPages(op, async (NextToken) => {
      const out = await this.call('organizations', op, () => this.clients.organizations.send(new ListRootsCommand({ MaxResults: ORGANIZATIONS_PAGE_SIZE, NextToken })));
      return { items: out.Roots, nextToken: out.NextToken };
    });
    return roots.map(toRoot);
  }

  async listOrganizationalUnitsForParent(parentId: string): Promise<readonly OuSummary[]> {
    const op = 'ListOrganizationalUnitsForParent';
    const ous = await collectPages(op, async (NextToken) => {
      const out = await this.call('organizations', op, () =>
        this.clients.organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, MaxResults: ORGANIZATIONS_PAGE_SIZE, NextToken })),
      );
      return { items: out.OrganizationalUnits, nextToken: out.NextToken };
    });
    return ous.map(toOuSummary);
  }

  async listAccountsForParent(parentId: string): Promise<readonly AccountSummary[]> {
    const op = 'ListAccountsForParent';
    const accounts = await collectPages(op, async (NextToken) => {
      const out = await this.call('organizations', op, () =>
        this.clients.organizations.send(new ListAccountsForParentCommand({ ParentId: parentId, MaxResults: ORGANIZATIONS_PAGE_SIZE, NextToken })),
      );
      return { items: out.Accounts, nextToken: out.NextToken };
    });
    return accounts.map(toAccountSummary);
  }

  async describeBudgets(accountId: string): Promise<readonly BudgetSummary[]> {
    const op = 'DescribeBudgets';
    const budgets = await collectPages(op, async (NextToken) => {
      const out = await this.call('budgets', op, () => this.clients.budgets.send(new DescribeBudgetsCommand({ AccountId: accountId, MaxResults: BUDGETS_PAGE_SIZE, NextToken })));
      return { items: out.Budgets, nextToken: out.NextToken };
    });
    return budgets.map(toBudgetSummary);
  }

  async describeBudgetNotificationsForAccount(accountId: string): Promise<readonly BudgetNotifications[]> {
    const op = 'DescribeBudgetNotificationsForAccount';
    const entries = await collectPages(op, async (NextToken) => {
      const out = await this.call('budgets', op, () =>
        this.clients.budgets.send(new DescribeBudgetNotificationsForAccountCommand({ AccountId: accountId, MaxResults: BUDGETS_PAGE_SIZE, NextToken })),
      );
      return { items: out.BudgetNotificationsForAccount, nextToken: out.NextToken };
    });
    return entries.map((e) => ({ budgetName: e.BudgetName ?? '', notifications: (e.Notifications ?? []).map(toNotificationKey) }));
  }

  async describeSubscribersForNotification(accountId: string, budgetName: string, notification: NotificationKey): Promise<readonly Subscriber[]> {
    const op = 'DescribeSubscribersForNotification';
    const subscribers = await collectPages(op, async (NextToken) => {
      const out = await this.call('budgets', op, () =>
        this.clients.budgets.send(
          new DescribeSubscribersForNotificationCommand({
            AccountId: accountId,
            BudgetName: budgetName,
            Notification: fromNotificationKey(notification),
            MaxResults: SUBSCRIBERS_PAGE_SIZE,
            NextToken,
          }),
        ),
      );
      return { items: out.Subscribers, nextToken: out.NextToken };
    });
    return subscribers.map(toSubscriber);
  }

  async listBudgetTags(accountId: string, budgetName: string): Promise<Readonly<Record<string, string>>> {
    const out = await this.call('budgets', 'ListTagsForResource', () =>
      this.clients.budgets.send(new ListTagsForResourceCommand({ ResourceARN: budgetArn(accountId, budgetName) })),
    );
    return Object.fromEntries((out.ResourceTags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  }

  async listPolicies(policyType: PolicyType): Promise<readonly PolicySummary[]> {
    const op = 'ListPolicies';
    const policies = await collectPages(op, async (NextToken) => {
      const out = await this.call('organizations', op, () =>
        this.clients.organizations.send(new ListPoliciesCommand({ Filter: policyType, MaxResults: ORGANIZATIONS_PAGE_SIZE, NextToken })),
      );
      return { items: out.Policies, nextToken: out.NextToken };
    });
    return policies.map((p) => toPolicySummary(p, policyType));
  }

  async listTargetsForPolicy(policyId: string): Promise<readonly PolicyTarget[]> {
    const op = 'ListTargetsForPolicy';
    const targets = await collectPages(op, async (NextToken) => {
      const out = await this.call('organizations', op, () =>
        this.clients.organizations.send(new ListTargetsForPolicyCommand({ PolicyId: policyId, MaxResults: ORGANIZATIONS_PAGE_SIZE, NextToken })),
      );
      return { items: out.Targets, nextToken: out.NextToken };
    });
    return targets.map(toPolicyTarget);
  }

  async listResourceTags(resourceId: string): Promise<Readonly<Record<string, string>>> {
    const op = 'ListTagsForResource';
    // No MaxResults on this operation: AWS picks the page size.
    const tags = await collectPages(op, async (NextToken) => {
      const out = await this.call('organizations', op, () => this.clients.organizations.send(new ListOrganizationsTagsCommand({ ResourceId: resourceId, NextToken })));
      return { items: out.Tags, nextToken: out.NextToken };
    });
    return Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
  }

  // ------------------------------------------------------------------ Organizations writes

  async createOrganization(featureSet: FeatureSet): Promise<LiveOrganization> {
    const out = await this.call('organizations', 'CreateOrganization', () => this.clients.organizations.send(new CreateOrganizationCommand({ FeatureSet: featureSet })));
    if (!out.Organization) throw new AwsCallError('CreateOrganization', 'other', 'MissingOrganization', 'the response described no organization');
    return toOrganization(out.Organization);
  }

  async createOrganizationalUnit(parentId: string, name: string): Promise<OuSummary> {
    const out = await this.call('organizations', 'CreateOrganizationalUnit', () =>
      this.clients.organizations.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name })),
    );
    if (!out.OrganizationalUnit) throw new AwsCallError('CreateOrganizationalUnit', 'other', 'MissingOrganizationalUnit', 'the response described no OU');
    return toOuSummary(out.OrganizationalUnit);
  }

  async renameOrganizationalUnit(ouId: string, name: string): Promise<void> {
    await this.call('organizations', 'UpdateOrganizationalUnit', () =>
      this.clients.organizations.send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: ouId, Name: name })),
    );
  }

  async deleteOrganizationalUnit(ouId: string): Promise<void> {
    await this.call('organizations', 'DeleteOrganizationalUnit', () => this.clients.organizations.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: ouId })));
  }

  async moveAccount(accountId: string, sourceParentId: string, destinationParentId: string): Promise<void> {
    await this.call('organizations', 'MoveAccount', () =>
      this.clients.organizations.send(new MoveAccountCommand({ AccountId: accountId, SourceParentId: sourceParentId, DestinationParentId: destinationParentId })),
    );
  }

  // ------------------------------------------------------------------ Budgets writes

  async createBudget(accountId: string, budget: BudgetSpec, tags: Readonly<Record<string, string>>): Promise<void> {
    const resourceTags = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
    await this.call('budgets', 'CreateBudget', () =>
      this.clients.budgets.send(
        new CreateBudgetCommand({
          AccountId: accountId,
          // CostTypes, TimePeriod: AWS's defaults.
          Budget: { BudgetName: budget.name, BudgetType: 'COST', BudgetLimit: { Amount: formatAmount(budget.amount), Unit: budget.unit }, TimeUnit: budget.timeUnit },
          NotificationsWithSubscribers: budget.notifications.map((n) => ({ Notification: fromNotificationKey(n), Subscribers: n.subscribers.map(fromSubscriber) })),
          ...(resourceTags.length > 0 ? { ResourceTags: resourceTags } : {}),
        }),
      ),
    );
  }

  async updateBudget(accountId: string, budget: BudgetLimitSpec): Promise<void> {
    await this.call('budgets', 'UpdateBudget', () =>
      this.clients.budgets.send(
        new UpdateBudgetCommand({
          AccountId: accountId,
          NewBudget: { BudgetName: budget.name, BudgetType: 'COST', BudgetLimit: { Amount: formatAmount(budget.amount), Unit: budget.unit }, TimeUnit: budget.timeUnit },
        }),
      ),
    );
  }

  async deleteBudget(accountId: string, budgetName: string): Promise<void> {
    await this.call('budgets', 'DeleteBudget', () => this.clients.budgets.send(new DeleteBudgetCommand({ AccountId: accountId, BudgetName: budgetName })));
  }

  async createNotification(accountId: string, budgetName: string, notification: NotificationKey, subscribers: readonly Subscriber[]): Promise<void> {
    await this.call('budgets', 'CreateNotification', () =>
      this.clients.budgets.send(
        new CreateNotificationCommand({ AccountId: accountId, BudgetName: budgetName, Notification: fromNotificationKey(notification), Subscribers: subscribers.map(fromSubscriber) }),
      ),
    );
  }

  async updateNotification(accountId: string, budgetName: string, oldNotification: NotificationKey, newNotification: NotificationKey): Promise<void> {
    await this.call('budgets', 'UpdateNotification', () =>
      this.clients.budgets.send(
        new UpdateNotificationCommand({
          AccountId: accountId,
          BudgetName: budgetName,
          OldNotification: fromNotificationKey(oldNotification),
          NewNotification: fromNotificationKey(newNotification),
        }),
      ),
    );
  }

  async deleteNotification(accountId: string, budgetName: string, notification: NotificationKey): Promise<void> {
    await this.call('budgets', 'DeleteNotification', () =>
      this.clients.budgets.send(new DeleteNotificationCommand({ AccountId: accountId, BudgetName: budgetName, Notification: fromNotificationKey(notification) })),
    );
  }

  async createSubscriber(accountId: string, budgetName: string, notification: NotificationKey, subscriber: Subscriber): Promise<void> {
    await this.call('budgets', 'CreateSubscriber', () =>
      this.clients.budgets.send(
        new CreateSubscriberCommand({ AccountId: accountId, BudgetName: budgetName, Notification: fromNotificationKey(notification), Subscriber: fromSubscriber(subscriber) }),
      ),
    );
  }

  async deleteSubscriber(accountId: string, budgetName: string, notification: NotificationKey, subscriber: Subscriber): Promise<void> {
    await this.call('budgets', 'DeleteSubscriber', () =>
      this.clients.budgets.send(
        new DeleteSubscriberCommand({ AccountId: accountId, BudgetName: budgetName, Notification: fromNotificationKey(notification), Subscriber: fromSubscriber(subscriber) }),
      ),
    );
  }

  // ------------------------------------------------------------------ root-credential audit

  async getRootCredentialSummary(): Promise<RootCredentialSummary> {
    const { iam, sdk } = await this.clients.security();
    const out = await this.call('iam', 'GetAccountSummary', () => iam.send(new sdk.GetAccountSummaryCommand({})));
    return toRootCredentialSummary(out.SummaryMap);
  }

  async listOrganizationsFeatures(): Promise<OrganizationsFeatures> {
    const { iam, sdk } = await this.clients.security();
    const out = await this.call('iam', 'ListOrganizationsFeatures', () => iam.send(new sdk.ListOrganizationsFeaturesCommand({})));
    return { organizationId: out.OrganizationId ?? '', enabledFeatures: toOrganizationsFeatures(out.EnabledFeatures) };
  }

  async listMfaDevices(userName: string): Promise<readonly MfaDevice[]> {
    const op = 'ListMFADevices';
    const { iam, sdk } = await this.clients.security();
    // IAM pages with Marker while IsTruncated.
    const devices = await collectPages(op, async (Marker) => {
      const out = await this.call('iam', op, () => iam.send(new sdk.ListMFADevicesCommand({ UserName: userName, MaxItems: IAM_PAGE_SIZE, Marker })));
      return { items: out.MFADevices, nextToken: out.IsTruncated ? out.Marker : undefined };
    });
    return devices.map(toMfaDevice);
  }

  async listAccessKeys(userName: string): Promise<readonly AccessKeyMetadata[]> {
    const op = 'ListAccessKeys';
    const { iam, sdk } = await this.clients.security();
    const keys = await collectPages(op, async (Marker) => {
      const out = await this.call('iam', op, () => iam.send(new sdk.ListAccessKeysCommand({ UserName: userName, MaxItems: IAM_PAGE_SIZE, Marker })));
      return { items: out.AccessKeyMetadata, nextToken: out.IsTruncated ? out.Marker : undefined };
    });
    return keys.map(toAccessKeyMetadata);
  }

  async listIdentityCenterInstances(region: string): Promise<readonly IdentityCenterInstance[]> {
    const op = 'ListInstances';
    const security = await this.clients.security();
    const instances = await collectPages(op, async (NextToken) => {
      const out = await this.call('sso-admin', op, () => security.ssoAdmin(region).send(new security.sdk.ListInstancesCommand({ MaxResults: SSO_ADMIN_PAGE_SIZE, NextToken })));
      return { items: out.Instances, nextToken: out.NextToken };
    });
    return instances.map(toIdentityCenterInstance);
  }

  async getAlternateContact(type: AlternateContactType): Promise<AlternateContactSpec | null> {
    const { account, sdk } = await this.clients.security();
    try {
      // No AccountId: the caller's own account (the management account may not name itself).
      const out = await this.call('account', 'GetAlternateContact', () => account.send(new sdk.GetAlternateContactCommand({ AlternateContactType: type })));
      return out.AlternateContact ? toAlternateContact(out.AlternateContact, type) : null;
    } catch (error) {
      // ResourceNotFoundException: this contact type is not set.
      if (isAwsCallError(error, 'notFound')) return null;
      throw error;
    }
  }

  async putAlternateContact(contact: AlternateContactSpec): Promise<void> {
    const { account, sdk } = await this.clients.security();
    await this.call('account', 'PutAlternateContact', () =>
      account.send(
        new sdk.PutAlternateContactCommand({ AlternateContactType: contact.type, Name: contact.name, Title: contact.title, EmailAddress: contact.email, PhoneNumber: contact.phone }),
      ),
    );
  }
}
