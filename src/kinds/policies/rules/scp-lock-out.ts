// Checks: no root, OU or account is left where its SCPs allow nothing. An action is allowed in an account
// only if, at EVERY level of its path (the root, each OU, the account itself), at least one SCP attached
// there allows it; so a level whose SCPs have no Allow statement (only Deny, or nothing usable) blocks every
// account beneath it. A Deny of every action ("*") on every resource ("*") without a Condition blocks
// likewise. This is a deliberately coarse check, NOT IAM evaluation: any Allow statement counts as allowing
// something (whatever its actions, resources or conditions), and only that blanket Deny counts as denying
// everything; a level that allows s3:* while the next allows only ec2:* is not caught.
// Each blocked subtree is reported once, at its highest node, with the number of accounts beneath it. A
// blocked node with no account beneath it (an empty "quarantine" OU) is a warning: nobody is locked out
// yet, but any account moved there will be. A level with no SCP attached at all is left to
// attachmentsPerTarget (the minimum-one rule) and not reported here. SCPs do not apply to the management
// account, so it is not counted. Names without a document (unknown here) count as allowing, so a missing
// input never invents a lock-out.
// The kind calls it during plan when SCPs are (or will be) enabled, with the tree and the SCPs after the plan:
//   scpLockOuts(nodes, scps) → PolicyDiagnostic[]
//     nodes: the root, every OU and every account, with parent links and the SCP names attached directly
//     scps:  the SCPs that will exist (declared, AWS-managed with AWS's document, other tools'), by name

import { visibleText } from '../../../text/visible-text.js';
import type { JsonValue, PolicyDiagnostic, PolicyInput, PolicyRuleAt } from './types.js';

export interface OrgTreeNode {
  /** Unique among the nodes: the root's ID, an OU's path, an account's ID. */
  readonly id: string;
  /** The parent's `id`; absent for the root. */
  readonly parentId?: string;
  /** How messages name it: "the root", "OU /Workloads", "account 111111111111". */
  readonly target: string;
  readonly isAccount: boolean;
  /** SCPs do not apply to the management account. */
  readonly isManagementAccount?: boolean;
  /** Names of the SCPs attached directly to it after the plan. */
  readonly scps: readonly string[];
  readonly at?: PolicyRuleAt;
}

type Verdict = { readonly blocked: false } | { readonly blocked: true; readonly why: string; readonly fix: string };

type JsonObject = { readonly [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const includesStar = (v: JsonValue | undefined): boolean => v === '*' || (Array.isArray(v) && v.includes('*'));

function statementsOf(document: JsonValue): JsonObject[] {
  if (!isObject(document)) return [];
  const statement = document['Statement'];
  return (Array.isArray(statement) ? statement : [statement]).filter(isObject);
}

function allowsSomething(statement: JsonObject): boolean {
  if (statement['Effect'] !== 'Allow') return false;
  if (statement['Action'] !== undefined) return true;
  return statement['NotAction'] !== undefined && !includesStar(statement['NotAction']);
}

function deniesEverything(statement: JsonObject): boolean {
  return (
    statement['Effect'] === 'Deny' &&
    includesStar(statement['Action']) &&
    statement['NotAction'] === undefined &&
    (statement['Resource'] === undefined || includesStar(statement['Resource'])) &&
    statement['NotResource'] === undefined &&
    statement['Condition'] === undefined
  );
}

function judgeLevel(node: OrgTreeNode, documents: ReadonlyMap<string, JsonValue>): Verdict {
  const names = [...new Set(node.scps)];
  if (names.length === 0 || names.some((name) => !documents.has(name))) return { blocked: false };
  const where = visibleText(node.target);
  for (const name of names) {
    if (statementsOf(documents.get(name) ?? null).some(deniesEverything)) {
      return {
        blocked: true,
        why: `its SCP "${visibleText(name)}" denies every action on every resource with no Condition`,
        fix: `Remove "${visibleText(name)}" from ${where}, or give its Deny a Condition that exempts who must keep access.`,
      };
    }
  }
  if (!names.some((name) => statementsOf(documents.get(name) ?? null).some(allowsSomething))) {
    return {
      blocked: true,
      why: `its SCPs (${names.map((n) => visibleText(n)).join(', ')}) have no Allow statement, and an action must be allowed at every level from the root down`,
      fix: `Attach FullAWSAccess (or an SCP that allows what they need) to ${where} as well.`,
    };
  }
  return { blocked: false };
}

export function scpLockOuts(nodes: readonly OrgTreeNode[], scps: readonly PolicyInput[]): PolicyDiagnostic[] {
  const documents = new Map<string, JsonValue>(scps.map((p) => [p.name, p.document]));
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, OrgTreeNode[]>();
  const tops: OrgTreeNode[] = [];
  for (const node of nodes) {
    if (node.parentId === undefined || !ids.has(node.parentId)) tops.push(node);
    else children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  }
  const accountsBeneath = (node: OrgTreeNode): number => {
    let count = 0;
    const stack = [node];
    for (let current = stack.pop(); current; current = stack.pop()) {
      if (current.isAccount && !current.isManagementAccount) count++;
      stack.push(...(children.get(current.id) ?? []));
    }
    return count;
  };
  const found: PolicyDiagnostic[] = [];
  const visited = new Set<string>();
  const stack = [...tops].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (visited.has(node.id)) continue; // a cycle in bad input must not loop forever
    visited.add(node.id);
    const verdict = node.isManagementAccount ? { blocked: false as const } : judgeLevel(node, documents);
    if (!verdict.blocked) {
      stack.push(...[...(children.get(node.id) ?? [])].reverse());
      continue;
    }
    const count = accountsBeneath(node);
    const who = node.isAccount ? 'this account' : count === 1 ? 'the 1 account beneath it' : `the ${count} accounts beneath it`;
    const at = node.at ? { at: node.at } : {};
    if (count === 0) {
      found.push({ severity: 'warning', message: `${visibleText(node.target)} allows nothing: ${verdict.why}. No account sits beneath it now, but any account moved there will be locked out. ${verdict.fix}`, ...at });
    } else {
      found.push({ severity: 'error', message: `${visibleText(node.target)} would be locked out: ${verdict.why}, so every action is denied for ${who}. ${verdict.fix}`, ...at });
    }
  }
  return found;
}
