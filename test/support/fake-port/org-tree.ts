// The fake's organization: the tree (root, OUs, accounts), policies, attachments and tags, with the
// rules AWS enforces on them (aws-facts.md §2.4): sibling-unique OU names, OU depth ≤ 5, missing
// parents/OUs/accounts, Organizations calls only from the management account.

import { accessDeniedMessage } from '../../../src/aws/operations.js';
import type { PolicySummary, PolicyTarget, PolicyType } from '../../../src/aws/port.js';
import type { FeatureSet } from '../../../src/model/desired.js';
import type { AccountState, LiveOrg, LiveOrganization, LiveRoot } from '../../../src/model/live.js';
import { childPath, ROOT_PATH } from '../../../src/model/paths.js';
import { awsError } from './errors.js';

export interface SeedAccount {
  readonly id?: string;
  readonly name: string;
  readonly email?: string;
  readonly state?: AccountState;
  /** Default: the root. */
  readonly parentId?: string;
}

export interface SeedPolicy {
  readonly id?: string;
  readonly name: string;
  /** Default SERVICE_CONTROL_POLICY. */
  readonly type?: PolicyType;
  readonly description?: string;
  readonly content?: string;
}

export interface SeedOrganization {
  readonly managementAccountId?: string;
  readonly featureSet?: FeatureSet;
  readonly managementEmail?: string;
  readonly managementName?: string;
}

