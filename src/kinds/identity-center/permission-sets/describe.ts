// How the renderers show a permission set step: what it grants, and before → after for what changes.
// Every value from org.yaml or AWS goes through visibleText (no markdown or mentions from the data).

import type { PermissionsBoundary } from '../../../model/permission-sets.js';
import { visibleText } from '../../../text/visible-text.js';
import { changedFields, refKey } from './document.js';
import type { CreatePermissionSetStep, UpdatePermissionSetStep } from './steps.js';

export function describeCreate(step: CreatePermissionSetStep): { title: string; details: string[] } {
  const set = step.after;
  const details = [
    ...(set.description !== undefined ? [`description: ${visibleText(set.description)}`] : []),
    `session duration: ${visibleText(set.sessionDuration)}`,
    ...set.managedPolicies.map((arn) => `managed policy: ${visibleText(arn)}`),
    ...set.customerManagedPolicies.map((ref) => `customer managed policy: ${visibleText(refKey(ref))}`),
    ...(set.inlinePolicy !== undefined ? ['inline policy: from org.yaml'] : []),
    ...(set.permissionsBoundary !== undefined ? [`permissions boundary: ${describeBoundary(set.permissionsBoundary)}`] : []),
    ...Object.entries(set.tags ?? {}).map(([k, v]) => `tag ${visibleText(k)}: ${visibleText(v)}`),
  ];
  return { title: `permission set ${visibleText(set.name)}`, details };
}

export function describeUpdate(step: UpdatePermissionSetStep): { title: string; details: string[] } {
  const { before, after } = step;
  const details = changedFields(before, after).flatMap((field): string[] => {
    switch (field) {
      case 'description':
        return [`description: ${show(before.description)} → ${show(after.description)}`];
      case 'sessionDuration':
        return [`session duration: ${visibleText(before.sessionDuration)} → ${visibleText(after.sessionDuration)}`];
      case 'managedPolicies':
        return listChanges('managed policy', before.managedPolicies, after.managedPolicies);
      case 'customerManagedPolicies':
        return listChanges('customer managed policy', before.customerManagedPolicies.map(refKey), after.customerManagedPolicies.map(refKey));
      case 'inlinePolicy':
        return [before.inlinePolicy === undefined ? 'inline policy: added' : after.inlinePolicy === undefined ? 'inline policy: removed' : 'inline policy: changed'];
      case 'permissionsBoundary':
        return [`permissions boundary: ${boundaryText(before.permissionsBoundary)} → ${boundaryText(after.permissionsBoundary)}`];
      case 'tags':
        return tagChanges(before.tags ?? {}, after.tags ?? {});
    }
  });
  return { title: `permission set ${visibleText(after.name)}`, details };
}

/** "AdministratorAccess on 14 accounts". */
export function describeProvisioning(name: string, accountIds: readonly string[]): { title: string; details: string[] } {
  return { title: `provision permission set ${visibleText(name)} to ${accountIds.length === 1 ? '1 account' : `${accountIds.length} accounts`}`, details: [] };
}

function listChanges(label: string, before: readonly string[], after: readonly string[]): string[] {
  return [
    ...after.filter((p) => !before.includes(p)).map((p) => `+ ${label}: ${visibleText(p)}`),
    ...before.filter((p) => !after.includes(p)).map((p) => `- ${label}: ${visibleText(p)}`),
  ];
}

function tagChanges(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  return [
    ...Object.entries(after)
      .filter(([k, v]) => before[k] !== v)
      .map(([k, v]) => `tag ${visibleText(k)}: ${show(before[k])} → ${visibleText(v)}`),
    ...Object.keys(before)
      .filter((k) => !(k in after))
      .map((k) => `- tag ${visibleText(k)}`),
  ];
}

function show(value: string | undefined): string {
  return value === undefined ? '(none)' : visibleText(value);
}

function boundaryText(boundary: PermissionsBoundary | undefined): string {
  return boundary === undefined ? '(none)' : describeBoundary(boundary);
}

function describeBoundary(boundary: PermissionsBoundary): string {
  return 'managedPolicyArn' in boundary ? visibleText(boundary.managedPolicyArn) : `customer managed ${visibleText(refKey(boundary.customerManagedPolicy))}`;
}

