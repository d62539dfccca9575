// The live organization a plan was made from, as an emulator snapshot: the rehearsal's starting world.
// Same IDs as in AWS, so the plan's references resolve in the emulator exactly as they would in AWS.

import type { EmulatorQuotas, EmulatorSnapshot, SnapshotAlternateContact, SnapshotBudget, SnapshotIamUser, SnapshotOrganization } from '../emulator/index.js';
import { SNAPSHOT_FORMAT_VERSION } from '../emulator/index.js';
import type { LiveBudget, LiveOrg } from '../model/live.js';
import { indexLiveTree } from '../planner/live-tree.js';

/**
 * The account quota is adjustable per organization and none of the plan's reads tell it, so the
 * rehearsal does not check it (a refusal there would be a guess). OUs per organization (2,000) and
 * budgets per account (20,000) are fixed, and stay the emulator's defaults.
 */
const UNKNOWN_ACCOUNT_QUOTA = 1_000_000;

export function snapshotOfLive(live: LiveOrg): EmulatorSnapshot {
  const quotas: Partial<EmulatorQuotas> = { maxAccounts: UNKNOWN_ACCOUNT_QUOTA };
  const tags = tagsById(live);
  const budgets = live.budgets.map((b) => snapshotBudget(live.callerAccountId, b, tags.budgets.get(b.name)));
  const alternateContacts: SnapshotAlternateContact[] = [
    ...(live.alternateContacts ?? []).map((c) => ({ ...c, accountId: live.callerAccountId })),
    // Members' contacts (security.memberAlternateContacts, or an account entry's own), as read.
    ...(live.memberAlternateContacts ?? []),
  ].flatMap((c) => (c.contact ? [{ accountId: c.accountId, type: c.type, name: c.contact.name, title: c.contact.title, email: c.contact.email, phone: c.contact.phone }] : []));
  // The break-glass users the plan read (those with create: true that exist), so the rehearsal's re-plan finds them.
  const users: SnapshotIamUser[] = (live.breakGlassUsers ?? []).flatMap((u) =>
    u.user ? [{ accountId: live.callerAccountId, userName: u.name, tags: u.user.tags, ...(u.user.attachedPolicies && { attachedPolicies: u.user.attachedPolicies }) }] : [],
  );
  const base = { formatVersion: SNAPSHOT_FORMAT_VERSION, accountId: live.callerAccountId, budgets, quotas, alternateContacts, ...(users.length > 0 && { iam: { users } }), ...identityCenterOf(live) } as const;
  const org = live.organization;
  if (!org || !live.root) return { ...base, organization: null };
  return {
    ...base,
    organization: {
      id: org.id,
      featureSet: org.featureSet,
      managementAccountId: org.managementAccountId,
      organizationalUnits: live.ous.map((ou) => ({ id: ou.id, name: ou.name, parentId: ou.parentId, ...withTags(tags.nodes.get(ou.id)) })),
      accounts: live.accounts.map((a) => ({ id: a.id, name: a.name, email: a.email, parentId: a.parentId, state: a.state, ...withTags(tags.nodes.get(a.id)) })),
      ...snapshotPolicies(live, tags.nodes.get(live.root.id)),
      ...snapshotServiceAccess(live),
    },
  };
}

/** The AWS-managed policies the emulator has itself (they are never in a snapshot's `policies`). */
const EMULATOR_MANAGED_POLICY_IDS = new Set(['p-FullAWSAccess', 'p-RCPFullAWSAccess']);

/**
 * The root's policy types, the customer policies and every target's attachments, as read. Without a
 * policies read (org.yaml uses none) only the root's types as ListRoots gave them: the emulator's
 * defaults then attach each type's AWS-managed policy everywhere, which no step of such a plan touches.
 * A policy whose content was not read (one org.yaml neither declares nor may delete) gets a placeholder
 * document: the plan has no step that reads or changes it.
 */
function snapshotPolicies(live: LiveOrg, rootTags: Tags | undefined): Pick<SnapshotOrganization, 'policies' | 'policyAttachments'> & { root: SnapshotOrganization['root'] } {
  const root = live.root!;
  const read = live.policies;
  const typesFromRoot = root.policyTypes?.filter((t) => t.status === 'ENABLED' || t.status === 'PENDING_ENABLE').map((t) => t.type);
  const policyTypes = (read?.enabledTypes ?? typesFromRoot) as SnapshotOrganization['root']['policyTypes'];
  const rootSnapshot = { id: root.id, name: root.name, ...(policyTypes ? { policyTypes } : {}), ...withTags(rootTags) };
  if (!read) return { root: rootSnapshot };
  const customer = read.policies.filter((p) => !p.awsManaged);
  const copied = read.policies.filter((p) => !p.awsManaged || EMULATOR_MANAGED_POLICY_IDS.has(p.id));
  const attachments: Record<string, string[]> = {};
  // Every target is listed (an empty list too), so the emulator's defaults never add what AWS does not have.
  for (const id of [root.id, ...live.ous.map((ou) => ou.id), ...live.accounts.map((a) => a.id)]) attachments[id] = [];
  for (const policy of copied) for (const target of policy.targets) attachments[target]?.push(policy.id);
  return {
    root: rootSnapshot,
    policies: customer.map((p) => ({ id: p.id, name: p.name, description: p.description, type: p.type, content: p.content ?? '{}', ...(p.tags ? { tags: p.tags } : {}) })),
    policyAttachments: attachments,
  };
}

