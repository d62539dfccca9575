// `orgctl explain`'s text and JSON (docs/cli-json.md). Pure. AWS's names and tags pass through
// visibleText in the text, so they cannot break lines or inject terminal escapes.

import type { OrgPolicyType } from '../model/desired.js';
import { visibleText } from '../text/visible-text.js';
import { targetOf, type ExplainedNode, type ExplainedPolicy, type Explanation } from './explanation.js';

export const EXPLAIN_JSON_FORMAT_VERSION = 1;

export interface ExplainJson {
  readonly formatVersion: 1;
  readonly target: { readonly type: ExplainedNode['type']; readonly id: string; readonly name: string; readonly path?: string };
  readonly path: readonly ExplainedNode[];
  readonly tags: Readonly<Record<string, string>>;
  readonly budgets: Explanation['budgets'];
}

export function explanationJson(explanation: Explanation): ExplainJson {
  const { type, id, name, path } = targetOf(explanation);
  return {
    formatVersion: EXPLAIN_JSON_FORMAT_VERSION,
    target: { type, id, name, ...(path !== undefined ? { path } : {}) },
    path: explanation.path,
    tags: explanation.tags,
    budgets: explanation.budgets,
  };
}

function nodeLabel(node: ExplainedNode): string {
  if (node.type === 'ROOT') return `root ${node.id} (${visibleText(node.name)})`;
  if (node.type === 'ORGANIZATIONAL_UNIT') return `OU ${visibleText(node.path ?? '')} ${node.id}`;
  return `account ${node.id} (${visibleText(node.name)})`;
}

function policyLabel(policy: ExplainedPolicy): string {
  return `${visibleText(policy.name)} (${policy.id}${policy.awsManaged ? ', AWS-managed' : ''})`;
}

export function renderExplanationText(explanation: Explanation): string {
  const target = targetOf(explanation);
  const lines: string[] = [`What applies to ${nodeLabel(target)}`, '', 'Path from the root, with the policies attached directly at each level:'];
  explanation.path.forEach((node, depth) => {
    const indent = '  '.repeat(depth + 1);
    lines.push(`${indent}${nodeLabel(node)}`);
    const types = Object.keys(node.policies) as OrgPolicyType[];
    if (types.length === 0) lines.push(`${indent}  (no policy type is enabled on the root)`);
    for (const type of types) {
      const policies = node.policies[type] ?? [];
      lines.push(`${indent}  ${type}: ${policies.length === 0 ? 'none' : policies.map(policyLabel).join(', ')}`);
    }
  });
  lines.push('');
  const tags = Object.entries(explanation.tags).sort(([a], [b]) => a.localeCompare(b));
  lines.push(tags.length === 0 ? 'Tags: none' : 'Tags:');
  for (const [key, value] of tags) lines.push(`  ${visibleText(key)} = ${visibleText(value)}`);
  lines.push('');
  lines.push(explanation.budgets.length === 0 ? 'Budgets that cover it: none' : 'Budgets that cover it:');
  for (const budget of explanation.budgets) {
    lines.push(`  ${visibleText(budget.name)} (${budget.linkedAccounts === null ? 'every account' : `linked accounts ${budget.linkedAccounts.map(visibleText).join(', ')}`})`);
  }
  // An OU's accounts are not read, so budgets limited to some accounts are explained per account.
  if (target.type !== 'ACCOUNT') lines.push('  (budgets limited to linked accounts are shown when you explain an account)');
  return `${lines.join('\n')}\n`;
}
