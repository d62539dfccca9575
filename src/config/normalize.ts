// Schema-valid org.yaml (WrittenOrgYaml) → DesiredOrg: defaults applied, OU paths built, positions attached.
// Each top-level section has its own function; a new section (e.g. `security:`) adds one more.

import type {
  DesiredAccount,
  DesiredBudget,
  DesiredNode,
  DesiredNotification,
  DesiredOptions,
  DesiredOrg,
  DesiredOu,
  DesiredTags,
  SourcePosition,
  Subscriber,
} from '../model/desired.js';
import { childPath, ROOT_PATH } from '../model/paths.js';
import type { AccountEntry, Budget, Notification, OrganizationalUnits, Options, Tags, WrittenOrgYaml } from './written-org-yaml.js';
import type { DocumentPath } from './yaml-source.js';
import { normalizeSecurity } from './normalize-security.js';
import type { PositionLookup } from './position-lookup.js';

/** Defaults for omitted keys. The schema's `default` annotations say the same (a test keeps them equal). */
export const DEFAULTS = {
  featureSet: 'ALL',
  unit: 'USD',
  timeUnit: 'MONTHLY',
  thresholdType: 'PERCENTAGE',
  comparison: 'GREATER_THAN',
  options: { pruneOrganizationalUnits: false, pruneBudgets: false, unlistedAccounts: 'ignore' },
} as const satisfies {
  featureSet: DesiredOrg['featureSet'];
  unit: string;
  timeUnit: DesiredBudget['timeUnit'];
  thresholdType: DesiredNotification['thresholdType'];
  comparison: DesiredNotification['comparison'];
  options: DesiredOptions;
};

export type { PositionLookup } from './position-lookup.js';

function at(position: SourcePosition | undefined): { at?: SourcePosition } {
  return position ? { at: position } : {};
}

/** A `tags:` mapping at `path`, in org.yaml order; nothing when the key is absent (the tags are left alone). */
function normalizeTags(written: Tags | undefined, path: DocumentPath, positionOf: PositionLookup): { tags?: DesiredTags } {
  if (written === undefined) return {};
  const entries = Object.entries(written).map(([key, value]) => ({ key, value: value ?? '', ...at(positionOf([...path, key])) }));
  return { tags: { entries, ...at(positionOf(path)) } };
}

function normalizeAccounts(entries: readonly AccountEntry[] | undefined, path: DocumentPath, positionOf: PositionLookup): DesiredAccount[] {
  return (entries ?? []).map((entry, index) => {
    const position = at(positionOf([...path, index]));
    if (typeof entry === 'string') return { id: entry, ...position };
    return {
      id: entry.id,
      ...(entry.name !== undefined && { name: entry.name }),
      ...position,
      ...normalizeTags(entry.tags, [...path, index, 'tags'], positionOf),
    };
  });
}

function normalizeOus(written: OrganizationalUnits | undefined, parentPath: string, path: DocumentPath, positionOf: PositionLookup): DesiredOu[] {
  return Object.entries(written ?? {}).map(([name, node]) => {
    const ouPath = childPath(parentPath, name);
    const nodePath = [...path, name];
    return {
      name,
      path: ouPath,
      ...(node?.renamedFrom !== undefined ? { renamedFrom: node.renamedFrom } : {}),
      accounts: normalizeAccounts(node?.accounts, [...nodePath, 'accounts'], positionOf),
      organizationalUnits: normalizeOus(node?.organizationalUnits, ouPath, [...nodePath, 'organizationalUnits'], positionOf),
      ...normalizeTags(node?.tags, [...nodePath, 'tags'], positionOf),
      // An OU's position is its name (the mapping key).
      ...at(positionOf(nodePath)),
    };
  });
}

function normalizeRoot(written: WrittenOrgYaml['root'], positionOf: PositionLookup): DesiredNode {
  return {
    accounts: normalizeAccounts(written.accounts, ['root', 'accounts'], positionOf),
    organizationalUnits: normalizeOus(written.organizationalUnits, ROOT_PATH, ['root', 'organizationalUnits'], positionOf),
    ...normalizeTags(written.tags, ['root', 'tags'], positionOf),
  };
}

function subscribersOf(notification: Notification): Subscriber[] {
  return [
    ...(notification.emails ?? []).map((address): Subscriber => ({ type: 'EMAIL', address })),
    ...(notification.sns !== undefined ? [{ type: 'SNS', address: notification.sns } satisfies Subscriber] : []),
  ];
}

function normalizeNotification(written: Notification, path: DocumentPath, positionOf: PositionLookup): DesiredNotification {
  return {
    type: written.type,
    comparison: written.comparison ?? DEFAULTS.comparison,
    threshold: written.threshold,
    thresholdType: written.thresholdType ?? DEFAULTS.thresholdType,
    subscribers: subscribersOf(written),
    ...at(positionOf(path)),
  };
}

function normalizeBudgets(written: readonly Budget[] | undefined, positionOf: PositionLookup): DesiredBudget[] {
  return (written ?? []).map((budget, index) => ({
    name: budget.name,
    amount: budget.amount,
    unit: budget.unit ?? DEFAULTS.unit,
    timeUnit: budget.timeUnit ?? DEFAULTS.timeUnit,
    notifications: budget.notifications.map((n, k) => normalizeNotification(n, ['budgets', index, 'notifications', k], positionOf)),
    ...at(positionOf(['budgets', index])),
    ...normalizeTags(budget.tags, ['budgets', index, 'tags'], positionOf),
  }));
}

function normalizeOptions(written: Options | undefined): DesiredOptions {
  return {
    pruneOrganizationalUnits: written?.pruneOrganizationalUnits ?? DEFAULTS.options.pruneOrganizationalUnits,
    pruneBudgets: written?.pruneBudgets ?? DEFAULTS.options.pruneBudgets,
    unlistedAccounts: written?.unlistedAccounts ?? DEFAULTS.options.unlistedAccounts,
  };
}

/** Builds the desired organization from a schema-valid document. `positionOf` fills the `at` fields. */
export function normalizeOrg(written: WrittenOrgYaml, positionOf: PositionLookup = () => undefined): DesiredOrg {
  return {
    managementAccountId: written.organization.managementAccountId,
    featureSet: written.organization.featureSet ?? DEFAULTS.featureSet,
    root: normalizeRoot(written.root, positionOf),
    budgets: normalizeBudgets(written.budgets, positionOf),
    options: normalizeOptions(written.options),
    ...(written.security !== undefined && { security: normalizeSecurity(written.security, positionOf)! }),
  };
}
