// The access part of the identity center kind's plan: groups to create, and the account assignments org.yaml
// declares (OU targets expanded to the accounts org.yaml places under them, including accounts this plan
// creates or moves there) against those AWS has for the same principals. Missing ones are created;
// with options.pruneAssignments, those of permission sets org.yaml knows that it no longer declares are deleted.

import type { DesiredAssignment, DesiredIdentityCenter } from '../../../model/desired.js';
import type { LiveIdentityCenterAccess } from '../../../model/live.js';
import { ROOT_PATH } from '../../../model/paths.js';
import type { AccountEmailRef, AccountIdRef } from '../../../model/refs.js';
import { NoteCode } from '../../../planner/notes.js';
import type { PlanContext } from '../../../planner/plan-context.js';
import type { StepRef } from '../../../planner/step-graph.js';
import { visibleText } from '../../../text/visible-text.js';
import { grantsAdministrator } from './administrator.js';
import { reportsMissingInstance } from '../permission-sets/plan.js';
import { declaredPrincipals } from './read.js';
import type { AssignmentSpec, IdentityCenterInstanceSpec } from './steps.js';

/** Groups first, then grants, then revocations (access is never lost before its replacement exists). */
export const ACCESS_PHASES = { createGroup: 10, createAccountAssignment: 20, deleteAccountAssignment: 30 } as const;

type Principal = { readonly type: 'GROUP' | 'USER'; readonly name: string };

interface DesiredTarget {
  readonly account: AccountIdRef | AccountEmailRef;
  readonly via: readonly string[];
}

const principalKey = (p: Principal): string => `${p.type}:${p.name}`;
const accountKey = (ref: AccountIdRef | AccountEmailRef): string => ('id' in ref ? ref.id : `email:${ref.email.toLowerCase()}`);
const assignmentKey = (set: string, p: Principal, account: string): string => `${set}\u0000${principalKey(p)}\u0000${account}`;

export function describePrincipal(p: Principal): string {
  return `${p.type === 'GROUP' ? 'group' : 'user'} ${visibleText(p.name)}`;
}

export function assignmentAddress(set: string, p: Principal, account: AccountIdRef | AccountEmailRef): string {
  return `assignment:${set}/${p.type === 'GROUP' ? 'group' : 'user'}:${p.name}/${'id' in account ? account.id : account.email}`;
}

