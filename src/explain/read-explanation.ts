// The reads of `orgctl explain`, through the port: only what one target needs, never the tree walk.
//   account: DescribeAccount, ListParents up to the root, DescribeOrganizationalUnit per OU above it;
//   OU path: ListOrganizationalUnitsForParent per level from the root, by name;
//   both: DescribeOrganization (the management account, whose budgets count), ListRoots (the root and
//   its enabled policy types), ListPoliciesForTarget per level per enabled type, ListTagsForResource
//   once (the target), DescribeBudgets once.
// An account or OU that is not in the organization is a UserError (exit 1), with the closest OU name.

import { isAwsCallError } from '../aws/errors.js';
import type { AwsPort } from '../aws/port.js';
import { closestMatch } from '../config/closest-match.js';
import type { OrgPolicyType } from '../model/desired.js';
import { UserError } from '../model/errors.js';
import { childPath, ROOT_PATH } from '../model/paths.js';
import { visibleText } from '../text/visible-text.js';
import { budgetsCovering, type ExplainedNode, type ExplainTarget, type Explanation } from './explanation.js';

type Level = Omit<ExplainedNode, 'policies'>;

export async function readExplanation(port: AwsPort, target: ExplainTarget): Promise<Explanation> {
  const organization = await port.describeOrganization();
  if (organization === null) throw new UserError('the credentials are not in an AWS Organization, so there is nothing to explain.');
  const [root] = await port.listRoots();
  if (!root) throw new UserError('the organization has no root.');
  const policyTypes = (root.policyTypes ?? []).filter((t) => t.status === 'ENABLED' || t.status === 'PENDING_ENABLE').map((t) => t.type as OrgPolicyType);
  const rootLevel: Level = { type: 'ROOT', id: root.id, name: root.name, path: ROOT_PATH };

  const levels = target.type === 'account' ? await accountLevels(port, target.id, rootLevel) : await ouLevels(port, target, rootLevel);
  const targetId = levels[levels.length - 1]!.id;
  const [path, tags, budgets] = await Promise.all([
    Promise.all(levels.map((level) => withPolicies(port, level, policyTypes))),
    port.listResourceTags(targetId),
    port.describeBudgetScopes(organization.managementAccountId),
  ]);
  return { path, tags, budgets: budgetsCovering(budgets, target) };
}

async function withPolicies(port: AwsPort, level: Level, types: readonly OrgPolicyType[]): Promise<ExplainedNode> {
  const lists = await Promise.all(types.map((type) => port.listPoliciesForTarget(level.id, type)));
  const policies = Object.fromEntries(types.map((type, i) => [type, (lists[i] ?? []).map((p) => ({ name: p.name, id: p.id, awsManaged: p.awsManaged }))]));
  return { ...level, policies };
}

/** The root, the OUs above the account (ListParents up the chain) and the account. */
async function accountLevels(port: AwsPort, accountId: string, root: Level): Promise<Level[]> {
  const account = await notFoundAs(port.describeAccount(accountId), `no account ${accountId} in the organization. Check the ID (12 digits) with \`aws organizations list-accounts\`.`);
  const ouIds: string[] = [];
  for (let childId = accountId; ; ) {
    const [parent] = await port.listParents(childId);
    if (!parent) throw new UserError(`AWS named no parent of ${visibleText(childId)}.`);
    if (parent.type === 'ROOT') break;
    ouIds.unshift(parent.id);
    childId = parent.id;
  }
  const names = await Promise.all(ouIds.map(async (id) => (await port.describeOrganizationalUnit(id)).name));
  const ous: Level[] = [];
  let path = ROOT_PATH;
  for (const [i, id] of ouIds.entries()) {
    path = childPath(path, names[i] ?? '');
    ous.push({ type: 'ORGANIZATIONAL_UNIT', id, name: names[i] ?? '', path });
  }
  return [root, ...ous, { type: 'ACCOUNT', id: account.id, name: account.name }];
}

/** The root and each OU down the path, found by name among its parent's child OUs. */
async function ouLevels(port: AwsPort, target: Extract<ExplainTarget, { type: 'ou' }>, root: Level): Promise<Level[]> {
  const levels: Level[] = [root];
  let parent = root;
  for (const name of target.names) {
    const children = await port.listOrganizationalUnitsForParent(parent.id);
    const found = children.find((ou) => ou.name === name);
    const parentPath = parent.path ?? ROOT_PATH;
    if (!found) {
      const suggestion = closestMatch(name, children.map((ou) => ou.name));
      const where = parentPath === ROOT_PATH ? 'the root' : `OU ${visibleText(parentPath)}`;
      const hint = suggestion !== undefined ? ` Did you mean ${visibleText(childPath(parentPath, suggestion))}?` : children.length === 0 ? ` ${where} has no OUs.` : '';
      throw new UserError(`no OU ${visibleText(target.path)} in the organization: ${where} has no OU named "${visibleText(name)}".${hint}`);
    }
    parent = { type: 'ORGANIZATIONAL_UNIT', id: found.id, name: found.name, path: childPath(parentPath, found.name) };
    levels.push(parent);
  }
  return levels;
}

async function notFoundAs<T>(call: Promise<T>, message: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isAwsCallError(error, 'notFound')) throw new UserError(message);
    throw error;
  }
}
