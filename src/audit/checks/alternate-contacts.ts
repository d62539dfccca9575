// Alternate contacts (Account GetAlternateContact): the security, billing and operations contacts
// org.yaml declares must be set and match the declared fields (email without case). orgctl apply sets
// them (putAlternateContact steps); the audit says whether they match now.

import type { AuditCheck } from '../../model/audit.js';
import type { DesiredAlternateContact } from '../../model/desired.js';
import type { AlternateContactSpec } from '../../model/security.js';
import type { AuditInput } from '../audit-input.js';
import { cannotCheck, checkResult, type CheckIdentity } from './cannot-check.js';

const FIELDS = ['email', 'name', 'title', 'phone'] as const;

const DECLARED: CheckIdentity = { id: 'alternate-contacts', title: 'Alternate contacts are declared', severity: 'recommended' };

export function checkAlternateContacts(input: AuditInput): AuditCheck[] {
  const declared = input.security?.alternateContacts ?? [];
  if (declared.length === 0) {
    return [
      checkResult(
        { ...DECLARED, ...(input.security?.at && { source: input.security.at }) },
        'fail',
        'org.yaml declares no alternate contacts, so AWS may have nobody but the root email address to tell about security issues.',
        'Declare at least security.alternateContacts.security (a monitored team address) in org.yaml; orgctl apply sets it.',
      ),
      ...memberChecks(input),
    ];
  }
  const observed = new Map(input.alternateContacts.map((c) => [c.type, c.contact]));
  return [...declared.map((desired) => managementCheck(input, observed, desired)), ...memberChecks(input)];
}

/** The member accounts' contacts the plan read (security.memberAlternateContacts, or an account entry's own). */
function memberChecks(input: AuditInput): AuditCheck[] {
  return (input.memberAlternateContacts ?? []).map(({ accountId, declared, contact }) => {
    const label = declared.type.toLowerCase();
    const identity: CheckIdentity = {
      id: `alternate-contact:${label}@${accountId}`,
      title: `Alternate contact: ${label} of account ${accountId}`,
      severity: 'required',
      ...(declared.at && { source: declared.at }),
    };
    if (!contact.ok) return cannotCheck(identity, contact.failure);
    return compare(identity, declared, contact.value);
  });
}

function managementCheck(input: AuditInput, observed: ReadonlyMap<string, AuditInput['alternateContacts'][number]['contact']>, desired: DesiredAlternateContact): AuditCheck {
  const identity = identityOf(desired);
  if (input.scope === 'member') {
    return checkResult(
      identity,
      'cannot-check',
      `org.yaml declares alternate contacts for the management account ${input.managementAccountId}; these credentials are for member account ${input.accountId}.`,
      "Run orgctl audit with the management account's credentials.",
    );
  }
  const contact = observed.get(desired.type);
  if (contact === undefined) return checkResult(identity, 'cannot-check', 'The contact was not read.', 'Run the audit again.');
  if (!contact.ok) return cannotCheck(identity, contact.failure);
  return compare(identity, desired, contact.value);
}

function identityOf(desired: DesiredAlternateContact): CheckIdentity {
  const label = desired.type.toLowerCase();
  return { id: `alternate-contact:${label}`, title: `Alternate contact: ${label}`, severity: 'required', ...(desired.at && { source: desired.at }) };
}

function compare(identity: CheckIdentity, desired: DesiredAlternateContact, live: AlternateContactSpec | null): AuditCheck {
  const label = desired.type.toLowerCase();
  if (live === null) {
    const complete = desired.name !== undefined && desired.title !== undefined && desired.phone !== undefined;
    return checkResult(
      identity,
      'fail',
      `The ${label} contact is not set.`,
      complete
        ? 'Run orgctl apply: the plan sets it (putAlternateContact).'
        : `Add name, title and phone to security.alternateContacts.${label} in org.yaml (AWS needs all four to set a contact), then run orgctl apply.`,
    );
  }
  const differing = FIELDS.filter((field) => {
    const want = desired[field];
    if (want === undefined) return false;
    return field === 'email' ? want.toLowerCase() !== live.email.toLowerCase() : want !== live[field];
  });
  if (differing.length === 0) return checkResult(identity, 'pass', `The ${label} contact is ${live.email}, as org.yaml declares.`);
  const details = differing.map((field) => `${field} is "${live[field]}", org.yaml says "${desired[field] ?? ''}"`).join('; ');
  return checkResult(identity, 'fail', `The ${label} contact differs: ${details}.`, 'Run orgctl apply: the plan sets it (putAlternateContact).');
}
