// org.yaml's `identityCenter:` section from DesiredOrg.identityCenter: the region, each permission set
// with what it declares (an inline policy as its `file:`, which import writes beside org.yaml), the groups
// of Identity Center's own directory, and the assignments. Its prune options are written inside `options:` (src/config/write-org-yaml.ts).

import { INDENT, quoted, scalar } from '../../config/yaml-scalar.js';
import type { DesiredAssignment, DesiredOrg, DesiredPermissionSet } from '../../model/desired.js';

export function writeIdentityCenterSection(org: DesiredOrg): string[] {
  const section = org.identityCenter;
  if (section === undefined) return [];
  const lines = ['identityCenter:'];
  if (section.region !== undefined) lines.push(`${INDENT}region: ${scalar(section.region)}`);
  lines.push(`${INDENT}permissionSets:${section.permissionSets.length === 0 ? ' {}' : ''}`);
  for (const set of section.permissionSets) lines.push(...permissionSetLines(set));
  if (section.groups !== undefined && section.groups.length > 0) {
    lines.push(`${INDENT}groups:`);
    for (const group of section.groups) lines.push(`${INDENT}${INDENT}${scalar(group.name)}: ${group.description !== undefined ? `{ description: ${scalar(group.description, 'flow')} }` : '{}'}`);
  }
  if (section.assignments.length > 0) {
    lines.push(`${INDENT}assignments:`);
    for (const assignment of section.assignments) lines.push(...assignmentLines(assignment));
  }
  return lines;
}

function permissionSetLines(set: DesiredPermissionSet): string[] {
  const at = INDENT.repeat(3);
  const flow = (text: string): string => scalar(text, 'flow');
  const list = (values: readonly string[]): string => `[${values.map(flow).join(', ')}]`;
  const ref = (r: { name: string; path: string }): string => `{ name: ${flow(r.name)}, path: ${flow(r.path)} }`;
  const lines = [`${INDENT}${INDENT}${scalar(set.name)}:`];
  if (set.description !== undefined) lines.push(`${at}description: ${scalar(set.description)}`);
  lines.push(`${at}sessionDuration: ${scalar(set.sessionDuration)}`);
  if (set.managedPolicies.length > 0) lines.push(`${at}managedPolicies: ${list(set.managedPolicies)}`);
  if ((set.customerManagedPolicies ?? []).length > 0) lines.push(`${at}customerManagedPolicies: [${(set.customerManagedPolicies ?? []).map(ref).join(', ')}]`);
  if (set.inlinePolicyFile !== undefined) lines.push(`${at}inlinePolicy: ${scalar(set.inlinePolicyFile)}`);
  const boundary = set.permissionsBoundary;
  if (boundary !== undefined) {
    lines.push(`${at}permissionsBoundary: ${'managedPolicyArn' in boundary ? `{ managedPolicyArn: ${flow(boundary.managedPolicyArn)} }` : `{ customerManagedPolicy: ${ref(boundary.customerManagedPolicy)} }`}`);
  }
  if (set.tags !== undefined) lines.push(`${at}tags: {${Object.entries(set.tags).map(([k, v]) => ` ${flow(k)}: ${flow(v)}`).join(',')} }`);
  return lines;
}

function assignmentLines(assignment: DesiredAssignment): string[] {
  const at = INDENT.repeat(3);
  const lines: string[] = [];
  const first = (line: string): void => {
    lines.push(lines.length === 0 ? `${INDENT}${INDENT}- ${line}` : `${at}${line}`);
  };
  if (assignment.principal) first(`${assignment.principal.type === 'GROUP' ? 'group' : 'user'}: ${scalar(assignment.principal.name)}`);
  first(`permissionSet: ${scalar(assignment.permissionSet.value)}`);
  if (assignment.accounts.length > 0) first(`accounts: [${assignment.accounts.map((a) => quotedId(a.value)).join(', ')}]`);
  if (assignment.organizationalUnits.length > 0) first(`organizationalUnits: [${assignment.organizationalUnits.map((o) => scalar(o.value, 'flow')).join(', ')}]`);
  return lines;
}

/** Account IDs are always quoted (an unquoted number loses its leading zeros). */
function quotedId(id: string): string {
  return quoted(id);
}
