// Which member accounts have which alternate contacts declared: security.alternateContacts for every
// ACTIVE member org.yaml lists when security.memberAlternateContacts is on, each account entry's own
// contacts replacing those of the same type (or standing alone when it is off). The read and the plan
// both use it, so they agree on what is read and compared.

import type { DesiredAlternateContact, DesiredOrg } from '../../model/desired.js';
import type { LiveAccount } from '../../model/live.js';
import { indexDesired } from '../../planner/desired-index.js';

export interface MemberContacts {
  readonly accountId: string;
  /** In type order (security, billing, operations). */
  readonly contacts: readonly DesiredAlternateContact[];
}

const TYPE_ORDER = ['SECURITY', 'BILLING', 'OPERATIONS'] as const;

/** Whether org.yaml declares contacts for any member account (without looking at AWS). */
export function declaresMemberContacts(desired: DesiredOrg): boolean {
  if (desired.security?.memberAlternateContacts === true && desired.security.alternateContacts.length > 0) return true;
  return hasAccountContacts(desired);
}

function hasAccountContacts(desired: DesiredOrg): boolean {
  const stack = [desired.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.accounts.some((a) => a.alternateContacts !== undefined && a.alternateContacts.length > 0)) return true;
    stack.push(...node.organizationalUnits);
  }
  return false;
}

/** The members (ACTIVE, listed, not marked closed, not the management account) with the contacts org.yaml gives them, by account ID. */
export function memberContactTargets(desired: DesiredOrg, accounts: readonly LiveAccount[], managementAccountId: string): MemberContacts[] {
  const defaults = desired.security?.memberAlternateContacts === true ? desired.security.alternateContacts : [];
  const live = new Map(accounts.map((a) => [a.id, a]));
  const targets: MemberContacts[] = [];
  for (const [accountId, { account }] of indexDesired(desired, accounts).accounts) {
    if (accountId === managementAccountId || account.closed || live.get(accountId)?.state !== 'ACTIVE') continue;
    const byType = new Map(defaults.map((c) => [c.type, c]));
    for (const own of account.alternateContacts ?? []) byType.set(own.type, own);
    const contacts = TYPE_ORDER.flatMap((type) => (byType.has(type) ? [byType.get(type)!] : []));
    if (contacts.length > 0) targets.push({ accountId, contacts });
  }
  return targets.sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}
