// DesiredOrg → org.yaml text, in the order given, with every default written out. Pure: no fs.
// The inverse of parseOrgYaml for what org.yaml can express: parsing the output gives the same
// organization back. Written by hand rather than through a YAML library so that the layout is
// fixed (one account per line, one email per line: small changes give small diffs) and every
// scalar is quoted exactly when it must be, with invisible characters escaped so a name is always
// one visible line.

import { RESOURCE_KINDS } from '../kinds/registry.js';
import type { DesiredOrg, DesiredSecurity } from '../model/desired.js';
import { SUPPORTED_VERSION } from './limits.js';
import { INDENT, scalar, visibleInComment } from './yaml-scalar.js';

export { quoted, scalar, visibleInComment } from './yaml-scalar.js';

/** First line of every org.yaml orgctl writes: editors validate the file against the schema. */
export const SCHEMA_COMMENT = '# yaml-language-server: $schema=./schema/org.schema.json';

export interface OrgYamlComments {
  /** Comment lines after the schema line, before `version:` (without the leading `#`). */
  readonly header?: readonly string[];
  /** Comment lines after the document, separated from it by a blank line. */
  readonly trailer?: readonly string[];
}

export function writeOrgYaml(org: DesiredOrg, comments: OrgYamlComments = {}): string {
  const lines: string[] = [SCHEMA_COMMENT, ...commentLines(comments.header ?? [])];
  lines.push(`version: ${SUPPORTED_VERSION}`);
  // Each kind writes its own section (the organization and its OU tree, budgets, ...), in registry order.
  for (const kind of RESOURCE_KINDS) lines.push(...kind.orgYamlSection(org));
  // Options and security mix several kinds' settings with the audit's, so they are written here.
  lines.push('options:');
  lines.push(`${INDENT}pruneOrganizationalUnits: ${org.options.pruneOrganizationalUnits}`);
  lines.push(`${INDENT}pruneBudgets: ${org.options.pruneBudgets}`);
  lines.push(`${INDENT}unlistedAccounts: ${org.options.unlistedAccounts}`);
  if (org.options.closedAccountsOu !== undefined) lines.push(`${INDENT}closedAccountsOu: ${scalar(org.options.closedAccountsOu)}`);
  if (org.options.prunePolicies !== undefined) lines.push(`${INDENT}prunePolicies: ${org.options.prunePolicies}`);
  if (org.options.unlistedPolicyAttachments !== undefined) lines.push(`${INDENT}unlistedPolicyAttachments: ${org.options.unlistedPolicyAttachments}`);
  // The identity center kind's options live in DesiredOrg.identityCenter; written when not at their default.
  if (org.identityCenter?.prunePermissionSets === true) lines.push(`${INDENT}prunePermissionSets: true`);
  if (org.identityCenter?.pruneAssignments === true) lines.push(`${INDENT}pruneAssignments: true`);
  if (org.security) writeSecurity(lines, org.security);
  if (comments.trailer && comments.trailer.length > 0) lines.push('', ...commentLines(comments.trailer));
  return `${lines.join('\n')}\n`;
}

function writeSecurity(lines: string[], security: DesiredSecurity): void {
  const at = INDENT + INDENT;
  lines.push('security:');
  if (security.breakGlassUsers.length > 0) {
    lines.push(`${INDENT}breakGlassUsers:`);
    for (const user of security.breakGlassUsers) lines.push(user.create ? `${at}- { name: ${scalar(user.name, 'flow')}, create: true }` : `${at}- ${scalar(user.name)}`);
  }
  lines.push(`${INDENT}identityCenter: ${security.identityCenter}`);
  if (security.identityCenterRegion !== undefined) lines.push(`${INDENT}identityCenterRegion: ${scalar(security.identityCenterRegion)}`);
  if (security.alternateContacts.length > 0) {
    lines.push(`${INDENT}alternateContacts:`);
    for (const contact of security.alternateContacts) {
      const fields = [
        `email: ${scalar(contact.email, 'flow')}`,
        ...(contact.name !== undefined ? [`name: ${scalar(contact.name, 'flow')}`] : []),
        ...(contact.title !== undefined ? [`title: ${scalar(contact.title, 'flow')}`] : []),
        ...(contact.phone !== undefined ? [`phone: ${scalar(contact.phone, 'flow')}`] : []),
      ];
      lines.push(`${at}${contact.type.toLowerCase()}: { ${fields.join(', ')} }`);
    }
  }
}

function commentLines(lines: readonly string[]): string[] {
  return lines.map((line) => (line === '' ? '#' : `# ${visibleInComment(line)}`));
}

