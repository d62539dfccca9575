// Tags AWS would refuse, found before any call: counts, key and value lengths and characters, and the
// keys orgctl never manages (`aws:` is AWS's; `managed-by` is orgctl's own mark on the budgets it creates,
// so setting it by hand is refused rather than silently ignored).

import type { DesiredTags } from '../../model/desired.js';
import { isAwsManagedPolicyName } from '../../model/aws-managed-policies.js';
import { MANAGED_BUDGET_TAG } from '../../model/live.js';
import { TAG_LIMITS } from '../../model/tags.js';
import { visibleText } from '../../text/visible-text.js';
import type { OrgRule, RuleReport } from './rule.js';
import { walkOus } from './walk-ous.js';

export const tagsValid: OrgRule = (org, report) => {
  const check = (tags: DesiredTags | undefined, owner: string, max: number): void => {
    if (tags) checkTags(tags, owner, max, report);
  };
  check(org.root.tags, 'the root', TAG_LIMITS.perOrganizationsResource);
  for (const account of org.root.accounts) check(account.tags, `account ${account.id ?? account.email}`, TAG_LIMITS.perOrganizationsResource);
  for (const { ou } of walkOus(org)) {
    check(ou.tags, `OU ${visibleText(ou.path)}`, TAG_LIMITS.perOrganizationsResource);
    for (const account of ou.accounts) check(account.tags, `account ${account.id ?? account.email}`, TAG_LIMITS.perOrganizationsResource);
  }
  for (const budget of org.budgets) check(budget.tags, `budget "${visibleText(budget.name)}"`, TAG_LIMITS.perBudget);
  for (const policy of org.policies ?? []) {
    if (!policy.tags) continue;
    if (isAwsManagedPolicyName(policy.name)) {
      report(policy.tags.at, `policy "${visibleText(policy.name)}" is AWS-managed, and AWS refuses tags on AWS-managed policies. Remove its \`tags:\`.`);
      continue;
    }
    check(policy.tags, `policy "${visibleText(policy.name)}"`, TAG_LIMITS.perPolicy);
  }
};

function checkTags(tags: DesiredTags, owner: string, max: number, report: RuleReport): void {
  if (tags.entries.length > max) {
    report(tags.at, `${owner} has ${tags.entries.length} tags; AWS allows at most ${max}. Remove ${tags.entries.length - max}.`);
  }
  for (const { key, value, at } of tags.entries) {
    const shown = `"${visibleText(key)}"`;
    const { keyLength, valueLength, characters } = TAG_LIMITS;
    if (key.length < keyLength.min || key.length > keyLength.max) {
      report(at, `the tag key ${shown} of ${owner} is ${key.length} characters long; AWS allows ${keyLength.min} to ${keyLength.max}.`);
    } else if (!characters.test(key)) {
      report(at, `the tag key ${shown} of ${owner} has characters AWS refuses; use letters, digits, spaces and _ . : / = + - @ only.`);
    } else if (key.toLowerCase().startsWith('aws:')) {
      report(
        at,
        `the tag key ${shown} of ${owner} starts with "aws:", which AWS reserves for its own tags; orgctl leaves those alone. Remove it or rename the key.`,
      );
    } else if (key === MANAGED_BUDGET_TAG.key) {
      report(
        at,
        `the tag key "${MANAGED_BUDGET_TAG.key}" of ${owner} is orgctl's own (it marks the budgets orgctl created, for pruneBudgets) and is never set from org.yaml. Remove it, or use another key.`,
      );
    }
    if (value.length > valueLength.max) {
      report(at, `the value of the tag ${shown} of ${owner} is ${value.length} characters long; AWS allows at most ${valueLength.max}.`);
    } else if (!characters.test(value)) {
      report(at, `the value of the tag ${shown} of ${owner} has characters AWS refuses; use letters, digits, spaces and _ . : / = + - @ only.`);
    }
  }
}
