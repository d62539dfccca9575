// A tiny, strict, pure model of AWS Organizations + Budgets that carries out plan steps, for the
// planner's property tests. It enforces what AWS enforces (sibling-unique OU names, empty OUs only
// deleted, MoveAccount from the account's actual parent, one SNS + ten email subscribers, ten
// notifications) and what orgctl promises on top: paths resolve when a step runs, and no subscriber
// removal ever deletes a notification by leaving it empty (alerts never lapse).
// Steps run in a random order that respects dependsOn, as apply's parallel lanes may run them.

import { notificationKeyString, subscriberKeyString } from '../../src/model/addresses.js';
import type { NotificationKey, Subscriber } from '../../src/model/desired.js';
import type { LiveAccount, LiveBudget, LiveOrg, LiveOrganization, LiveOu } from '../../src/model/live.js';
import { MANAGED_BUDGET_TAG } from '../../src/model/live.js';
import { childPath, ROOT_PATH } from '../../src/model/paths.js';
import { assertNever, type NotificationSpec, type Plan, type PlanStep } from '../../src/model/plan.js';
import { ouRef, pathOfParent, ROOT_REF, type TagTarget } from '../../src/model/refs.js';
import type { AlternateContactSpec, AlternateContactType } from '../../src/model/security.js';

const LIMITS = { EMAIL: 10, SNS: 1, notifications: 10 } as const;

interface SimBudget {
  name: string;
  budgetType: string;
  amount: number | null;
  unit: string;
  timeUnit: string;
  tags: Readonly<Record<string, string>> | undefined;
  notifications: Map<string, { key: NotificationKey; subscribers: Map<string, Subscriber> }>;
}

export class SimulationError extends Error {}

export function simulatePlan(live: LiveOrg, plan: Plan, seed: number): LiveOrg {
  const world = new World(live);
  const random = mulberry32(seed);
  const done = new Set<number>();
  const pending = new Set(plan.steps.keys());
  while (pending.size > 0) {
    const ready = [...pending].filter((i) => plan.steps[i]!.dependsOn.every((d) => done.has(d)));
    if (ready.length === 0) throw new SimulationError('no step is ready: dependsOn has a cycle or a dangling index');
    const index = ready[Math.floor(random() * ready.length)]!;
    try {
      world.apply(plan.steps[index]!);
    } catch (error) {
      throw new SimulationError(`step ${index} (${plan.steps[index]!.kind} ${plan.steps[index]!.address}): ${(error as Error).message}`);
    }
    pending.delete(index);
    done.add(index);
  }
  return world.snapshot();
}

class World {
  private organization: LiveOrganization | null;
  private rootId: string | null;
  private readonly ous = new Map<string, LiveOu>();
  private readonly accounts = new Map<string, LiveAccount>();
  private readonly budgets = new Map<string, SimBudget>();
  private readonly contacts = new Map<AlternateContactType, AlternateContactSpec | null>();
  private readonly trusted = new Set<string>();
  /** "principal/accountId" of every delegated administrator. */
  private readonly delegations = new Set<string>();
  /** Tags of the root, OUs and accounts by ID. */
  private readonly resourceTags = new Map<string, Record<string, string>>();
  /** Paths as in the live organization the plan was made from (moveAccount.before.parent). */
  private readonly snapshotPaths = new Map<string, string>();
  /** Accounts createAccount made, by lowercased email (the moves of new accounts name them so). */
  private readonly created = new Map<string, string>();
  private nextId = 1;

