// Reads the live organization through the port and plans it against org.yaml.
// Shared by plan, apply, the Action and the demo, so they all plan the same way.

import { createHash } from 'node:crypto';
import { identityCenterRegion } from '../audit/audit-account.js';
import type { AlternateContactObservation } from '../audit/audit-input.js';
import { buildAuditReport } from '../audit/build-audit-report.js';
import { readAlternateContacts, readAuditInput } from '../audit/read-audit-input.js';
import type { AwsPort } from '../aws/port.js';
import type { AuditReport } from '../model/audit.js';
import type { DesiredOrg } from '../model/desired.js';
import type { LiveAlternateContact, LiveOrg } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import { planOrg, serializeLiveState } from '../planner/index.js';
import { readLiveOrg, type ReadProgress } from '../reader/read-live-org.js';

export interface PlannedOrg {
  readonly plan: Plan;
  /** The live organization the plan was made from; apply resolves the plan's paths with its IDs. */
  readonly live: LiveOrg;
}

export interface MakePlanOptions {
  readonly onReadProgress?: (progress: ReadProgress) => void;
  /**
   * The root-credential audit, made with the plan (plan.audit): on by default, with AWS_REGION from
   * `env` (default process.env) for Identity Center and `now` for access key ages. false: no audit.
   */
  readonly audit?: false | { readonly env?: Readonly<Record<string, string | undefined>>; readonly now?: number };
}

export async function makePlan(port: AwsPort, desired: DesiredOrg, orgYamlSha256: string, options: MakePlanOptions = {}): Promise<PlannedOrg> {
  const declaredBudgets = new Set(desired.budgets.map((b) => b.name));
  // The contacts and the audit need only the caller, so they start once the guard has passed and the
  // bulk read is under way, and run beside it (their few calls take no time from it: other services,
  // other buckets).
  const sideReads: { contacts?: Promise<AlternateContactObservation[]>; audit?: Promise<AuditReport> } = {};
  const startSideReads = (callerAccountId: string): void => {
    // Declared alternate contacts are live state the plan reconciles; the audit checks the same reads.
    const contacts = desired.security?.alternateContacts.length ? readAlternateContacts(port, desired.security) : undefined;
    const audit = options.audit === false ? undefined : auditWithPlan(port, desired, callerAccountId, contacts, options.audit ?? {});
    if (contacts) sideReads.contacts = contacts;
    if (audit) sideReads.audit = audit;
    // If the bulk read fails, its error is the one reported; these must not surface as unhandled rejections.
    contacts?.catch(() => undefined);
    audit?.catch(() => undefined);
  };
  const live = await readLiveOrg(port, {
    managementAccountId: desired.managementAccountId,
    // Tags tell which budgets orgctl manages; only budgets that pruning might delete need them.
    readTagsFor: (name) => desired.options.pruneBudgets && !declaredBudgets.has(name),
    ...(options.onReadProgress ? { onProgress: options.onReadProgress } : {}),
    onReadUnderWay: startSideReads,
  });
  const [observedContacts, audit] = await Promise.all([sideReads.contacts, sideReads.audit]);
  const liveWithContacts: LiveOrg = observedContacts ? { ...live, alternateContacts: observedContacts.map(toLiveContact) } : live;
  // The audit is not hashed: it never decides whether a saved plan is stale.
  const liveStateSha256 = sha256(serializeLiveState(liveWithContacts));
  const plan = planOrg(desired, liveWithContacts, { orgYamlSha256, liveStateSha256 });
  return { plan: audit ? { ...plan, audit } : plan, live: liveWithContacts };
}

async function auditWithPlan(
  port: AwsPort,
  desired: DesiredOrg,
  callerAccountId: string,
  contacts: Promise<AlternateContactObservation[]> | undefined,
  settings: { readonly env?: Readonly<Record<string, string | undefined>>; readonly now?: number },
): Promise<AuditReport> {
  const input = await readAuditInput(port, {
    // readLiveOrg's guard has accepted the caller as org.yaml's management account.
    accountId: callerAccountId,
    scope: 'management',
    managementAccountId: desired.managementAccountId,
    security: desired.security,
    identityCenterRegion: identityCenterRegion(desired, settings.env ?? process.env),
    alternateContacts: contacts ?? [],
    now: settings.now ?? Date.now(),
  });
  return buildAuditReport(input);
}

function toLiveContact(observed: AlternateContactObservation): LiveAlternateContact {
  if (observed.contact.ok) return { type: observed.type, contact: observed.contact.value };
  const { failure } = observed.contact;
  const readError = failure.denied ? `AWS denied ${failure.operation}: the credentials lack ${failure.action}` : `${failure.operation} failed: ${failure.message}`;
  return { type: observed.type, contact: null, readError };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
