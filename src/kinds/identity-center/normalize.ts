// org.yaml's `identityCenter:` section and `options.prunePermissionSets` / `options.pruneAssignments` →
// DesiredOrg.identityCenter, defaults applied, positions attached. Cross-value checks (an assignment's
// permission set is declared, its OUs are in the tree, the session duration is in AWS's range) are
// rules (src/config/rules/identity-center.ts).

import { IDENTITY_CENTER_DEFAULTS } from '../../config/defaults.js';
import { at, type PositionLookup } from '../../config/position-lookup.js';
import type { Assignment, PermissionSet } from '../../config/written-org-yaml.js';
import type { DesiredAssignment, DesiredPermissionSet, Placed } from '../../model/desired.js';
import { ROOT_PATH } from '../../model/paths.js';
import type { DesiredPart, NormalizeContext } from '../kind.js';
import { normalizePermissionSetPolicies } from './permission-sets/normalize.js';

/** Nothing without an `identityCenter:` section: plans of files without one read nothing from Identity Center. */
export function normalizeIdentityCenter({ written, positionOf }: NormalizeContext): DesiredPart {
  const section = written.identityCenter;
  if (section === undefined) return {};
  const region = section.region ?? written.security?.identityCenterRegion;
  return {
    identityCenter: {
      ...(region !== undefined && { region }),
      permissionSets: Object.entries(section.permissionSets ?? {}).map(([name, set]) => normalizePermissionSet(name, set, positionOf)),
      assignments: (section.assignments ?? []).map((entry, index) => normalizeAssignment(entry, index, positionOf)),
      ...(section.groups !== undefined && {
        groups: Object.entries(section.groups).map(([name, group]) => ({
          name,
          ...(group?.description !== undefined && { description: group.description }),
          ...at(positionOf(['identityCenter', 'groups', name])),
        })),
      }),
      prunePermissionSets: written.options?.prunePermissionSets ?? IDENTITY_CENTER_DEFAULTS.prunePermissionSets,
      pruneAssignments: written.options?.pruneAssignments ?? IDENTITY_CENTER_DEFAULTS.pruneAssignments,
      ...at(positionOf(['identityCenter'])),
    },
  };
}

function normalizePermissionSet(name: string, written: PermissionSet | undefined, positionOf: PositionLookup): DesiredPermissionSet {
  const path = ['identityCenter', 'permissionSets', name];
  // positionOf falls back to the nearest written ancestor: only a written duration has its own place.
  const durationAt = written?.sessionDuration === undefined ? undefined : positionOf([...path, 'sessionDuration']);
  return {
    name,
    ...(written?.description !== undefined && { description: written.description }),
    sessionDuration: written?.sessionDuration ?? IDENTITY_CENTER_DEFAULTS.sessionDuration,
    ...(durationAt !== undefined && { sessionDurationAt: durationAt }),
    managedPolicies: written?.managedPolicies ?? [],
    // A permission set's position is its name (the mapping key).
    ...at(positionOf(path)),
    ...normalizePermissionSetPolicies(name, written, positionOf),
  };
}

function normalizeAssignment(written: Assignment, index: number, positionOf: PositionLookup): DesiredAssignment {
  const path = ['identityCenter', 'assignments', index];
  const placed = <T>(value: T, key: string, item?: number): Placed<T> => ({ value, ...at(positionOf(item === undefined ? [...path, key] : [...path, key, item])) });
  // Exactly one of group and user; anything else is left for the rule to report.
  const principal =
    written.group !== undefined && written.user === undefined
      ? { type: 'GROUP' as const, name: written.group }
      : written.user !== undefined && written.group === undefined
        ? { type: 'USER' as const, name: written.user }
        : undefined;
  return {
    ...(principal !== undefined && { principal }),
    permissionSet: placed(written.permissionSet, 'permissionSet'),
    accounts: (written.accounts ?? []).map((id, i) => placed(id, 'accounts', i)),
    organizationalUnits: (written.organizationalUnits ?? []).map((ou, i) => placed(canonicalOuPath(ou), 'organizationalUnits', i)),
    ...at(positionOf(path)),
  };
}

/** "/Workloads/" and "/Workloads" are the same OU; "/" is the root (every account org.yaml places). */
function canonicalOuPath(written: string): string {
  const trimmed = written.replace(/\/+$/, '');
  return trimmed === '' ? ROOT_PATH : trimmed;
}
