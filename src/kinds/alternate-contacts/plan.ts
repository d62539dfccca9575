// Steps for the management account's alternate contacts (org.yaml `security.alternateContacts`).
// Only the fields org.yaml declares are compared; the others keep the value AWS has. AWS needs all
// four fields to set a contact, so a contact that is not set yet and lacks a declared name, title or
// phone gets a warning instead of a step: orgctl never invents contact details.

import { alternateContactAddress, memberAlternateContactAddress } from '../../model/addresses.js';
import type { DesiredAlternateContact } from '../../model/desired.js';
import type { LiveAlternateContact } from '../../model/live.js';
import type { AlternateContactSpec } from '../../model/security.js';
import { NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import { declaresMemberContacts, memberContactTargets } from './members.js';

const FIELDS = ['email', 'name', 'title', 'phone'] as const;
type ContactField = (typeof FIELDS)[number];

export function planAlternateContactSteps(ctx: PlanContext): void {
  const declared = ctx.desired.security?.alternateContacts ?? [];
  const live = new Map((ctx.live.alternateContacts ?? []).map((c) => [c.type, c]));
  for (const desired of declared) planContact(ctx, desired, live.get(desired.type), { address: alternateContactAddress(desired.type), whose: 'the', where: 'security.alternateContacts' });
  planMemberContacts(ctx);
}

/** Each listed member's declared contacts (members.ts), compared with what the read found for it. */
function planMemberContacts(ctx: PlanContext): void {
  const managementAccountId = ctx.live.organization?.managementAccountId;
  if (managementAccountId === undefined || !declaresMemberContacts(ctx.desired)) return;
  const live = new Map((ctx.live.memberAlternateContacts ?? []).map((c) => [`${c.accountId}/${c.type}`, c]));
  for (const { accountId, contacts } of memberContactTargets(ctx.desired, ctx.live.accounts, managementAccountId)) {
    for (const desired of contacts) {
      planContact(ctx, desired, live.get(`${accountId}/${desired.type}`), {
        address: memberAlternateContactAddress(desired.type, accountId),
        whose: `account ${accountId}'s`,
        where: `security.alternateContacts (or the account's alternateContacts)`,
        accountId,
      });
    }
  }
}

interface ContactTarget {
  readonly address: string;
  /** "the", or "account 111111111111's": whose contact the notes speak of. */
  readonly whose: string;
  /** Where org.yaml declares it, for what to do. */
  readonly where: string;
  readonly accountId?: string;
}

function planContact(ctx: PlanContext, desired: DesiredAlternateContact, live: LiveAlternateContact | undefined, target: ContactTarget): void {
  const { address, whose } = target;
  const label = desired.type.toLowerCase();
  if (live === undefined || live.readError !== undefined) {
    const why = live?.readError ?? 'it was not read';
    // A member's contact is read with its AccountId, which AWS allows only with trusted access for Account Management.
    const hint = target.accountId !== undefined && live?.readError !== undefined ? '; reading a member account\'s contacts needs trusted access for account.amazonaws.com' : '';
    ctx.notes.error(NoteCode.alternateContactUnreadable, `could not read ${whose} ${label} alternate contact (${why}${hint}), so the plan cannot compare or set it.`, {
      address,
      source: desired.at,
    });
    return;
  }
  const before = live.contact;
  const differing = FIELDS.filter((field) => desired[field] !== undefined && !sameValue(field, desired[field], before?.[field]));
  if (before !== null && differing.length === 0) return;

  const after: Partial<Record<ContactField, string>> = {};
  for (const field of FIELDS) {
    const value = desired[field] ?? before?.[field];
    if (value !== undefined) after[field] = value;
  }
  const missing = FIELDS.filter((field) => after[field] === undefined);
  if (missing.length > 0) {
    ctx.notes.warn(
      NoteCode.alternateContactIncomplete,
      `${whose} ${label} alternate contact is not set in AWS, and AWS needs ${missing.join(', ')} to set it: add ${missing.map((f) => `\`${f}\``).join(', ')} to ${target.accountId === undefined ? `security.alternateContacts.${label}` : `${label} in ${target.where}`} in org.yaml.`,
      { address, source: desired.at },
    );
    return;
  }
  const spec: AlternateContactSpec = { type: desired.type, email: after.email!, name: after.name!, title: after.title!, phone: after.phone! };
  ctx.graph.add(0, {
    kind: 'putAlternateContact',
    address,
    reason: before === null ? 'not set in AWS' : `${differing.join(', ')} ${differing.length === 1 ? 'differs' : 'differ'} from org.yaml`,
    before,
    after: spec,
    ...(target.accountId !== undefined && { accountId: target.accountId }),
  });
}

/** Email addresses are compared without case (mailbox providers ignore it); the rest exactly. */
function sameValue(field: ContactField, declared: string | undefined, live: string | undefined): boolean {
  if (declared === undefined || live === undefined) return declared === live;
  return field === 'email' ? declared.toLowerCase() === live.toLowerCase() : declared === live;
}
