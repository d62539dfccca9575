// The organization's sections of org.yaml: `organization:` (the management account and the feature set)
// and `root:`, the OU tree with its accounts, one account per line so that a move is a two-line diff.

import { INDENT, quoted, scalar } from '../../config/yaml-scalar.js';
import type { DesiredAccount, DesiredNode, DesiredOrg } from '../../model/desired.js';

export function writeOrganizationSection(org: DesiredOrg): string[] {
  const lines = ['organization:', `${INDENT}managementAccountId: ${quoted(org.managementAccountId)}`, `${INDENT}featureSet: ${org.featureSet}`];
  writeNode(lines, 'root', org.root, '');
  return lines;
}

/** `key:` followed by the node's accounts and child OUs; `key: {}` when it has neither. */
function writeNode(lines: string[], key: string, node: DesiredNode & { readonly renamedFrom?: string }, indent: string): void {
  const renamed = node.renamedFrom !== undefined;
  if (node.accounts.length === 0 && node.organizationalUnits.length === 0 && !renamed) {
    lines.push(`${indent}${key}: {}`);
    return;
  }
  lines.push(`${indent}${key}:`);
  const inner = indent + INDENT;
  if (renamed) lines.push(`${inner}renamedFrom: ${scalar(node.renamedFrom)}`);
  if (node.accounts.length > 0) {
    lines.push(`${inner}accounts:`);
    for (const account of node.accounts) lines.push(`${inner}${INDENT}- ${accountEntry(account)}`);
  }
  if (node.organizationalUnits.length > 0) {
    lines.push(`${inner}organizationalUnits:`);
    for (const ou of node.organizationalUnits) writeNode(lines, scalar(ou.name), ou, inner + INDENT);
  }
}

function accountEntry(account: DesiredAccount): string {
  if ((account.name === undefined || account.name === '') && account.id !== undefined) return quoted(account.id);
  const { creation } = account;
  const fields = [
    ...(account.id !== undefined ? [`id: ${quoted(account.id)}`] : []),
    `name: ${scalar(account.name ?? '', 'flow')}`,
    ...(account.email !== undefined ? [`email: ${scalar(account.email, 'flow')}`] : []),
    ...(account.closed ? ['closed: true'] : []),
    ...(creation?.tags !== undefined
      ? [`tags: { ${Object.entries(creation.tags).map(([k, v]) => `${scalar(k, 'flow')}: ${scalar(v, 'flow')}`).join(', ')} }`]
      : []),
    ...(creation?.iamUserAccessToBilling !== undefined ? [`iamUserAccessToBilling: ${creation.iamUserAccessToBilling}`] : []),
    ...(creation?.roleName !== undefined ? [`roleName: ${scalar(creation.roleName, 'flow')}`] : []),
  ];
  return `{ ${fields.join(', ')} }`;
}
