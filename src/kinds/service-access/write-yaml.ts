// The service-access lines of org.yaml's `organization:` section (written by the organization kind's
// section, after the feature set): one service per line, one administered service per line.

import { INDENT, quoted, scalar } from '../../config/yaml-scalar.js';
import type { DesiredOrg } from '../../model/desired.js';

export function writeServiceAccessLines(org: DesiredOrg): string[] {
  const lines: string[] = [];
  const inner = INDENT + INDENT;
  if (org.trustedServices !== undefined) {
    if (org.trustedServices.length === 0) lines.push(`${INDENT}trustedServices: []`);
    else lines.push(`${INDENT}trustedServices:`, ...org.trustedServices.map((s) => `${inner}- ${scalar(s.principal)}`));
  }
  if (org.delegatedAdministrators !== undefined) {
    if (org.delegatedAdministrators.length === 0) lines.push(`${INDENT}delegatedAdministrators: {}`);
    else {
      lines.push(`${INDENT}delegatedAdministrators:`);
      for (const entry of org.delegatedAdministrators) {
        const accounts = entry.accountIds.length === 1 ? quoted(entry.accountIds[0]!) : `[${entry.accountIds.map(quoted).join(', ')}]`;
        lines.push(`${inner}${scalar(entry.principal)}: ${accounts}`);
      }
    }
  }
  return lines;
}
