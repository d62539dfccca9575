// Reads the live organization through the port and plans it against org.yaml.
// Shared by plan, apply, the Action and the demo, so they all plan the same way.

import { createHash } from 'node:crypto';
import { identityCenterRegion } from '../audit/audit-account.js';
import { buildAuditReport } from '../audit/build-audit-report.js';
import { readAuditInput } from '../audit/read-audit-input.js';
import type { AwsPort } from '../aws/port.js';
import type { ReadObservations } from '../kinds/kind.js';
import { RESOURCE_KINDS } from '../kinds/registry.js';
import type { AuditReport } from '../model/audit.js';
import type { DesiredOrg } from '../model/desired.js';
import type { LiveOrg } from '../model/live.js';
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
  // The kinds' own reads (the declared alternate contacts) and the audit need only the caller, so the
  // reader starts them once the guard has passed and the bulk read is under way, and they run beside it
  // (their few calls take no time from it: other services, other buckets).
  const observations: ReadObservations = {};
  let audit: Promise<AuditReport> | undefined;
  const startAudit = (callerAccountId: string): void => {
    if (options.audit === false) return;
    // The audit checks the contacts the alternate-contacts kind has just started reading.
    audit = auditWithPlan(port, desired, callerAccountId, observations.alternateContacts, options.audit ?? {}, observations.memberAlternateContacts);
    // If the bulk read fails, its error is the one reported; this must not surface as an unhandled rejection.
    audit.catch(() => undefined);
  };
  const live = await readLiveOrg(port, {
    managementAccountId: desired.managementAccountId,
    // Tags tell which budgets orgctl manages; only budgets that pruning might delete need them.
    readTagsFor: (name) => desired.options.pruneBudgets && !declaredBudgets.has(name),
    ...(options.onReadProgress ? { onProgress: options.onReadProgress } : {}),
    kinds: { desired, observations, defaultRegion: defaultRegionOf(options.audit === false ? process.env : (options.audit?.env ?? process.env)) },
    onReadUnderWay: startAudit,
  });
  const auditReport = await audit;
  // The audit is not hashed: it never decides whether a saved plan is stale.
  const liveStateSha256 = sha256(serializeLiveState(live));
  // The kinds' checks that need AWS (IAM Access Analyzer on the SCPs and RCPs the plan uploads).
  const plan = await withKindChecks(port, planOrg(desired, live, { orgYamlSha256, liveStateSha256 }), desired);
  return { plan: auditReport ? { ...plan, audit: auditReport } : plan, live };
}

async function auditWithPlan(
  port: AwsPort,
  desired: DesiredOrg,
  callerAccountId: string,
  contacts: ReadObservations['alternateContacts'],
  settings: { readonly env?: Readonly<Record<string, string | undefined>>; readonly now?: number },
  memberContacts?: ReadObservations['memberAlternateContacts'],
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
  // The members' contacts the alternate-contacts kind reads (once the tree is walked): checked too.
  const members = memberContacts && (await memberContacts);
  return buildAuditReport(members ? { ...input, memberAlternateContacts: members } : input);
}

/** The plan with every kind's checkPlan notes added, in registry order. */
async function withKindChecks(port: AwsPort, plan: Plan, desired: DesiredOrg): Promise<Plan> {
  const checks = await Promise.all(RESOURCE_KINDS.map((kind) => kind.checkPlan?.(port, plan, desired)));
  const errors = checks.flatMap((c) => c?.errors ?? []);
  const warnings = checks.flatMap((c) => c?.warnings ?? []);
  if (errors.length === 0 && warnings.length === 0) return plan;
  return { ...plan, errors: [...plan.errors, ...errors], warnings: [...plan.warnings, ...warnings] };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** AWS_REGION, else AWS_DEFAULT_REGION: Identity Center's region when org.yaml names none. */
function defaultRegionOf(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || undefined;
}
