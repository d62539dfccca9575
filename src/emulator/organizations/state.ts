// The organization as the emulator holds it: records plus the indexes that keep every call O(page)
// (children per parent, attachments both ways). Mutators keep the indexes consistent; the API rules
// (who may call, what is refused) live in the handlers.

import {
  DEFAULT_ORGANIZATIONS_QUOTAS,
  MANAGED_POLICIES,
  defaultPolicyFor,
  type AccountRecord,
  type CreateAccountRequestRecord,
  type OrganizationRecord,
  type OrganizationsQuotas,
  type OuRecord,
  type PolicyRecord,
  type PolicyType,
  type RootRecord,
} from './model.js';

interface Children {
  readonly ous: Set<string>;
  readonly accounts: Set<string>;
}

export class OrganizationsState {
  organization: OrganizationRecord | null = null;
  root: RootRecord | null = null;
  readonly ous = new Map<string, OuRecord>();
  readonly accounts = new Map<string, AccountRecord>();
  readonly policies = new Map<string, PolicyRecord>();
  readonly tags = new Map<string, Map<string, string>>();
  readonly createRequests = new Map<string, CreateAccountRequestRecord>();
  /** Emails of AWS accounts outside the organization (lower case): CreateAccount with one FAILS. */
  readonly emailsElsewhere = new Set<string>();
  /** Epoch ms of each CloseAccount request, for the rolling 30-day quota. */
  readonly closureRequests: number[] = [];
  quotas: OrganizationsQuotas = DEFAULT_ORGANIZATIONS_QUOTAS;

  private readonly children = new Map<string, Children>();
  private readonly attachments = new Map<string, Set<string>>();
  private readonly targetsByPolicy = new Map<string, Set<string>>();
  private readonly pendingCreates = new Set<string>();
  private readonly pendingClosures = new Set<string>();

  // ---- organization

  createOrganization(organization: OrganizationRecord, root: RootRecord, management: AccountRecord): void {
    this.organization = organization;
    this.root = root;
    this.children.set(root.id, { ous: new Set(), accounts: new Set() });
    for (const policy of MANAGED_POLICIES) this.policies.set(policy.id, { ...policy });
    this.addAccount({ ...management, parentId: root.id });
    this.attachDefaults(root.id);
  }

  deleteOrganization(): void {
    this.organization = null;
    this.root = null;
    this.ous.clear();
    this.accounts.clear();
    this.policies.clear();
    this.tags.clear();
    this.createRequests.clear();
    this.closureRequests.length = 0;
    this.children.clear();
    this.attachments.clear();
    this.targetsByPolicy.clear();
    this.pendingCreates.clear();
    this.pendingClosures.clear();
  }

  // ---- tree

  isParent(id: string): boolean {
    return id === this.root?.id || this.ous.has(id);
  }

  childOus(parentId: string): readonly string[] {
    return [...(this.children.get(parentId)?.ous ?? [])];
  }

  childAccounts(parentId: string): readonly string[] {
    return [...(this.children.get(parentId)?.accounts ?? [])];
  }

  hasChildren(parentId: string): boolean {
    const c = this.children.get(parentId);
    return c !== undefined && (c.ous.size > 0 || c.accounts.size > 0);
  }

  /** Root = 0, an OU directly under the root = 1, ... */
  depthOf(parentId: string): number {
    let depth = 0;
    let id = parentId;
    for (let ou = this.ous.get(id); ou; ou = this.ous.get(id)) {
      depth += 1;
      id = ou.parentId;
    }
    return depth;
  }

  /** The ancestors' IDs from the root down to `parentId` inclusive. */
  ancestry(parentId: string): string[] {
    const chain: string[] = [];
    let id: string | undefined = parentId;
    while (id !== undefined) {
      chain.unshift(id);
      id = this.ous.get(id)?.parentId;
    }
    return chain;
  }

  /** `o-…/r-…/ou-…/` for a parent; `…/<account>/` for an account. */
  pathOf(id: string): string {
    const org = this.organization?.id ?? '';
    const account = this.accounts.get(id);
    const chain = account ? [...this.ancestry(account.parentId), id] : this.ancestry(id);
    return `${org}/${chain.join('/')}/`;
  }

  addOu(ou: OuRecord): void {
    this.ous.set(ou.id, ou);
    this.children.set(ou.id, { ous: new Set(), accounts: new Set() });
    this.childrenOf(ou.parentId).ous.add(ou.id);
    this.attachDefaults(ou.id);
  }

  removeOu(id: string): void {
    const ou = this.ous.get(id);
    if (!ou) return;
    this.childrenOf(ou.parentId).ous.delete(id);
    this.children.delete(id);
    this.ous.delete(id);
    this.forgetTarget(id);
  }

  addAccount(account: AccountRecord): void {
    this.accounts.set(account.id, account);
    this.childrenOf(account.parentId).accounts.add(account.id);
    this.attachDefaults(account.id);
    if (account.state === 'PENDING_CLOSURE' && account.closesAt !== undefined) this.pendingClosures.add(account.id);
  }

