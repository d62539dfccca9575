// How the access steps read in a plan, and the plan comment's "Access changes" section: who gains or
// loses which permission set on how many accounts, administrator access called out.

import type { PlanStep } from '../../../model/plan.js';
import type { KindPlanSection } from '../../kind.js';
import type { AssignmentSpec } from './steps.js';

const who = (spec: AssignmentSpec): string => `${spec.principal.type === 'GROUP' ? 'group' : 'user'} ${spec.principal.name}`;
const accountOf = (spec: AssignmentSpec): string => ('id' in spec.account ? spec.account.id : `${spec.account.email} (created by this plan)`);

export function describeAssignment(spec: AssignmentSpec): { title: string; details: string[] } {
  return {
    title: `${spec.permissionSet.name} → ${who(spec)} on account ${accountOf(spec)}`,
    details: [
      ...(spec.viaOrganizationalUnits !== undefined ? [`under ${spec.viaOrganizationalUnits.join(', ')}`] : []),
      ...(spec.administrator ? ['administrator access (AdministratorAccess or "*" on "*")'] : []),
    ],
  };
}

/**
 * One line per (permission set, principal, gained or lost), e.g. "AdministratorAccess → group PlatformAdmins on
 * 14 accounts under /Workloads", administrator grants first. Plain text: the renderer escapes it.
 */
export function accessChangesSection(steps: readonly PlanStep[]): KindPlanSection | undefined {
  const groups = new Map<string, { gain: boolean; spec: AssignmentSpec; accounts: Set<string>; ous: Set<string>; listed: number }>();
  for (const step of steps) {
    const spec = step.kind === 'createAccountAssignment' ? step.after : step.kind === 'deleteAccountAssignment' ? step.before : undefined;
    if (spec === undefined) continue;
    const gain = step.kind === 'createAccountAssignment';
    const key = `${gain ? '+' : '-'}\u0000${spec.permissionSet.name}\u0000${spec.principal.type}\u0000${spec.principal.name}`;
    const entry = groups.get(key) ?? { gain, spec, accounts: new Set<string>(), ous: new Set<string>(), listed: 0 };
    const account = 'id' in spec.account ? spec.account.id : spec.account.email.toLowerCase();
    if (!entry.accounts.has(account)) {
      entry.accounts.add(account);
      if (spec.viaOrganizationalUnits === undefined) entry.listed += 1;
    }
    for (const ou of spec.viaOrganizationalUnits ?? []) entry.ous.add(ou);
    groups.set(key, entry);
  }
  if (groups.size === 0) return undefined;
  const items = [...groups.values()]
    .sort((a, b) => Number(b.spec.administrator === true && b.gain) - Number(a.spec.administrator === true && a.gain) || Number(b.gain) - Number(a.gain))
    .map(({ gain, spec, accounts, ous, listed }) => {
      const count = accounts.size === 1 ? '1 account' : `${accounts.size} accounts`;
      const where = [...(ous.size > 0 ? [`under ${[...ous].join(', ')}`] : []), ...(listed > 0 && ous.size > 0 ? [`${listed} listed`] : [])].join(', ');
      const text = `${gain ? 'gains' : 'loses'}: ${spec.permissionSet.name} → ${who(spec)} on ${count}${where ? ` ${where}` : ''}`;
      return { text, callout: spec.administrator === true && gain ? 'administrator access' : undefined };
    });
  return { title: 'Access changes', items };
}
