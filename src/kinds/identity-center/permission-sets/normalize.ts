// A permission set's policies and tags as org.yaml writes them → DesiredPermissionSet's fields:
// customer managed policy paths default to "/", the inline policy file is kept with its position (the
// config loader reads it), the boundary becomes one of its two forms.

import { at, type PositionLookup } from '../../../config/position-lookup.js';
import type { PermissionSet } from '../../../config/written-org-yaml.js';
import type { DesiredPermissionSet } from '../../../model/desired.js';
import type { PermissionsBoundary } from '../../../model/permission-sets.js';

type PolicyFields = Pick<DesiredPermissionSet, 'customerManagedPolicies' | 'inlinePolicyFile' | 'inlinePolicyFileAt' | 'permissionsBoundary' | 'tags'>;

export function normalizePermissionSetPolicies(name: string, written: PermissionSet | undefined, positionOf: PositionLookup): PolicyFields {
  if (written === undefined) return {};
  const boundary = normalizeBoundary(written.permissionsBoundary);
  const fileAt = written.inlinePolicy === undefined ? undefined : at(positionOf(['identityCenter', 'permissionSets', name, 'inlinePolicy'])).at;
  return {
    ...(written.customerManagedPolicies !== undefined && {
      customerManagedPolicies: written.customerManagedPolicies.map((p) => ({ name: p.name, path: p.path ?? '/' })),
    }),
    ...(written.inlinePolicy !== undefined && { inlinePolicyFile: written.inlinePolicy }),
    ...(fileAt !== undefined && { inlinePolicyFileAt: fileAt }),
    ...(boundary !== undefined && { permissionsBoundary: boundary }),
    ...(written.tags !== undefined && { tags: Object.fromEntries(Object.entries(written.tags).filter((entry): entry is [string, string] => entry[1] !== undefined)) }),
  };
}

function normalizeBoundary(written: PermissionSet['permissionsBoundary']): PermissionsBoundary | undefined {
  if (written?.managedPolicyArn !== undefined) return { managedPolicyArn: written.managedPolicyArn };
  if (written?.customerManagedPolicy !== undefined) return { customerManagedPolicy: { name: written.customerManagedPolicy.name, path: written.customerManagedPolicy.path ?? '/' } };
  return undefined;
}
