// How `orgctl import` writes Identity Center access back: the permission sets assignments use (by name:
// their contents are the permission-set part's business), the groups those assignments name when the
// directory is Identity Center's own, and the assignments grouped back into one entry per principal and
// permission set with its accounts listed (only accounts the imported tree places).

import type { DesiredAssignment, DesiredIdentityCenter } from '../../../model/desired.js';
import type { LiveIdentityCenterAccess } from '../../../model/live.js';
import { IDENTITY_CENTER_DEFAULTS } from '../../../config/defaults.js';

export function importIdentityCenter(access: LiveIdentityCenterAccess | undefined, placedAccounts: ReadonlySet<string>): DesiredIdentityCenter | undefined {
  if (access === undefined || access.region === undefined) return undefined;
  const setName = new Map(access.permissionSets.map((s) => [s.arn, s.name]));
  const principal = new Map(access.principals.flatMap((p) => (p.id === null ? [] : [[`${p.type}:${p.id}`, p] as const])));
  const grouped = new Map<string, { type: 'GROUP' | 'USER'; name: string; set: string; accounts: Set<string> }>();
  for (const a of access.assignments) {
    const set = setName.get(a.permissionSetArn);
    const who = principal.get(`${a.principalType}:${a.principalId}`);
    if (set === undefined || who === undefined || !placedAccounts.has(a.accountId)) continue;
    const key = `${who.type}\u0000${who.name}\u0000${set}`;
    const entry = grouped.get(key) ?? { type: who.type, name: who.name, set, accounts: new Set<string>() };
    entry.accounts.add(a.accountId);
    grouped.set(key, entry);
  }
  if (grouped.size === 0) return undefined;
  // Groups first, then users; by name, then permission set: as a person keeps the list.
  const entries = [...grouped.values()].sort((x, y) => x.type.localeCompare(y.type) || x.name.localeCompare(y.name) || x.set.localeCompare(y.set));
  const assignments: DesiredAssignment[] = entries.map((e) => ({
    principal: { type: e.type, name: e.name },
    permissionSet: { value: e.set },
    accounts: [...e.accounts].sort().map((value) => ({ value })),
    organizationalUnits: [],
  }));
  const usedSets = [...new Set(entries.map((e) => e.set))].sort();
  const groupNames = [...new Set(entries.filter((e) => e.type === 'GROUP').map((e) => e.name))].sort();
  return {
    region: access.region,
    permissionSets: usedSets.map((name) => ({ name, sessionDuration: IDENTITY_CENTER_DEFAULTS.sessionDuration, managedPolicies: [] })),
    assignments,
    // Groups synchronized from an identity provider come from it: only Identity Center's own are declared.
    ...(access.externalDirectory !== true && groupNames.length > 0 && { groups: groupNames.map((name) => ({ name })) }),
    prunePermissionSets: IDENTITY_CENTER_DEFAULTS.prunePermissionSets,
    pruneAssignments: IDENTITY_CENTER_DEFAULTS.pruneAssignments,
  };
}
