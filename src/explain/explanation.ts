// `orgctl explain`: what applies to one account or OU, as a value. Pure: the reads that fill it are in
// read-explanation.ts (through the port), the renderings in render-explanation.ts.

import type { OrgPolicyType } from '../model/desired.js';
import { ROOT_PATH, unescapeSegment } from '../model/paths.js';

export type ExplainedNodeType = 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

export interface ExplainedPolicy {
  readonly name: string;
  readonly id: string;
  readonly awsManaged: boolean;
}

/** One level of the path from the root to the target, with the policies attached directly to it. */
export interface ExplainedNode {
  readonly type: ExplainedNodeType;
  readonly id: string;
  readonly name: string;
  /** The OU path ("/" for the root, "/Workloads/Prod" for an OU); absent for an account. */
  readonly path?: string;
  /** By policy type, in the order the root lists its enabled types; a type with none attached has []. */
  readonly policies: Readonly<Partial<Record<OrgPolicyType, readonly ExplainedPolicy[]>>>;
}

export interface ExplainedBudget {
  readonly name: string;
  /** null: the budget filters on no linked account, so it counts every account. */
  readonly linkedAccounts: readonly string[] | null;
}

export interface Explanation {
  /** The root first, the target last. */
  readonly path: readonly ExplainedNode[];
  /** The target's own tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** The management account's budgets that count the target's costs. */
  readonly budgets: readonly ExplainedBudget[];
}

/** What the user asked about: an account by ID, or an OU (or the root, "/") by path. */
export type ExplainTarget = { readonly type: 'account'; readonly id: string } | { readonly type: 'ou'; readonly path: string; readonly names: readonly string[] };

/** The command line's target; undefined when it is neither a 12-digit account ID nor a path starting with "/". */
export function parseExplainTarget(text: string): ExplainTarget | undefined {
  if (/^\d{12}$/.test(text)) return { type: 'account', id: text };
  if (!text.startsWith('/')) return undefined;
  const trimmed = text.length > 1 && text.endsWith('/') ? text.slice(0, -1) : text;
  if (trimmed === ROOT_PATH) return { type: 'ou', path: ROOT_PATH, names: [] };
  const segments = trimmed.slice(1).split('/');
  if (segments.some((s) => s === '')) return undefined;
  return { type: 'ou', path: trimmed, names: segments.map(unescapeSegment) };
}

/**
 * The budgets that count the target: every budget without a linked-account filter, and for an account
 * those whose filter names it. An OU's accounts are not read, so budgets limited to some accounts are
 * explained per account. Sorted by name.
 */
export function budgetsCovering(budgets: readonly ExplainedBudget[], target: ExplainTarget): ExplainedBudget[] {
  return budgets
    .filter((b) => b.linkedAccounts === null || (target.type === 'account' && b.linkedAccounts.includes(target.id)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The target: the last node of the path. */
export function targetOf(explanation: Explanation): ExplainedNode {
  const target = explanation.path[explanation.path.length - 1];
  if (!target) throw new Error('an explanation has at least the root');
  return target;
}
