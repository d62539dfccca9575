// The permission sets' plan: each declared set is created or brought in line with org.yaml, then
// provisioned again when it is provisioned to accounts (AWS applies a change to the accounts' roles
// only on ProvisionPermissionSet). Sets org.yaml does not declare are reported; with
// prunePermissionSets, those orgctl created (tag managed-by: orgctl) and provisioned nowhere are deleted.
//   phase 0  create, update   phase 1  provision (after its set's update)   phase 2  delete

import { permissionSetAddress } from '../../../model/addresses.js';
import { PERMISSION_SET_MANAGED_BY_TAG, type LivePermissionSet } from '../../../model/permission-sets.js';
import { listSome, NoteCode } from '../../../planner/notes.js';
import type { PlanContext } from '../../../planner/plan-context.js';
import { visibleText } from '../../../text/visible-text.js';
import { changedFields, desiredSpec, liveSpec, needsProvisioning } from './document.js';

const PHASE = { change: 0, provision: 1, delete: 2 } as const;

/** Whether planPermissionSets reports a missing region or instance (so the assignments' plan need not say it again). */
export function reportsMissingInstance(ctx: PlanContext): boolean {
  const section = ctx.desired.identityCenter;
  if (section === undefined) return false;
  const live = ctx.live.identityCenterPermissionSets;
  if (section.region === undefined && live === undefined) return section.permissionSets.length > 0 || section.prunePermissionSets;
  return live !== undefined && live.instance === null && section.permissionSets.length > 0;
}

export function planPermissionSets(ctx: PlanContext): void {
  const section = ctx.desired.identityCenter;
  if (section === undefined) return;
  // The read falls back to AWS_REGION when org.yaml names no region (../read.ts).
  if (section.region === undefined && ctx.live.identityCenterPermissionSets === undefined) {
    if (section.permissionSets.length > 0 || section.prunePermissionSets) {
      ctx.notes.error(
        NoteCode.identityCenterRegionMissing,
        'IAM Identity Center is regional and org.yaml names no region for it: set identityCenter.region (or security.identityCenterRegion) to the region of the instance, like us-east-1 (or set AWS_REGION).',
        { source: section.at },
      );
    }
    return;
  }
  const live = ctx.live.identityCenterPermissionSets;
  if (live === undefined) return;
  const instance = live.instance;
  if (instance === null) {
    if (section.permissionSets.length > 0) {
      ctx.notes.error(
        NoteCode.identityCenterInstanceMissing,
        `no IAM Identity Center instance in ${visibleText(live.region)}: enable IAM Identity Center in the management account in that region (console), or set identityCenter.region to where it is.`,
        { source: section.at },
      );
    }
    return;
  }
  const liveByName = new Map(live.permissionSets.map((set) => [set.name, set]));
  for (const declared of section.permissionSets) {
    const after = desiredSpec(declared);
    const address = permissionSetAddress(declared.name);
    const existing = liveByName.get(declared.name);
    if (existing === undefined) {
      ctx.graph.add(PHASE.change, { kind: 'createPermissionSet', address, reason: 'declared in identityCenter.permissionSets, not in Identity Center', instance, before: null, after });
      continue;
    }
    const before = liveSpec(existing, after);
    const fields = changedFields(before, after);
    if (fields.length === 0) continue;
    const update = ctx.graph.add(PHASE.change, {
      kind: 'updatePermissionSet',
      address,
      reason: `${fields.join(', ')} differ${fields.length === 1 ? 's' : ''} from org.yaml`,
      instance,
      permissionSetArn: existing.arn,
      before,
      after,
    });
    if (needsProvisioning(fields) && existing.provisionedAccountIds.length > 0) {
      ctx.graph.add(
        PHASE.provision,
        {
          kind: 'provisionPermissionSet',
          address: `${address}/provisioning`,
          reason: `the change reaches the ${describeCount(existing.provisionedAccountIds.length)} it is provisioned to only when provisioned again`,
          instance,
          permissionSetArn: existing.arn,
          before: null,
          after: { name: existing.name, accountIds: existing.provisionedAccountIds },
        },
        [update],
      );
    }
  }
  planUndeclared(ctx, live.permissionSets.filter((set) => !section.permissionSets.some((d) => d.name === set.name)), section.prunePermissionSets);
}

function planUndeclared(ctx: PlanContext, undeclared: readonly LivePermissionSet[], prune: boolean): void {
  const instance = ctx.live.identityCenterPermissionSets?.instance;
  if (!instance) return;
  // The read lists the tags of every undeclared set when prune is on (read.ts).
  const ours = (set: LivePermissionSet): boolean => set.tags?.[PERMISSION_SET_MANAGED_BY_TAG.key] === PERMISSION_SET_MANAGED_BY_TAG.value;
  const kept: string[] = [];
  for (const set of undeclared) {
    if (!prune || !ours(set)) {
      kept.push(set.name);
      continue;
    }
    if (set.provisionedAccountIds.length > 0) {
      ctx.notes.warn(
        NoteCode.permissionSetStillProvisioned,
        `permission set "${visibleText(set.name)}" is not declared but still provisioned to ${describeCount(set.provisionedAccountIds.length)}, so it is not deleted: remove its account assignments first, then plan again.`,
        { address: permissionSetAddress(set.name) },
      );
      continue;
    }
    ctx.graph.add(PHASE.delete, {
      kind: 'deletePermissionSet',
      address: permissionSetAddress(set.name),
      reason: 'created by orgctl, not in identityCenter.permissionSets, and prunePermissionSets is on',
      instance,
      permissionSetArn: set.arn,
      before: { name: set.name },
      after: null,
    });
  }
  if (kept.length > 0) {
    const why = prune ? 'orgctl did not create them (no managed-by: orgctl tag)' : 'prunePermissionSets is off';
    ctx.notes.warn(
      NoteCode.permissionSetNotDeclared,
      `${kept.length === 1 ? '1 permission set' : `${kept.length} permission sets`} in Identity Center ${kept.length === 1 ? 'is' : 'are'} not in identityCenter.permissionSets and ${kept.length === 1 ? 'is' : 'are'} kept because ${why}: ${listSome(kept.map((n) => visibleText(n)))}.`,
    );
  }
}

function describeCount(accounts: number): string {
  return accounts === 1 ? '1 account' : `${accounts} accounts`;
}
