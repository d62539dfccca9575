// What import read → the org.yaml model (DesiredOrg), sorted the way a person keeps it, plus
// everything org.yaml cannot express, to be listed as comments. Pure.
//
// Each registered kind imports its own part (ResourceKind.importDesired: the OU tree and account
// placement, budgets, ...), sorted so an unchanged organization gives the same model (and file) every
// time, whatever order AWS lists things in. This file merges the parts, fills in the option defaults
// and lists what belongs to no kind: the tags the file does not declare (of resources it leaves out,
// and `aws:` and `managed-by` keys, which orgctl never changes).

import { DEFAULTS } from '../config/defaults.js';
import type { ImportCounts, ImportedDesired, ImportLeftOut, InactiveAccount, KindImport, LeftOutBudget } from '../kinds/kind-import.js';
import { RESOURCE_KINDS } from '../kinds/registry.js';
import type { DesiredNode, DesiredOrg } from '../model/desired.js';
import { ROOT_PATH } from '../model/paths.js';
import { indexLiveTree } from '../planner/live-tree.js';
import { byNaturalOrder } from './natural-order.js';
import { isUntouchedTagKey } from '../model/tags.js';
import { indexDesired } from '../planner/desired-index.js';
import type { ImportReading, Tags } from './read-for-import.js';

export type { ImportCounts, InactiveAccount, LeftOutBudget };

export interface ImportedOrg extends ImportLeftOut {
  readonly organizationId: string;
  /** org.yaml's content: every ACTIVE account in its place, every budget org.yaml can express. */
  readonly desired: DesiredOrg;
  /** The policy documents org.yaml's `file:` keys name, to be written next to it (relative paths). */
  readonly policyFiles: readonly PolicyFile[];
  // Everything below, like the kinds' lists in ImportLeftOut, is what org.yaml cannot express.
  /**
   * null: tags were not read. The tags org.yaml does not declare (the others are `tags:` keys): those of
   * resources it leaves out, and `aws:` and `managed-by` keys. Only resources with at least one such tag.
   */
  readonly tags: readonly TaggedResource[] | null;
  readonly counts: ImportCounts;
}

export interface PolicyFile {
  /** Relative to org.yaml, e.g. "policies/DenyLeave.json". */
  readonly path: string;
  /** The document, pretty-printed JSON. */
  readonly text: string;
}

export type TargetRef =
  | { readonly kind: 'root' }
  | { readonly kind: 'ou'; readonly path: string }
  | { readonly kind: 'account'; readonly id: string; readonly name: string };

export interface TaggedResource {
  readonly resource: TargetRef | { readonly kind: 'budget'; readonly name: string };
  /** Sorted by key. */
  readonly tags: readonly (readonly [string, string])[];
}

export function buildImportedOrg(reading: ImportReading): ImportedOrg {
  const { live, organization } = reading;
  const parts = RESOURCE_KINDS.map((kind) => ({ kind: kind.name, part: kind.importDesired(reading) }));
  const imported = merged(parts, 'desired', IMPORTED_DESIRED);
  const leftOut = merged(parts, 'leftOut', IMPORT_LEFT_OUT);
  const counts = merged(parts, 'counts', IMPORT_COUNTS);

  const { pathById } = indexLiveTree(live);
  const accountById = new Map(live.accounts.map((a) => [a.id, a]));
  const targetRef = (target: { id: string }): TargetRef => {
    const path = pathById.get(target.id);
    if (path === ROOT_PATH) return { kind: 'root' };
    if (path !== undefined) return { kind: 'ou', path };
    return { kind: 'account', id: target.id, name: accountById.get(target.id)?.name ?? '' };
  };

  return {
    organizationId: organization.id,
    desired: {
      managementAccountId: imported.managementAccountId,
      featureSet: imported.featureSet,
      root: withAttachments(imported.root, attachmentsOf(parts)),
      budgets: imported.budgets,
      // The policy options are left out: absent means their defaults (no pruning, unlisted attachments reported).
      options: { pruneOrganizationalUnits: DEFAULTS.options.pruneOrganizationalUnits, pruneBudgets: DEFAULTS.options.pruneBudgets, unlistedAccounts: DEFAULTS.options.unlistedAccounts },
      ...(imported.policies.length > 0 ? { policies: imported.policies } : {}),
      ...(imported.trustedServices !== undefined && { trustedServices: imported.trustedServices }),
      ...(imported.delegatedAdministrators !== undefined && { delegatedAdministrators: imported.delegatedAdministrators }),
      ...(imported.identityCenter !== undefined && { identityCenter: imported.identityCenter }),
    },
    policyFiles: [
      ...imported.policies.flatMap((p) => (p.file !== undefined ? [{ path: p.file, text: `${JSON.stringify(p.document ?? {}, null, 2)}\n` }] : [])),
      // Permission sets' inline policies, as their `inlinePolicy:` keys name them.
      ...(imported.identityCenter?.permissionSets ?? []).flatMap((s) => (s.inlinePolicyFile !== undefined ? [{ path: s.inlinePolicyFile, text: `${JSON.stringify(s.inlinePolicy ?? {}, null, 2)}\n` }] : [])),
    ],
    inactiveAccounts: leftOut.inactiveAccounts,
    leftOutBudgets: leftOut.leftOutBudgets,
    tags: reading.resourceTags === null ? null : tagsNotDeclared(reading, imported, (id) => targetRef({ id })),
    counts,
  };
}

