// Steps for the management account's alternate contacts (org.yaml `security.alternateContacts`).
// Only the fields org.yaml declares are compared; the others keep the value AWS has. AWS needs all
// four fields to set a contact, so a contact that is not set yet and lacks a declared name, title or
// phone gets a warning instead of a step: orgctl never invents contact details.

import { alternateContactAddress } from '../../model/addresses.js';
import type { DesiredAlternateContact } from '../../model/desired.js';
import type { LiveAlternateContact } from '../../model/live.js';
import type { AlternateContactSpec } from '../../model/security.js';
import { NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';

const FIELDS = ['email', 'name', 'title', 'phone'] as const;
type ContactField = (typeof FIELDS)[number];

export function planAlternateContactSteps(ctx: PlanContext): void {
  const declared = ctx.desired.security?.alternateContacts ?? [];
  if (declared.length === 0) return;
  const live = new Map((ctx.live.alternateContacts ?? []).map((c) => [c.type, c]));
  for (const desired of declared) planContact(ctx, desired, live.get(desired.type));
}

function planContact(ctx: PlanContext, desired: DesiredAlternateContact, live: LiveAlternateContact | undefined): void {
  const address = alternateContactAddress(desired.type);
  const label = desired.type.toLowerCase();
  if (live === undefined || live.readError !== undefined) {
    const why = live?.readError ?? 'it was not read';
    ctx.notes.error(NoteCode.alternateContactUnreadable, `could not read the ${label} alternate contact (${why}), so the plan cannot compare or set it.`, {
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
      `the ${label} alternate contact is not set in AWS, and AWS needs ${missing.join(', ')} to set it: add ${missing.map((f) => `\`${f}\``).join(', ')} to security.alternateContacts.${label} in org.yaml.`,
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
  });
}

/** Email addresses are compared without case (mailbox providers ignore it); the rest exactly. */
function sameValue(field: ContactField, declared: string | undefined, live: string | undefined): boolean {
  if (declared === undefined || live === undefined) return declared === live;
  return field === 'email' ? declared.toLowerCase() === live.toLowerCase() : declared === live;
}
