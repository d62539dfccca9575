// Every policy has one document (`file:` or `document:`), and every name in a node's `policies:` list is
// a policy org.yaml declares or an AWS-managed one, which org.yaml names without declaring.

import type { DesiredAccount, DesiredNode, DesiredPolicyAttachment } from '../../model/desired.js';
import { AWS_MANAGED_POLICIES, isAwsManagedPolicyName } from '../../model/aws-managed-policies.js';
import { visibleText } from '../../text/visible-text.js';
import { closestMatch } from '../closest-match.js';
import type { OrgRule } from './rule.js';
import { walkOus } from './walk-ous.js';

export const policyHasOneDocument: OrgRule = (org, report) => {
  for (const policy of org.policies ?? []) {
    const name = visibleText(policy.name);
    if (isAwsManagedPolicyName(policy.name)) {
      report(policy.at, `policy "${name}" is AWS-managed: AWS provides it and orgctl never creates or changes it. Remove it from \`policies:\` and name it on nodes directly.`);
      continue;
    }
    if (policy.file !== undefined && policy.document !== undefined) {
      report(policy.at, `policy "${name}" has both \`file:\` and \`document:\`; give exactly one.`);
    } else if (policy.file === undefined && policy.document === undefined) {
      report(policy.at, `policy "${name}" has no document: add \`file:\` (a JSON file, relative to org.yaml) or \`document:\` (the JSON written inline as YAML).`);
    }
  }
};

export const policyReferencesKnown: OrgRule = (org, report) => {
  const declared = new Set((org.policies ?? []).map((p) => p.name));
  const known = [...declared, ...Object.keys(AWS_MANAGED_POLICIES)];
  const check = (list: readonly DesiredPolicyAttachment[] | undefined, where: string): void => {
    for (const ref of list ?? []) {
      if (declared.has(ref.name) || isAwsManagedPolicyName(ref.name)) continue;
      const suggestion = closestMatch(ref.name, known);
      report(
        ref.at,
        `${where} names policy "${visibleText(ref.name)}", which is not declared under \`policies:\` and is not AWS-managed.` +
          (suggestion ? ` Did you mean "${visibleText(suggestion)}"?` : ' Declare it under the top-level `policies:`.'),
      );
    }
  };
  const checkAccounts = (node: DesiredNode): void => {
    for (const account of node.accounts as readonly DesiredAccount[]) check(account.policies, `account ${account.id}`);
  };
  check(org.root.policies, 'the root');
  checkAccounts(org.root);
  for (const { ou } of walkOus(org)) {
    check(ou.policies, `OU ${visibleText(ou.path)}`);
    checkAccounts(ou);
  }
};
