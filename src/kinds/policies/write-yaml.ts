// The policies section of org.yaml: each policy's type, description and document file (import writes
// the documents to those files; src/cli/commands/import.ts). Nothing when org.yaml declares none.

import { INDENT, scalar } from '../../config/yaml-scalar.js';
import type { DesiredOrg } from '../../model/desired.js';
import { flowTags } from '../tags/write-yaml.js';

export function writePoliciesSection(org: DesiredOrg): string[] {
  const policies = org.policies ?? [];
  if (policies.length === 0) return [];
  const lines = ['policies:'];
  const at = INDENT + INDENT;
  for (const policy of policies) {
    lines.push(`${INDENT}${scalar(policy.name)}:`, `${at}type: ${policy.type}`, `${at}description: ${scalar(policy.description)}`);
    if (policy.file !== undefined) lines.push(`${at}file: ${scalar(policy.file)}`);
    else lines.push(`${at}document: ${JSON.stringify(policy.document ?? {})}`);
    if (policy.tags !== undefined) lines.push(`${at}tags: ${flowTags(policy.tags)}`);
  }
  return lines;
}
