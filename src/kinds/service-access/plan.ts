// Steps for trusted service access and delegated administrators (org.yaml `organization.trustedServices`
// and `organization.delegatedAdministrators`). One kind, because the two are ordered against each other:
//   phase 0  enable trusted access       (AWS refuses most delegated administrators without it)
//   phase 1  deregister administrators   (before a disable, and before registering another account
//                                          for a service that allows only one)
//   phase 2  register administrators     (after their service's enable and deregistrations)
//   phase 3  disable trusted access      (after its service's deregistrations)
// A section that is absent is not managed. Extra live services (administrators of unlisted services)
// are reported, and removed only with pruneTrustedServices (pruneDelegatedAdministrators). A service
// listed under delegatedAdministrators has exactly the accounts listed: other accounts are
// deregistered without the prune option, since the file names who administers that service.

import { delegatedAdministratorAddress, trustedAccessAddress } from '../../model/addresses.js';
import type { DesiredDelegatedAdministrators } from '../../model/desired.js';
import type { LiveDelegatedAdministrator } from '../../model/live.js';
import { listSome, NoteCode } from '../../planner/notes.js';
import type { PlanContext } from '../../planner/plan-context.js';
import type { StepRef } from '../../planner/step-graph.js';
import { planAccountManagementAccess } from './account-management-access.js';

const PHASE = { enable: 0, deregister: 1, register: 2, disable: 3 } as const;

export function planServiceAccess(ctx: PlanContext): void {
  planAccountManagementAccess(ctx);
  const { trustedServices, delegatedAdministrators } = ctx.desired;
  if (trustedServices === undefined && delegatedAdministrators === undefined) return;
  if (ctx.live.organization === null) {
    ctx.notes.warn(
      NoteCode.serviceAccessAfterOrganization,
      'trusted access and delegated administrators are planned once the organization exists: run `orgctl plan` again after this apply.',
    );
    return;
  }
  const enabled = new Set(ctx.live.trustedServices ?? []);
  const enables = trustedServices === undefined ? new Map<string, StepRef>() : planEnables(ctx, enabled);
  const deregistrations = delegatedAdministrators === undefined ? new Map<string, StepRef[]>() : planDeregistrations(ctx, delegatedAdministrators);
  if (delegatedAdministrators !== undefined) planRegistrations(ctx, delegatedAdministrators, enabled, enables, deregistrations);
  if (trustedServices !== undefined) planDisables(ctx, enabled, deregistrations);
}

function planEnables(ctx: PlanContext, enabled: ReadonlySet<string>): Map<string, StepRef> {
  const steps = new Map<string, StepRef>();
  for (const service of ctx.desired.trustedServices ?? []) {
    if (enabled.has(service.principal) || steps.has(service.principal)) continue;
    const ref = ctx.graph.add(PHASE.enable, {
      kind: 'enableServiceAccess',
      address: trustedAccessAddress(service.principal),
      reason: 'in organization.trustedServices, not enabled in AWS',
      before: null,
      after: { servicePrincipal: service.principal },
    });
    steps.set(service.principal, ref);
  }
  return steps;
}

function planDeregistrations(ctx: PlanContext, declared: readonly DesiredDelegatedAdministrators[]): Map<string, StepRef[]> {
  const wanted = new Map(declared.map((d) => [d.principal, new Set(d.accountIds)]));
  const prune = ctx.desired.options.pruneDelegatedAdministrators === true;
  const steps = new Map<string, StepRef[]>();
  const kept: LiveDelegatedAdministrator[] = [];
  for (const live of sortedDelegations(ctx.live.delegatedAdministrators ?? [])) {
    const accounts = wanted.get(live.principal);
    if (accounts?.has(live.accountId)) continue;
    if (accounts === undefined && !prune) {
      kept.push(live);
      continue;
    }
    const ref = ctx.graph.add(PHASE.deregister, {
      kind: 'deregisterDelegatedAdministrator',
      address: delegatedAdministratorAddress(live.principal, live.accountId),
      reason:
        accounts === undefined
          ? 'service not in organization.delegatedAdministrators and pruneDelegatedAdministrators is on'
          : `organization.delegatedAdministrators lists ${listSome([...accounts])} for this service, not this account`,
      before: { servicePrincipal: live.principal, accountId: live.accountId },
      after: null,
    });
    steps.set(live.principal, [...(steps.get(live.principal) ?? []), ref]);
  }
  if (kept.length > 0) {
    ctx.notes.warn(
      NoteCode.delegatedAdministratorNotDeclared,
      `${kept.length === 1 ? '1 delegated administrator' : `${kept.length} delegated administrators`} of services not in organization.delegatedAdministrators ${kept.length === 1 ? 'is' : 'are'} kept because pruneDelegatedAdministrators is off: ${listSome(kept.map((d) => `${d.accountId} (${d.principal})`))}.`,
    );
  }
  return steps;
}

