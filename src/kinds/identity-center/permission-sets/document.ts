// Permission sets in one canonical form for both sides (PermissionSetSpec), so the diff compares values:
// policy lists sorted, the inline policy as canonical JSON (key order and whitespace do not count),
// session durations by their length (PT60M is PT1H), tags without orgctl's `managed-by` and AWS's `aws:` keys.

import { durationSeconds } from '../../../config/rules/identity-center.js';
import type { DesiredPermissionSet } from '../../../model/desired.js';
import { PERMISSION_SET_MANAGED_BY_TAG, type CustomerManagedPolicyRef, type LivePermissionSet, type PermissionsBoundary } from '../../../model/permission-sets.js';
import type { PermissionSetSpec } from './steps.js';

export function desiredSpec(set: DesiredPermissionSet): PermissionSetSpec {
  return {
    name: set.name,
    ...(set.description !== undefined && { description: set.description }),
    sessionDuration: set.sessionDuration,
    managedPolicies: [...set.managedPolicies].sort(),
    customerManagedPolicies: sortRefs(set.customerManagedPolicies ?? []),
    ...(set.inlinePolicy !== undefined && { inlinePolicy: canonicalJson(set.inlinePolicy) }),
    ...(set.permissionsBoundary !== undefined && { permissionsBoundary: set.permissionsBoundary }),
    ...(set.tags !== undefined && { tags: managedTags(set.tags) }),
  };
}

/**
 * The live set in the same form; `like` says which optional fields org.yaml manages (description, boundary,
 * tags): a field org.yaml leaves out is left alone, so it is not compared (and plan has not read it).
 */
export function liveSpec(set: LivePermissionSet, like?: PermissionSetSpec): PermissionSetSpec {
  const inline = set.inlinePolicy === undefined ? undefined : canonicalPolicyText(set.inlinePolicy);
  return {
    name: set.name,
    ...(set.description !== undefined && (like === undefined || like.description !== undefined) && { description: set.description }),
    sessionDuration: set.sessionDuration,
    managedPolicies: [...set.managedPolicies].sort(),
    customerManagedPolicies: sortRefs(set.customerManagedPolicies),
    ...(inline !== undefined && { inlinePolicy: inline }),
    ...(set.permissionsBoundary != null && (like === undefined || like.permissionsBoundary !== undefined) && { permissionsBoundary: set.permissionsBoundary }),
    ...((like === undefined || like.tags !== undefined) && { tags: managedTags(set.tags ?? {}) }),
  };
}

/** The fields that differ between two specs of one set, by name, for the plan and the executor. */
export type PermissionSetField = 'description' | 'sessionDuration' | 'managedPolicies' | 'customerManagedPolicies' | 'inlinePolicy' | 'permissionsBoundary' | 'tags';

export function changedFields(before: PermissionSetSpec, after: PermissionSetSpec): PermissionSetField[] {
  const fields: PermissionSetField[] = [];
  if (after.description !== undefined && after.description !== before.description) fields.push('description');
  if (durationSeconds(after.sessionDuration) !== durationSeconds(before.sessionDuration)) fields.push('sessionDuration');
  if (!sameJson(after.managedPolicies, before.managedPolicies)) fields.push('managedPolicies');
  if (!sameJson(after.customerManagedPolicies, before.customerManagedPolicies)) fields.push('customerManagedPolicies');
  if (after.inlinePolicy !== before.inlinePolicy) fields.push('inlinePolicy');
  if (after.permissionsBoundary !== undefined && !sameJson(boundaryKey(after.permissionsBoundary), boundaryKey(before.permissionsBoundary))) fields.push('permissionsBoundary');
  if (after.tags !== undefined && !sameJson(after.tags, before.tags ?? {})) fields.push('tags');
  return fields;
}

/** Tags belong to the set, not to the roles in its accounts: every other change must be provisioned to reach them. */
export function needsProvisioning(fields: readonly PermissionSetField[]): boolean {
  return fields.some((f) => f !== 'tags');
}

export function refKey(ref: CustomerManagedPolicyRef): string {
  return `${ref.path}${ref.name}`;
}

function sortRefs(refs: readonly CustomerManagedPolicyRef[]): CustomerManagedPolicyRef[] {
  return refs.map((r) => ({ name: r.name, path: r.path })).sort((a, b) => (refKey(a) < refKey(b) ? -1 : refKey(a) > refKey(b) ? 1 : 0));
}

function boundaryKey(boundary: PermissionsBoundary | undefined): string | null {
  if (boundary === undefined) return null;
  return 'managedPolicyArn' in boundary ? `managed:${boundary.managedPolicyArn}` : `customer:${refKey(boundary.customerManagedPolicy)}`;
}

function managedTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tags)
      .filter(([key]) => key !== PERMISSION_SET_MANAGED_BY_TAG.key && !key.startsWith('aws:'))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** JSON text with object keys sorted at every level: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** AWS's text of a policy as canonical JSON; text that is not JSON stays as it is (and differs from any file). */
function canonicalPolicyText(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