  constructor(private readonly live: LiveOrg) {
    this.organization = live.organization;
    this.rootId = live.root?.id ?? null;
    for (const ou of live.ous) this.ous.set(ou.id, ou);
    for (const account of live.accounts) this.accounts.set(account.id, account);
    for (const c of live.alternateContacts ?? []) this.contacts.set(c.type, c.contact);
    for (const principal of live.trustedServices ?? []) this.trusted.add(principal);
    for (const d of live.delegatedAdministrators ?? []) this.delegations.add(`${d.principal}/${d.accountId}`);
    for (const b of live.budgets) {
      this.budgets.set(b.name, {
        name: b.name,
        budgetType: b.budgetType,
        amount: b.amount,
        unit: b.unit,
        timeUnit: b.timeUnit,
        tags: b.tags,
        notifications: new Map(
          b.notifications.map((n) => [
            notificationKeyString(n),
            { key: n, subscribers: new Map(n.subscribers.map((s) => [subscriberKeyString(s), s])) },
          ]),
        ),
      });
    }
    if (this.rootId) this.snapshotPaths.set(ROOT_PATH, this.rootId);
    for (const ou of live.ous) this.snapshotPaths.set(this.pathOf(ou.id), ou.id);
    for (const { target, tags } of live.resourceTags ?? []) {
      if (tags === null || target.type === 'budget' || target.type === 'policy') continue;
      const id = target.type === 'account' ? target.id : target.type === 'root' ? this.rootId : this.snapshotPaths.get(target.path);
      if (id) this.resourceTags.set(id, { ...tags });
    }
  }