export function planAssignments(ctx: PlanContext): void {
  const section = ctx.desired.identityCenter;
  if (section === undefined) return;
  const live = ctx.live.identityCenterAccess;
  const principals = declaredPrincipals(section);
  if (principals.length === 0) return;
  if (live === undefined) return; // Not read (a plan made without the kind's read): nothing is known to compare.
  const instance = instanceOf(ctx, section, live);
  if (instance === undefined) return;

  const groupSteps = planGroups(ctx, section, live, instance);
  const resolved = resolvePrincipals(ctx, section, live, groupSteps);
  const arnByName = new Map(live.permissionSets.map((s) => [s.name, s.arn]));
  const setByName = new Map(section.permissionSets.map((s) => [s.name, s]));

  const desired = new Map<string, { set: string; principal: Principal; target: DesiredTarget }>();
  for (const assignment of section.assignments) {
    const principal = assignment.principal;
    if (principal === undefined || !resolved.has(principalKey(principal))) continue;
    for (const target of targetsOf(ctx, assignment)) {
      const key = assignmentKey(assignment.permissionSet.value, principal, accountKey(target.account));
      const known = desired.get(key);
      // The same grant reached twice (listed and under an OU): one step, every OU that reaches it.
      const via = [...new Set([...(known?.target.via ?? []), ...target.via])];
      desired.set(key, { set: assignment.permissionSet.value, principal, target: { account: target.account, via } });
    }
  }

  const nameByArn = new Map(live.permissionSets.map((s) => [s.arn, s.name]));
  const principalById = new Map(live.principals.flatMap((p) => (p.id === null ? [] : [[`${p.type}:${p.id}`, p] as const])));
  const liveKeys = new Map<string, (typeof live.assignments)[number]>();
  for (const a of live.assignments) {
    const set = nameByArn.get(a.permissionSetArn);
    const p = principalById.get(`${a.principalType}:${a.principalId}`);
    if (set !== undefined && p !== undefined) liveKeys.set(assignmentKey(set, p, a.accountId), a);
  }

  for (const [key, { set, principal, target }] of desired) {
    if (liveKeys.has(key)) continue;
    const arn = arnByName.get(set);
    const id = resolved.get(principalKey(principal))!.id;
    const declared = setByName.get(set);
    const after: AssignmentSpec = {
      ...instance,
      permissionSet: { name: set, ...(arn !== undefined && { arn }) },
      principal: { ...principal, ...(id !== undefined && { id }) },
      account: target.account,
      ...(target.via.length > 0 && { viaOrganizationalUnits: target.via }),
      ...(declared !== undefined && grantsAdministrator(declared) && { administrator: true as const }),
    };
    const prerequisites: (StepRef | undefined)[] = [resolved.get(principalKey(principal))!.createdBy, ...accountPrerequisites(ctx, target.account), ...permissionSetPrerequisites(ctx, set)];
    ctx.graph.add(
      ACCESS_PHASES.createAccountAssignment,
      {
        kind: 'createAccountAssignment',
        address: assignmentAddress(set, principal, target.account),
        reason: `org.yaml assigns ${set} to ${principal.type === 'GROUP' ? 'group' : 'user'} ${principal.name}${target.via.length > 0 ? ` on the accounts under ${target.via.join(', ')}` : ''}`,
        before: null,
        after,
      },
      prerequisites,
    );
  }

  if (!section.pruneAssignments) return;
  const knownSets = new Set(section.permissionSets.map((s) => s.name));
  for (const [key, a] of liveKeys) {
    if (desired.has(key)) continue;
    const set = nameByArn.get(a.permissionSetArn)!;
    if (!knownSets.has(set)) continue;
    const p = principalById.get(`${a.principalType}:${a.principalId}`)!;
    const declared = setByName.get(set);
    const account: AccountIdRef = { type: 'account', id: a.accountId };
    ctx.graph.add(ACCESS_PHASES.deleteAccountAssignment, {
      kind: 'deleteAccountAssignment',
      address: assignmentAddress(set, p, account),
      reason: `org.yaml no longer assigns ${set} to ${p.type === 'GROUP' ? 'group' : 'user'} ${p.name} on this account (pruneAssignments)`,
      before: {
        ...instance,
        permissionSet: { name: set, arn: a.permissionSetArn },
        principal: { type: p.type, name: p.name, id: a.principalId },
        account,
        ...(declared !== undefined && grantsAdministrator(declared) && { administrator: true as const }),
      },
      after: null,
    });
  }
}

/** The instance to act in, or undefined after an error saying why there is none. */
function instanceOf(ctx: PlanContext, section: DesiredIdentityCenter, live: LiveIdentityCenterAccess): IdentityCenterInstanceSpec | undefined {
  // The permission sets' plan may have said already that the region or instance is missing.
  if ((live.region === undefined || live.instance === null) && reportsMissingInstance(ctx)) return undefined;
  if (live.region === undefined) {
    ctx.notes.error(
      NoteCode.identityCenterInstanceMissing,
      'identityCenter names groups and users, but not the region of the IAM Identity Center instance: set identityCenter.region (or AWS_REGION).',
      { source: section.at },
    );
    return undefined;
  }
  if (live.instance === null) {
    ctx.notes.error(
      NoteCode.identityCenterInstanceMissing,
      `identityCenter assigns access, but the management account has no IAM Identity Center organization instance in ${live.region}: ` +
        'enable IAM Identity Center there (console, "Enable"), or set identityCenter.region to the region it lives in.',
      { source: section.at },
    );
    return undefined;
  }
  return { region: live.region, instanceArn: live.instance.instanceArn, identityStoreId: live.instance.identityStoreId };
}

/** createGroup for each group `groups:` declares that the directory lacks (not when an identity provider owns it). */
function planGroups(ctx: PlanContext, section: DesiredIdentityCenter, live: LiveIdentityCenterAccess, instance: IdentityCenterInstanceSpec): Map<string, StepRef> {
  const created = new Map<string, StepRef>();
  for (const group of section.groups ?? []) {
    const found = live.principals.find((p) => p.type === 'GROUP' && p.name === group.name);
    if (found?.id !== null && found !== undefined) continue;
    if (live.externalDirectory === true) continue; // resolvePrincipals reports it.
    const ref = ctx.graph.add(ACCESS_PHASES.createGroup, {
      kind: 'createGroup',
      address: `identity-store-group:${group.name}`,
      reason: 'declared under identityCenter.groups, not in the Identity Center directory',
      before: null,
      after: { ...instance, displayName: group.name, ...(group.description !== undefined && { description: group.description }) },
    });
    created.set(group.name, ref);
  }
  return created;
}

