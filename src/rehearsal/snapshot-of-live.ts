// The live organization a plan was made from, as an emulator snapshot: the rehearsal's starting world.
// Same IDs as in AWS, so the plan's references resolve in the emulator exactly as they would in AWS.

import type { EmulatorQuotas, EmulatorSnapshot, SnapshotAlternateContact, SnapshotBudget } from '../emulator/index.js';
import { SNAPSHOT_FORMAT_VERSION } from '../emulator/index.js';
import type { LiveBudget, LiveOrg } from '../model/live.js';

/**
 * The account quota is adjustable per organization and none of the plan's reads tell it, so the
 * rehearsal does not check it (a refusal there would be a guess). OUs per organization (2,000) and
 * budgets per account (20,000) are fixed, and stay the emulator's defaults.
 */
const UNKNOWN_ACCOUNT_QUOTA = 1_000_000;

export function snapshotOfLive(live: LiveOrg): EmulatorSnapshot {
  const quotas: Partial<EmulatorQuotas> = { maxAccounts: UNKNOWN_ACCOUNT_QUOTA };
  const budgets = live.budgets.map((b) => snapshotBudget(live.callerAccountId, b));
  const alternateContacts: SnapshotAlternateContact[] = (live.alternateContacts ?? []).flatMap((c) =>
    c.contact ? [{ accountId: live.callerAccountId, type: c.type, name: c.contact.name, title: c.contact.title, email: c.contact.email, phone: c.contact.phone }] : [],
  );
  const base = { formatVersion: SNAPSHOT_FORMAT_VERSION, accountId: live.callerAccountId, budgets, quotas, alternateContacts, ...identityCenterOf(live) } as const;
  const org = live.organization;
  if (!org || !live.root) return { ...base, organization: null };
  return {
    ...base,
    organization: {
      id: org.id,
      featureSet: org.featureSet,
      managementAccountId: org.managementAccountId,
      root: { id: live.root.id, name: live.root.name },
      organizationalUnits: live.ous.map((ou) => ({ id: ou.id, name: ou.name, parentId: ou.parentId })),
      accounts: live.accounts.map((a) => ({ id: a.id, name: a.name, email: a.email, parentId: a.parentId, state: a.state })),
    },
  };
}

function snapshotBudget(accountId: string, b: LiveBudget): SnapshotBudget {
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
    ...(b.tags ? { tags: b.tags } : {}),
  };
}

/** The Identity Center instance and its permission sets, when the plan read them (org.yaml has `identityCenter:`). */
function identityCenterOf(live: LiveOrg): Pick<EmulatorSnapshot, 'identityCenterInstances' | 'identityCenterPermissionSets'> {
  const read = live.identityCenterPermissionSets;
  if (!read?.instance) return {};
  const { region, instanceArn } = read.instance;
  return {
    identityCenterInstances: [{ ownerAccountId: live.callerAccountId, region, instanceArn }],
    identityCenterPermissionSets: read.permissionSets.map((s) => ({
      instanceArn,
      arn: s.arn,
      name: s.name,
      ...(s.description !== undefined && { description: s.description }),
      sessionDuration: s.sessionDuration,
      managedPolicies: s.managedPolicies,
      customerManagedPolicies: s.customerManagedPolicies,
      ...(s.inlinePolicy !== undefined && { inlinePolicy: s.inlinePolicy }),
      ...(s.permissionsBoundary !== undefined && { permissionsBoundary: s.permissionsBoundary }),
      tags: s.tags,
      provisionedAccountIds: s.provisionedAccountIds,
    })),
  };
}