/** The AWS-managed SCP every root, OU and account has while SCPs are available (feature set ALL). */
export const FULL_AWS_ACCESS: PolicySummary = { id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', awsManaged: true };
/** The AWS-managed RCP attached to every root, OU and account while RCPs are enabled; it cannot be detached. */
export const RCP_FULL_AWS_ACCESS: PolicySummary = { id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess', type: 'RESOURCE_CONTROL_POLICY', awsManaged: true };
export const MANAGED_POLICIES: readonly PolicySummary[] = [FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS];
const MANAGED_CONTENT: Readonly<Record<string, string>> = {
  [FULL_AWS_ACCESS.id]: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
  [RCP_FULL_AWS_ACCESS.id]: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
};

export interface FakeOu {
  readonly id: string;
  name: string;
  readonly parentId: string;
}

export interface FakeAccount {
  readonly id: string;
  name: string;
  readonly email: string;
  state: AccountState;
  parentId: string;
}

const MAX_OU_DEPTH = 5;

export class FakeOrgTree {
  organization: LiveOrganization | null = null;
  root: LiveRoot | null = null;
  readonly ous = new Map<string, FakeOu>();
  readonly accounts = new Map<string, FakeAccount>();
  readonly policies = new Map<string, PolicySummary>();
  /** Customer policy ID → attached target IDs, in attach order. */
  readonly attachments = new Map<string, string[]>();
  readonly resourceTags = new Map<string, Record<string, string>>();
  /** Policy types enabled on the root (SCPs from the start in an ALL-features organization). */
  readonly enabledPolicyTypes = new Set<PolicyType>();
  /** Customer policy ID → its description and content. */
  readonly policyContent = new Map<string, { description: string; content: string }>();
  /** AWS-managed policy ID → the targets it was detached from (it is attached everywhere else while its type is enabled). */
  readonly managedDetached = new Map<string, Set<string>>();
  private nextId = 1;

  /** The account the fake's "credentials" belong to. */
  constructor(public callerAccountId: string) {}

  // ------------------------------------------------------------------ seeding

  seedOrganization(options: SeedOrganization = {}): { organization: LiveOrganization; rootId: string } {
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

  seedAccount(account: SeedAccount): string {
    const id = account.id ?? this.newAccountId();
    const parentId = account.parentId ?? this.rootIdOrThrow();
    if (!this.parentExists(parentId)) throw new Error(`seedAccount: no parent ${parentId}`);
    if (this.accounts.has(id)) throw new Error(`seedAccount: account ${id} exists`);
    this.accounts.set(id, { id, name: account.name, email: account.email ?? `${account.name.replace(/\W/g, '')}+${id}@example.com`, state: account.state ?? 'ACTIVE', parentId });
    return id;
  }

  seedPolicy(policy: SeedPolicy): string {
    this.rootIdOrThrow();
    const id = policy.id ?? `p-${this.randomish(8)}`;
    if (this.policies.has(id) || MANAGED_POLICIES.some((m) => m.id === id)) throw new Error(`seedPolicy: policy ${id} exists`);
    this.policies.set(id, { id, name: policy.name, type: policy.type ?? 'SERVICE_CONTROL_POLICY', awsManaged: false, ...(policy.description !== undefined ? { description: policy.description } : {}) });
    this.policyContent.set(id, { description: policy.description ?? '', content: policy.content ?? '{"Version":"2012-10-17","Statement":[]}' });
    this.attachments.set(id, []);
    return id;
  }

  seedAttachment(policyId: string, targetId: string): void {
    const targets = this.attachments.get(policyId);
    if (!targets) throw new Error(`seedAttachment: no customer policy ${policyId}`);
    if (!this.targetExists(targetId)) throw new Error(`seedAttachment: no target ${targetId}`);
    if (targets.includes(targetId)) throw new Error(`seedAttachment: ${policyId} is already attached to ${targetId}`);
    targets.push(targetId);
  }

  seedTags(resourceId: string, tags: Readonly<Record<string, string>>): void {
    if (!this.targetExists(resourceId) && !this.policies.has(resourceId)) throw new Error(`seedTags: no resource ${resourceId}`);
    this.resourceTags.set(resourceId, { ...(this.resourceTags.get(resourceId) ?? {}), ...tags });
  }

  // ------------------------------------------------------------------ someone else's changes (no checks)

  removeOuOutOfBand(ouId: string): void {
    if (!this.ous.delete(ouId)) throw new Error(`removeOuOutOfBand: no OU ${ouId}`);
  }

  moveAccountOutOfBand(accountId: string, parentId: string): void {
    const account = this.accounts.get(accountId);
    if (!account || !this.parentExists(parentId)) throw new Error(`moveAccountOutOfBand: no account ${accountId} or parent ${parentId}`);
    account.parentId = parentId;
  }

  // ------------------------------------------------------------------ queries

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

  /** The OUs and accounts in read order: each parent's accounts, then its OUs depth-first. */
  liveTree(): Pick<LiveOrg, 'ous' | 'accounts'> {
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
    return { ous, accounts };
  }

  rootIdOrThrow(): string {
    if (!this.root) throw new Error('FakeAwsPort: no organization yet (call seedOrganization first)');
    return this.root.id;
  }

  // ------------------------------------------------------------------ rules (used by the Organizations and IAM fakes)

  createOu(parentId: string, name: string): FakeOu {
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

  siblingNamed(parentId: string, name: string, exceptId?: string): boolean {
    return [...this.ous.values()].some((o) => o.parentId === parentId && o.name === name && o.id !== exceptId);
  }

  targetExists(id: string): boolean {
    return this.parentExists(id) || this.accounts.has(id);
  }

  scpsAvailable(): boolean {
    return this.organization?.featureSet === 'ALL' && this.enabledPolicyTypes.has('SERVICE_CONTROL_POLICY');
  }

  /** The AWS-managed policies whose type is enabled. */
  managedPolicies(): PolicySummary[] {
    return MANAGED_POLICIES.filter((p) => this.organization?.featureSet === 'ALL' && this.enabledPolicyTypes.has(p.type));
  }

  managedContent(policyId: string): string | undefined {
    return MANAGED_CONTENT[policyId];
  }

  /** Where a policy (customer or AWS-managed) is attached directly. */
  targetsOfPolicy(policyId: string): string[] | undefined {
    const managed = this.managedPolicies().find((p) => p.id === policyId);
    if (managed) {
      const detached = this.managedDetached.get(policyId) ?? new Set<string>();
      return this.allTargetIds().filter((id) => !detached.has(id));
    }
    return this.attachments.get(policyId)?.filter((id) => this.targetExists(id));
  }

  /** Policies of a type attached directly to a target. */
  attachedCount(targetId: string, type: PolicyType): number {
    const all = [...this.managedPolicies(), ...this.policies.values()].filter((p) => p.type === type);
    return all.filter((p) => this.targetsOfPolicy(p.id)?.includes(targetId)).length;
  }

  /** The root, then OUs and accounts in creation order. */
  allTargetIds(): string[] {
    return [this.rootIdOrThrow(), ...this.ous.keys(), ...this.accounts.keys()];
  }

  targetOf(id: string): PolicyTarget {
    if (id === this.root?.id) return { id, type: 'ROOT', name: this.root.name };
    const ou = this.ous.get(id);
    if (ou) return { id, type: 'ORGANIZATIONAL_UNIT', name: ou.name };
    return { id, type: 'ACCOUNT', name: this.accounts.get(id)?.name ?? '' };
  }

  parentExists(id: string): boolean {
    return id === this.root?.id || this.ous.has(id);
  }

  requireOrganization(op: string): void {
    if (!this.organization) throw awsError(op, 'notInUse', 'AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  }

  requireManagementCaller(op: string): void {
    this.requireOrganization(op);
    if (this.organization?.managementAccountId !== this.callerAccountId) {
      throw awsError(op, 'accessDenied', 'AccessDeniedException', accessDeniedMessage('organizations', op, 'only the management account may call this'));
    }
  }

  requireParent(op: string, parentId: string, code: string): void {
    this.requireOrganization(op);
    if (!this.parentExists(parentId)) throw awsError(op, 'notFound', code, `We can't find a root or OU with the ParentId ${parentId}.`);
  }

  requireOu(op: string, ouId: string): FakeOu {
    this.requireOrganization(op);
    const ou = this.ous.get(ouId);
    if (!ou) throw awsError(op, 'notFound', 'OrganizationalUnitNotFoundException', `We can't find an OU with the OrganizationalUnitId ${ouId}.`);
    return ou;
  }

  // ------------------------------------------------------------------ internals

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
    if (featureSet === 'ALL') this.enabledPolicyTypes.add('SERVICE_CONTROL_POLICY');
    return this.organization;
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

  private newAccountId(): string {
    return String(200000000000 + this.nextId++);
  }

  /** Deterministic lowercase IDs, so test output is stable. */
  private randomish(length: number): string {
    return (this.nextId++).toString(36).padStart(length, '0');
  }
}

export function checkOuName(op: string, name: string): void {
  if (name.length < 1 || name.length > 128) throw awsError(op, 'invalidInput', 'InvalidInputException', 'The OU name must be 1 to 128 characters.', name.length < 1 ? 'MIN_LENGTH_EXCEEDED' : 'MAX_LENGTH_EXCEEDED');
}