  moveAccount(id: string, destinationId: string): void {
    const account = this.accounts.get(id);
    if (!account) return;
    this.childrenOf(account.parentId).accounts.delete(id);
    account.parentId = destinationId;
    this.childrenOf(destinationId).accounts.add(id);
  }

  private childrenOf(parentId: string): Children {
    let c = this.children.get(parentId);
    if (!c) {
      c = { ous: new Set(), accounts: new Set() };
      this.children.set(parentId, c);
    }
    return c;
  }

  // ---- policies

  attachedPolicies(targetId: string): readonly string[] {
    return [...(this.attachments.get(targetId) ?? [])];
  }

  isAttached(policyId: string, targetId: string): boolean {
    return this.attachments.get(targetId)?.has(policyId) ?? false;
  }

  targetsOf(policyId: string): readonly string[] {
    return [...(this.targetsByPolicy.get(policyId) ?? [])];
  }

  attach(policyId: string, targetId: string): void {
    let policies = this.attachments.get(targetId);
    if (!policies) this.attachments.set(targetId, (policies = new Set()));
    policies.add(policyId);
    let targets = this.targetsByPolicy.get(policyId);
    if (!targets) this.targetsByPolicy.set(policyId, (targets = new Set()));
    targets.add(targetId);
  }

  detach(policyId: string, targetId: string): void {
    this.attachments.get(targetId)?.delete(policyId);
    this.targetsByPolicy.get(policyId)?.delete(targetId);
  }

  /** Number of policies of `type` attached directly to `targetId`. */
  attachedCount(targetId: string, type: PolicyType): number {
    let n = 0;
    for (const id of this.attachments.get(targetId) ?? []) if (this.policies.get(id)?.type === type) n += 1;
    return n;
  }

  /** Every root, OU and account. */
  allTargets(): string[] {
    return [...(this.root ? [this.root.id] : []), ...this.ous.keys(), ...this.accounts.keys()];
  }

  /** Attaches the AWS-managed default policy of every enabled type (FullAWSAccess where SCPs are on). */
  attachDefaults(targetId: string): void {
    for (const type of this.root?.policyTypes ?? []) {
      const policy = defaultPolicyFor(type);
      if (policy) this.attach(policy.id, targetId);
    }
  }

  removePolicy(policyId: string): void {
    for (const target of this.targetsOf(policyId)) this.detach(policyId, target);
    this.targetsByPolicy.delete(policyId);
    this.policies.delete(policyId);
    this.tags.delete(policyId);
  }

  private forgetTarget(targetId: string): void {
    for (const policyId of this.attachments.get(targetId) ?? []) this.targetsByPolicy.get(policyId)?.delete(targetId);
    this.attachments.delete(targetId);
    this.tags.delete(targetId);
  }

  // ---- tags

  tagsOf(resourceId: string): Map<string, string> {
    let tags = this.tags.get(resourceId);
    if (!tags) this.tags.set(resourceId, (tags = new Map()));
    return tags;
  }

  // ---- asynchronous work (CreateAccount, CloseAccount)

  addCreateRequest(request: CreateAccountRequestRecord): void {
    this.createRequests.set(request.id, request);
    if (request.state === 'IN_PROGRESS') this.pendingCreates.add(request.id);
  }

  inProgressCreates(): number {
    return this.pendingCreates.size;
  }

  inProgressClosures(): number {
    return this.pendingClosures.size;
  }

  startClosure(accountId: string, closesAt: number): void {
    const account = this.accounts.get(accountId);
    if (!account) return;
    account.state = 'PENDING_CLOSURE';
    account.closesAt = closesAt;
    this.pendingClosures.add(accountId);
  }

  /** Completes the asynchronous work whose time has come. Called before every operation. */
  advance(now: number): void {
    for (const id of this.pendingCreates) {
      const request = this.createRequests.get(id);
      if (!request || request.completesAt > now) continue;
      this.pendingCreates.delete(id);
      this.completeCreate(request);
    }
    for (const id of this.pendingClosures) {
      const account = this.accounts.get(id);
      if (!account || account.closesAt === undefined || account.closesAt > now) continue;
      this.pendingClosures.delete(id);
      account.state = 'CLOSED';
      delete account.closesAt;
    }
  }

  private completeCreate(request: CreateAccountRequestRecord): void {
    const root = this.root;
    const emailTaken =
      this.emailsElsewhere.has(request.email.toLowerCase()) || [...this.accounts.values()].some((a) => a.email.toLowerCase() === request.email.toLowerCase());
    if (!root || emailTaken || this.accounts.has(request.accountId)) {
      request.state = 'FAILED';
      request.failureReason = 'EMAIL_ALREADY_EXISTS';
      return;
    }
    request.state = 'SUCCEEDED';
    this.addAccount({
      id: request.accountId,
      name: request.accountName,
      email: request.email,
      state: 'ACTIVE',
      joinedMethod: 'CREATED',
      joinedTimestamp: request.completesAt / 1000,
      parentId: root.id,
    });
    if (request.tags.length > 0) {
      const tags = this.tagsOf(request.accountId);
      for (const [key, value] of request.tags) tags.set(key, value);
    }
  }
}