  apply(step: PlanStep): void {
    switch (step.kind) {
      case 'createOrganization': {
        check(this.organization === null, 'AlreadyInOrganization');
        const caller = this.live.callerAccountId;
        this.organization = { id: 'o-simulated00', arn: 'arn', featureSet: step.after.featureSet, managementAccountId: caller, managementAccountEmail: 'm@example.com' };
        this.rootId = 'r-simu';
        this.snapshotPaths.set(ROOT_PATH, this.rootId);
        this.accounts.set(caller, { id: caller, name: 'management', email: 'm@example.com', state: 'ACTIVE', parentId: this.rootId });
        return;
      }
      case 'createOrganizationalUnit': {
        const parentId = this.resolve(pathOfParent(step.after.parent));
        this.checkNameFree(parentId, step.after.name);
        const id = `ou-simu-${String(this.nextId++).padStart(8, '0')}`;
        this.ous.set(id, { id, name: step.after.name, parentId });
        if (step.after.tags) this.resourceTags.set(id, { ...step.after.tags });
        check(this.pathOf(id) === step.after.path, `created at ${this.pathOf(id)}, not ${step.after.path}`);
        return;
      }
      case 'renameOrganizationalUnit': {
        const ou = this.ous.get(step.before.id);
        check(ou !== undefined, 'OrganizationalUnitNotFound');
        check(this.resolve(step.before.path) === ou.id, `${step.before.path} is not the OU being renamed`);
        this.checkNameFree(ou.parentId, step.after.name);
        this.ous.set(ou.id, { ...ou, name: step.after.name });
        check(this.pathOf(ou.id) === step.after.path, `renamed to ${this.pathOf(ou.id)}, not ${step.after.path}`);
        return;
      }
      case 'deleteOrganizationalUnit': {
        const ou = this.ous.get(step.before.id);
        check(ou !== undefined, 'OrganizationalUnitNotFound');
        check(this.resolve(step.before.path) === ou.id, `${step.before.path} is not the OU being deleted`);
        check(![...this.ous.values()].some((c) => c.parentId === ou.id), 'OrganizationalUnitNotEmpty (child OUs)');
        check(![...this.accounts.values()].some((a) => a.parentId === ou.id), 'OrganizationalUnitNotEmpty (accounts)');
        this.ous.delete(ou.id);
        return;
      }
      case 'createAccount': {
        check(![...this.accounts.values()].some((a) => a.email.toLowerCase() === step.after.email.toLowerCase()), 'EMAIL_ALREADY_EXISTS');
        const id = String(900000000000 + this.accounts.size);
        this.accounts.set(id, { id, name: step.after.name, email: step.after.email, state: 'ACTIVE', parentId: this.rootId! });
        this.created.set(step.after.email.toLowerCase(), id);
        return;
      }
      case 'renameAccount': {
        const account = this.accounts.get(step.accountId);
        check(account !== undefined && account.state === 'ACTIVE', 'AccountNotFound');
        this.accounts.set(account.id, { ...account, name: step.after.name });
        return;
      }
      case 'closeAccount': {
        const account = this.accounts.get(step.accountId);
        check(account !== undefined, 'AccountNotFound');
        check(account.state === 'ACTIVE', 'AccountAlreadyClosed');
        this.accounts.set(account.id, { ...account, state: 'PENDING_CLOSURE' });
        return;
      }
      case 'moveAccount': {
        const accountId = step.accountId ?? this.created.get(step.account!.email.toLowerCase());
        const account = accountId !== undefined ? this.accounts.get(accountId) : undefined;
        check(account !== undefined, 'AccountNotFound');
        const source = step.accountId === undefined ? (this.rootId ?? undefined) : this.snapshotPaths.get(pathOfParent(step.before.parent));
        check(source !== undefined && source === account.parentId, 'SourceParentNotFound');
        const destination = this.resolve(pathOfParent(step.after.parent));
        check(destination !== source, 'DuplicateAccount');
        this.accounts.set(account.id, { ...account, parentId: destination });
        return;
      }
      case 'createBudget': {
        check(!this.budgets.has(step.after.name), 'DuplicateRecord');
        check(step.after.notifications.length <= LIMITS.notifications, 'CreationLimitExceeded (notifications)');
        const notifications = new Map<string, { key: NotificationKey; subscribers: Map<string, Subscriber> }>();
        for (const n of step.after.notifications) {
          check(!notifications.has(notificationKeyString(n)), 'DuplicateRecord (notification)');
          notifications.set(notificationKeyString(n), { key: keyOf(n), subscribers: subscribersOf(n) });
        }
        const { name, amount, unit, timeUnit } = step.after;
        this.budgets.set(name, { name, amount, unit, timeUnit, budgetType: 'COST', tags: { ...step.after.tags, [MANAGED_BUDGET_TAG.key]: MANAGED_BUDGET_TAG.value }, notifications });
        return;
      }
      case 'updateBudget': {
        const budget = this.budget(step.after.name);
        Object.assign(budget, { amount: step.after.amount, unit: step.after.unit, timeUnit: step.after.timeUnit, budgetType: 'COST' });
        return;
      }
      case 'deleteBudget':
        check(this.budgets.delete(step.before.name), 'NotFound');
        return;
      case 'createNotification': {
        const budget = this.budget(step.budgetName);
        check(budget.notifications.size < LIMITS.notifications, 'CreationLimitExceeded (notifications)');
        check(!budget.notifications.has(notificationKeyString(step.after)), 'DuplicateRecord');
        budget.notifications.set(notificationKeyString(step.after), { key: keyOf(step.after), subscribers: subscribersOf(step.after) });
        return;
      }
      case 'updateNotification': {
        const budget = this.budget(step.budgetName);
        const old = budget.notifications.get(notificationKeyString(step.before));
        check(old !== undefined, 'NotFound');
        check(!budget.notifications.has(notificationKeyString(step.after)), 'DuplicateRecord');
        budget.notifications.delete(notificationKeyString(step.before));
        budget.notifications.set(notificationKeyString(step.after), { key: keyOf(step.after), subscribers: old.subscribers });
        return;
      }
      case 'deleteNotification':
        check(this.budget(step.budgetName).notifications.delete(notificationKeyString(step.before)), 'NotFound');
        return;
      case 'createSubscriber': {
        const subscribers = this.notification(step.budgetName, step.notification);
        check(!subscribers.has(subscriberKeyString(step.after)), 'DuplicateRecord');
        const sameType = [...subscribers.values()].filter((s) => s.type === step.after.type).length;
        check(sameType < LIMITS[step.after.type], `CreationLimitExceeded (${step.after.type})`);
        subscribers.set(subscriberKeyString(step.after), step.after);
        return;
      }
      case 'deleteSubscriber': {
        const subscribers = this.notification(step.budgetName, step.notification);
        check(subscribers.has(subscriberKeyString(step.before)), 'NotFound');
        check(subscribers.size > 1, 'alert lapse: removing the last subscriber deletes the notification');
        subscribers.delete(subscriberKeyString(step.before));
        return;
      }
      case 'tagResource':
      case 'untagResource': {
        const tags = this.tagsOf(step.target);
        if (step.kind === 'tagResource') Object.assign(tags, step.after.tags);
        else for (const key of Object.keys(step.before.tags)) delete tags[key];
        return;
      }
      case 'putAlternateContact':
        check(step.after.email !== '' && step.after.name !== '' && step.after.title !== '' && step.after.phone !== '', 'ValidationException (every field is required)');
        this.contacts.set(step.after.type, step.after);
        return;
      case 'enablePolicyType':
      case 'createPolicy':
      case 'updatePolicy':
      case 'deletePolicy':
      case 'attachPolicy':
      case 'detachPolicy':
        // The generated organizations declare no policies (the policies kind has its own tests).
        check(false, `unexpected policy step ${step.kind}`);
        return;
      case 'createBreakGlassUser':
        // The generated organizations declare no security: section (the break-glass kind has its own tests).
        check(false, `unexpected step ${step.kind}`);
        return;
      case 'enableServiceAccess':
        check(this.organization?.featureSet === 'ALL', 'ConstraintViolation (ORGANIZATION_NOT_IN_ALL_FEATURES_MODE)');
        this.trusted.add(step.after.servicePrincipal);
        return;
      case 'disableServiceAccess': {
        const principal = step.before.servicePrincipal;
        // orgctl's promise: a service's administrators are deregistered before its trusted access goes.
        check(![...this.delegations].some((key) => key.startsWith(`${principal}/`)), `disabled ${principal} while it still has a delegated administrator`);
        this.trusted.delete(principal);
        return;
      }
      case 'registerDelegatedAdministrator': {
        const { servicePrincipal, accountId } = step.after;
        check(this.trusted.has(servicePrincipal), 'ConstraintViolation (SERVICE_ACCESS_NOT_ENABLED)');
        check(this.accounts.has(accountId), 'AccountNotFound');
        check(accountId !== this.organization?.managementAccountId, 'ConstraintViolation (CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR)');
        check(!this.delegations.has(`${servicePrincipal}/${accountId}`), 'AccountAlreadyRegistered');
        this.delegations.add(`${servicePrincipal}/${accountId}`);
        return;
      }
      case 'deregisterDelegatedAdministrator':
        check(this.delegations.delete(`${step.before.servicePrincipal}/${step.before.accountId}`), 'AccountNotRegistered');
        return;
      case 'createPermissionSet':
      case 'updatePermissionSet':
      case 'deletePermissionSet':
      case 'provisionPermissionSet':
      case 'createGroup':
      case 'createAccountAssignment':
      case 'deleteAccountAssignment':
        // The generated organizations declare no identityCenter section (the kind has its own tests).
        check(false, `unexpected Identity Center step ${step.kind}`);
        return;
      default:
        assertNever(step);
    }
  }

