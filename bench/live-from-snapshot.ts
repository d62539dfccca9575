// The emulator's state (a snapshot) as orgctl's LiveOrg, and the import reading for it: what a
// perfect read would return. The benchmark computes its call lower bounds from these, independently
// of what the measured run did.

import type { EmulatorSnapshot } from '../src/emulator/index.js';
import type { ImportReading } from '../src/importer/read-for-import.js';
import type { ComparisonOperator, NotificationType, SubscriptionType, ThresholdType } from '../src/model/desired.js';
import type { LiveBudget, LiveOrg, LivePolicies } from '../src/model/live.js';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});

export function liveFromSnapshot(snapshot: EmulatorSnapshot): LiveOrg {
  const org = snapshot.organization;
  const callerAccountId = snapshot.accountId ?? org?.managementAccountId ?? '123456789012';
  const budgets: LiveBudget[] = (snapshot.budgets ?? [])
    .filter((b) => b.accountId === (org?.managementAccountId ?? callerAccountId))
    .map((b) => {
      const limit = asObject(b.budget['BudgetLimit']);
      return {
        name: String(b.budget['BudgetName']),
        budgetType: String(b.budget['BudgetType']),
        amount: limit['Amount'] === undefined ? null : Number(limit['Amount']),
        unit: String(limit['Unit'] ?? 'USD'),
        timeUnit: String(b.budget['TimeUnit']),
        notifications: (b.notifications ?? []).map((entry) => {
          const n = asObject(entry['Notification']);
          const subscribers = Array.isArray(entry['Subscribers']) ? (entry['Subscribers'] as unknown[]) : [];
          return {
            type: n['NotificationType'] as NotificationType,
            comparison: n['ComparisonOperator'] as ComparisonOperator,
            threshold: Number(n['Threshold']),
            thresholdType: (n['ThresholdType'] ?? 'PERCENTAGE') as ThresholdType,
            subscribers: subscribers.map((s) => ({ type: asObject(s)['SubscriptionType'] as SubscriptionType, address: String(asObject(s)['Address']) })),
          };
        }),
      };
    });
  if (!org) return { callerAccountId, organization: null, root: null, ous: [], accounts: [], budgets };
  return {
    callerAccountId,
    organization: {
      id: org.id,
      arn: `arn:aws:organizations::${org.managementAccountId}:organization/${org.id}`,
      featureSet: org.featureSet ?? 'ALL',
      managementAccountId: org.managementAccountId,
      managementAccountEmail: org.accounts.find((a) => a.id === org.managementAccountId)?.email ?? '',
    },
    root: { id: org.root.id, name: org.root.name ?? 'Root' },
    ous: (org.organizationalUnits ?? []).map((ou) => ({ id: ou.id, name: ou.name, parentId: ou.parentId })),
    accounts: org.accounts.map((a) => ({ id: a.id, name: a.name, email: a.email, state: a.state ?? 'ACTIVE', parentId: a.parentId })),
    budgets,
  };
}

/**
 * The organization's SCPs as the policies kind reads them (types: SCPs, the only ones the benchmark
 * uses and enables): FullAWSAccess is attached wherever `policyAttachments` does not say otherwise.
 */
export function livePoliciesFromSnapshot(snapshot: EmulatorSnapshot): LivePolicies {
  const org = snapshot.organization;
  if (!org) return { enabledTypes: [], readTypes: [], policies: [] };
  const attachments = org.policyAttachments ?? {};
  const everyTarget = [org.root.id, ...(org.organizationalUnits ?? []).map((ou) => ou.id), ...org.accounts.map((a) => a.id)];
  const targetsOf = (id: string, byDefault: boolean): string[] => everyTarget.filter((t) => (attachments[t] ? attachments[t].includes(id) : byDefault));
  const scp = 'SERVICE_CONTROL_POLICY' as const;
  return {
    enabledTypes: [scp],
    readTypes: [scp],
    policies: [
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: scp, awsManaged: true, description: '', targets: targetsOf('p-FullAWSAccess', true) },
      ...(org.policies ?? [])
        .filter((p) => p.type === scp)
        .map((p) => ({ id: p.id, name: p.name, type: scp, awsManaged: false, description: p.description ?? '', content: p.content, targets: targetsOf(p.id, false) })),
    ],
  };
}

/** What `orgctl import` (without --include-tags) reads from this state. */
export function importReadingFromSnapshot(snapshot: EmulatorSnapshot): ImportReading {
  const live = liveFromSnapshot(snapshot);
  const org = snapshot.organization;
  if (!org || !live.organization || !live.root) throw new Error('the benchmark imports an organization; the snapshot has none');
  return {
    live,
    organization: live.organization,
    root: live.root,
    policies: live.organization.featureSet === 'ALL' ? livePoliciesFromSnapshot(snapshot) : null,
    resourceTags: null,
  };
}