/** Each principal org.yaml names: its ID, or the step creating it; a principal neither found nor created is an error naming it. */
function resolvePrincipals(
  ctx: PlanContext,
  section: DesiredIdentityCenter,
  live: LiveIdentityCenterAccess,
  groupSteps: ReadonlyMap<string, StepRef>,
): Map<string, { id?: string; createdBy?: StepRef }> {
  const resolved = new Map<string, { id?: string; createdBy?: StepRef }>();
  const declaredGroups = new Set((section.groups ?? []).map((g) => g.name));
  for (const principal of declaredPrincipals(section)) {
    const found = live.principals.find((p) => p.type === principal.type && p.name === principal.name);
    if (found?.id) {
      resolved.set(principalKey(principal), { id: found.id });
      continue;
    }
    const createdBy = principal.type === 'GROUP' ? groupSteps.get(principal.name) : undefined;
    if (createdBy !== undefined) {
      resolved.set(principalKey(principal), { createdBy });
      continue;
    }
    const at = section.assignments.find((a) => a.principal?.type === principal.type && a.principal.name === principal.name)?.at ?? section.groups?.find((g) => g.name === principal.name)?.at;
    const what = describePrincipal(principal);
    const message =
      principal.type === 'USER'
        ? `${what} is not in the IAM Identity Center directory (identity store ${live.instance?.identityStoreId ?? ''}): create the user, or correct the UserName in org.yaml.`
        : declaredGroups.has(principal.name)
          ? `${what} is not in the IAM Identity Center directory, and the directory is synchronized from an external identity provider, so groups come from it: create ${visibleText(principal.name)} in your identity provider (its next synchronization brings it to Identity Center), then plan again.`
          : `${what} is not in the IAM Identity Center directory: create it, or declare it under identityCenter.groups so orgctl creates it (only for Identity Center's own directory).`;
    ctx.notes.error(NoteCode.identityCenterPrincipalMissing, message, { source: at });
  }
  return resolved;
}

/** The accounts an assignment targets: those listed, and those org.yaml places under its OUs (new ones by email); closed ones are left out. */
function targetsOf(ctx: PlanContext, assignment: DesiredAssignment): DesiredTarget[] {
  const targets = new Map<string, DesiredTarget>();
  const add = (account: AccountIdRef | AccountEmailRef, via?: string): void => {
    const key = accountKey(account);
    const known = targets.get(key);
    targets.set(key, { account, via: [...(known?.via ?? []), ...(via === undefined ? [] : [via])] });
  };
  for (const listed of assignment.accounts) add({ type: 'account', id: listed.value });
  const under = (parentPath: string, ou: string): boolean => ou === ROOT_PATH || parentPath === ou || parentPath.startsWith(`${ou}/`);
  for (const { value: ou } of assignment.organizationalUnits) {
    for (const [id, placed] of ctx.desiredIndex.accounts) if (!placed.account.closed && under(placed.parentPath, ou)) add({ type: 'account', id }, ou);
    for (const placed of ctx.desiredIndex.newAccounts) if (!placed.account.closed && under(placed.parentPath, ou)) add({ type: 'account', email: placed.email }, ou);
  }
  return [...targets.values()];
}

/** An account this plan creates: the assignment waits for its creation (which records its ID by email). */
function accountPrerequisites(ctx: PlanContext, account: AccountIdRef | AccountEmailRef): StepRef[] {
  if ('id' in account) return [];
  const email = account.email.toLowerCase();
  return ctx.graph.earlier((draft) => draft.kind === 'createAccount' && draft.after.email.toLowerCase() === email);
}

/** A permission set this plan creates (the permission-set steps of this kind): the assignment waits for it. */
function permissionSetPrerequisites(ctx: PlanContext, name: string): StepRef[] {
  // Matched by shape, so this part stays independent of the permission-set steps' types.
  return ctx.graph.earlier((draft) => (draft.kind as string) === 'createPermissionSet' && (draft.after as { name?: string } | null)?.name === name);
}