// The fields the kinds fill together, each by at most one kind (`satisfies`: a new field is listed here or does not compile).
// true: some kind must fill it; false: optional (trusted access is not read without all features).
const IMPORTED_DESIRED = {
  managementAccountId: true,
  featureSet: true,
  root: true,
  budgets: true,
  policies: true,
  trustedServices: false,
  delegatedAdministrators: false,
  identityCenter: false,
} as const satisfies Record<keyof ImportedDesired, boolean>;
const IMPORT_LEFT_OUT = { inactiveAccounts: true, leftOutBudgets: true } as const satisfies Record<keyof ImportLeftOut, boolean>;
const IMPORT_COUNTS = { ous: true, accountsPlaced: true, budgets: true, policies: true } as const satisfies Record<keyof ImportCounts, boolean>;

interface KindPart {
  readonly kind: string;
  readonly part: KindImport;
}

/** One record from every kind's fields of it; a field filled by no kind or by two is a bug in a kind. */
export function merged<S extends 'desired' | 'leftOut' | 'counts'>(parts: readonly KindPart[], section: S, fields: { readonly [F in keyof KindImport[S]]?: boolean }): Required<KindImport[S]> {
  const out: Record<string, unknown> = {};
  const filledBy = new Map<string, string>();
  for (const { kind, part } of parts) {
    for (const [field, value] of Object.entries(part[section])) {
      if (value === undefined) continue;
      const other = filledBy.get(field);
      if (other !== undefined) throw new Error(`the ${other} and ${kind} kinds both import ${section}.${field}`);
      filledBy.set(field, kind);
      out[field] = value;
    }
  }
  const missing = Object.entries(fields)
    .filter(([field, required]) => required === true && !filledBy.has(field))
    .map(([field]) => field);
  if (missing.length > 0) throw new Error(`no resource kind imports ${missing.map((field) => `${section}.${field}`).join(', ')}`);
  return out as Required<KindImport[S]>;
}

function attachmentsOf(parts: readonly KindPart[]): ReadonlyMap<string, readonly string[]> {
  return new Map(parts.flatMap(({ part }) => [...(part.attachments ?? [])]));
}

/** The tree with `policies:` on the nodes the kinds gave lists for. */
function withAttachments<N extends DesiredNode>(node: N, lists: ReadonlyMap<string, readonly string[]>, key = 'root'): N {
  const listed = (k: string) => lists.get(k)?.map((name) => ({ name }));
  const policies = listed(key);
  return {
    ...node,
    accounts: node.accounts.map((a) => {
      const own = listed(`account:${a.id}`);
      return own ? { ...a, policies: own } : a;
    }),
    organizationalUnits: node.organizationalUnits.map((ou) => withAttachments(ou, lists, `ou:${ou.path}`)),
    ...(policies ? { policies } : {}),
  };
}

function tagsNotDeclared(reading: ImportReading, imported: Required<Partial<ImportedDesired>>, refOf: (id: string) => TargetRef): TaggedResource[] {
  const out: TaggedResource[] = [];
  const placed = new Set(indexDesired({ root: imported.root, options: {} } as DesiredOrg).accounts.keys());
  const { pathById } = indexLiveTree(reading.live);
  // What the file leaves out: accounts it does not place, with all their tags; for the rest, only the keys orgctl never changes.
  const notWritten = ([id, tags]: readonly [string, Tags]): Tags => (pathById.has(id) || placed.has(id) ? untouchedTags(tags) : tags);
  const resources = [...(reading.resourceTags ?? [])].map((entry) => ({ ref: refOf(entry[0]), tags: sortedTags(notWritten(entry)) }));
  for (const { ref, tags } of resources.sort((a, b) => byTarget(a.ref, b.ref))) if (tags.length > 0) out.push({ resource: ref, tags });
  const importedBudgets = new Set(imported.budgets.map((b) => b.name));
  for (const budget of [...reading.live.budgets].sort((a, b) => byNaturalOrder(a.name, b.name))) {
    const tags = sortedTags(importedBudgets.has(budget.name) ? untouchedTags(budget.tags ?? {}) : (budget.tags ?? {}));
    if (tags.length > 0) out.push({ resource: { kind: 'budget', name: budget.name }, tags });
  }
  return out;
}

function untouchedTags(tags: Tags): Tags {
  return Object.fromEntries(Object.entries(tags).filter(([key]) => isUntouchedTagKey(key)));
}

function sortedTags(tags: Tags): (readonly [string, string])[] {
  return Object.entries(tags).sort(([a], [b]) => byNaturalOrder(a, b));
}

/** The root, then OUs by path, then accounts by name and ID. */
function sortTargets(targets: readonly TargetRef[]): TargetRef[] {
  return [...targets].sort(byTarget);
}

const TARGET_RANK = { root: 0, ou: 1, account: 2 } as const;

function byTarget(a: TargetRef, b: TargetRef): number {
  if (a.kind === 'ou' && b.kind === 'ou') return byNaturalOrder(a.path, b.path);
  if (a.kind === 'account' && b.kind === 'account') return byNaturalOrder(a.name, b.name) || byNaturalOrder(a.id, b.id);
  return TARGET_RANK[a.kind] - TARGET_RANK[b.kind];
}