  snapshot(): LiveOrg {
    return {
      callerAccountId: this.live.callerAccountId,
      organization: this.organization,
      root: this.rootId ? { id: this.rootId, name: 'Root' } : null,
      ous: [...this.ous.values()],
      accounts: [...this.accounts.values()],
      budgets: [...this.budgets.values()].map(
        (b): LiveBudget => ({
          name: b.name,
          budgetType: b.budgetType,
          amount: b.amount,
          unit: b.unit,
          timeUnit: b.timeUnit,
          notifications: [...b.notifications.values()].map((n) => ({ ...n.key, subscribers: [...n.subscribers.values()] })),
          ...(b.tags && { tags: b.tags }),
        }),
      ),
      ...(this.live.alternateContacts && { alternateContacts: [...this.contacts].map(([type, contact]) => ({ type, contact })) }),
      ...(this.live.trustedServices && { trustedServices: [...this.trusted].sort() }),
      ...(this.live.delegatedAdministrators && {
        delegatedAdministrators: [...this.delegations].sort().map((key) => {
          const slash = key.lastIndexOf('/');
          return { principal: key.slice(0, slash), accountId: key.slice(slash + 1) };
        }),
      }),
      // As a read of every resource's tags would give them (a plan reads only the declared ones).
      ...(this.live.resourceTags && {
        resourceTags: [
          ...(this.rootId ? [{ target: ROOT_REF as TagTarget, tags: { ...this.resourceTags.get(this.rootId) } }] : []),
          ...[...this.ous.keys()].map((id) => ({ target: ouRef(this.pathOf(id)) as TagTarget, tags: { ...this.resourceTags.get(id) } })),
          ...[...this.accounts.keys()].map((id) => ({ target: { type: 'account', id } as TagTarget, tags: { ...this.resourceTags.get(id) } })),
          ...[...this.budgets.values()].map((b) => ({ target: { type: 'budget', name: b.name } as TagTarget, tags: { ...b.tags } })),
        ],
      }),
    };
  }

