// The snapshot's `identityCenterPermissionSets`: permission sets of the Identity Center instances,
// checked, loaded into the world and written back. The rehearsal copies the live sets through it
// (src/rehearsal/snapshot-of-live.ts), so a plan's permission set steps are rehearsed too.

import type { SnapshotIssue, SnapshotPath } from './snapshot-issue.js';
import type { EmulatorSnapshot } from './snapshot.js';
import type { World } from './world.js';

export interface SnapshotPermissionSet {
  /** An instance of `identityCenterInstances`. */
  readonly instanceArn: string;
  readonly arn: string;
  readonly name: string;
  readonly description?: string;
  /** Default PT1H. */
  readonly sessionDuration?: string;
  readonly managedPolicies?: readonly string[];
  readonly customerManagedPolicies?: readonly { readonly name: string; readonly path: string }[];
  /** The JSON text. */
  readonly inlinePolicy?: string;
  readonly permissionsBoundary?: { readonly managedPolicyArn: string } | { readonly customerManagedPolicy: { readonly name: string; readonly path: string } };
  readonly tags?: Readonly<Record<string, string>>;
  readonly provisionedAccountIds?: readonly string[];
  /** Who has the set on which account; each account named here is one the set is provisioned to. */
  readonly assignments?: readonly SnapshotAccountAssignment[];
}

export interface SnapshotAccountAssignment {
  readonly accountId: string;
  readonly principalType: 'GROUP' | 'USER';
  readonly principalId: string;
}

type Obj = Readonly<Record<string, unknown>>;

export function checkPermissionSets(top: Obj): SnapshotIssue[] {
  const issues: SnapshotIssue[] = [];
  const raw = top['identityCenterPermissionSets'];
  if (raw === undefined) return issues;
  if (!Array.isArray(raw)) return [{ path: ['identityCenterPermissionSets'], message: 'must be a list' }];
  const instances = new Set(
    (Array.isArray(top['identityCenterInstances']) ? (top['identityCenterInstances'] as unknown[]) : []).map((i) => (typeof i === 'object' && i !== null ? (i as Obj)['instanceArn'] : undefined)),
  );
  raw.forEach((set: unknown, i) => {
    const at: SnapshotPath = ['identityCenterPermissionSets', i];
    if (typeof set !== 'object' || set === null) return issues.push({ path: at, message: 'must be an object' });
    const s = set as Obj;
    for (const key of ['instanceArn', 'arn', 'name']) if (typeof s[key] !== 'string') issues.push({ path: [...at, key], message: 'must be a string' });
    if (typeof s['instanceArn'] === 'string' && !instances.has(s['instanceArn'])) {
      issues.push({ path: [...at, 'instanceArn'], message: 'names no instance of identityCenterInstances (give that instance its instanceArn)' });
    }
    const assignments = s['assignments'];
    if (assignments !== undefined && !Array.isArray(assignments)) issues.push({ path: [...at, 'assignments'], message: 'must be a list' });
    (Array.isArray(assignments) ? (assignments as unknown[]) : []).forEach((a, j) => {
      const aAt: SnapshotPath = [...at, 'assignments', j];
      const o = typeof a === 'object' && a !== null ? (a as Obj) : undefined;
      if (!o) return issues.push({ path: aAt, message: 'must be an object' });
      if (typeof o['accountId'] !== 'string' || !/^\d{12}$/.test(o['accountId'])) issues.push({ path: [...aAt, 'accountId'], message: 'must be 12 digits' });
      if (o['principalType'] !== 'GROUP' && o['principalType'] !== 'USER') issues.push({ path: [...aAt, 'principalType'], message: 'must be GROUP or USER' });
      if (typeof o['principalId'] !== 'string') issues.push({ path: [...aAt, 'principalId'], message: 'must be a string' });
      return undefined;
    });
    return undefined;
  });
  return issues;
}

export function loadPermissionSets(world: World, snapshot: EmulatorSnapshot, now: number): void {
  for (const set of snapshot.identityCenterPermissionSets ?? []) {
    const boundary = set.permissionsBoundary;
    world.identityCenter.permissionSets.sets.set(set.arn, {
      arn: set.arn,
      instanceArn: set.instanceArn,
      name: set.name,
      description: set.description,
      sessionDuration: set.sessionDuration ?? 'PT1H',
      createdAt: now,
      managedPolicies: [...(set.managedPolicies ?? [])],
      customerManagedPolicies: (set.customerManagedPolicies ?? []).map((p) => ({ ...p })),
      inlinePolicy: set.inlinePolicy,
      permissionsBoundary: boundary === undefined ? undefined : 'managedPolicyArn' in boundary ? { managedPolicyArn: boundary.managedPolicyArn } : { customerManagedPolicy: { ...boundary.customerManagedPolicy } },
      tags: new Map(Object.entries(set.tags ?? {})),
      // An assignment provisions the set to its account, as AWS does.
      provisionedAccountIds: new Set([...(set.provisionedAccountIds ?? []), ...(set.assignments ?? []).map((a) => a.accountId)]),
    });
    for (const a of set.assignments ?? []) {
      world.identityCenter.permissionSets.assignments.push({ instanceArn: set.instanceArn, permissionSetArn: set.arn, accountId: a.accountId, principalType: a.principalType, principalId: a.principalId });
    }
  }
}

export function writePermissionSets(world: World): Pick<EmulatorSnapshot, 'identityCenterPermissionSets'> {
  const sets: SnapshotPermissionSet[] = [...world.identityCenter.permissionSets.sets.values()].map((s) => ({
    instanceArn: s.instanceArn,
    arn: s.arn,
    name: s.name,
    ...(s.description !== undefined && { description: s.description }),
    sessionDuration: s.sessionDuration,
    managedPolicies: [...s.managedPolicies],
    customerManagedPolicies: s.customerManagedPolicies.map((p) => ({ ...p })),
    ...(s.inlinePolicy !== undefined && { inlinePolicy: s.inlinePolicy }),
    ...(s.permissionsBoundary?.managedPolicyArn !== undefined && { permissionsBoundary: { managedPolicyArn: s.permissionsBoundary.managedPolicyArn } }),
    ...(s.permissionsBoundary?.customerManagedPolicy !== undefined && { permissionsBoundary: { customerManagedPolicy: { ...s.permissionsBoundary.customerManagedPolicy } } }),
    tags: Object.fromEntries(s.tags),
    provisionedAccountIds: [...s.provisionedAccountIds].sort(),
    ...assignmentsOf(world, s.arn),
  }));
  return sets.length > 0 ? { identityCenterPermissionSets: sets } : {};
}

function assignmentsOf(world: World, permissionSetArn: string): Pick<SnapshotPermissionSet, 'assignments'> {
  const assignments = world.identityCenter.permissionSets.assignments
    .filter((a) => a.permissionSetArn === permissionSetArn)
    .map((a) => ({ accountId: a.accountId, principalType: a.principalType, principalId: a.principalId }));
  return assignments.length > 0 ? { assignments } : {};
}