function planRegistrations(
  ctx: PlanContext,
  declared: readonly DesiredDelegatedAdministrators[],
  enabled: ReadonlySet<string>,
  enables: ReadonlyMap<string, StepRef>,
  deregistrations: ReadonlyMap<string, readonly StepRef[]>,
): void {
  const live = new Set((ctx.live.delegatedAdministrators ?? []).map((d) => delegationKey(d.principal, d.accountId)));
  const members = new Set(ctx.live.accounts.map((a) => a.id));
  const trustedListed = ctx.desired.trustedServices !== undefined;
  for (const entry of declared) {
    const missing = entry.accountIds.filter((accountId) => !live.has(delegationKey(entry.principal, accountId)));
    if (missing.length === 0) continue;
    if (!enabled.has(entry.principal) && !enables.has(entry.principal)) {
      ctx.notes.warn(
        NoteCode.trustedServiceNotEnabled,
        `trusted access for ${entry.principal} is not enabled, and AWS refuses a delegated administrator without it for most services: ` +
          (trustedListed ? `add ${entry.principal} to organization.trustedServices.` : `list it in organization.trustedServices, or enable it from the service first.`),
        { address: trustedAccessAddress(entry.principal), source: entry.at },
      );
    }
    for (const accountId of missing) {
      if (!members.has(accountId)) {
        ctx.notes.error(
          NoteCode.delegatedAdministratorNotMember,
          `account ${accountId} is not in the organization, so AWS cannot make it a delegated administrator of ${entry.principal}: check the ID in organization.delegatedAdministrators.`,
          { address: delegatedAdministratorAddress(entry.principal, accountId), source: entry.at },
        );
        continue;
      }
      ctx.graph.add(
        PHASE.register,
        {
          kind: 'registerDelegatedAdministrator',
          address: delegatedAdministratorAddress(entry.principal, accountId),
          reason: 'in organization.delegatedAdministrators, not registered in AWS',
          before: null,
          after: { servicePrincipal: entry.principal, accountId },
        },
        // Trusted access first; and the accounts leaving this service first (many services allow one administrator).
        [enables.get(entry.principal), ...(deregistrations.get(entry.principal) ?? [])],
      );
    }
  }
}

function planDisables(ctx: PlanContext, enabled: ReadonlySet<string>, deregistrations: ReadonlyMap<string, readonly StepRef[]>): void {
  const listed = new Set((ctx.desired.trustedServices ?? []).map((s) => s.principal));
  const delegatedInFile = new Map((ctx.desired.delegatedAdministrators ?? []).map((d) => [d.principal, d]));
  const prune = ctx.desired.options.pruneTrustedServices === true;
  const extras = [...enabled].filter((principal) => !listed.has(principal)).sort();
  const kept: string[] = [];
  for (const principal of extras) {
    if (!prune) {
      kept.push(principal);
      continue;
    }
    const inFile = delegatedInFile.get(principal);
    if (inFile !== undefined) {
      ctx.notes.error(
        NoteCode.trustedServiceStillDelegated,
        `refusing to disable trusted access for ${principal}: organization.delegatedAdministrators still lists ${listSome([...inFile.accountIds])} for it. Add it to organization.trustedServices, or remove its delegated administrators.`,
        { address: trustedAccessAddress(principal), source: inFile.at },
      );
      continue;
    }
    const deregistered = deregistrations.get(principal) ?? [];
    const remaining = (ctx.live.delegatedAdministrators ?? []).filter((d) => d.principal === principal);
    if (remaining.length > deregistered.length) {
      ctx.notes.error(
        NoteCode.trustedServiceStillDelegated,
        `refusing to disable trusted access for ${principal}: ${listSome(remaining.map((d) => d.accountId))} ${remaining.length === 1 ? 'is' : 'are'} still its delegated ${remaining.length === 1 ? 'administrator' : 'administrators'} in AWS. Deregister ${remaining.length === 1 ? 'it' : 'them'} first (pruneDelegatedAdministrators), or keep the service in organization.trustedServices.`,
        { address: trustedAccessAddress(principal) },
      );
      continue;
    }
    ctx.graph.add(
      PHASE.disable,
      {
        kind: 'disableServiceAccess',
        address: trustedAccessAddress(principal),
        reason: 'not in organization.trustedServices and pruneTrustedServices is on',
        before: { servicePrincipal: principal },
        after: null,
      },
      deregistered,
    );
  }
  if (kept.length > 0) {
    ctx.notes.warn(
      NoteCode.trustedServiceNotDeclared,
      `${kept.length === 1 ? '1 service has' : `${kept.length} services have`} trusted access but ${kept.length === 1 ? 'is' : 'are'} not in organization.trustedServices, and ${kept.length === 1 ? 'keeps' : 'keep'} it because pruneTrustedServices is off: ${listSome(kept)}.`,
    );
  }
}

function delegationKey(principal: string, accountId: string): string {
  return `${principal}/${accountId}`;
}

function sortedDelegations(list: readonly LiveDelegatedAdministrator[]): LiveDelegatedAdministrator[] {
  return [...list].sort((a, b) => (a.principal < b.principal ? -1 : a.principal > b.principal ? 1 : 0) || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}