type Tags = Readonly<Record<string, string>>;

/**
 * The tags the plan read (only the resources whose `tags:` org.yaml declares), by root/OU/account ID and
 * by budget name, so tag steps meet the same starting tags in the rehearsal as in AWS.
 */
function tagsById(live: LiveOrg): { nodes: Map<string, Tags>; budgets: Map<string, Tags> } {
  const nodes = new Map<string, Tags>();
  const budgets = new Map<string, Tags>();
  const tree = indexLiveTree(live);
  for (const { target, tags } of live.resourceTags ?? []) {
    if (!tags) continue;
    if (target.type === 'root' && live.root) nodes.set(live.root.id, tags);
    else if (target.type === 'ou') {
      const ou = tree.ouByPath.get(target.path);
      if (ou) nodes.set(ou.id, tags);
    } else if (target.type === 'account' && 'id' in target) nodes.set(target.id, tags);
    else if (target.type === 'budget') budgets.set(target.name, tags);
  }
  return { nodes, budgets };
}

function withTags(tags: Tags | undefined): { tags?: Tags } {
  return tags && Object.keys(tags).length > 0 ? { tags } : {};
}

/** Trusted access and delegated administrators as read (only when org.yaml manages them). */
function snapshotServiceAccess(live: LiveOrg): Pick<SnapshotOrganization, 'trustedServices' | 'delegatedAdministrators'> {
  const delegated: Record<string, string[]> = {};
  for (const d of live.delegatedAdministrators ?? []) (delegated[d.accountId] ??= []).push(d.principal);
  return {
    ...(live.trustedServices && { trustedServices: live.trustedServices }),
    ...(live.delegatedAdministrators && { delegatedAdministrators: delegated }),
  };
}

function snapshotBudget(accountId: string, b: LiveBudget, readTags: Tags | undefined): SnapshotBudget {
  return {
    accountId,
    budget: {
      BudgetName: b.name,
      BudgetType: b.budgetType,
      TimeUnit: b.timeUnit,
      ...(b.amount === null ? {} : { BudgetLimit: { Amount: String(b.amount), Unit: b.unit } }),
    },
    notifications: b.notifications.map((n) => ({
      Notification: { NotificationType: n.type, ComparisonOperator: n.comparison, Threshold: n.threshold, ThresholdType: n.thresholdType },
      Subscribers: n.subscribers.map((s) => ({ SubscriptionType: s.type, Address: s.address })),
    })),
    ...withTags(b.tags ?? readTags),
  };
}

/**
 * The Identity Center instance, its permission sets, the groups and users org.yaml names (those the plan
 * found) and their assignments, when the plan read them (org.yaml has `identityCenter:`).
 */
function identityCenterOf(live: LiveOrg): Pick<EmulatorSnapshot, 'identityCenterInstances' | 'identityCenterPermissionSets'> {
  const read = live.identityCenterPermissionSets;
  if (!read?.instance) return {};
  const { region, instanceArn } = read.instance;
  const access = live.identityCenterAccess?.instance?.instanceArn === instanceArn ? live.identityCenterAccess : undefined;
  const found = (access?.principals ?? []).flatMap((p) => (p.id === null ? [] : [{ ...p, id: p.id }]));
  const groups = found.filter((p) => p.type === 'GROUP').map((p) => ({ groupId: p.id, displayName: p.name }));
  const users = found.filter((p) => p.type === 'USER').map((p) => ({ userId: p.id, userName: p.name }));
  const assignmentsOf = (arn: string) =>
    (access?.assignments ?? []).filter((a) => a.permissionSetArn === arn).map((a) => ({ accountId: a.accountId, principalType: a.principalType, principalId: a.principalId }));
  return {
    identityCenterInstances: [
      {
        ownerAccountId: live.callerAccountId,
        region,
        instanceArn,
        ...(access?.instance && { identityStoreId: access.instance.identityStoreId }),
        ...(groups.length > 0 && { groups }),
        ...(users.length > 0 && { users }),
      },
    ],
    identityCenterPermissionSets: read.permissionSets.map((s) => ({
      instanceArn,
      arn: s.arn,
      name: s.name,
      ...(s.description !== undefined && { description: s.description }),
      sessionDuration: s.sessionDuration,
      managedPolicies: s.managedPolicies,
      customerManagedPolicies: s.customerManagedPolicies,
      ...(s.inlinePolicy !== undefined && { inlinePolicy: s.inlinePolicy }),
      // What plan did not read (boundary, tags org.yaml leaves alone) it does not compare either.
      ...(s.permissionsBoundary != null && { permissionsBoundary: s.permissionsBoundary }),
      ...(s.tags !== undefined && { tags: s.tags }),
      provisionedAccountIds: s.provisionedAccountIds,
      ...(assignmentsOf(s.arn).length > 0 && { assignments: assignmentsOf(s.arn) }),
    })),
  };
}
