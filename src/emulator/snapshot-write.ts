// Writes a World as a snapshot: the inverse of snapshot-load, so load(write(w)) reads back the same.

import type { JsonObject } from './json.js';
import { MANAGED_POLICIES, defaultPolicyFor } from './organizations/model.js';
import type { OrganizationsState } from './organizations/state.js';
import { SNAPSHOT_FORMAT_VERSION, type EmulatorSnapshot, type SnapshotOrganization, type SnapshotTags } from './snapshot.js';
import type { World } from './world.js';
import { writeSecuritySections } from './snapshot-security.js';
import { writePermissionSets } from './snapshot-permission-sets.js';

function tagsOf(state: OrganizationsState, id: string): { tags?: SnapshotTags } {
  const tags = state.tags.get(id);
  return tags && tags.size > 0 ? { tags: Object.fromEntries(tags) } : {};
}

function writeOrganization(state: OrganizationsState): SnapshotOrganization | null {
  const org = state.organization;
  const root = state.root;
  if (!org || !root) return null;
  // Parents before children, so the file reads top-down.
  const ous: string[] = [];
  const queue = [...state.childOus(root.id)];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    ous.push(id);
    queue.push(...state.childOus(id));
  }
  const defaults = [...root.policyTypes].map((t) => defaultPolicyFor(t)?.id).filter((id): id is string => id !== undefined);
  const attachments: Record<string, string[]> = {};
  for (const target of state.allTargets()) {
    const attached = state.attachedPolicies(target);
    const isDefault = attached.length === defaults.length && defaults.every((id) => attached.includes(id));
    if (!isDefault) attachments[target] = [...attached];
  }
  const managedIds = new Set(MANAGED_POLICIES.map((p) => p.id));
  return {
    id: org.id,
    featureSet: org.featureSet,
    managementAccountId: org.managementAccountId,
    root: { id: root.id, name: root.name, policyTypes: [...root.policyTypes], ...tagsOf(state, root.id) },
    organizationalUnits: ous.map((id) => {
      const ou = state.ous.get(id);
      return { id, name: ou?.name ?? '', parentId: ou?.parentId ?? '', ...tagsOf(state, id) };
    }),
    accounts: [...state.accounts.values()].map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      parentId: a.parentId,
      state: a.state,
      joinedMethod: a.joinedMethod,
      joinedTimestamp: a.joinedTimestamp,
      ...tagsOf(state, a.id),
    })),
    policies: [...state.policies.values()]
      .filter((p) => !managedIds.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, description: p.description, type: p.type, content: p.content, ...tagsOf(state, p.id) })),
    policyAttachments: attachments,
    createAccountRequests: [...state.createRequests.values()].map((r) => ({
      id: r.id,
      accountName: r.accountName,
      email: r.email,
      accountId: r.accountId,
      state: r.state,
      requestedTimestamp: r.requestedAt / 1000,
      ...(r.failureReason === undefined ? {} : { failureReason: r.failureReason }),
    })),
    ...(state.serviceAccess.size > 0 && { trustedServices: [...state.serviceAccess.keys()] }),
    ...(state.delegatedAdministrators.size > 0 && {
      delegatedAdministrators: Object.fromEntries([...state.delegatedAdministrators].map(([accountId, services]) => [accountId, [...services.keys()]])),
    }),
  };
}

export function writeSnapshot(world: World): EmulatorSnapshot {
  const budgets = [];
  for (const [accountId, records] of world.budgets.accounts) {
    for (const record of records.values()) {
      const notifications: JsonObject[] = record.notifications.map((n) => ({
        Notification: { NotificationType: n.notificationType, ComparisonOperator: n.comparisonOperator, Threshold: n.threshold, ThresholdType: n.thresholdType, NotificationState: n.notificationState },
        Subscribers: n.subscribers.map((s) => ({ SubscriptionType: s.subscriptionType, Address: s.address })),
      }));
      budgets.push({ accountId, budget: record.budget, notifications, ...(record.tags.size > 0 ? { tags: Object.fromEntries(record.tags) } : {}) });
    }
  }
  return {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    accountId: world.defaultAccountId,
    accountName: world.accountName,
    accountEmail: world.accountEmail,
    organization: writeOrganization(world.organizations),
    budgets,
    quotas: { ...world.organizations.quotas, ...world.budgets.quotas },
    ...writeSecuritySections(world),
    ...writePermissionSets(world),
  };
}
