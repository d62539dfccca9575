// The identityCenter section of org.yaml as `orgctl import` writes it.

import { INDENT, quoted, scalar } from '../../config/yaml-scalar.js';
import type { DesiredOrg } from '../../model/desired.js';

/** Nothing when org.yaml has no identityCenter section. */
export function writeIdentityCenterSection(org: DesiredOrg): string[] {
  const section = org.identityCenter;
  if (section === undefined) return [];
  const lines = ['identityCenter:'];
  if (section.region !== undefined) lines.push(`${INDENT}region: ${scalar(section.region)}`);
  lines.push(`${INDENT}permissionSets:`);
  for (const set of section.permissionSets) {
    const fields = [...(set.description !== undefined ? [`description: ${scalar(set.description, 'flow')}`] : []), `sessionDuration: ${set.sessionDuration}`];
    if (set.managedPolicies.length > 0) fields.push(`managedPolicies: [${set.managedPolicies.map((p) => scalar(p, 'flow')).join(', ')}]`);
    lines.push(`${INDENT}${INDENT}${scalar(set.name)}: { ${fields.join(', ')} }`);
  }
  if (section.groups !== undefined && section.groups.length > 0) {
    lines.push(`${INDENT}groups:`);
    for (const group of section.groups) lines.push(`${INDENT}${INDENT}${scalar(group.name)}: ${group.description !== undefined ? `{ description: ${scalar(group.description, 'flow')} }` : '{}'}`);
  }
  lines.push(`${INDENT}assignments:`);
  for (const a of section.assignments) {
    if (a.principal === undefined) continue;
    const at = `${INDENT}${INDENT}${INDENT}`;
    lines.push(`${INDENT}${INDENT}- ${a.principal.type === 'GROUP' ? 'group' : 'user'}: ${scalar(a.principal.name)}`);
    lines.push(`${at}permissionSet: ${scalar(a.permissionSet.value)}`);
    if (a.accounts.length > 0) lines.push(`${at}accounts: [${a.accounts.map((x) => quoted(x.value)).join(', ')}]`);
    if (a.organizationalUnits.length > 0) lines.push(`${at}organizationalUnits: [${a.organizationalUnits.map((x) => scalar(x.value, 'flow')).join(', ')}]`);
  }
  return lines;
}
