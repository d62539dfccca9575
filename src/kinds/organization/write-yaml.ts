// The organization's sections of org.yaml: `organization:` (the management account and the feature set)
// and `root:`, the OU tree with its accounts, one account per line so that a move is a two-line diff.

import { INDENT, quoted, scalar } from '../../config/yaml-scalar.js';
import type { DesiredAccount, DesiredNode, DesiredOrg } from '../../model/desired.js';
import { writeServiceAccessLines } from '../service-access/write-yaml.js';
import { flowTags } from '../tags/write-yaml.js';

export function writeOrganizationSection(org: DesiredOrg): string[] {
  const lines = ['organization:', `${INDENT}managementAccountId: ${quoted(org.managementAccountId)}`, `${INDENT}featureSet: ${org.featureSet}`];
  // The service-access kind's keys live inside `organization:` (trustedServices, delegatedAdministrators).
  lines.push(...writeServiceAccessLines(org));
  writeNode(lines, 'root', org.root, '');
  return lines;
}

/** `key:` followed by the node's accounts and child OUs; `key: {}` when it has neither. */
function writeNode(lines: string[], key: string, node: DesiredNode & { readonly renamedFrom?: string }, indent: string): void {
  const renamed = node.renamedFrom !== undefined;
  if (node.accounts.length === 0 && node.organizationalUnits.length === 0 && !renamed && !node.tags && node.policies === undefined) {
    lines.push(`${indent}${key}: {}`);
    return;
  }
  lines.push(`${indent}${key}:`);
  const inner = indent + INDENT;
  if (renamed) lines.push(`${inner}renamedFrom: ${scalar(node.renamedFrom)}`);
  if (node.tags) lines.push(`${inner}tags: ${flowTags(node.tags)}`);
  if (node.policies !== undefined) lines.push(`${inner}policies: ${policyList(node.policies)}`);
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
  const named = account.name !== undefined && account.name !== '';
  if (!named && account.id !== undefined && !account.tags && account.policies === undefined && account.email === undefined) return quoted(account.id);
  const { creation } = account;
  const fields = [
    ...(account.id !== undefined ? [`id: ${quoted(account.id)}`] : []),
    ...(named ? [`name: ${scalar(account.name!, 'flow')}`] : []),
    ...(account.email !== undefined ? [`email: ${scalar(account.email, 'flow')}`] : []),
    ...(account.closed ? ['closed: true'] : []),
    ...(account.tags ? [`tags: ${flowTags(account.tags)}`] : []),
    ...(creation?.iamUserAccessToBilling !== undefined ? [`iamUserAccessToBilling: ${creation.iamUserAccessToBilling}`] : []),
    ...(creation?.roleName !== undefined ? [`roleName: ${scalar(creation.roleName, 'flow')}`] : []),
    ...(account.policies ? [`policies: ${policyList(account.policies)}`] : []),
  ];
  return `{ ${fields.join(', ')} }`;
}

/** `[FullAWSAccess, DenyLeave]`: a node's policies, by name. */
function policyList(policies: readonly { readonly name: string }[]): string {
  return `[${policies.map((p) => scalar(p.name, 'flow')).join(', ')}]`;
}