  /** The tags of a root, OU (by its path in the snapshot the plan was made from), account or budget, to change in place. */
  private tagsOf(target: TagTarget): Record<string, string> {
    if (target.type === 'budget') {
      const budget = this.budget(target.name);
      budget.tags = { ...budget.tags };
      return budget.tags as Record<string, string>;
    }
    check(target.type !== 'policy', 'unexpected policy tags (the generated organizations declare no policies)');
    const id = target.type === 'account' ? target.id : target.type === 'root' ? this.rootId : this.snapshotPaths.get(target.path);
    check(id !== null && id !== undefined && (id === this.rootId || this.ous.has(id) || this.accounts.has(id)), 'TargetNotFound');
    const tags = this.resourceTags.get(id) ?? {};
    this.resourceTags.set(id, tags);
    return tags;
  }

  private budget(name: string): SimBudget {
    const budget = this.budgets.get(name);
    check(budget !== undefined, `NotFound (budget ${name})`);
    return budget;
  }

  private notification(budgetName: string, key: NotificationKey): Map<string, Subscriber> {
    const n = this.budget(budgetName).notifications.get(notificationKeyString(key));
    check(n !== undefined, `NotFound (notification ${notificationKeyString(key)})`);
    return n.subscribers;
  }

  private checkNameFree(parentId: string, name: string): void {
    check(![...this.ous.values()].some((ou) => ou.parentId === parentId && ou.name === name), `DuplicateOrganizationalUnit ${name}`);
  }

  /** The ID at `path` in the organization as it is now. */
  private resolve(path: string): string {
    check(this.rootId !== null, 'no organization');
    const id = path === ROOT_PATH ? this.rootId : [...this.ous.values()].find((ou) => this.pathOf(ou.id) === path)?.id;
    check(id !== undefined, `no OU at ${path} now`);
    return id;
  }

  private pathOf(id: string): string {
    if (id === this.rootId) return ROOT_PATH;
    const ou = this.ous.get(id);
    if (!ou) throw new Error(`dangling parent ${id}`);
    return childPath(this.pathOf(ou.parentId), ou.name);
  }
}

function keyOf(n: NotificationKey): NotificationKey {
  return { type: n.type, comparison: n.comparison, threshold: n.threshold, thresholdType: n.thresholdType };
}

function subscribersOf(n: NotificationSpec): Map<string, Subscriber> {
  check(n.subscribers.length >= 1, 'InvalidParameter: a notification needs a subscriber');
  for (const type of ['EMAIL', 'SNS'] as const) {
    check(n.subscribers.filter((s) => s.type === type).length <= LIMITS[type], `CreationLimitExceeded (${type})`);
  }
  return new Map(n.subscribers.map((s) => [subscriberKeyString(s), s]));
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
