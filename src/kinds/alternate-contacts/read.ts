// The alternate-contacts kind's read: GetAlternateContact for each type org.yaml declares for the
// management account, and with AccountId for each member account and type it declares (members.ts),
// nothing when it declares none (so plans of files without contacts make no such call and hash as before).
// Member reads wait for the tree (which accounts exist and are ACTIVE); the pacer keeps them at
// GetAlternateContact's rate.

import type { AlternateContactObservation, MemberAlternateContactObservation } from '../../audit/audit-input.js';
import { observe, readAlternateContacts } from '../../audit/read-audit-input.js';
import type { AlternateContactSpec } from '../../model/security.js';
import type { LiveAlternateContact, LiveMemberAlternateContact, LiveOrg } from '../../model/live.js';
import type { KindReadContext } from '../kind.js';
import { declaresMemberContacts, memberContactTargets } from './members.js';

export async function readAlternateContactsSlice(ctx: KindReadContext): Promise<Pick<LiveOrg, 'alternateContacts' | 'memberAlternateContacts'>> {
  const security = ctx.desired.security;
  const members = declaresMemberContacts(ctx.desired) ? readMemberContacts(ctx) : undefined;
  // The audit checks the same contacts: it gets these observations instead of reading them again.
  if (members !== undefined) ctx.observations.memberAlternateContacts = members;
  const observed = security?.alternateContacts.length ? readAlternateContacts(ctx.port, security) : undefined;
  if (observed !== undefined) ctx.observations.alternateContacts = observed;
  const [management, member] = await Promise.all([observed, members]);
  return {
    ...(management !== undefined && { alternateContacts: management.map(toLiveContact) }),
    ...(member !== undefined && { memberAlternateContacts: member.map((m): LiveMemberAlternateContact => ({ accountId: m.accountId, ...toLiveContact(m) })) }),
  };
}

async function readMemberContacts(ctx: KindReadContext): Promise<MemberAlternateContactObservation[]> {
  const { accounts } = await ctx.tree;
  const targets = memberContactTargets(ctx.desired, accounts, ctx.callerAccountId);
  return Promise.all(
    targets.flatMap(({ accountId, contacts }) =>
      contacts.map(async (declared) => ({
        accountId,
        type: declared.type,
        declared,
        contact: await observe<AlternateContactSpec | null>('getAlternateContact', () => ctx.port.getAlternateContact(declared.type, accountId)),
      })),
    ),
  );
}

function toLiveContact(observed: AlternateContactObservation): LiveAlternateContact {
  if (observed.contact.ok) return { type: observed.type, contact: observed.contact.value };
  const { failure } = observed.contact;
  const readError = failure.denied ? `AWS denied ${failure.operation}: the credentials lack ${failure.action}` : `${failure.operation} failed: ${failure.message}`;
  return { type: observed.type, contact: null, readError };
}
